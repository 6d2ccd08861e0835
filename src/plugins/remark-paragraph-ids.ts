/**
 * Remark plugin: give every body paragraph its stable id (src/utils/paragraph-id.ts), the same
 * ids the ingest used for topic passages. Tight list items carry the id on the <li>.
 * paragraph "Both can end civilizations." -> <p id="p-3f9a2c1">
 */
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { paragraphIds } from '../utils/paragraph-id.ts';

/** Attach `id` (and the `para` class) to paragraphs, skipping footnotes and figure captions. */
export function remarkParagraphIds() {
  return (tree: Root) => {
    const found: { node: Paragraph; holder: { data?: unknown } }[] = [];
    visitParents(tree, 'paragraph', (node, ancestors) => {
      if (ancestors.some((ancestor) => ancestor.type === 'footnoteDefinition' || ancestor.type === 'mdxJsxFlowElement')) return;
      const parent = ancestors.at(-1);
      const tightItem = parent?.type === 'listItem' && parent.spread !== true && parent.children.length === 1;
      found.push({ node, holder: tightItem ? parent : node });
    });
    const ids = paragraphIds(found.map(({ node }) => toString(node)));
    found.forEach(({ holder }, index) => {
      const data = (holder.data ??= {}) as { hProperties?: Record<string, unknown> };
      data.hProperties = { ...data.hProperties, id: ids[index], className: ['para'] };
    });
  };
}
