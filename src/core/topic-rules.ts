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
  /** Paragraphs on either side whose terms count with a paragraph's own toward `minDistinctTerms` (list items,
   * short paragraphs); 0 judges each paragraph alone; default 1. */
  passageWindow: number;
  /** Whether the title and the headings a paragraph sits under count with its neighbours; default true. */
  useHeadings: boolean;
  /** Distinct terms a paragraph and its neighbours (`passageWindow`) must hold between them to make it a passage; default 3. */
  minWindowTerms: number;
  /** Passages that give an article the topic; default 2. */
  minPassages: number;
  /** Score (rule 3, summed over every paragraph) that gives an article the topic with a single passage; default 6. */
  minScoreOnePassage: number;
  /** Distinct terms the article's passages must hold between them; default 2. */
  minArticleTerms: number;
  /** Paragraphs an article may have at most for one passage to be enough (a feed item's summary, a short note); default 1; 0 never. */
  shortText: number;
  /** Paragraphs that mention a topic, passages or not, that give the article the topic when they hold `spreadTerms`
   * distinct terms between them, one of them strong or a phrase (an article that keeps returning to it); default 6. */
  spreadMentions: number;
  /** Distinct terms those paragraphs must hold between them (`spreadMentions`); default 5. */
  spreadTerms: number;
  /** The least share of an article's paragraphs those paragraphs must be (`spreadMentions`); default 1/25. */
  spreadShare: number;
  /** Whether one of those terms must be strong or a phrase of more than one word; default true. */
  requireWeightyTerm: boolean;
  /** Fewest topics an article ends up with when enough topics match at all; default 0 (no forced minimum). */
  minTopics: number;
}

/** The defaults of `ClassifyOptions`. */
export const DEFAULT_CLASSIFY_OPTIONS: Readonly<ClassifyOptions> = Object.freeze({
  termWeight: 1,
  strongWeight: 2,
  minStrongTerms: 1,
  minDistinctTerms: 2,
  passageWindow: 2,
  minWindowTerms: 3,
  useHeadings: true,
  minPassages: 2,
  minScoreOnePassage: 5,
  minArticleTerms: 2,
  shortText: 1,
  spreadMentions: 6,
  spreadTerms: 5,
  spreadShare: 1 / 25,
  requireWeightyTerm: true,
  minTopics: 0,
});

/** The rules as sentences with the thresholds in force, for docs and curator reports. */
export function describeRules(options: Partial<ClassifyOptions> = {}): string[] {
  const o = { ...DEFAULT_CLASSIFY_OPTIONS, ...options };
  return [
    'Text and terms are compared after Unicode NFKC normalisation and lowercasing; curly and straight apostrophes are the same.',
    'A term matches whole words only; apostrophes and hyphens count as word boundaries; a space or hyphen in a term matches any run of spaces, hyphens or dashes; a trailing * lets the last word continue.',
    `In each paragraph, every distinct ordinary term found scores ${o.termWeight} and every distinct strong term ${o.strongWeight}; repeats add nothing; of overlapping matches only the longest counts.`,
    `A paragraph is a passage for a topic when it has at least ${o.minStrongTerms} distinct strong term(s) or at least ${o.minDistinctTerms} distinct terms${o.useHeadings ? ' (with a term of its own, the terms of the title and the headings it sits under count with it)' : ''}${o.passageWindow > 0 ? `, or when it has a term and, with the paragraphs up to ${o.passageWindow} before and after it${o.useHeadings ? ' and its headings' : ''}, at least ${o.minWindowTerms} distinct terms (list items and short paragraphs make one point over several)` : ''}.`,
    `An article gets a topic when it has at least ${o.minPassages} passages for it (more than one paragraph), or one passage, a score of at least ${o.minScoreOnePassage} over all its paragraphs and a mention in another paragraph (one paragraph makes the point and others return to it)${o.shortText > 0 ? `, or one passage in a text of at most ${o.shortText} paragraph(s) (a feed item’s summary has no second paragraph)` : ''}, and its passages hold at least ${o.minArticleTerms} distinct terms between them${o.requireWeightyTerm ? ', one of them a strong term or a phrase of more than one word' : ''}.`,
    ...(Number.isFinite(o.spreadMentions)
      ? [
          `An article also gets a topic, passages or not, when at least ${o.spreadMentions} of its paragraphs, and at least one in ${Math.round(1 / o.spreadShare)}, mention it and they hold at least ${o.spreadTerms} distinct terms between them, one of them a strong term or a phrase: an article that keeps returning to a topic, a term at a time, is about it.`,
        ]
      : []),
    o.minTopics > 0
      ? `Every article gets at least ${o.minTopics} topics: if the rule above gives fewer, the best-scoring remaining topics with at least one match are added.`
      : 'There is no minimum: an article whose text gives no topic this evidence has no topic, and its page says so.',
    'A topic given without any passage shows every paragraph that matches it as its passages.',
    'Topics are ordered by score (highest first), then by slug; passages follow paragraph order.',
  ];
}
