/** `/corpus.csl.json`: every article as a CSL-JSON item (an array), for Zotero, Pandoc and citeproc. */
import type { APIRoute } from 'astro';
import { toCsl } from '../utils/citation.ts';
import { BUILD_DATE } from '../utils/build-date.ts';
import { getCorpusIndex } from '../utils/corpus.ts';
import { jsonBody } from '../utils/corpus-export.ts';

export const GET: APIRoute = async ({ site }) => {
  const index = await getCorpusIndex();
  return new Response(jsonBody(index.articles.map((article) => toCsl(article, site, BUILD_DATE))), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
};
