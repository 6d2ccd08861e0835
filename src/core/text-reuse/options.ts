/**
 * The thresholds of the text-reuse method, as /about/ and docs/research-tools.md document them: the shingles and
 * windows of winnowing, the boilerplate cut, what a passage needs to count, the alignment's scores and where it looks.
 * Data only. REUSE_OPTIONS.minWords -> 7 (a passage has at least seven words on each side).
 */

/** The thresholds of the passages. */
export interface ReuseOptions {
  /** Words per shingle. */
  shingle: number;
  /** Shingles per winnowing window: a shared run of shingle + window - 1 words is always found. */
  window: number;
  /** A fingerprint in more paragraphs than this is boilerplate and pairs none of them. */
  maxParagraphs: number;
  /** The fewest words a passage has on each side. */
  minWords: number;
  /** The fewest words that match exactly (after lowercasing) between its two sides. */
  minMatched: number;
  /** The fewest distinct content words (not stopwords) among the matched words. */
  minContentWords: number;
  /** The least share of the longer side's words that match. */
  minIdentity: number;
}

export const REUSE_OPTIONS: Readonly<ReuseOptions> = {
  shingle: 3,
  window: 3,
  maxParagraphs: 100,
  minWords: 7,
  minMatched: 6,
  minContentWords: 4,
  minIdentity: 0.6,
};

/** Alignment scores: a content word matched, a stopword matched, a word changed, missing or extra. */
export const ALIGNMENT_SCORES = { content: 2, stopword: 1, mismatch: -2, gap: -2 } as const;

/**
 * Where the alignment looks: around the runs of `seed` words two paragraphs share (with a content word; the pair's
 * candidate fingerprint is one), seeds within `reach` words of each other in both joined, each region `reach` words
 * wider on every side (documented on /about/).
 */
export const ALIGNMENT_REGION = { seed: 3, reach: 12 } as const;
