/** `/corpus-part.schema.json`: the JSON Schema (draft 2020-12) of /corpus/<n>.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { corpusPartSchema } from '../schemas/corpus-export.ts';
import { EXPORT_PATHS, jsonSchemaResponse } from '../utils/corpus-export.ts';

export const GET: APIRoute = ({ site }) => jsonSchemaResponse(corpusPartSchema, EXPORT_PATHS.corpusPartSchema, site);
