/** `/reuse.schema.json`: the JSON Schema (draft 2020-12) of /reuse.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { reuseExportSchema } from '../schemas/reuse-export.ts';
import { jsonBody } from '../utils/corpus-export.ts';
import { REUSE_SCHEMA_PATHS } from '../utils/reuse-export.ts';

export const GET: APIRoute = ({ site }) => {
  // Its own address as $id only when the site has one: a JSON Schema's $id should be absolute, not a made-up host.
  const schema = { ...z.toJSONSchema(reuseExportSchema), ...(site !== undefined && { $id: new URL(REUSE_SCHEMA_PATHS.index, site).href }) };
  return new Response(jsonBody(schema), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
