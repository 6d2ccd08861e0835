/**
 * The distinctive words of each part of the corpus, computed once per build and shared by every page that shows
 * them: each article's words counted from its paragraphs (the body cache's `paragraphs`, src/utils/article-bodies.ts,
 * so an unchanged entry is not rendered again), stop words of its language left out (src/core/analysis/stopwords.ts),
 * then for each source, topic, curator stance and year the words it uses more than the rest of the corpus
 * (src/core/analysis/distinctive.ts).
 * getDistinctiveWords() -> { sources: Map { 'example-times' -> [{ word: 'antitrust', observed: 12, … }] }, topics: …, stances: …, years: … }
 */
import { addCounts, countWords, distinctiveWords, type DistinctiveWord, type WordCounts } from '../core/analysis/distinctive.ts';
import { stopWordsFor } from '../core/analysis/stopwords.ts';
import type { Article } from '../schemas/article.ts';
import { getBodyLinks, getCorpusIndex } from './corpus.ts';

/** A part of the corpus and its distinctive words. */
export interface DistinctivePart {
  /** Its key in URLs and file names: a source's or topic's slug, a stance, a year ('undated' for none). */
  key: string;
  /** Its name for the reader, and for the concordance's filter. */
  name: string;
  /** The concordance filter that narrows a word's uses to this part ('source', 'topic', 'year'), or null when it has none (a stance). */
  filter: 'source' | 'topic' | 'year' | null;
  articles: number;
  /** Words in the part's articles. */
  words: number;
  distinctive: DistinctiveWord[];
}

export interface DistinctiveWords {
  /** Words in the whole corpus. */
  total: number;
  sources: DistinctivePart[];
  topics: DistinctivePart[];
  stances: DistinctivePart[];
  years: DistinctivePart[];
  /** Each source's word counts (stop words out), by slug: what /compare-sources/ compares two of. */
  sourceCounts: Map<string, WordCounts>;
}

let cached: Promise<DistinctiveWords> | undefined;

/** Every part's distinctive words (computed on first use). */
export function getDistinctiveWords(): Promise<DistinctiveWords> {
  cached ??= (async () => {
    const [index, bodies] = await Promise.all([getCorpusIndex(), getBodyLinks()]);
    const counts = new Map<string, WordCounts>();
    for (const article of index.articles) {
      const body = bodies.get(article.slug);
      counts.set(
        article.slug,
        countWords(
          (body?.paragraphs ?? []).map((paragraph) => paragraph.text),
          stopWordsFor(article.lang),
        ),
      );
    }
    const whole = addCounts(counts.values());
    const part = (key: string, name: string, filter: DistinctivePart['filter'], articles: readonly Article[]): DistinctivePart => {
      const together = addCounts(articles.map((article) => counts.get(article.slug)!).filter(Boolean));
      return { key, name, filter, articles: articles.length, words: together.total, distinctive: distinctiveWords(together, whole) };
    };
    const byYear = new Map<string, Article[]>();
    for (const article of index.articles) {
      const year = article.publishedAt?.slice(0, 4) ?? 'Undated';
      byYear.set(year, [...(byYear.get(year) ?? []), article]);
    }
    const sourceCounts = new Map(index.sources.map((group) => [group.slug, addCounts(group.articles.map((article) => counts.get(article.slug)!))]));
    return {
      sourceCounts,
      total: whole.total,
      sources: index.sources.map((group) => part(group.slug, group.name, 'source', group.articles)),
      topics: index.topics.map((entry) => part(entry.topic.slug, entry.topic.label, 'topic', entry.articles)),
      stances: (['supports', 'critiques', 'reports'] as const).map((stance) =>
        part(
          stance,
          stance,
          null,
          index.articles.filter((article) => Object.values(article.stance ?? {}).includes(stance)),
        ),
      ),
      years: [...byYear].sort(([a], [b]) => (a < b ? -1 : 1)).map(([year, articles]) => part(year === 'Undated' ? 'undated' : year, year, 'year', articles)),
    };
  })();
  return cached;
}

/** The static CSV of a part's distinctive words: `/distinctive-words/sources/<slug>.csv`. */
export function distinctiveCsvPath(kind: 'sources' | 'topics' | 'stances' | 'years', key: string): string {
  return `/distinctive-words/${kind}/${key}.csv`;
}

/** A part's distinctive words as CSV rows (the header is DISTINCTIVE_HEADER), G2 and log ratio to four decimals. */
export const DISTINCTIVE_HEADER = ['word', 'uses_here', 'expected', 'uses_elsewhere', 'log_likelihood', 'log_ratio'];

export function distinctiveRows(part: DistinctivePart): Array<Array<string | number>> {
  const round = (n: number) => Math.round(n * 10000) / 10000;
  return part.distinctive.map((word) => [word.word, word.observed, round(word.expected), word.rest, round(word.g2), round(word.logRatio)]);
}
