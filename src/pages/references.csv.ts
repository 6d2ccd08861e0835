/**
 * `/references.csv`: every work the corpus cites, one row each, in the order of /references/ (most cited first): its
 * name as most citing articles write it, its address, its identifier (DOI, arXiv), its site, its copy in this reading room
 * when there is one, and how many articles and places cite it.
 */
import type { APIRoute } from 'astro';
import { CSV_TYPE, toCsv } from '../core/analysis/csv.ts';
import { articlePath } from '../core/urls.ts';
import { getWorksCited } from '../utils/corpus.ts';

export const GET: APIRoute = async () => {
  const { works } = await getWorksCited();
  const rows = works.map((work) => [
    work.label,
    work.url,
    work.identifier === null ? '' : `${work.identifier.scheme}:${work.identifier.id}`,
    work.domain,
    work.inCorpus === null ? '' : articlePath(work.inCorpus.slug),
    work.citing.length,
    work.citing.reduce((sum, citing) => sum + citing.places.length, 0),
  ]);
  return new Response(toCsv(['work', 'url', 'identifier', 'domain', 'copy_here', 'citing_articles', 'citing_places'], rows), {
    headers: { 'Content-Type': CSV_TYPE },
  });
};
