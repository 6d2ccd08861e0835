/**
 * The one schema of an article entry. The ingest validates every entry with it before
 * writing, and the `articles` content collection validates the same frontmatter again.
 */
import { z } from 'zod';

/** Where a metadata value came from: set by the curator, carried by the feed, inferred from the text, or not known. */
export const originSchema = z.enum(['catalog', 'feed', 'inferred', 'unknown']);
export type Origin = z.infer<typeof originSchema>;

/** Source formats the ingest understands, detected from content, never from the file name. */
export const sourceFormatSchema = z.enum(['text', 'rss', 'atom', 'rdf', 'json', 'markdown']);
export type SourceFormat = z.infer<typeof sourceFormatSchema>;

/** A URL the site may link to: http(s) only. */
export const webUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A lowercase kebab-case slug: `a-critical-assessment`. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case a-z, 0-9');

/** ISO 8601 calendar date `YYYY-MM-DD` or UTC timestamp `YYYY-MM-DDTHH:mm:ssZ`. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)?$/, 'must be an ISO date (YYYY-MM-DD or UTC timestamp)');

/**
 * What an article does with one of its topics, as a curator reads it: argues for it (`supports`), argues
 * against it (`critiques`) or reports on it (`reports`). Set in the catalog only; never inferred.
 */
export const stanceSchema = z.enum(['supports', 'critiques', 'reports']);
export type Stance = z.infer<typeof stanceSchema>;

/** Topic slug -> the curator's stance for it. */
export const stancesSchema = z.record(slugSchema, stanceSchema);

/** A sentence set aside as not the author's argument (scraper residue). It stays in the body, labelled. */
export const residueSchema = z.object({
  /** Id of the documented rule that matched (src/core/residue.ts, listed on /about/). */
  rule: z.string(),
  /** The residue text exactly as it appears in the source. */
  text: z.string(),
});
export type Residue = z.infer<typeof residueSchema>;

/** A paragraph where one or more topics appear: its anchor, the topics and its text. Filled by the classifier. */
export const passageSchema = z.object({
  /** Stable paragraph id on the article page (`p-` + hash of the paragraph's letters). */
  id: z.string().regex(/^p-[a-z0-9-]+$/),
  /** Slugs of the topics this paragraph is a passage for (at least one). */
  topics: z.array(slugSchema).min(1),
  /** The paragraph's plain text, residue left out. */
  text: z.string(),
});
export type Passage = z.infer<typeof passageSchema>;

export const articleSchema = z.object({
  /** URL segment of `/articles/<slug>/`; stable across builds, unique in the corpus. */
  slug: slugSchema,
  /** Headline. Always present: given by catalog/feed, or inferred from the text (see `origins.title`). */
  title: z.string().min(1),
  /** Standfirst under the title, or null when the source has none. */
  dek: z.string().min(1).nullable(),
  /** Byline, or null when not known. Never invented. */
  author: z.string().min(1).nullable(),
  /** Publication or feed the article appeared in, or null when not known. Never invented. */
  outlet: z.string().min(1).nullable(),
  /** Canonical URL of the original, or null when not known. */
  url: webUrlSchema.nullable(),
  /** Publication date (ISO), or null when undated. Never the build time. */
  publishedAt: isoDateSchema.nullable(),
  /** Where each metadata field came from. */
  origins: z.object({
    title: originSchema,
    dek: originSchema,
    author: originSchema,
    outlet: originSchema,
    url: originSchema,
    publishedAt: originSchema,
    topics: originSchema,
  }),
  /** The raw source this entry was made from. */
  source: z.object({
    /** File name under `corpus/sources/`. */
    file: z.string().min(1),
    /** Detected format. */
    format: sourceFormatSchema,
    /** SHA-256 (hex) of the source file's bytes as received. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Feed item guid (or Atom id), kept as a string; null for plain text. */
    guid: z.string().nullable(),
    /** 1-based position of the item in its feed; null for plain text. */
    item: z.number().int().positive().nullable(),
    /** How the bytes were decoded, when not as plain UTF-8: declared in the file, set in the catalog, detected (with
     * the detector's confidence, 0-100), Windows-1252 for a text with too few non-ASCII bytes to detect ("fallback"),
     * or UTF-8 with stray legacy bytes read as Windows-1252 ("mixed"). */
    encoding: z
      .object({
        name: z.string(),
        how: z.enum(['declared', 'catalog', 'detected', 'fallback', 'mixed']),
        confidence: z.number().min(0).max(100).optional(),
      })
      .optional(),
  }),
  /** Topic slugs from `corpus/topics.yaml`; default empty. */
  topics: z.array(slugSchema).default([]),
  /** The curator's stance per topic (only topics the article carries); absent when the catalog sets none. Never inferred. */
  stance: stancesSchema.optional(),
  /** Paragraphs where the article's topics appear, in reading order, for topic pages; default empty. */
  passages: z.array(passageSchema).default([]),
  /** Words in the body (residue excluded). */
  wordCount: z.number().int().nonnegative(),
  /** Reading time in whole minutes at 230 words a minute, at least 1. */
  readingMinutes: z.number().int().positive(),
  /** True when the text ends mid-sentence: the page says the source is incomplete. */
  truncated: z.boolean(),
  /** Sentences marked as residue, in order; default empty. */
  residue: z.array(residueSchema).default([]),
  /** Lead image (feed enclosure or first figure), or null. Remote; may not load. */
  image: z
    .object({
      /** http(s) URL of the image. */
      src: webUrlSchema,
      /** Alt text from the source, or null when the source gave none. */
      alt: z.string().nullable(),
    })
    .nullable(),
  /** The source's own tags, categories and keywords (a Markdown header's), as written; recorded, never topics. Absent when none. */
  sourceTags: z.array(z.string().min(1)).optional(),
  /** The language the source declares (a Markdown header's `lang`), as written; absent when it declares none. */
  lang: z.string().min(1).optional(),
  /** Problems noticed while ingesting this article, shown to curators; default empty. */
  warnings: z.array(z.string()).default([]),
});

/** An article entry's frontmatter as written by the ingest and read by the site. */
export type Article = z.infer<typeof articleSchema>;
