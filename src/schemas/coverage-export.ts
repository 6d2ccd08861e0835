/**
 * Schema of `/coverage.json`: what the reading room holds and what it does not, source by source, as
 * `/about/coverage/` shows it. Built from the ingest's report (src/schemas/ingest-report.ts) and the articles'
 * own provenance; published with a schema version as `/corpus.json` is. Bump the version when a field changes
 * meaning or is removed.
 */
import { z } from 'zod';
import { languageOriginSchema, originSchema, residueSchema, slugSchema, sourceFormatSchema } from './article.ts';
import { leftOutSchema, reportWarningSchema } from './ingest-report.ts';

export const COVERAGE_SCHEMA_VERSION = 1;

/** How a source's bytes were read (as an article's `source.encoding`); null for plain UTF-8. */
const encodingSchema = z
  .object({
    name: z.string(),
    how: z.enum(['declared', 'catalog', 'detected', 'fallback', 'mixed']),
    confidence: z.number().min(0).max(100).nullable().describe('The detector’s confidence (0-100) for a detected encoding; null otherwise.'),
  })
  .nullable();

export const coverageExportSchema = z.object({
  schemaVersion: z.literal(COVERAGE_SCHEMA_VERSION),
  totals: z.object({
    sources: z.number().int().nonnegative(),
    articles: z.number().int().nonnegative(),
    leftOut: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative().describe('Sources left out of the last run because they could not be read (sources[].error).'),
  }),
  sources: z.array(
    z.object({
      file: z.string().min(1).describe('File name under corpus/sources/.'),
      format: sourceFormatSchema,
      rawUrl: z.string().describe('The raw source as received (site path, or absolute on the public address).'),
      encoding: encodingSchema,
      articles: z.array(slugSchema).describe('Slugs of the articles it became, in feed order (articles[].slug).'),
      leftOut: z.array(leftOutSchema).describe('Feed items that gave no article, and why.'),
      warnings: z.array(reportWarningSchema).describe('Everything the ingest noticed, by kind: repair, removed, metadata, note.'),
      error: z.string().nullable().describe('Why the last run left the source out (its error, naming the place); null when it was read.'),
      stale: z.boolean().describe('Its articles are the last good ones, kept from an earlier run because the last run could not read it.'),
    }),
  ),
  articles: z.array(
    z.object({
      slug: slugSchema,
      url: z.string(),
      title: z.string(),
      file: z.string().describe('Its source, as in sources[].file.'),
      item: z.number().int().positive().nullable(),
      inferred: z.array(z.string()).describe('Metadata fields whose value was inferred from the text rather than given.'),
      unknown: z.array(z.string()).describe('Metadata fields the source does not give, shown as not known.'),
      origins: z
        .record(z.string(), z.union([originSchema, languageOriginSchema]))
        .describe('Where each field came from; `lang` by its own origins (catalog, source, detected, unknown).'),
      truncated: z.boolean(),
      residue: z.array(residueSchema),
    }),
  ),
  residue: z.array(z.object({ rule: z.string(), label: z.string(), count: z.number().int().positive(), articles: z.array(slugSchema) })),
  other: z.array(z.string()).describe('Warnings about no one source.'),
});
export type CoverageExport = z.infer<typeof coverageExportSchema>;
