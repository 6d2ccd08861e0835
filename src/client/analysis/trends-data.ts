/**
 * The trends page's data: the concordance's facts file (each article's day, outlet, words and topics; a trend needs
 * no title) and the shard of each query word, each fetched once and kept, and every use of the query found in them
 * (src/core/concordance/lookup.ts).
 *   const data = trendData(); await data.find(['world', 'order'])
 *     -> { articles: [{ iso: '2026-03-02', outlet: 'Yathārth', words: 1200, topics: […] }, …], occurrences: [{ article: 3, … }, …] }
 */
import { trendArticles, type ArticleFacts } from '../../core/analysis/trends.ts';
import { CONCORDANCE_DATA, shardOf, type ConcordanceShard } from '../../core/concordance/format.ts';
import { findOccurrences } from '../../core/concordance/lookup.ts';

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

export function trendData() {
  let facts: Promise<ArticleFacts> | undefined;
  const shards = new Map<number, Promise<ConcordanceShard>>();
  const load = () => (facts ??= fetchJson<ArticleFacts>(`${CONCORDANCE_DATA}/facts.json`));
  const loadShard = (index: number) => {
    let shard = shards.get(index);
    if (shard === undefined) shards.set(index, (shard = fetchJson<ConcordanceShard>(`${CONCORDANCE_DATA}/w/${index}.json`)));
    return shard;
  };
  return {
    /** The articles a trend is counted over and every use of the query's words, in order, in them. */
    async find(words: readonly string[]) {
      const loadedFacts = await load();
      const loaded = new Map<string, readonly number[] | undefined>();
      await Promise.all([...new Set(words)].map(async (word) => loaded.set(word, (await loadShard(shardOf(word, loadedFacts.shards)))[word])));
      return { articles: trendArticles(loadedFacts), occurrences: findOccurrences(words, (word) => loaded.get(word)) };
    },
  };
}
