/** `/reuse.json`: the shared-passage detection's thresholds and the parts that hold the passages (`/reuse/<n>.json`), with a schema version (see /reuse.schema.json). */
import type { APIRoute } from 'astro';
import { reuseExportSchema } from '../schemas/reuse-export.ts';
import { getReuse } from '../utils/corpus.ts';
import { jsonBody } from '../utils/corpus-export.ts';
import { buildReuseExport } from '../utils/reuse-export.ts';

export const GET: APIRoute = async ({ site }) => {
  // Validated on the way out: the build fails rather than publish a file its own schema rejects.
  const data = reuseExportSchema.parse(buildReuseExport((await getReuse()).clusters, site));
  return new Response(jsonBody(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
