/** `/compare/<slug>.json`: what the comparison of two articles reads of one (src/utils/compare-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Article } from '../../schemas/article.ts';
import { compareData } from '../../utils/compare-data.ts';
import { getCorpusIndex, getReuse, getWorksCited } from '../../utils/corpus.ts';

export const getStaticPaths = (async () => {
  const index = await getCorpusIndex();
  return index.articles.map((article) => ({ params: { slug: article.slug }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = async ({ props }) => {
  const [index, works, reuse] = await Promise.all([getCorpusIndex(), getWorksCited(), getReuse()]);
  const { article } = props;
  return new Response(JSON.stringify(compareData(article, index, works.byArticle.get(article.slug) ?? [], reuse.byArticle.get(article.slug) ?? [])), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
