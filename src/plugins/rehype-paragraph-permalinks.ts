/**
 * Rehype plugin: a permalink at the end of every paragraph that has a stable id, shown on hover and focus,
 * on the paragraph's last line: in a <p> at its end; in a list item that holds its paragraph without a <p>
 * (a tight list), after the paragraph's text, before a nested list.
 * Each link is named by the paragraph's number in the article, so a screen reader's list of links tells them apart
 * (not by its words: a source's text never goes into an attribute).
 * <p id="p-3f9a2c1" class="para">Text</p> -> <p ...>Text<a class="permalink" href="#p-3f9a2c1" aria-label="Permalink to paragraph 1">¶</a></p>
 * <li id="p-1" class="para">Item<ul>...</ul></li> -> <li ...>Item<a class="permalink" ...>¶</a><ul>...</ul></li>
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { HTML_BLOCKS } from '../core/plain-text.ts';

/** Add the permalink anchor to elements carrying the `para` class and an id. */
export function rehypeParagraphPermalinks() {
  return (tree: Root) => {
    let number = 0;
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties['className'];
      const id = node.properties['id'];
      if (!Array.isArray(classes) || !classes.includes('para') || typeof id !== 'string') return;
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['permalink'], href: `#${id}`, ariaLabel: `Permalink to paragraph ${++number}`, dataPagefindIgnore: '' },
        children: [{ type: 'text', value: '¶' }],
      };
      node.children.splice(endOfText(node.children), 0, link);
    });
  };
}

/** Where the paragraph's text ends: before the first block child, less the white space before it. */
function endOfText(children: readonly ElementContent[]): number {
  let end = children.findIndex((child) => child.type === 'element' && HTML_BLOCKS.has(child.tagName));
  if (end === -1) end = children.length;
  while (end > 0 && children[end - 1]!.type === 'text' && (children[end - 1] as { value: string }).value.trim() === '') end--;
  return end;
}
