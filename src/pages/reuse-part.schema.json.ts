/** `/reuse-part.schema.json`: the JSON Schema (draft 2020-12) of /reuse/<n>.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { reusePartSchema } from '../schemas/reuse-export.ts';
import { jsonSchemaResponse } from '../utils/corpus-export.ts';
import { REUSE_SCHEMA_PATHS } from '../utils/reuse-export.ts';

export const GET: APIRoute = ({ site }) => jsonSchemaResponse(reusePartSchema, REUSE_SCHEMA_PATHS.part, site);
