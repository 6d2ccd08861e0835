/**
 * What one paragraph shows of one topic, by the classifier's own matching (scripts/ingest/classify.ts uses
 * topicTerms and countedMatches from here): the terms that count, where they are in the text as written (to
 * mark them), and the paragraph's strength of evidence, its score under the classifier's rule 3. Also which
 * terms may link a mention to its topic page (a strong term, or one of two or more words), and the rules of
 * topic pages in words for /about/.
 * paragraphEvidence('The IAEA model of nuclear oversight.', iaeaTopic)
 *   -> { strength: 4, terms: [{ term: 'iaea', strong: true }, { term: 'nuclear oversight', strong: true }],
 *        marks: [{ term: 'iaea', start: 4, end: 8, ... }, { term: 'nuclear oversight', start: 18, end: 35, ... }] }
 */
import type { Topic } from '../schemas/topic.ts';
import { DEFAULT_CLASSIFY_OPTIONS, type ClassifyOptions } from './topic-rules.ts';
import { normalize, termMatches, termShape, type TermShape } from './topic-terms.ts';

/** One term of a topic, compiled: its text as in corpus/topics.yaml, and whether it is a strong term. */
export interface TopicTerm extends TermShape {
  term: string;
  strong: boolean;
}

// Compiled once per topic object, not once per paragraph (a corpus run classifies thousands).
const compiled = new WeakMap<object, TopicTerm[]>();

/** A topic's terms, strong ones first, each in list order: the order the classifier tries them in. */
export function topicTerms(topic: Pick<Topic, 'terms' | 'strong'>): TopicTerm[] {
  let terms = compiled.get(topic);
  if (terms === undefined) {
    const make = (term: string, strong: boolean): TopicTerm => Object.assign(termShape(term), { term, strong });
    terms = [...topic.strong.map((term) => make(term, true)), ...topic.terms.map((term) => make(term, false))];
    compiled.set(topic, terms);
  }
  return terms;
}

/** One match of a term in a text. */
export interface TermSpan<T extends { strong: boolean } = TopicTerm> {
  p: T;
  start: number;
  end: number;
}

/**
 * The matches that count (rule 3): of overlapping matches only the longest, a strong one on a tie, then the
 * earlier in `matches` (given in term order, then text order). Sorts `matches` in place; returns the kept
 * ones longest first.
 */
export function countedMatches<M extends TermSpan<{ strong: boolean }>>(matches: M[]): M[] {
  matches.sort((a, b) => b.end - b.start - (a.end - a.start) || Number(b.p.strong) - Number(a.p.strong));
  const taken: M[] = [];
  for (const m of matches) {
    if (taken.some((t) => m.start < t.end && t.start < m.end)) continue;
    taken.push(m);
  }
  return taken;
}

/** A paragraph's score for a topic from its distinct terms (rule 3): strong ones `strongWeight`, the others `termWeight`. */
export function termScore(terms: readonly { strong: boolean }[], options: Partial<ClassifyOptions> = {}): number {
  const o = { ...DEFAULT_CLASSIFY_OPTIONS, ...options };
  return terms.reduce((sum, t) => sum + (t.strong ? o.strongWeight : o.termWeight), 0);
}

/** A term that counted, where it is in the text as written. */
interface EvidenceMark {
  term: string;
  strong: boolean;
  start: number;
  end: number;
}

/** What a paragraph shows of a topic. */
export interface Evidence {
  /** The paragraph's score for the topic (rule 3); 0 when no term matches. */
  strength: number;
  /** The distinct terms that counted, strong first, in the topic's list order. */
  terms: { term: string; strong: boolean }[];
  /** Every match that counted, in text order, as offsets into the text given (not its normalised form). */
  marks: EvidenceMark[];
}

/** The evidence `text` gives for `topic`, found exactly as the classifier finds it. */
export function paragraphEvidence(text: string, topic: Pick<Topic, 'terms' | 'strong'>, options: Partial<ClassifyOptions> = {}): Evidence {
  const { text: comparable, span } = comparableText(text);
  const terms = topicTerms(topic);
  const matches: TermSpan[] = [];
  for (const p of terms) for (const [start, end] of termMatches(comparable, p)) matches.push({ p, start, end });
  const kept = countedMatches(matches);
  const found = new Set(kept.map((m) => m.p));
  const distinct = terms.filter((p) => found.has(p)).map(({ term, strong }) => ({ term, strong }));
  const marks = kept.map(({ p, start, end }) => ({ term: p.term, strong: p.strong, ...span(start, end) })).sort((a, b) => a.start - b.start);
  return { strength: termScore(distinct, options), terms: distinct, marks };
}

/** Whether a mention of this term is evidence enough to link it to its topic: a strong term, or one of two or more words. */
export function isLinkTerm(p: Pick<TopicTerm, 'strong' | 'words'>): boolean {
  return p.strong || p.words.length > 1;
}

/** Code points whose normalised form may join with a neighbour's (combining marks, Hangul jamo): offsets need the slow path. */
const MAY_COMPOSE = /[\p{M}\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff]/u;
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A text in the form terms are compared in (normalize), and a map from a span of it back to the text as
 * written. Where normalising keeps every character in place (almost always) the offsets are the same;
 * otherwise each grapheme cluster is normalised on its own and a span maps to the clusters it touches.
 */
export function comparableText(text: string): { text: string; span: (start: number, end: number) => { start: number; end: number } } {
  const whole = normalize(text);
  if (whole.length === text.length && !MAY_COMPOSE.test(text)) return { text: whole, span: (start, end) => ({ start, end }) };
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const { segment, index } of GRAPHEMES.segment(text)) {
    const piece = normalize(segment);
    out += piece;
    for (let k = 0; k < piece.length; k++) {
      from.push(index);
      to.push(index + segment.length);
    }
  }
  return { text: out, span: (start, end) => ({ start: from[start] ?? text.length, end: end > start ? to[end - 1]! : (from[start] ?? text.length) }) };
}

/** The rules of topic pages and topic links in words, for /about/ and docs; `shown` is how many passages an article shows before "Show all". */
export function describeEvidence(shown: number, options: Partial<ClassifyOptions> = {}): string[] {
  const o = { ...DEFAULT_CLASSIFY_OPTIONS, ...options };
  return [
    'A topic page quotes, for each article on the topic, its passages: the paragraphs the rules above found, with every term that counted marked. A passage shows that an article mentions the topic, not what it argues about it.',
    `A passage’s strength of evidence is its score under the rules above: ${o.strongWeight} for each distinct strong term and ${o.termWeight} for each distinct ordinary term it holds; a repeated term adds nothing.`,
    `Each article’s passages are listed strongest first, passages of equal strength in reading order; the ${shown} strongest are shown and the rest are behind “Show all”.`,
    'Articles are listed by their strongest passage, then by the total strength of their passages, then newest first.',
    'A topic that every article carries (in a reading room of two or more) is flagged as such: it does not tell the articles apart.',
    'In an article’s text, the first mention of each of its topics links to the topic page, but only a mention of a strong term or of a term of two or more words (hyphenated ones count); a single ordinary word is never a link.',
    'A stance (supports, critiques or reports) is never inferred: only a curator sets one, per article and topic, in the catalog, and the topic page shows it as set by the curator and lets a reader show only the articles of one stance.',
  ];
}
