/** `/references.schema.json`: the JSON Schema (draft 2020-12) of /references.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { referencesExportSchema } from '../schemas/references-export.ts';
import { jsonBody } from '../utils/corpus-export.ts';
import { REFERENCES_PATHS } from '../utils/references-export.ts';

export const GET: APIRoute = ({ site }) => {
  // Its own address as $id only when the site has one.
  const schema = { ...z.toJSONSchema(referencesExportSchema), ...(site !== undefined && { $id: new URL(REFERENCES_PATHS.schema, site).href }) };
  return new Response(jsonBody(schema), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
