/** `/references.schema.json`: the JSON Schema (draft 2020-12) of /references.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { referencesExportSchema } from '../schemas/references-export.ts';
import { jsonSchemaResponse } from '../utils/corpus-export.ts';
import { REFERENCES_PATHS } from '../utils/references-export.ts';

export const GET: APIRoute = ({ site }) => jsonSchemaResponse(referencesExportSchema, REFERENCES_PATHS.schema, site);
