/**
 * The distinctive words of each part of the corpus, computed once per build and shared by every page that shows
 * them: each article's words counted from its paragraphs (the body cache's `paragraphs`, src/utils/article-bodies.ts,
 * so an unchanged entry is not rendered again), stop words of its language left out (src/core/analysis/stopwords.ts),
 * then for each source, topic, curator stance and year the words it uses more than the rest of the corpus
 * (src/core/analysis/distinctive.ts). Each article's counts are kept on disk by a digest of its paragraphs, its
 * language and the counting code (src/content/.articles.words/<sha256>.json), so a rebuild counts only the articles
 * that changed: counting took about 2.3 µs a word warm, which is about 35 s for the 15 million words of 10,000
 * generated articles. Hand-written: one JSON file per article is all it needs.
 * getDistinctiveWords() -> { sources: Map { 'example-times' -> [{ word: 'antitrust', observed: 12, … }] }, topics: …, stances: …, years: … }
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { addCounts, countWords, distinctiveWords, type DistinctiveWord, type WordCounts } from '../core/analysis/distinctive.ts';
import { stopWordsFor } from '../core/analysis/stopwords.ts';
import type { Article } from '../schemas/article.ts';
import { getBodyLinks, getCorpusIndex } from './corpus.ts';
import { ENTRIES_DIR } from './corpus-paths.ts';

const CACHE_DIR = path.join(path.dirname(ENTRIES_DIR), `.${path.basename(ENTRIES_DIR)}.words`);

/** What an article's counts depend on besides its text and language: the counting code and the stop-word lists' version. */
function countingVersion(): string {
  const hash = createHash('sha256');
  for (const file of ['src/core/analysis/distinctive.ts', 'src/core/analysis/stopwords.ts', 'src/core/concordance/words.ts'])
    hash.update(readFileSync(path.resolve(process.cwd(), file)));
  hash.update(String((createRequire(import.meta.url)('stopword/package.json') as { version: string }).version));
  return hash.digest('hex');
}

/** An article's word counts, from the cache when its paragraphs, language and the code are the same as when they were counted. */
function cachedCounts(version: string, paragraphs: readonly string[], lang: string | null | undefined, used: Set<string>): WordCounts {
  const key = createHash('sha256')
    .update(`${version}\0${lang ?? ''}\0${paragraphs.join('\0')}`)
    .digest('hex');
  used.add(`${key}.json`);
  const file = path.join(CACHE_DIR, `${key}.json`);
  try {
    const { total, words } = JSON.parse(readFileSync(file, 'utf8')) as { total: number; words: Array<[string, number]> };
    return { total, words: new Map(words) };
  } catch {
    // Not counted yet (or unreadable): counted now.
  }
  const counts = countWords(paragraphs, stopWordsFor(lang));
  mkdirSync(CACHE_DIR, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ total: counts.total, words: [...counts.words] }));
  renameSync(temporary, file);
  return counts;
}

/** Remove the cached counts no article of this build used. */
function pruneCounts(used: ReadonlySet<string>): void {
  if (!existsSync(CACHE_DIR)) return;
  for (const name of readdirSync(CACHE_DIR)) if (!used.has(name)) rmSync(path.join(CACHE_DIR, name), { force: true });
}

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
    const version = countingVersion();
    const used = new Set<string>();
    for (const article of index.articles) {
      const paragraphs = (bodies.get(article.slug)?.paragraphs ?? []).map((paragraph) => paragraph.text);
      counts.set(article.slug, cachedCounts(version, paragraphs, article.lang, used));
    }
    pruneCounts(used);
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
