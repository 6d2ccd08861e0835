/** `/reuse.schema.json`: the JSON Schema (draft 2020-12) of /reuse.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { reuseExportSchema } from '../schemas/reuse-export.ts';
import { jsonSchemaResponse } from '../utils/corpus-export.ts';
import { REUSE_SCHEMA_PATHS } from '../utils/reuse-export.ts';

export const GET: APIRoute = ({ site }) => jsonSchemaResponse(reuseExportSchema, REUSE_SCHEMA_PATHS.index, site);
