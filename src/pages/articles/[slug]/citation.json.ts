/** `/articles/<slug>/citation.json`: the article as CSL-JSON (an array of one item, as Zotero and Pandoc read it). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { Article } from '../../../schemas/article.ts';
import { BUILD_DATE } from '../../../utils/build-date.ts';
import { toCsl } from '../../../utils/citation.ts';
import { jsonBody } from '../../../utils/corpus-export.ts';

export const getStaticPaths = (async () => {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({
    params: { slug: entry.id },
    props: { article: entry.data, accessed: BUILD_DATE },
    cacheKey: `${entry.digest ?? entry.id} ${BUILD_DATE}`,
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article; accessed: string }> = ({ props, site }) =>
  new Response(jsonBody([toCsl(props.article, site, props.accessed)]), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
