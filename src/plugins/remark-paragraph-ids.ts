/**
 * Remark plugin: give every body paragraph its stable id (src/core/paragraph-id.ts), the same
 * ids the ingest used for topic passages. Tight list items carry the id on the <li>.
 * paragraph "Both can end civilizations." -> <p id="p-3f9a2c1">
 */
import type { Root } from 'mdast';
import { anchoredParagraphs, paragraphIds } from '../core/paragraph-id.ts';

/** Attach `id` (and the `para` class) to the anchored paragraphs. */
export function remarkParagraphIds() {
  return (tree: Root) => {
    const found = anchoredParagraphs(tree).map(({ node, ancestors, text }) => {
      const parent = ancestors.at(-1);
      const tightItem = parent?.type === 'listItem' && parent.spread !== true && parent.children.length === 1;
      return { text, holder: (tightItem ? parent : node) as { data?: unknown } };
    });
    const ids = paragraphIds(found.map(({ text }) => text));
    found.forEach(({ holder }, index) => {
      const data = (holder.data ??= {}) as { hProperties?: Record<string, unknown> };
      data.hProperties = { ...data.hProperties, id: ids[index], className: ['para'] };
    });
  };
}
