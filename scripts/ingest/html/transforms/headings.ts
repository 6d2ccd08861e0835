/**
 * Headings as the page needs them: empty ones dropped (noted), bold-only ones unwrapped, and depths shifted
 * so the shallowest is h2 under the page title, with no level skipped.
 * <h1></h1><h3><strong>A</strong></h3><h5>B</h5> -> <h2>A</h2><h3>B</h3>, note "empty heading"
 */
import type { Element, Root as HastRoot } from 'hast';
import { select } from 'hast-util-select';
import type { VFile } from 'vfile';
import { getConversion } from '../conversion.ts';
import { elementsIn, isWhitespaceText, replaceElements } from '../hast.ts';
import { plainText } from '../../../../src/core/plain-text.ts';

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isHeading = (node: Element) => HEADING_TAGS.has(node.tagName);

/** Drops headings without any text or image (Substack leaves `<h1></h1>` before widgets). */
export function removeEmptyHeadings() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = getConversion(file);
    const isEmptyHeading = (node: Element) => isHeading(node) && plainText(node).trim() === '' && !select('img', node);
    replaceElements(tree, isEmptyHeading, () => {
      notes.add('empty heading');
      return [];
    });
  };
}

/** Turns `<h4><strong>Title</strong></h4>` into a plain heading: headings are bold already. */
export function unwrapBoldHeadings() {
  return (tree: HastRoot) => {
    for (const heading of elementsIn(tree, isHeading)) {
      const onlyBold = heading.children.every(
        (child) => isWhitespaceText(child) || (child.type === 'element' && (child.tagName === 'strong' || child.tagName === 'b')),
      );
      if (onlyBold) heading.children = heading.children.flatMap((child) => (child.type === 'element' ? child.children : [child]));
    }
  };
}

/** Makes the shallowest heading h2 (the page title is h1) and closes skipped levels, keeping siblings at one depth. */
export function normalizeHeadingDepths() {
  return (tree: HastRoot) => {
    // Each heading nests one below the nearest earlier heading of a shallower source level.
    const open: { level: number; depth: number }[] = [];
    for (const heading of elementsIn(tree, isHeading)) {
      const level = Number(heading.tagName.slice(1));
      while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
      const depth = Math.min((open.at(-1)?.depth ?? 1) + 1, 6);
      open.push({ level, depth });
      heading.tagName = `h${depth}`;
    }
  };
}
