/**
 * A topic's passages as its page and its passages.json give them: each with the evidence it holds (the terms
 * that counted, where they are, its strength; src/core/topic-evidence.ts), each article's passages strongest
 * first, the articles by their strongest passage, and the stance the curator set, if any. Computed once per
 * topic, on first use (only the pages of one topic need it).
 * rankTopic(entry) -> [{ article: b, stance: 'critiques', strongest: 4, total: 6, passages: [{ strength: 4, ... }, { strength: 2, ... }] }, { article: a, ... }]
 */
import type { Article, Passage, Stance } from '../schemas/article.ts';
import { paragraphEvidence, type Evidence } from '../core/topic-evidence.ts';
import { newestFirst, type TopicEntry } from './corpus-index.ts';
import { packPages, PAGE_SIZE } from './pagination.ts';

/** How many passages an article shows on a topic page before "Show all". */
export const SHOWN_PASSAGES = 3;

/** A passage with the evidence it gives for the topic. */
export interface RankedPassage extends Passage {
  evidence: Evidence;
}

/** One article on a topic page. */
export interface RankedArticle {
  article: Article;
  /** The curator's stance on this topic, or null when none is set (never inferred). */
  stance: Stance | null;
  /** Its passages for the topic, strongest first; equal ones in reading order. */
  passages: RankedPassage[];
  /** The strength of its strongest passage (0 without passages). */
  strongest: number;
  /** The sum of its passages' strengths. */
  total: number;
}

const ranked = new WeakMap<TopicEntry, RankedArticle[]>();

/** The topic's articles by their strongest passage, then the total strength, then newest first (see describeEvidence). */
export function rankTopic(entry: TopicEntry): RankedArticle[] {
  let result = ranked.get(entry);
  if (result === undefined) {
    result = entry.passages.map(({ article, passages }) => rankArticle(article, passages, entry));
    result.sort((a, b) => b.strongest - a.strongest || b.total - a.total || newestFirst(a.article, b.article));
    ranked.set(entry, result);
  }
  return result;
}

/** One article's place in rankTopic(entry), by slug (undefined when it does not carry the topic). */
export function rankedArticle(entry: TopicEntry, slug: string): RankedArticle | undefined {
  let bySlug = rankedBySlug.get(entry);
  if (bySlug === undefined) {
    bySlug = new Map(rankTopic(entry).map((item) => [item.article.slug, item]));
    rankedBySlug.set(entry, bySlug);
  }
  return bySlug.get(slug);
}
const rankedBySlug = new WeakMap<TopicEntry, Map<string, RankedArticle>>();

/**
 * The topic's pages (its page 1, 2, … and the parts of its passages.json): its articles in rankTopic's order, at
 * most PAGE_SIZE.topicArticles a page and about PAGE_SIZE.topicPassages passages (an article that has more has a
 * page of its own), so that no page grows with the articles' passages.
 */
export function topicPages(entry: TopicEntry): RankedArticle[][] {
  let pages = paged.get(entry);
  if (pages === undefined) {
    pages = packPages(rankTopic(entry), ({ passages }) => Math.max(1, passages.length), PAGE_SIZE.topicPassages, PAGE_SIZE.topicArticles);
    paged.set(entry, pages);
  }
  return pages;
}
const paged = new WeakMap<TopicEntry, RankedArticle[][]>();

/** Where an article's passages are on the topic's pages: `topicPath(topic, anchor, page)` links there. */
export function topicArticlePlace(entry: TopicEntry, slug: string): { page: number; anchor: string } {
  let pages = placed.get(entry);
  if (pages === undefined) {
    pages = new Map(topicPages(entry).flatMap((items, index) => items.map(({ article }) => [article.slug, index + 1] as const)));
    placed.set(entry, pages);
  }
  return { page: pages.get(slug) ?? 1, anchor: `article-${slug}` };
}
const placed = new WeakMap<TopicEntry, Map<string, number>>();

function rankArticle(article: Article, passages: readonly Passage[], entry: TopicEntry): RankedArticle {
  const withEvidence = passages.map((passage) => ({ ...passage, evidence: paragraphEvidence(passage.text, entry.topic) }));
  // A stable sort: passages of equal strength keep their reading order.
  withEvidence.sort((a, b) => b.evidence.strength - a.evidence.strength);
  return {
    article,
    stance: article.stance?.[entry.topic.slug] ?? null,
    passages: withEvidence,
    strongest: withEvidence[0]?.evidence.strength ?? 0,
    total: withEvidence.reduce((sum, passage) => sum + passage.evidence.strength, 0),
  };
}

/** The stances in the order a topic page offers them, with their labels. */
export const STANCES: readonly { stance: Stance; label: string }[] = [
  { stance: 'supports', label: 'Supports' },
  { stance: 'critiques', label: 'Critiques' },
  { stance: 'reports', label: 'Reports' },
];
