/** `/references.json`: every work the corpus cites, grouped, with the citing articles and paragraphs (see /references.schema.json). */
import type { APIRoute } from 'astro';
import { referencesExportSchema } from '../schemas/references-export.ts';
import { getWorksCited } from '../utils/corpus.ts';
import { jsonBody } from '../utils/corpus-export.ts';
import { buildReferencesExport } from '../utils/references-export.ts';

export const GET: APIRoute = async ({ site }) => {
  // Validated on the way out: the build fails rather than publish a file its own schema rejects.
  const data = referencesExportSchema.parse(buildReferencesExport((await getWorksCited()).works, site));
  return new Response(jsonBody(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
