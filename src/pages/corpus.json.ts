/** `/corpus.json`: the corpus, its topics, and the parts of its article list (`/corpus/<n>.json`), with a schema version (see /corpus.schema.json). */
import type { APIRoute } from 'astro';
import { corpusExportSchema } from '../schemas/corpus-export.ts';
import { getCorpusIndex } from '../utils/corpus.ts';
import { buildCorpusExport, jsonBody } from '../utils/corpus-export.ts';

export const GET: APIRoute = async ({ site }) => {
  // Validated on the way out: the build fails rather than publish a file its own schema rejects.
  const data = corpusExportSchema.parse(buildCorpusExport(await getCorpusIndex(), site));
  return new Response(jsonBody(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
