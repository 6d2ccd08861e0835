/** `/corpus-part.schema.json`: the JSON Schema (draft 2020-12) of /corpus/<n>.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { corpusPartSchema } from '../schemas/corpus-export.ts';
import { EXPORT_PATHS, jsonBody } from '../utils/corpus-export.ts';

export const GET: APIRoute = ({ site }) => {
  // Its own address as $id only when the site has one: a JSON Schema's $id should be absolute, not a made-up host.
  const schema = { ...z.toJSONSchema(corpusPartSchema), ...(site !== undefined && { $id: new URL(EXPORT_PATHS.corpusPartSchema, site).href }) };
  return new Response(jsonBody(schema), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
