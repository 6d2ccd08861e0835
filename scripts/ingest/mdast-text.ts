/**
 * Plain-text views of an mdast body, shared by the word count, the classifier and the fidelity checks, all
 * read with the shared plain-text rules (src/core/plain-text.ts: blocks and line breaks are spaces).
 * paragraph("Hello ", <Residue>Read more: x</Residue>) -> prose "Hello", full "Hello Read more: x"
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import { anchoredParagraphs } from '../../src/core/paragraph-id.ts';
import { plainText } from '../../src/core/plain-text.ts';

/** Text of a node, without residue elements. */
export function proseText(node: Nodes): string {
  return plainText(node, { skip: (child) => isResidue(child as Nodes) });
}

/** Words in a body, residue excluded. */
export function countWords(tree: Root): number {
  return proseText(tree).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
}

/** The paragraphs that get anchors (src/core/paragraph-id.ts), with full and prose text. */
export function bodyParagraphs(tree: Root): { node: Paragraph; text: string; prose: string }[] {
  return anchoredParagraphs(tree).map(({ node, text }) => ({ node, text, prose: proseText(node) }));
}

function isResidue(node: Nodes): boolean {
  return (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node.name === 'Residue' || node.name === 'ResidueBlock');
}
