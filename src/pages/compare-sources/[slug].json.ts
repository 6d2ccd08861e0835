/**
 * `/compare-sources/<source slug>.json`: a source's word counts for the comparison of two sources (/compare-sources/):
 * { name, articles, total: words in all, words: { word: uses } }, stop words left out of `words` but counted in `total`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { SourceWordCounts } from '../../core/analysis/distinctive.ts';
import { getCorpusIndex } from '../../utils/corpus.ts';
import { getDistinctiveWords } from '../../utils/distinctive-words.ts';

export const getStaticPaths = (async () => {
  const [index, words] = await Promise.all([getCorpusIndex(), getDistinctiveWords()]);
  return index.sources.map((group) => {
    const counts = words.sourceCounts.get(group.slug)!;
    const body: SourceWordCounts = {
      name: group.name,
      articles: group.articles.length,
      total: counts.total,
      words: Object.fromEntries([...counts.words].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    return { params: { slug: group.slug }, props: { body } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: SourceWordCounts }> = ({ props }) =>
  new Response(JSON.stringify(props.body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
