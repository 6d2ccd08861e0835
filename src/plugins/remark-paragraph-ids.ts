/**
 * Remark plugin: give every body paragraph its stable id (src/core/paragraph-id.ts), the same
 * ids the ingest used for topic passages. A paragraph that remark-rehype writes without its <p> (the
 * first paragraph of an item of a tight list) carries the id on its <li>. Each one's id and plain text are recorded
 * (`file.data.paragraphs`, for the shared passages of the corpus: src/utils/reuse.ts).
 * paragraph "Both can end civilizations." -> <p id="p-3f9a2c1">
 */
import type { List, ListItem, Root } from 'mdast';
import type { VFile } from 'vfile';
import { anchoredParagraphs, paragraphIds } from '../core/paragraph-id.ts';

declare module 'vfile' {
  interface DataMap {
    /** The body's anchored paragraphs in reading order: id and plain text (output). */
    paragraphs: { id: string; text: string }[];
  }
}

/** Attach `id` (and the `para` class) to the anchored paragraphs. */
export function remarkParagraphIds() {
  return (tree: Root, file?: VFile) => {
    const found = anchoredParagraphs(tree).map(({ node, ancestors, text }) => {
      const parent = ancestors.at(-1);
      const list = ancestors.at(-2);
      const unwrapped = parent?.type === 'listItem' && list?.type === 'list' && !isLoose(list) && parent.children[0] === node;
      return { text, holder: (unwrapped ? parent : node) as { data?: unknown } };
    });
    const ids = paragraphIds(found.map(({ text }) => text));
    if (file !== undefined) file.data.paragraphs = found.map(({ text }, index) => ({ id: ids[index]!, text }));
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
