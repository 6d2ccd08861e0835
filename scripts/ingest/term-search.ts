/**
 * Term search for the classifier (scripts/ingest/classify.ts): every match of one topic term in every
 * paragraph of an article, found from an index of the article's whole words rather than by scanning each
 * paragraph, with the same matches termMatches (src/core/topic-terms.ts) finds paragraph by paragraph.
 * Pure; no I/O.
 *
 * Example, term `geopolitic*`:
 *   const texts = ['geopolitical risk', 'no match', 'the geopolitics of chips'];
 *   forEachMatch(texts, wordIndex(texts), texts.join('\n'), shape, (paragraph, start, end) => ...)
 *   -> called with (0, 0, 12), then (2, 4, 15)
 */
import { isWordChar, matchAt, termMatches, type TermShape } from '../../src/core/topic-terms.ts';

/** Where each whole word of an article's paragraphs occurs (a run of WORD_CHAR with none either side). */
export interface WordIndex {
  /** word -> [paragraph, offset, paragraph, offset, ...] in reading order. */
  at: ReadonlyMap<string, readonly number[]>;
  /** The words in code-unit order (sorted when first asked for: only `*` terms need it). */
  sorted(): readonly string[];
}

/** The word index of an article's paragraphs (normalised texts, in order). */
export function wordIndex(texts: readonly string[]): WordIndex {
  const index = new Map<string, number[]>();
  texts.forEach((text, paragraph) => {
    let start = -1;
    for (let position = 0; position <= text.length;) {
      const code = text.codePointAt(position);
      const size = code !== undefined && code > 0xffff ? 2 : 1;
      if (code !== undefined && isWordChar(code)) {
        if (start === -1) start = position;
      } else if (start !== -1) {
        const word = text.slice(start, position);
        const at = index.get(word);
        if (at === undefined) index.set(word, [paragraph, start]);
        else at.push(paragraph, start);
        start = -1;
      }
      position += size;
    }
  });
  let sorted: string[] | undefined;
  return { at: index, sorted: () => (sorted ??= [...index.keys()].sort()) };
}

/**
 * Calls `found` for every match of a term in every paragraph, as termMatches finds them in each paragraph
 * on its own. A plain term (every word letters, marks and digits only) is found from the word index: a
 * match starts at a whole-word occurrence of its first word and holds all its words as whole words
 * (separators and the pattern's look-arounds are never WORD_CHAR), except the last word of a `*` term,
 * which may continue; so the matches of a one-word `*` term are exactly the whole words that start with
 * it. Any other term is tried in each paragraph, if the article (`article`: the texts joined by line
 * breaks) holds its words at all.
 */
export function forEachMatch(
  texts: readonly string[],
  words: WordIndex,
  article: string,
  p: TermShape,
  found: (paragraph: number, start: number, end: number) => void,
): void {
  const whole = p.plain ? (p.prefix ? p.words.slice(0, -1) : p.words) : [];
  if (p.plain && whole.length === 0) {
    // One word that may continue: each match is a whole word that starts with it.
    const prefix = p.words[0]!;
    const matches: [paragraph: number, start: number, end: number][] = [];
    const sorted = words.sorted();
    for (let key = lowerBound(sorted, prefix); key < sorted.length && sorted[key]!.startsWith(prefix); key++) {
      const word = sorted[key]!;
      const at = words.at.get(word)!;
      for (let index = 0; index < at.length; index += 2) matches.push([at[index]!, at[index + 1]!, at[index + 1]! + word.length]);
    }
    matches.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [paragraph, start, end] of matches) found(paragraph, start, end);
    return;
  }
  if (whole.length === 0) {
    if (!p.words.every((word) => article.includes(word))) return;
    texts.forEach((text, paragraph) => {
      for (const [start, end] of termMatches(text, p)) found(paragraph, start, end);
    });
    return;
  }
  if (!whole.every((word) => words.at.has(word))) return;
  const at = words.at.get(whole[0]!)!;
  // Leftmost first and not overlapping, in each paragraph, as termMatches.
  let paragraph = -1;
  let next = 0;
  for (let index = 0; index < at.length; index += 2) {
    const start = at[index + 1]!;
    if (at[index] !== paragraph) {
      paragraph = at[index]!;
      next = 0;
    }
    if (start < next) continue;
    const end = matchAt(texts[paragraph]!, start, p);
    if (end === -1) continue;
    found(paragraph, start, end);
    next = end;
  }
}

/** The first index of `sorted` whose string is not below `value` (code-unit order). */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
