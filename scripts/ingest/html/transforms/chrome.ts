/**
 * Site furniture out of a feed item, each removal noted for the entry's warnings: what sanitize strips
 * (scripts, forms, buttons, embeds), Substack's subscribe widget, image expand controls and comment/share buttons.
 * <p>Text</p><p class="button-wrapper"><a>Leave a comment</a></p> -> <p>Text</p>, note `"Leave a comment" button`
 */
import type { Element, Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { getConversion } from '../conversion.ts';
import { elementsIn, hasClass, replaceElements } from '../hast.ts';
import { STRIPPED } from '../sanitize-schema.ts';
import { plainText } from '../../../../src/core/plain-text.ts';

const isSubscribeWidget = (node: Element) => hasClass(node, 'div', 'subscription-widget-wrap-editor') || hasClass(node, 'div', 'subscription-widget-wrap');
const isImageExpand = (node: Element) => hasClass(node, 'div', 'image-link-expand');
// Substack's "Leave a comment" / "Share" call-to-action buttons: site furniture, not the essay.
const isCallToAction = (node: Element) => hasClass(node, 'p', 'button-wrapper');

/** Records what sanitize is about to strip, since the elements are gone afterwards. */
export function noteStrippedElements() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = getConversion(file);
    const imageButtons = new Set(
      elementsIn(tree, (node) => node.tagName === 'figure').flatMap((figure) => elementsIn(figure, (node) => node.tagName === 'button')),
    );
    visit(tree, 'element', (node) => {
      if (isSubscribeWidget(node)) return SKIP; // noted as a whole by removeSubscribeWidgets
      const label = STRIPPED[node.tagName];
      if (!label) return CONTINUE;
      if (imageButtons.has(node)) notes.add('image button');
      else notes.add(...label);
      return SKIP; // nested stripped elements (an svg in a button) go with their container
    });
  };
}

/** Drops the Substack subscribe widget with its call-to-action text and form. */
export function removeSubscribeWidgets() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = getConversion(file);
    replaceElements(tree, isSubscribeWidget, () => {
      notes.add('subscribe widget');
      return [];
    });
  };
}

/** Drops the image expand/restack control bar (its buttons were already stripped and noted). */
export function removeImageExpandControls() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = getConversion(file);
    replaceElements(tree, isImageExpand, (node) => {
      if (plainText(node).trim() !== '') notes.add('image expand control text');
      return [];
    });
  };
}

/** Drops Substack's comment/share buttons, noting each with its label. */
export function removeCallToActionButtons() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = getConversion(file);
    replaceElements(tree, isCallToAction, (node) => {
      notes.add(`"${plainText(node).trim()}" button`);
      return [];
    });
  };
}
