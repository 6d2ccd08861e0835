/**
 * A rendered body's blocks as a reader names them, for the plugins that record where something stands (outbound
 * links, identifier mentions): each anchored paragraph's and note's place ("para. 12", "note 3") and a block's text as
 * the author wrote it, without what the site adds (footnote numbers and back links, residue labels, permalinks,
 * "original" links).
 * paragraphText(<p>Both can end.<sup><a data-footnote-ref>1</a></sup></p>) -> 'Both can end.'
 */
import type { Element, ElementContent, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { hasClass } from '../core/hast.ts';

/** The id rehype gives a footnote's list item. */
export const FOOTNOTE_ID = /^user-content-fn-/;

/** Each anchored paragraph's place as a reader counts it ("para. 12", in reading order) and each note's ("note 3"). */
export function paragraphPlaces(tree: Root): Map<string, string> {
  const places = new Map<string, string>();
  let paragraphs = 0;
  let notes = 0;
  visitParents(tree, 'element', (node) => {
    const id = node.properties['id'];
    if (typeof id !== 'string') return;
    if (hasClass(node, 'para')) places.set(id, `para. ${++paragraphs}`);
    else if (node.tagName === 'li' && FOOTNOTE_ID.test(id)) places.set(id, `note ${++notes}`);
  });
  return places;
}

/**
 * A block's text as the author wrote it: every text node as it is, a line break as a space, without what the
 * site adds (footnote reference numbers and back links, residue labels, paragraph permalinks, "original" links),
 * and without white space at its ends.
 */
export function paragraphText(node: Element): string {
  let text = '';
  const walk = (children: readonly ElementContent[]) => {
    for (const child of children) {
      if (child.type === 'text') text += child.value;
      else if (child.type === 'element') {
        if (child.tagName === 'br') text += ' ';
        else if (!isSiteAddition(child)) walk(child.children);
      }
    }
  };
  walk(node.children);
  // The ends are the markup's (the space before a note's back link), not the author's.
  return text.trim();
}

function isSiteAddition(node: Element): boolean {
  const { properties } = node;
  if (properties['dataFootnoteRef'] !== undefined || properties['dataFootnoteBackref'] !== undefined) return true;
  if (node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined)) return true;
  return hasClass(node, 'permalink') || hasClass(node, 'original-link') || hasClass(node, 'residue-label');
}
