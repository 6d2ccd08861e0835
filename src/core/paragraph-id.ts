/**
 * Stable paragraph anchors, shared by the ingest (topic passages) and the site (remark plugin).
 * The id depends only on the paragraph's own letters, so editing another paragraph never moves it:
 * "Both can end civilizations." -> "p-3f9a2c1"
 */
import { createHash } from 'node:crypto';
import type { Paragraph, Parents, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { plainText } from './plain-text.ts';

/** Letters only, lowercased: footnote numbers, punctuation and spacing do not change an id. */
function paragraphKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');
}

/** The id for a paragraph's plain text. */
function paragraphId(text: string): string {
  return 'p-' + createHash('sha256').update(paragraphKey(text)).digest('hex').slice(0, 7);
}

/** Ids for an article's paragraphs in order; a repeated paragraph gets `-2`, `-3`. */
export function paragraphIds(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const base = paragraphId(text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

/** A paragraph that gets an anchor, with the ancestors it was found under. */
export interface AnchoredParagraph {
  node: Paragraph;
  ancestors: readonly Parents[];
  text: string;
}

/** The paragraphs that get anchors, in document order: body paragraphs with text, not those in
 * footnotes or inside components (figure captions, residue blocks). The ingest and the site's remark
 * plugin both use this, so their ids agree. */
export function anchoredParagraphs(tree: Root): AnchoredParagraph[] {
  const found: AnchoredParagraph[] = [];
  visitParents(tree, 'paragraph', (node, ancestors) => {
    if (ancestors.some((ancestor) => ancestor.type === 'footnoteDefinition' || ancestor.type === 'mdxJsxFlowElement')) return;
    const text = plainText(node);
    if (text.trim() === '') return;
    found.push({ node, ancestors: [...ancestors], text });
  });
  return found;
}
