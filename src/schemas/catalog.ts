/**
 * `corpus/catalog.yaml`: optional curator metadata per source file (and per feed item guid).
 * Every value set here wins over what the source gives or what the ingest infers.
 */
import { z } from 'zod';
import { isoDateSchema, slugSchema, stancesSchema, webUrlSchema } from './article.ts';

/** Metadata a curator may set for one article. Every field is optional; unset means "use the source". */
const catalogFieldsSchema = z
  .object({
    /** Headline shown on the site. */
    title: z.string().trim().min(1).optional(),
    /** Standfirst under the title. */
    dek: z.string().trim().min(1).optional(),
    /** Publication or feed name. */
    outlet: z.string().trim().min(1).optional(),
    /** Byline. */
    author: z.string().trim().min(1).optional(),
    /** Publication date, `YYYY-MM-DD` or UTC timestamp. YAML dates must be quoted. */
    date: isoDateSchema.optional(),
    /** Canonical URL of the original (http/https). */
    url: webUrlSchema.optional(),
    /** Topic slugs from corpus/topics.yaml; replaces the classifier's choice. */
    topics: z.array(slugSchema).min(1).optional(),
    /** Stance per topic slug (`supports`, `critiques` or `reports`), for topics the article carries; for a feed, per item. */
    stance: stancesSchema.optional(),
    /** The text's language as a BCP 47 tag (`he`, `zh-TW`); wins over what the source declares or the ingest detects. */
    lang: z
      .string()
      .trim()
      .refine((tag) => isLanguageTag(tag), 'must be a BCP 47 language tag such as "en", "he" or "zh-TW"')
      .optional(),
    /** URL slug; set it to keep a URL stable when the title changes. */
    slug: slugSchema.optional(),
  })
  .strict();
export type CatalogFields = z.infer<typeof catalogFieldsSchema>;

/** One source file's entry: fields for a plain text, or `items` keyed by guid for a feed. */
export const catalogEntrySchema = catalogFieldsSchema
  .extend({
    /** The file's text encoding, when it declares none and detection is not sure (e.g. `koi8-r`, `windows-1251`). */
    encoding: z.string().trim().min(1).optional(),
    /** Per feed item, keyed by the item's guid (or Atom id). */
    items: z.record(z.string(), catalogFieldsSchema).optional(),
  })
  .strict();
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** The whole catalog: source file name -> entry. An empty file is an empty catalog. */
export const catalogSchema = z.record(z.string().regex(/^[^/\\]+$/, 'must be a file name in corpus/sources/'), catalogEntrySchema);
export type Catalog = z.infer<typeof catalogSchema>;

function isLanguageTag(value: string): boolean {
  try {
    // "und" (undetermined) has no language subtag to Intl.
    return Intl.getCanonicalLocales(value).length === 1 && (new Intl.Locale(value).language as string | undefined) !== undefined;
  } catch {
    return false;
  }
}
