/** `/corpus.bib`: a BibTeX entry for every article, keyed by slug. */
import type { APIRoute } from 'astro';
import { toBibtexFile } from '../utils/citation-bibtex.ts';
import { BUILD_DATE } from '../utils/build-date.ts';
import { getCorpusIndex } from '../utils/corpus.ts';

export const GET: APIRoute = async ({ site }) => {
  const index = await getCorpusIndex();
  return new Response(toBibtexFile(index.articles, site, BUILD_DATE), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
