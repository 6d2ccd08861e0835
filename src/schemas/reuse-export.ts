/**
 * Schemas of `/reuse.json` and its parts (`/reuse/<n>.json`): the passages several articles of the corpus share
 * (src/core/text-reuse.ts), each version with its article, paragraph and exact span, and the thresholds the build used.
 * Their JSON Schemas are published as `/reuse.schema.json` and `/reuse-part.schema.json`. Bump the version when a
 * field changes meaning or is removed.
 */
import { z } from 'zod';
import { slugSchema, webUrlSchema } from './article.ts';
import { partSchema, siteLinkSchema } from './export-links.ts';

/** Version of the `/reuse.json` format; readers should check it. 2: the passages are in parts, one per page of /reuse/
 * (`parts`: `/reuse/<n>.json`), not in /reuse.json itself (which was 98 MB at 10,000 generated articles). */
export const REUSE_SCHEMA_VERSION = 2;

const versionSchema = z.object({
  slug: slugSchema.describe('The article, as in /corpus.json articles[].slug.'),
  title: z.string().min(1).describe('The article’s title (in [square brackets] when it was taken from the text).'),
  paragraph: z.string().min(1).describe('Id of the paragraph that holds this version.'),
  url: siteLinkSchema.describe('The paragraph in Dossier: the article page with #id.'),
  start: z.number().int().nonnegative().describe('Where the version starts in the paragraph’s plain text (UTF-16 code units).'),
  end: z.number().int().positive().describe('Where it ends (exclusive): text is the paragraph’s plain text from start to end.'),
  text: z.string().min(1).describe('The version exactly as the paragraph has it, every space kept.'),
});

const schemaVersionSchema = z.literal(REUSE_SCHEMA_VERSION).describe('Version of this export format; it changes when a field changes meaning or is removed.');

/** `/reuse.json`: the thresholds, how many passages there are, and where they are. */
export const reuseExportSchema = z
  .object({
    $schema: siteLinkSchema.describe('This file’s JSON Schema.'),
    schemaVersion: schemaVersionSchema,
    site: webUrlSchema.nullable().describe('Origin of the site that published this export, or null when the build had no public address.'),
    thresholds: z
      .object({
        shingle: z.number().int().positive(),
        window: z.number().int().positive(),
        maxParagraphs: z.number().int().positive(),
        minWords: z.number().int().positive(),
        minMatched: z.number().int().positive(),
        minContentWords: z.number().int().positive(),
        minIdentity: z.number().positive().max(1),
      })
      .describe('The detection thresholds of this build (see /about/#shared-passages).'),
    clusterCount: z.number().int().nonnegative(),
    parts: z
      .array(siteLinkSchema)
      .min(1)
      .describe(
        'The shared passages, most articles first, then most versions, in parts of one page of /reuse/ each (/reuse/1.json, /reuse/2.json, …; see /reuse-part.schema.json).',
      ),
  })
  .meta({
    title: 'Dossier shared passages',
    description: 'The passages several articles of a Dossier reading room share, verbatim or nearly: where they are.',
  });

/** `/reuse/<n>.json`: the shared passages of one page of /reuse/, every version of each. */
export const reusePartSchema = z
  .object({
    $schema: siteLinkSchema.describe('This file’s JSON Schema.'),
    schemaVersion: schemaVersionSchema,
    reuse: siteLinkSchema.describe('/reuse.json, which lists every part and the thresholds.'),
    part: partSchema({
      page: siteLinkSchema.describe('The page of /reuse/ that shows these passages.'),
    }),
    clusters: z
      .array(
        z.object({
          id: z.string().regex(/^r-[0-9a-f]{8}$/),
          url: siteLinkSchema.describe('The passage on its page of /reuse/ (part.page), which changes when passages move.'),
          permalink: siteLinkSchema.describe('The passage’s own page, /reuse/<id>/: its address stays when the passage moves to another page of /reuse/.'),
          articles: z.number().int().min(2).describe('How many distinct articles share it.'),
          versions: z.array(versionSchema).min(2).describe('Its versions: oldest article first, then reading order.'),
        }),
      )
      .describe('This part’s shared passages, in the order of /reuse/.'),
  })
  .meta({ title: 'Dossier shared passages, one part', description: 'Passages several articles of a Dossier reading room share, every version of each.' });

export type ReuseExport = z.infer<typeof reuseExportSchema>;
export type ReusePart = z.infer<typeof reusePartSchema>;
