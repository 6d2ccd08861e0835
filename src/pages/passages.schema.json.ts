/** `/passages.schema.json`: the JSON Schema (draft 2020-12) of every /topics/<slug>/passages.json. */
import type { APIRoute } from 'astro';
import { passagesExportSchema } from '../schemas/corpus-export.ts';
import { EXPORT_PATHS, jsonSchemaResponse } from '../utils/corpus-export.ts';

export const GET: APIRoute = ({ site }) => jsonSchemaResponse(passagesExportSchema, EXPORT_PATHS.passagesSchema, site);
