/**
 * Collocates and phrases of a concordance query, from the words of the blocks its uses are in: the words within
 * `span` words either side of a use (in its block; each position counted once however many uses it is near, the
 * uses' own words left out) that occur there more than chance, by log-likelihood against the rest of the corpus
 * (src/core/analysis/keyness.ts), with at least `minCount` co-occurrences; and the phrases of 2 to 4 words that
 * hold a use, most frequent first. Words are the concordance's (src/core/concordance.ts: lowercased, accents dropped).
 *   collocates([{ words: ['the', 'world', 'order', 'is', 'new'], token: 1, length: 2 }, …], { tokens: 9000, words: { new: 12, … } })
 *     -> [{ word: 'new', observed: 4, expected: 0.05, g2: 27.1, logRatio: 6.3, left: 0, right: 4 }, …]
 */
import { DEFAULT_SPAN } from './concordance-filters.ts';
import { keyness, SIGNIFICANCE_FLOORS } from './keyness.ts';

/** One use of the query: its block's words (normalised, in order), the use's first word and its number of words. */
export interface Use {
  words: readonly string[];
  /** The block this use is in, to count a position near two uses once ("<article>:<block>"). */
  block?: string;
  token: number;
  length: number;
}

/** The corpus's word totals (`freq.json` beside the concordance's index): every word with at least FREQUENCY_MIN uses. */
export interface CorpusFrequencies {
  /** Words in the whole corpus. */
  tokens: number;
  /** word -> uses in the corpus, for words used at least FREQUENCY_MIN times. */
  words: Record<string, number>;
}

/** Words used fewer times than this are left out of `freq.json`: none of them could be a collocate (at least MIN_COLLOCATE co-occurrences). */
const FREQUENCY_MIN = 3;

const MIN_COLLOCATE = 3;
/** A collocate's G2 must reach p < 0.05 (3.84). */
const COLLOCATE_FLOOR = SIGNIFICANCE_FLOORS[0].floor;

export interface Collocate {
  word: string;
  /** Positions within the span of a use that hold the word. */
  observed: number;
  /** Positions it would hold if spread over the corpus by its frequency. */
  expected: number;
  g2: number;
  logRatio: number;
  /** Of `observed`: before a use, after one. */
  left: number;
  right: number;
}

export interface CollocateOptions {
  span?: number;
  minCount?: number;
  floor?: number;
}

/**
 * The collocates of the uses, strongest (G2) first; only words more frequent near the uses than elsewhere, with at
 * least `minCount` co-occurrences and G2 at or above `floor`. Also returns how many positions the windows hold.
 */
export function collocates(
  uses: readonly Use[],
  frequencies: CorpusFrequencies,
  options: CollocateOptions = {},
): { collocates: Collocate[]; windowWords: number } {
  const span = options.span ?? DEFAULT_SPAN;
  const minCount = Math.max(options.minCount ?? MIN_COLLOCATE, FREQUENCY_MIN);
  const floor = options.floor ?? COLLOCATE_FLOOR;
  // Per block: the positions inside a use, and the position -> side of each window position.
  const blocks = new Map<string, { words: readonly string[]; inUse: Set<number>; near: Map<number, 'left' | 'right'> }>();
  uses.forEach((use, index) => {
    const key = use.block ?? `#${index}`;
    let block = blocks.get(key);
    if (block === undefined) blocks.set(key, (block = { words: use.words, inUse: new Set(), near: new Map() }));
    for (let at = use.token; at < use.token + use.length; at++) block.inUse.add(at);
    for (let at = Math.max(0, use.token - span); at < use.token; at++) if (!block.near.has(at)) block.near.set(at, 'left');
    for (let at = use.token + use.length; at < Math.min(use.words.length, use.token + use.length + span); at++)
      if (!block.near.has(at)) block.near.set(at, 'right');
  });
  const counts = new Map<string, { left: number; right: number }>();
  let windowWords = 0;
  for (const block of blocks.values()) {
    for (const [at, side] of block.near) {
      if (block.inUse.has(at)) continue;
      windowWords++;
      const word = block.words[at]!;
      const count = counts.get(word) ?? { left: 0, right: 0 };
      count[side]++;
      counts.set(word, count);
    }
  }
  const rest = frequencies.tokens - windowWords;
  const found: Collocate[] = [];
  for (const [word, { left, right }] of counts) {
    const observed = left + right;
    const total = frequencies.words[word];
    if (observed < minCount || total === undefined) continue;
    const score = keyness(observed, windowWords, Math.max(0, total - observed), rest);
    if (score.g2 < floor || score.observed <= score.expected) continue;
    found.push({ word, observed, expected: score.expected, g2: score.g2, logRatio: score.logRatio, left, right });
  }
  found.sort((a, b) => b.g2 - a.g2 || b.observed - a.observed || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return { collocates: found, windowWords };
}

/** A phrase of 2 to 4 words that holds a use: its words (normalised, as a concordance query), how it was first written, and its uses. */
export interface Phrase {
  words: string[];
  /** Its first use's text from its first word to its last, as written (with the punctuation between). */
  text: string;
  count: number;
}

/** One use's block for phrases: the block's text and its words' offsets. */
export interface PhraseUse extends Use {
  text: string;
  spans: ReadonlyArray<{ start: number; end: number }>;
}

/** Phrases of `min` to `max` words holding a whole use, seen at least `minCount` times, most frequent first (ties: longer, then A-Z). */
export function phrases(uses: readonly PhraseUse[], { min = 2, max = 4, minCount = 2 } = {}): Phrase[] {
  const counts = new Map<string, Phrase>();
  for (const use of uses) {
    for (let n = Math.max(min, use.length + 1); n <= max; n++) {
      for (let start = use.token + use.length - n; start <= use.token; start++) {
        if (start < 0 || start + n > use.words.length) continue;
        const words = use.words.slice(start, start + n) as string[];
        const key = words.join(' ');
        const entry = counts.get(key);
        if (entry) entry.count++;
        else counts.set(key, { words, text: use.text.slice(use.spans[start]!.start, use.spans[start + n - 1]!.end), count: 1 });
      }
    }
  }
  return [...counts.values()]
    .filter((phrase) => phrase.count >= minCount)
    .sort((a, b) => b.count - a.count || b.words.length - a.words.length || (a.words.join(' ') < b.words.join(' ') ? -1 : 1));
}

/** Word totals of a corpus's blocks (each block's words, normalised): what `freq.json` holds. */
export function corpusFrequencies(blocks: Iterable<readonly string[]>, min = FREQUENCY_MIN): CorpusFrequencies {
  const all = new Map<string, number>();
  let tokens = 0;
  for (const words of blocks)
    for (const word of words) {
      tokens++;
      all.set(word, (all.get(word) ?? 0) + 1);
    }
  const kept = [...all].filter(([, count]) => count >= min).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { tokens, words: Object.fromEntries(kept) };
}
