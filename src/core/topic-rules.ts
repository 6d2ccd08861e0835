/**
 * The topic classifier's rules as data: its thresholds and weights, and the rules in words for the
 * /about/ page and curator reports. The classifier itself is an ingest stage (scripts/ingest/classify.ts).
 * describeRules({ minPassages: 3 })[4] -> "An article gets a topic when it has at least 3 passages ..."
 */

/** Thresholds and weights of the rules above. */
export interface ClassifyOptions {
  /** Score of one distinct ordinary term in a paragraph; default 1. */
  termWeight: number;
  /** Score of one distinct strong term in a paragraph; default 2. */
  strongWeight: number;
  /** Distinct strong terms that make a paragraph a passage; default 1. */
  minStrongTerms: number;
  /** Distinct terms (ordinary or strong) that make a paragraph a passage; default 2. */
  minDistinctTerms: number;
  /** Passages that give an article the topic; default 2. */
  minPassages: number;
  /** Article score that, with at least one passage, gives the article the topic; default 5. */
  minScore: number;
  /** Fewest topics an article ends up with when enough topics match at all; default 2. */
  minTopics: number;
}

/** The defaults of `ClassifyOptions`. */
export const DEFAULT_CLASSIFY_OPTIONS: Readonly<ClassifyOptions> = Object.freeze({
  termWeight: 1,
  strongWeight: 2,
  minStrongTerms: 1,
  minDistinctTerms: 2,
  minPassages: 2,
  minScore: 5,
  minTopics: 2,
});

/** The rules as sentences with the thresholds in force, for docs and curator reports. */
export function describeRules(options: Partial<ClassifyOptions> = {}): string[] {
  const o = { ...DEFAULT_CLASSIFY_OPTIONS, ...options };
  return [
    'Text and terms are compared after Unicode NFKC normalisation and lowercasing; curly and straight apostrophes are the same.',
    'A term matches whole words only; apostrophes and hyphens count as word boundaries; a space or hyphen in a term matches any run of spaces, hyphens or dashes; a trailing * lets the last word continue.',
    `In each paragraph, every distinct ordinary term found scores ${o.termWeight} and every distinct strong term ${o.strongWeight}; repeats add nothing; of overlapping matches only the longest counts.`,
    `A paragraph is a passage for a topic when it has at least ${o.minStrongTerms} distinct strong term(s) or at least ${o.minDistinctTerms} distinct terms.`,
    `An article gets a topic when it has at least ${o.minPassages} passages for it, or at least one passage and a total score of ${o.minScore} or more.`,
    `Every article gets at least ${o.minTopics} topics: if the rule above gives fewer, the best-scoring remaining topics with at least one match are added.`,
    'A topic added without any passage shows every paragraph that matches it as its passages.',
    'Topics are ordered by score (highest first), then by slug; passages follow paragraph order.',
  ];
}
