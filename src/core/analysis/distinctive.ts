/**
 * Distinctive words of a part of the corpus (a source, a topic, a curator stance, a year): the words it uses more
 * than the rest of the corpus does, by log-likelihood (src/core/analysis/keyness.ts) at or above a significance
 * floor, with the log ratio as effect size; stop words of each article's language and words without a letter (numbers)
 * are left out, but counted in the sizes. Words are the concordance's (src/core/concordance.ts), so a word's link to
 * the concordance finds the uses counted here.
 *   const a = countWords(['Antitrust and antitrust.'], stop) -> { total: 3, words: Map { antitrust: 2 } }
 *   distinctiveWords(a, wholeCorpus) -> [{ word: 'antitrust', observed: 2, expected: 0.1, g2: 9.9, logRatio: 4.4, rest: 1 }]
 */
import { tokenize } from '../concordance/words.ts';
import { keyness, SIGNIFICANCE_FLOORS } from './keyness.ts';

/** A text's word counts: how many words it has in all, and how many times each counted word appears. */
export interface WordCounts {
  total: number;
  words: Map<string, number>;
}

const LETTER = /\p{L}/u;

/** Count the words of some texts, stop words and words without a letter counted in the total only. */
export function countWords(texts: Iterable<string>, stop: ReadonlySet<string>): WordCounts {
  const words = new Map<string, number>();
  let total = 0;
  for (const text of texts)
    for (const { norm } of tokenize(text)) {
      total++;
      if (stop.has(norm) || !LETTER.test(norm)) continue;
      words.set(norm, (words.get(norm) ?? 0) + 1);
    }
  return { total, words };
}

/** The counts of several texts together. */
export function addCounts(parts: Iterable<WordCounts>): WordCounts {
  const words = new Map<string, number>();
  let total = 0;
  for (const part of parts) {
    total += part.total;
    for (const [word, count] of part.words) words.set(word, (words.get(word) ?? 0) + count);
  }
  return { total, words };
}

export interface DistinctiveWord {
  word: string;
  /** Uses in the part. */
  observed: number;
  /** Uses it would have there if spread over the corpus by size. */
  expected: number;
  /** Uses in the rest of the corpus. */
  rest: number;
  g2: number;
  logRatio: number;
}

/** Words a part must use at least this many times to be listed. */
const DISTINCTIVE_MIN = 3;
/** The distinctive words a page shows, strongest first; the part's CSV file holds every one (a source of 40,000 words has
 * thousands, which would make its page megabytes). */
export const DISTINCTIVE_SHOWN = 100;
/** The G2 a distinctive word must reach: p < 0.001, since every word of a part is tested. */
export const DISTINCTIVE_FLOOR = SIGNIFICANCE_FLOORS[2].floor;

/** The words the part uses more than the rest (`whole` less the part), strongest G2 first (ties: more uses, then A-Z). */
export function distinctiveWords(part: WordCounts, whole: WordCounts, { min = DISTINCTIVE_MIN, floor = DISTINCTIVE_FLOOR } = {}): DistinctiveWord[] {
  const restSize = whole.total - part.total;
  if (part.total === 0 || restSize <= 0) return [];
  const found: DistinctiveWord[] = [];
  for (const [word, observed] of part.words) {
    if (observed < min) continue;
    const rest = Math.max(0, (whole.words.get(word) ?? observed) - observed);
    const score = keyness(observed, part.total, rest, restSize);
    if (score.g2 < floor || score.logRatio <= 0) continue;
    found.push({ word, observed, expected: score.expected, rest, g2: score.g2, logRatio: score.logRatio });
  }
  return found.sort((a, b) => b.g2 - a.g2 || b.observed - a.observed || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/** A source's word counts as `/compare-sources/<slug>.json` carries them. */
export interface SourceWordCounts {
  name: string;
  articles: number;
  total: number;
  words: Record<string, number>;
}

/** The counts of a `SourceWordCounts` file, for distinctiveWords(). */
export function fromSourceWordCounts(file: SourceWordCounts): WordCounts {
  return { total: file.total, words: new Map(Object.entries(file.words)) };
}
