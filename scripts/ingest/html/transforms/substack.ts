/**
 * Substack's own markup -> what it means: footnote anchors and bodies marked for the footnote handlers,
 * mentions as links, pull quotes as blockquotes (its LaTeX blocks: math.ts).
 * <div class="pullquote"><p>Q</p></div> -> <blockquote><p>Q</p></blockquote>
 */
import type { ElementContent, Root as HastRoot } from 'hast';
import { select } from 'hast-util-select';
import type { VFile } from 'vfile';
import { getConversion } from '../conversion.ts';
import { elementsIn, hasClass, parseDataAttrs, replaceElements, createTextNode } from '../hast.ts';
import { FOOTNOTE_DEFINITION, FOOTNOTE_REFERENCE } from '../to-mdast-handlers.ts';
import { plainText } from '../../../../src/core/plain-text.ts';

/** Turns Substack footnote anchors and bodies into elements the footnote handlers understand. */
export function markFootnotes() {
  return (tree: HastRoot) => {
    const defined = new Set<string>();
    replaceElements(
      tree,
      (node) => hasClass(node, 'div', 'footnote'),
      (node) => {
        const number = select('a.footnote-number', node);
        const identifier = readFootnoteIdentifier(number ? plainText(number) : '');
        // Without a usable number the block stays ordinary content, so its text is kept.
        if (!identifier || defined.has(identifier)) return [{ ...node, properties: {} }];
        defined.add(identifier);
        const children = node.children.filter((child) => child !== number);
        return [{ type: 'element', tagName: FOOTNOTE_DEFINITION, properties: { dataIdentifier: identifier }, children }];
      },
    );
    replaceElements(
      tree,
      (node) => hasClass(node, 'a', 'footnote-anchor'),
      (node) => {
        const identifier = readFootnoteIdentifier(plainText(node));
        if (identifier && defined.has(identifier)) {
          return [{ type: 'element', tagName: FOOTNOTE_REFERENCE, properties: { dataIdentifier: identifier }, children: [] }];
        }
        return node.children;
      },
    );
  };
}

/** Turns `span.mention-wrap` (name and URL only in its JSON `data-attrs`) into a link. */
export function convertMentions() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = getConversion(file);
    replaceElements(
      tree,
      (node) => hasClass(node, 'span', 'mention-wrap'),
      (node) => {
        const attrs = parseDataAttrs(node);
        const name = typeof attrs?.name === 'string' ? attrs.name.trim() : '';
        if (!name) {
          notes.add('unreadable mention');
          return node.children;
        }
        // Prefer the span's own text if it has any, so nothing the reader saw is replaced.
        const children: ElementContent[] = plainText(node).trim() === '' ? [createTextNode(name)] : node.children;
        if (typeof attrs?.url !== 'string') return children;
        return [{ type: 'element', tagName: 'a', properties: { href: attrs.url }, children }];
      },
    );
  };
}

/** Turns `div.pullquote` into a blockquote. */
export function convertPullquotes() {
  return (tree: HastRoot) => {
    for (const node of elementsIn(tree, (element) => hasClass(element, 'div', 'pullquote'))) {
      node.tagName = 'blockquote';
      node.properties = {};
    }
  };
}

/** Footnote numbers become labels; only simple ones are accepted so they serialize as `[^n]`. */
function readFootnoteIdentifier(value: string): string | null {
  const trimmed = value.trim();
  return /^[\w-]{1,32}$/.test(trimmed) ? trimmed : null;
}
