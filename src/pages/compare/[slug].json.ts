/**
 * `/compare/<slug>.json`: what the comparison of two articles reads of one (src/utils/compare-data.ts). The data is
 * built once in getStaticPaths, passed as the props and keyed by its hash (src/utils/page-keys.ts), so a rebuild
 * writes again only the files whose data changed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { compareData, type CompareData } from '../../utils/compare-data.ts';
import { getCorpusIndex, getReuse, getWorksCited } from '../../utils/corpus.ts';
import { pageKey } from '../../utils/page-keys.ts';

export const getStaticPaths = (async () => {
  const [index, works, reuse] = await Promise.all([getCorpusIndex(), getWorksCited(), getReuse()]);
  return index.articles.map((article) => {
    const data = compareData(article, index, works.byArticle.get(article.slug) ?? [], reuse.ownVersions.get(article.slug) ?? []);
    return { params: { slug: article.slug }, props: { data }, cacheKey: pageKey(data) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: CompareData }> = ({ props }) =>
  new Response(JSON.stringify(props.data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
