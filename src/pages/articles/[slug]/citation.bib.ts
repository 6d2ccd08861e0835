/** `/articles/<slug>/citation.bib`: the article's BibTeX entry. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { Article } from '../../../schemas/article.ts';
import { BUILD_DATE } from '../../../utils/build-date.ts';
import { toBibtexFile } from '../../../utils/citation-bibtex.ts';

export const getStaticPaths = (async () => {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({
    params: { slug: entry.id },
    props: { article: entry.data, accessed: BUILD_DATE },
    cacheKey: `${entry.digest ?? entry.id} ${BUILD_DATE}`,
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article; accessed: string }> = ({ props, site }) =>
  new Response(toBibtexFile([props.article], site, props.accessed), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
