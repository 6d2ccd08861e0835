/** `/corpus.schema.json`: the JSON Schema (draft 2020-12) of /corpus.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { corpusExportSchema } from '../schemas/corpus-export.ts';
import { EXPORT_PATHS, jsonSchemaResponse } from '../utils/corpus-export.ts';

export const GET: APIRoute = ({ site }) => jsonSchemaResponse(corpusExportSchema, EXPORT_PATHS.corpusSchema, site);
