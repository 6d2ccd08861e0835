/** `/references.bib`: every cited work as a biblatex entry, with only the fields the sources give. */
import type { APIRoute } from 'astro';
import { getWorksCited } from '../utils/corpus.ts';
import { toReferencesBib } from '../utils/references-export.ts';

export const GET: APIRoute = async ({ site }) => {
  return new Response(toReferencesBib((await getWorksCited()).works, site), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
