/**
 * Schema of `/references.json`: every work the corpus cites, grouped, with the articles and paragraphs that cite
 * it. Its JSON Schema is published as `/references.schema.json`, generated from this with `z.toJSONSchema`. Bump
 * the version when a field changes meaning or is removed.
 */
import { z } from 'zod';
import { slugSchema, webUrlSchema } from './article.ts';
import { siteLinkSchema } from './export-links.ts';

/** Version of the references export; readers should check it. */
export const REFERENCES_SCHEMA_VERSION = 1;

/** An address as an author wrote it: http(s), not rewritten. */
const writtenUrlSchema = z.string().regex(/^https?:\/\/\S/i, 'must be an http(s) address');

/** One place of a citing article that cites the work. */
const citingPlaceSchema = z.object({
  id: z.string().min(1).nullable().describe('Id of the citing paragraph (a note’s id for a citation in a footnote), or null when it has none.'),
  url: siteLinkSchema.describe('The citing paragraph in Dossier: the citing article’s page with #id.'),
  place: z.string().min(1).nullable().describe('Where a reader finds it: "para. 12" or "note 3"; null when neither.'),
  label: z.string().min(1).describe('What the citation says, as given: the link’s text, the note’s text, or the identifier as written.'),
  href: writtenUrlSchema.nullable().describe('The address as the author wrote it; null for a DOI or arXiv id written in the text.'),
});

/** One cited work. */
const exportedWorkSchema = z.object({
  id: z
    .string()
    .regex(/^work-[0-9a-f]{12}$/)
    .describe('Stable id of the work: its row on /references/ (#id) and its BibTeX key.'),
  key: z.string().min(1).describe('What groups its citations: the address normalised, or doi.org/<doi>, arxiv.org/abs/<id>.'),
  url: writtenUrlSchema.describe('Where to open it: its DOI or arXiv address when it has one, else the first address it is cited at.'),
  domain: z.string().min(1).describe('The host it is on, without www.'),
  identifier: z
    .object({ scheme: z.enum(['doi', 'arxiv']), id: z.string().min(1) })
    .nullable()
    .describe('Its DOI (lower case) or arXiv id (without version), when its address or a citation names one.'),
  label: z.string().min(1).describe('The label it is cited by most often, as given: never a title, author or date made up.'),
  labels: z
    .array(z.object({ label: z.string().min(1), count: z.number().int().positive() }))
    .min(1)
    .describe('Every label it is cited by, as given, with how often; most often first.'),
  addresses: z.array(writtenUrlSchema).describe('Every address it is cited at, as written, in the order first cited.'),
  inCorpus: z.object({ slug: slugSchema, url: siteLinkSchema }).nullable().describe('The article of this reading room that it is, or null.'),
  citedByCount: z.number().int().positive().describe('How many articles cite it.'),
  citedBy: z
    .array(z.object({ slug: slugSchema, url: siteLinkSchema, places: z.array(citingPlaceSchema).min(1) }))
    .min(1)
    .describe('The articles that cite it, newest first as /corpus.json lists them, each with its citing paragraphs in reading order.'),
});

/** `/references.json`. */
export const referencesExportSchema = z
  .object({
    $schema: siteLinkSchema.describe('This file’s JSON Schema.'),
    schemaVersion: z.literal(REFERENCES_SCHEMA_VERSION).describe('Version of this export format; it changes when a field changes meaning or is removed.'),
    site: webUrlSchema.nullable().describe('Origin of the site that published this export, or null when the build had no public address.'),
    workCount: z.number().int().nonnegative(),
    works: z.array(exportedWorkSchema).describe('Every cited work: most cited first, then by label.'),
  })
  .meta({ title: 'Dossier works cited', description: 'Every work the articles of a Dossier reading room cite, grouped, with the paragraphs that cite it.' });

export type ReferencesExport = z.infer<typeof referencesExportSchema>;
