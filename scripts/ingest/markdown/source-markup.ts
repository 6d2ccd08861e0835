/**
 * The Markdown source's own markup kept as text (raw HTML or JSX, MDX `import`/`export` lines): wrapped in
 * `<ResidueBlock rule="source-markup">` so it is labelled as not the author's words, adjacent blocks merged, and the
 * body's residue blocks listed for the entry's header. Syntax-tree work only; nothing here becomes markup.
 *   paragraph("import X from 'y'"), paragraph("<Quote>")
 *   -> mergeAdjacentMarkup([sourceMarkup(...), sourceMarkup(...)]) -> one ResidueBlock holding both paragraphs
 *   -> residueBlocks(tree) -> [{ rule: "source-markup", text: (the two paragraphs' text) }]
 */
import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { plainText } from '../../../src/core/plain-text.ts';
import type { Residue } from '../../../src/schemas/article.ts';

/** A paragraph of MDX `import`/`export` lines (Docusaurus, Astro): module syntax, not the author's words. */
export function isModuleSyntax(paragraph: Paragraph): boolean {
  if (!paragraph.children.every((child) => child.type === 'text')) return false;
  const lines = paragraph.children
    .map((child) => (child as { value: string }).value)
    .join('')
    .split('\n');
  return lines.every((line) => /^(?:import\s+[\w{*"']|export\s+(?:const|let|var|function|default|class|\{|\*))/.test(line));
}

/** A block of the file's own markup, kept as text and labelled as not the author's (residue rule `source-markup`). */
export function sourceMarkup(paragraph: Paragraph): RootContent {
  const block: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'ResidueBlock',
    attributes: [{ type: 'mdxJsxAttribute', name: 'rule', value: 'source-markup' }],
    children: [paragraph],
  };
  return block as RootContent;
}

/** Consecutive blocks of markup (an MDX file's `import` lines, then `<Quote ...>`) as one labelled block. */
export function mergeAdjacentMarkup(nodes: RootContent[]): RootContent[] {
  const merged: RootContent[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    if (isSourceMarkup(node) && previous !== undefined && isSourceMarkup(previous)) previous.children.push(...node.children);
    else merged.push(node);
  }
  return merged;
}

function isSourceMarkup(node: RootContent): node is RootContent & MdxJsxFlowElement {
  const element = node as unknown as MdxJsxFlowElement;
  return (
    element.type === 'mdxJsxFlowElement' &&
    element.name === 'ResidueBlock' &&
    element.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.value === 'source-markup')
  );
}

/** Every residue block of the body in reading order, with its text as residue-blocks.ts records it. */
export function residueBlocks(tree: Root): Residue[] {
  const residue: Residue[] = [];
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'mdxJsxFlowElement' && child.name === 'ResidueBlock') {
        const rule = child.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'rule')?.value;
        residue.push({ rule: typeof rule === 'string' ? rule : 'source-markup', text: plainText(child).trim() });
      } else if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
  return residue;
}
