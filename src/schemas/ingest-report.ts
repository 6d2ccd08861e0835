/**
 * What the ingest writes for the site besides the entries: the report of one run (`coverage.json` in the
 * entries folder, written with them), which says what each source became, which feed items were left out and
 * why, and every warning, sorted by kind; and, under `npm run dev` only, the status of the last ingest of the
 * watched corpus. Both are validated when written and again when the site reads them.
 * { version: 1, sources: [{ file: "a.xml", articles: [{ label: "a.xml item 1", slug: "a" }], leftOut: [...], warnings: [...] }], other: [] }
 */
import { z } from 'zod';
import { slugSchema } from './article.ts';

/** Bump when a field changes meaning or is removed; the site refuses a report of another version (ingest again). */
export const INGEST_REPORT_VERSION = 2;

/**
 * What a warning is about: a fault in the source's bytes or XML that was tolerated or repaired (`repair`: an
 * encoding detected or assumed, legacy bytes in UTF-8, control characters removed, blank lines before the XML
 * declaration), markup removed from a feed item (`removed`: scripts, trackers, widgets), a metadata value not
 * given (`metadata`: no title, date or link), or anything else (`note`: slugs made unique, copies kept apart).
 */
const warningKindSchema = z.enum(['repair', 'removed', 'metadata', 'note']);
export type WarningKind = z.infer<typeof warningKindSchema>;

/** One warning: the source or item it is about (`a.xml` or `a.xml item 2`), its kind and its message. */
export const reportWarningSchema = z.object({ label: z.string().min(1), kind: warningKindSchema, message: z.string().min(1) });
export type ReportWarning = z.infer<typeof reportWarningSchema>;

/** A feed item that gave no article, and why: no text, a second copy of another item, or an entry that failed its checks. */
export const leftOutSchema = z.object({ label: z.string().min(1), reason: z.string().min(1) });

export const ingestReportSchema = z.object({
  version: z.literal(INGEST_REPORT_VERSION),
  /** Every source of the run, in file-name order. */
  sources: z.array(
    z.object({
      /** File name under corpus/sources/. */
      file: z.string().min(1),
      /** The articles it became: `file` for a plain text, `file item N` for a feed item, and its entry's slug. */
      articles: z.array(z.object({ label: z.string().min(1), slug: slugSchema })),
      leftOut: z.array(leftOutSchema),
      warnings: z.array(reportWarningSchema),
      /** Why the source was left out of this run (its error, naming the place); null when it was read. */
      error: z.string().nullable(),
      /** Its `articles` are the last good ones, kept from an earlier run because it failed in this one. */
      stale: z.boolean(),
    }),
  ),
  /** Warnings about no one source (a folder in corpus/sources/, say). */
  other: z.array(z.string()),
});
export type IngestReport = z.infer<typeof ingestReportSchema>;

/** `npm run dev`: the last ingest of the watched corpus; `errors` are the ingest's own messages, each naming its file. */
export const devStatusSchema = z.object({
  /** Counts the ingests since the dev server started, so every run changes the file. */
  run: z.number().int().nonnegative(),
  ok: z.boolean(),
  errors: z.array(z.string()),
});
export type DevStatus = z.infer<typeof devStatusSchema>;
