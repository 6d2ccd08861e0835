/**
 * Remark plugin: give every body paragraph its stable id (src/core/paragraph-id.ts), the same
 * ids the ingest used for topic passages. A paragraph that remark-rehype writes without its <p> (the
 * first paragraph of an item of a tight list) carries the id on its <li>.
 * paragraph "Both can end civilizations." -> <p id="p-3f9a2c1">
 */
import type { List, ListItem, Root } from 'mdast';
import { anchoredParagraphs, paragraphIds } from '../core/paragraph-id.ts';

/** Attach `id` (and the `para` class) to the anchored paragraphs. */
export function remarkParagraphIds() {
  return (tree: Root) => {
    const found = anchoredParagraphs(tree).map(({ node, ancestors, text }) => {
      const parent = ancestors.at(-1);
      const list = ancestors.at(-2);
      const unwrapped = parent?.type === 'listItem' && list?.type === 'list' && !isLoose(list) && parent.children[0] === node;
      return { text, holder: (unwrapped ? parent : node) as { data?: unknown } };
    });
    const ids = paragraphIds(found.map(({ text }) => text));
    found.forEach(({ holder }, index) => {
      const data = (holder.data ??= {}) as { hProperties?: Record<string, unknown> };
      data.hProperties = { ...data.hProperties, id: ids[index], className: ['para'] };
    });
  };
}

/** Whether remark-rehype writes the list's items with their <p> (mdast-util-to-hast's rule for a loose list). */
function isLoose(list: List): boolean {
  return list.spread === true || list.children.some(isLooseItem);
}

function isLooseItem(item: ListItem): boolean {
  return item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread;
}
