/**
 * Stable paragraph anchors, shared by the ingest (topic passages) and the site (remark plugin).
 * The id depends only on the paragraph's own letters, so editing another paragraph never moves it:
 * "Both can end civilizations." -> "p-3f9a2c1"
 */
import { createHash } from 'node:crypto';

/** Letters only, lowercased: footnote numbers, punctuation and spacing do not change an id. */
export function paragraphKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}]+/gu, '');
}

/** The id for a paragraph's plain text. */
export function paragraphId(text: string): string {
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
