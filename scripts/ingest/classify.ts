/**
 * Topic classifier: which topics of `corpus/topics.yaml` an article carries, and the paragraphs
 * (passages) where each one appears. Pure and deterministic: same input, same output; no I/O.
 *
 * Rules (defaults in brackets; `describeRules()` prints them with the options in force):
 * 1. Text and terms are compared after NFKC, lowercasing, and mapping curly apostrophes
 *    (’ ‘ ʼ) to `'`.
 * 2. A term matches whole words only: no letter, mark or digit may touch it on either side, so
 *    `un` never matches inside "under" and `gpai` never inside "xgpai". Apostrophes and
 *    hyphens are word boundaries (`un` matches "UN’s", `iaea` matches "IAEA-style").
 *    A space or hyphen inside a term matches any run of spaces and hyphens/dashes
 *    (`open source` matches "open-source"). A trailing `*` lets the last word continue
 *    (`geopolitic*` matches "geopolitical").
 * 3. A paragraph's score for a topic is the sum over the topic's distinct terms found in it:
 *    ordinary terms score `termWeight` [1], strong terms `strongWeight` [2]. Repeats add nothing.
 *    Where matches overlap, only the longest counts (a strong one on a tie), so "existential
 *    risk" is not also counted as "existential".
 * 4. A paragraph is a passage for a topic when it has >= `minStrongTerms` [1] distinct strong
 *    terms or >= `minDistinctTerms` [2] distinct terms of any kind, the title and the headings it
 *    sits under counting with its own terms (`useHeadings` [true]: a heading says what its section
 *    is about); or when it has a term and it, its neighbours up to `passageWindow` [2] paragraphs
 *    away and its headings hold >= `minWindowTerms` [3] distinct terms between them (short
 *    paragraphs and list items make one point over several).
 *    Only paragraphs are passages, and only their own terms are evidence (rules 5, 7).
 * 5. An article's score for a topic is the sum of its paragraphs' scores. The article gets the
 *    topic when it has >= `minPassages` [2] passages (evidence in more than one paragraph), or one
 *    passage, a score >= `minScoreOnePassage` [5] and a match in another paragraph (one paragraph
 *    makes the point, others return to it), or one passage in a text of at most `shortText` [1]
 *    paragraphs (a feed item's summary has no second paragraph), and its
 *    passages hold >= `minArticleTerms` [2] distinct terms between them, one of them strong or a
 *    phrase of more than one word (one common word repeated is not evidence).
 *    It also gets the topic, passages or not, when >= `spreadMentions` [6] of its paragraphs, and
 *    at least a `spreadShare` [1/25] of them, mention it and they hold >= `spreadTerms` [5] distinct
 *    terms between them, one strong or a phrase (an article that keeps returning to a topic, a term
 *    at a time, is about it).
 * 6. `minTopics` [0] tops the topics up from the ranking when rule 5 yields fewer; by default there
 *    is no minimum, so an article that is not about the debate gets no topic.
 * 7. A topic assigned with no passage (through the second part of rule 5, or rule 6) takes every
 *    paragraph that matches it at all as its passages.
 * 8. Topics are ordered by article score, highest first, ties by slug; passages in paragraph
 *    order, then in topic order. `scores` lists every topic with a match, in the same order.
 *
 * Example, topic `verification` with strong term `chip tracking`:
 *   classifyTopics([{ id: 'p-1', text: 'Chip tracking could verify compliance.' }], [verification])
 *   -> { topics: ['verification'], passages: [{ topic: 'verification', id: 'p-1', text: 'Chip tracking…' }],
 *        scores: { verification: 2 } }
 */
import type { Topic } from '../../src/schemas/topic.ts';
import { countedMatches, isLinkTerm, termScore, topicTerms, type TermSpan, type TopicTerm } from '../../src/core/topic-evidence.ts';
import { DEFAULT_CLASSIFY_OPTIONS, type ClassifyOptions } from '../../src/core/topic-rules.ts';
import { normalize } from '../../src/core/topic-terms.ts';
import { forEachMatch, wordIndex } from './term-search.ts';

/** One paragraph of an article: its stable anchor id and its plain text. */
export interface ClassifiedParagraph {
  id: string;
  text: string;
  /** The article's title and the headings the paragraph sits under, outermost first (rule 4); none by default. */
  headings?: readonly string[];
}

/** What the classifier decided for one article. */
export interface Classification {
  /** Assigned topic slugs, best first (rule 8). */
  topics: string[];
  /** Paragraphs where each assigned topic appears, in paragraph order (rules 4, 7, 8). */
  passages: { topic: string; id: string; text: string }[];
  /** Article score of every topic with at least one match, assigned or not (rule 5). */
  scores: Record<string, number>;
}

/** Why a topic was or was not assigned: its evidence per paragraph and the first rule it failed (`npm run topics -- --explain`). */
export interface TopicVerdict {
  slug: string;
  /** Whether the article gets the topic (rules 5 and 6). */
  assigned: boolean;
  /** Article score (rule 5). */
  score: number;
  /** Paragraphs with at least one match: their index, distinct terms, the terms of the headings they sit under, score and
   * whether they are a passage (rules 3, 4). */
  paragraphs: { index: number; terms: { term: string; strong: boolean }[]; headingTerms: string[]; score: number; isPassage: boolean }[];
  /** Passages (rule 4). */
  passageCount: number;
  /** Distinct terms across the passages (rule 5). */
  evidenceTerms: string[];
  /** Whether one of them is strong or a phrase (rule 5). */
  weighty: boolean;
  /** The rule that kept the topic off, or null when it is assigned ('no match', 'passages', 'terms', 'weighty term'). */
  stoppedBy: 'no match' | 'passages' | 'terms' | 'weighty term' | null;
}

/** Classifies one article's paragraphs against the topics (see the module rules). */
export function classifyTopics(paragraphs: readonly ClassifiedParagraph[], topics: readonly Topic[], options: Partial<ClassifyOptions> = {}): Classification {
  return classifyWithVerdicts(paragraphs, topics, options).classification;
}

/** Every topic's verdict for one article, in taxonomy order, by the same rules as classifyTopics. */
export function explainTopics(paragraphs: readonly ClassifiedParagraph[], topics: readonly Topic[], options: Partial<ClassifyOptions> = {}): TopicVerdict[] {
  return classifyWithVerdicts(paragraphs, topics, options).verdicts;
}

function classifyWithVerdicts(
  paragraphs: readonly ClassifiedParagraph[],
  topics: readonly Topic[],
  options: Partial<ClassifyOptions>,
): { classification: Classification; verdicts: TopicVerdict[] } {
  const o = { ...DEFAULT_CLASSIFY_OPTIONS, ...options };
  const texts = paragraphs.map((paragraph) => normalize(paragraph.text));
  // The title and headings paragraphs sit under (rule 4), each matched once, after the paragraphs.
  const headingAt = new Map<string, number>();
  const headingsOf = paragraphs.map((paragraph) =>
    o.useHeadings
      ? (paragraph.headings ?? []).map((heading) => {
          const key = normalize(heading);
          if (!headingAt.has(key)) headingAt.set(key, texts.length + headingAt.size);
          return headingAt.get(key)!;
        })
      : [],
  );
  const searched = [...texts, ...headingAt.keys()];
  const words = wordIndex(searched);
  const article = searched.join('\n');

  const results = topics.map((topic) => {
    const patterns = topicTerms(topic);
    // Each paragraph's matches of the topic's terms, in term order and then text order.
    const hits: TermMatch[][] = searched.map(() => []);
    for (const p of patterns) forEachMatch(searched, words, article, p, (index, start, end) => hits[index]!.push({ p, start, end }));
    const found = hits.map((matches) => (matches.length === 0 ? [] : distinctTerms(matches, patterns)));
    const perParagraph = found.slice(0, texts.length).map((terms, index) => {
      const strongHits = terms.filter((t) => t.strong).length;
      return {
        score: termScore(terms, o),
        isPassage:
          strongHits >= o.minStrongTerms ||
          terms.length >= o.minDistinctTerms ||
          (terms.length > 0 &&
            (contextTerms(found, index, texts.length, 0, headingsOf[index]!) >= o.minDistinctTerms ||
              contextTerms(found, index, texts.length, o.passageWindow, headingsOf[index]!) >= o.minWindowTerms)),
        terms,
      };
    });
    const score = perParagraph.reduce((sum, p) => sum + p.score, 0);
    const passageCount = perParagraph.filter((p) => p.isPassage).length;
    // The evidence across the article's passages: its distinct terms, and whether one is strong or a phrase.
    const evidence = new Map<string, TopicTerm>();
    perParagraph.forEach((paragraph, index) => {
      if (!paragraph.isPassage) return;
      for (const term of paragraph.terms) evidence.set(term.term, term);
      // The headings a passage sits under are the text's own words on what the passage is about.
      for (const at of headingsOf[index]!) for (const term of found[at]!) evidence.set(term.term, term);
    });
    // A term of weight, as in-text topic links need one: strong, or more than one word.
    const weighty = [...evidence.values()].some(isLinkTerm);
    const mentions = perParagraph.filter((p) => p.score > 0).length;
    // Rule 5, spread: enough paragraphs mention the topic, and a share of the article's (in a long text, above all one
    // whose lines are its paragraphs, a common word turns up often enough by chance), with enough distinct terms.
    const mentioned = new Set(perParagraph.flatMap((p) => p.terms));
    const spread = mentions >= Math.max(o.spreadMentions, o.spreadShare * texts.length) && mentioned.size >= o.spreadTerms && [...mentioned].some(isLinkTerm);
    // What each paragraph's headings say of the topic, for explainTopics.
    const headingTerms = headingsOf.map((at) => [...new Set(at.flatMap((index) => found[index]!.map((t) => t.term)))]);
    return { slug: topic.slug, perParagraph, headingTerms, score, passageCount, mentions, distinctTerms: evidence.size, evidence, weighty, spread };
  });

  const ranked = results.filter((r) => r.score > 0).sort((a, b) => b.score - a.score || compareStrings(a.slug, b.slug));

  // A short text (a feed item's one-paragraph summary) cannot make a point in two passages: one is enough (rule 5).
  const passagesNeeded = texts.length <= o.shortText ? 1 : o.minPassages;
  const enoughPassages = (r: (typeof results)[number]) =>
    r.passageCount >= passagesNeeded || (r.passageCount >= 1 && r.mentions >= 2 && r.score >= o.minScoreOnePassage) || r.spread;
  const enoughTerms = (r: (typeof results)[number]) => r.distinctTerms >= o.minArticleTerms || r.spread;
  const qualifies = (r: (typeof ranked)[number]) => enoughPassages(r) && enoughTerms(r) && (r.weighty || r.spread || !o.requireWeightyTerm);
  const chosen = new Set(ranked.filter(qualifies).map((r) => r.slug));
  // Rule 6: top up from the ranking, which only holds topics with at least one match.
  for (const r of ranked) {
    if (chosen.size >= o.minTopics) break;
    chosen.add(r.slug);
  }
  const assigned = ranked.filter((r) => chosen.has(r.slug));

  const passageSets = assigned.map((r) => (r.passageCount > 0 ? r.perParagraph.map((p) => p.isPassage) : r.perParagraph.map((p) => p.score > 0)));
  const passages: Classification['passages'] = [];
  paragraphs.forEach((paragraph, index) => {
    assigned.forEach((r, rank) => {
      if (passageSets[rank][index]) passages.push({ topic: r.slug, id: paragraph.id, text: paragraph.text });
    });
  });

  const classification: Classification = {
    topics: assigned.map((r) => r.slug),
    passages,
    scores: Object.fromEntries(ranked.map((r) => [r.slug, r.score])),
  };
  const verdicts = results.map((r): TopicVerdict => {
    const assignedHere = chosen.has(r.slug);
    const stoppedBy = assignedHere ? null : r.score === 0 ? 'no match' : !enoughPassages(r) ? 'passages' : !enoughTerms(r) ? 'terms' : 'weighty term';
    return {
      slug: r.slug,
      assigned: assignedHere,
      score: r.score,
      paragraphs: r.perParagraph.flatMap((p, index) =>
        p.terms.length === 0
          ? []
          : [
              {
                index,
                terms: p.terms.map(({ term, strong }) => ({ term, strong })),
                headingTerms: r.headingTerms[index]!,
                score: p.score,
                isPassage: p.isPassage,
              },
            ],
      ),
      passageCount: r.passageCount,
      evidenceTerms: [...r.evidence.keys()],
      weighty: r.weighty,
      stoppedBy,
    };
  });
  return { classification, verdicts };
}

/** Distinct terms in paragraph `index`, its neighbours up to `window` away among the first `count`, and the headings
 * at `headings` (rule 4). */
function contextTerms(found: readonly (readonly TopicTerm[])[], index: number, count: number, window: number, headings: readonly number[]): number {
  const terms = new Set<TopicTerm>();
  for (let at = Math.max(0, index - window); at <= Math.min(count - 1, index + window); at++) for (const term of found[at]!) terms.add(term);
  for (const at of headings) for (const term of found[at]!) terms.add(term);
  return terms.size;
}

/** One match of a term in a paragraph. */
type TermMatch = TermSpan<TopicTerm>;

/** The distinct terms of a paragraph's matches; of overlapping matches only the longest counts (rule 3). */
function distinctTerms(matches: TermMatch[], patterns: readonly TopicTerm[]): TopicTerm[] {
  const found = new Set(countedMatches(matches).map((m) => m.p));
  return patterns.filter((p) => found.has(p));
}

// Code-unit order, not localeCompare: the result must not depend on the machine's locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
