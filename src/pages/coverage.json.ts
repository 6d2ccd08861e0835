/** `/coverage.json`: every source and what it became, what was left out and why, what was repaired or inferred (see /about/coverage/). */
import type { APIRoute } from 'astro';
import { buildCoverage, readIngestReport } from '../utils/coverage.ts';
import { getCorpusIndex } from '../utils/corpus.ts';
import { jsonBody } from '../utils/corpus-export.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = buildCoverage(readIngestReport(), (await getCorpusIndex()).articles, site);
  return new Response(jsonBody(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
