/**
 * Plain text as mdast phrasing, with residue spans (src/core/residue.ts) wrapped in `<Residue rule="...">` and
 * recorded; a paragraph that is residue throughout becomes a `<ResidueBlock>` of its own, as MDX reads it back.
 *   toPhrasing("Read more: Subscribe now", residue)
 *   -> [<Residue rule="related-links">Read more: Subscribe now</Residue>], residue + { rule: "related-links", text: ... }
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Residue } from '../../../src/schemas/article.ts';
import { findResidue } from '../../../src/core/residue.ts';

export function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

/** `<Residue rule="...">text</Residue>`. */
export function residueElement(rule: string, value: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'Residue',
    attributes: [{ type: 'mdxJsxAttribute', name: 'rule', value: rule }],
    children: [{ type: 'text', value }],
  };
}

/** A residue element as a block of its own (`<ResidueBlock>`), as MDX reads a paragraph that is residue throughout. */
export function toResidueBlock(element: MdxJsxTextElement): RootContent {
  return { ...element, type: 'mdxJsxFlowElement', name: 'ResidueBlock', children: [paragraph(element.children)] };
}

/** Text with residue spans wrapped in `<Residue rule="...">`. */
export function toPhrasing(text: string, residue: Residue[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor = 0;
  for (const span of findResidue(text)) {
    if (span.start > cursor) out.push({ type: 'text', value: text.slice(cursor, span.start) });
    const value = text.slice(span.start, span.end);
    residue.push({ rule: span.rule, text: value });
    out.push(residueElement(span.rule, value));
    cursor = span.end;
  }
  if (cursor < text.length) out.push({ type: 'text', value: text.slice(cursor) });
  return out;
}
