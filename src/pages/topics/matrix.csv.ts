/**
 * `/topics/matrix.csv`: the topic x source matrix whole, one row per topic, one column per source (how many of its
 * articles carry the topic; every source, not only the columns /topics/ has room for), then all the topic's articles.
 */
import type { APIRoute } from 'astro';
import { CSV_TYPE, toCsv } from '../../core/analysis/csv.ts';
import { getCorpusIndex } from '../../utils/corpus.ts';

export const GET: APIRoute = async () => {
  const index = await getCorpusIndex();
  const rows = index.topics.map((entry) => {
    const slugs = new Set(entry.articles.map((article) => article.slug));
    return [entry.topic.label, ...index.sources.map((group) => group.articles.filter((article) => slugs.has(article.slug)).length), entry.articles.length];
  });
  return new Response(toCsv(['topic', ...index.sources.map((group) => group.name), 'all_sources'], rows), { headers: { 'Content-Type': CSV_TYPE } });
};
