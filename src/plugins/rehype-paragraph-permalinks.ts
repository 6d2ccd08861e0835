/**
 * Rehype plugin: a permalink after every paragraph that has a stable id, shown on hover and focus.
 * <p id="p-3f9a2c1" class="para">Text</p> -> <p ...>Text<a class="permalink" href="#p-3f9a2c1" ...>¶</a></p>
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Append the permalink anchor to elements carrying the `para` class and an id. */
export function rehypeParagraphPermalinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties['className'];
      const id = node.properties['id'];
      if (!Array.isArray(classes) || !classes.includes('para') || typeof id !== 'string') return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['permalink'], href: `#${id}`, ariaLabel: 'Permalink to this paragraph', dataPagefindIgnore: '' },
        children: [{ type: 'text', value: '¶' }],
      });
    });
  };
}
