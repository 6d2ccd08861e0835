/**
 * Schemas of the machine-readable exports: `/corpus.json` (every article's metadata and topics) and
 * `/topics/<slug>/passages.json` (a topic's quoted passages with their anchors). Their JSON Schemas
 * are published as `/corpus.schema.json` and `/passages.schema.json`, generated from these with
 * `z.toJSONSchema`. Bump the version when a field changes meaning or is removed.
 */
import { z } from 'zod';
import {
  articleSchema,
  isoDateSchema,
  passageSchema,
  residueSchema,
  slugSchema,
  sourceFormatSchema,
  stanceSchema,
  stancesSchema,
  webUrlSchema,
} from './article.ts';
import { partSchema, siteLinkSchema } from './export-links.ts';

/**
 * Version of both export formats; readers should check it. 2: links are site paths when the build has no public
 * address. 3: passages carry the terms that matched and their strength, in the topic page's order; articles carry
 * the curator's stance per topic; topics say whether every article carries them.
 * Also in 3: each article lists the articles of the corpus it links to (`cites`) and that link to it (`citedBy`).
 * 4: a topic's passages come in parts, one per page of the topic (`passages.json` is the first; `part` and
 * `parts` say which and list them all), so no file grows with the corpus.
 * 5: only the first part of a topic's passages lists every part (`parts`); each part links the first, the previous
 * and the next (`part.first`, `part.previous`, `part.next`): a list of every part in every part made the parts
 * together grow with the square of the topic's articles. And `/corpus.json` lists the articles in parts
 * (`parts`: `/corpus/<n>.json`, 100 articles each, see /corpus-part.schema.json) instead of holding them all.
 */
export const EXPORT_SCHEMA_VERSION = 5;

/** An in-corpus link between two articles: the other article, and the paragraphs of the citing one that make it. */
const corpusLinkSchema = z.object({
  slug: slugSchema.describe('The other article, as in articles[].slug.'),
  paragraphs: z
    .array(
      z.object({
        id: z.string().min(1).nullable().describe('Id of the citing paragraph (a note’s id for a link in a footnote), or null when it has none.'),
        url: siteLinkSchema.describe('The citing paragraph in Dossier: the citing article’s page with #id.'),
      }),
    )
    .min(1)
    .describe('Paragraphs of the citing article that link, in reading order.'),
});

const versionSchema = z.literal(EXPORT_SCHEMA_VERSION).describe('Version of this export format; it changes when a field changes meaning or is removed.');

/** One article in `/corpus.json`. */
const exportedArticleSchema = z
  .object({
    slug: slugSchema.describe('URL segment of the article page, stable across builds.'),
    url: siteLinkSchema.describe('The article page in Dossier.'),
    title: z.string().min(1).describe('Headline: given by the curator or feed, or taken from the text (see origins.title).'),
    dek: z.string().min(1).nullable().describe('Standfirst, or null when the source has none.'),
    author: z.string().min(1).nullable().describe('Byline as received, or null when not known. Never guessed.'),
    outlet: z.string().min(1).nullable().describe('Publication or feed, or null when not known. Never guessed.'),
    originalUrl: webUrlSchema.nullable().describe('Canonical URL of the original, or null when not known.'),
    publishedAt: isoDateSchema.nullable().describe('Publication date (YYYY-MM-DD or UTC timestamp), or null when undated.'),
    origins: articleSchema.shape.origins.describe(
      'Where each field came from: catalog (set by the curator), feed (given by the source), inferred (taken from the text) or unknown.',
    ),
    source: z
      .object({
        file: z.string().min(1).describe('File name of the raw source in corpus/sources/.'),
        format: sourceFormatSchema.describe('Format detected from the content.'),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .describe('SHA-256 (hex) of the raw source bytes as received.'),
        guid: z.string().nullable().describe('Feed item guid or Atom id; null for plain text.'),
        item: z.number().int().positive().nullable().describe('1-based position of the item in its feed; null for plain text.'),
        rawUrl: siteLinkSchema.describe('The raw source file as received, byte for byte.'),
      })
      .describe('The raw source this article was made from.'),
    topics: z.array(slugSchema).describe('Topic slugs, as in topics[].slug.'),
    stance: stancesSchema.describe('Topic slug -> stance (supports, critiques, reports), as set by the curator; never inferred. Empty when none is set.'),
    passageCount: z.number().int().nonnegative().describe('Paragraphs quoted as passages on topic pages.'),
    wordCount: z.number().int().nonnegative().describe('Words in the body, residue excluded.'),
    readingMinutes: z.number().int().positive(),
    truncated: z.boolean().describe('True when the text as received ends mid-sentence.'),
    residue: z.array(residueSchema).describe('Sentences set aside as not the author’s text (scraper residue), with the rule that matched.'),
    cites: z
      .array(corpusLinkSchema)
      .describe('Articles of this corpus that this article’s body links to (by their original address), with this article’s paragraphs that do.'),
    citedBy: z.array(corpusLinkSchema).describe('Articles of this corpus whose bodies link to this one, with their paragraphs that do.'),
    citation: z
      .object({
        text: z.string().min(1).describe('A formatted citation.'),
        bibtex: siteLinkSchema.describe('BibTeX entry of the article.'),
        cslJson: siteLinkSchema.describe('CSL-JSON item of the article.'),
      })
      .describe('How to cite the article.'),
  })
  .describe('One article of the corpus.');

/** One topic in `/corpus.json`. */
const exportedTopicSchema = z.object({
  slug: slugSchema,
  label: z.string().min(1),
  description: z.string().min(1),
  url: siteLinkSchema.describe('The topic page.'),
  articleCount: z.number().int().positive(),
  passageCount: z.number().int().nonnegative(),
  onEveryArticle: z.boolean().describe('True when every article (of two or more) carries the topic: then it does not tell articles apart.'),
  passages: siteLinkSchema.describe('The topic’s passages.json.'),
});

/** `/corpus.json`: the corpus, its topics, and where its articles are. */
export const corpusExportSchema = z
  .object({
    $schema: siteLinkSchema.describe('This file’s JSON Schema.'),
    schemaVersion: versionSchema,
    site: webUrlSchema.nullable().describe('Origin of the site that published this export, or null when the build had no public address.'),
    articleCount: z.number().int().nonnegative(),
    parts: z
      .array(siteLinkSchema)
      .min(1)
      .describe(
        'The articles, in parts of at most 100 (/corpus/1.json, /corpus/2.json, …; see /corpus-part.schema.json), in order: newest first; undated last, by title.',
      ),
    topics: z.array(exportedTopicSchema).describe('Topics that at least one article carries, most articles first.'),
  })
  .meta({ title: 'Dossier corpus', description: 'A Dossier reading room: its topics, and its articles in parts.' });

/** `/corpus/<n>.json`: one part of the article list. */
export const corpusPartSchema = z
  .object({
    $schema: siteLinkSchema.describe('This file’s JSON Schema.'),
    schemaVersion: versionSchema,
    corpus: siteLinkSchema.describe('/corpus.json, which lists every part.'),
    part: partSchema({}),
    articles: z.array(exportedArticleSchema).describe('This part’s articles, in the list’s order: newest first; undated last, by title.'),
  })
  .meta({ title: 'Dossier corpus, one part', description: 'Articles of a Dossier reading room: metadata, provenance, topics and links between them.' });

export type CorpusExport = z.infer<typeof corpusExportSchema>;
export type CorpusPart = z.infer<typeof corpusPartSchema>;
export type ExportedArticle = z.infer<typeof exportedArticleSchema>;

/** One passage in `/topics/<slug>/passages.json`. */
const exportedPassageSchema = z.object({
  id: passageSchema.shape.id.describe('Stable paragraph id on the article page.'),
  url: siteLinkSchema.describe('Link to the paragraph: the article page with #id.'),
  text: z.string().describe('The paragraph’s plain text, residue left out.'),
  topics: z.array(slugSchema).min(1).describe('Every topic this paragraph is a passage for.'),
  strength: z
    .number()
    .int()
    .positive()
    .describe(
      'Strength of evidence for this topic: 2 for each distinct strong term and 1 for each distinct ordinary term that matched (the classifier’s paragraph score).',
    ),
  terms: z
    .array(z.object({ term: z.string().min(1).describe('The term as written in corpus/topics.yaml.'), strong: z.boolean() }))
    .min(1)
    .describe('The distinct terms of this topic that matched in the text, strong ones first.'),
  article: z.object({
    slug: slugSchema,
    url: siteLinkSchema,
    title: z.string().min(1),
    author: z.string().min(1).nullable(),
    outlet: z.string().min(1).nullable(),
    publishedAt: isoDateSchema.nullable(),
    titleInferred: z.boolean().describe('True when the source gives no headline and the title was taken from the text.'),
    stance: stanceSchema.nullable().describe('The article’s stance on this topic as set by the curator, or null when none is set; never inferred.'),
    citation: z.string().min(1).describe('A formatted citation of the article.'),
  }),
});

/** `/topics/<slug>/passages.json`. */
export const passagesExportSchema = z
  .object({
    $schema: siteLinkSchema.describe('This file’s JSON Schema.'),
    schemaVersion: versionSchema,
    topic: z.object({
      slug: slugSchema,
      label: z.string().min(1),
      description: z.string().min(1),
      url: siteLinkSchema,
      onEveryArticle: z.boolean().describe('True when every article (of two or more) carries the topic.'),
    }),
    passageCount: z.number().int().nonnegative().describe('Passages on the topic in all parts.'),
    part: partSchema({
      articleCount: z.number().int().nonnegative().describe('Articles whose passages are in this part.'),
      passageCount: z.number().int().nonnegative().describe('Passages in this part.'),
      page: siteLinkSchema.describe('The page of the topic that shows these passages.'),
      first: siteLinkSchema.describe('The first part, /topics/<slug>/passages.json, which lists every part.'),
    }).describe('Which part of the topic’s passages this file holds: the passages of one page of the topic.'),
    parts: z.array(siteLinkSchema).min(1).optional().describe('In the first part only: every part, in order; the first is /topics/<slug>/passages.json.'),
    passages: z
      .array(exportedPassageSchema)
      .describe(
        'This part’s passages, in the topic pages’ order: articles by their strongest passage, then the total strength of their passages, then newest first; each article’s passages strongest first, equal ones in reading order.',
      ),
  })
  .meta({ title: 'Dossier topic passages', description: 'The paragraphs where one topic appears, quoted, with links to them in context.' });

export type PassagesExport = z.infer<typeof passagesExportSchema>;
