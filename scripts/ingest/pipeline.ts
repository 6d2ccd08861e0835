/**
 * The ingest as one pure function: source files (name + bytes) -> MDX entries, warnings, errors. No file
 * system, clock or console here (scripts/ingest.ts does the I/O); it reads as its steps, each in its module.
 * [{ file: "a.txt", bytes }] -> { entries: [{ label: "a.txt", slug: "a-title", mdx: "---\n..." }], warnings: [], errors: [] }
 */
import type { Catalog } from '../../src/schemas/catalog.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { IngestError } from '../../src/core/errors.ts';
import {
  createKeyer,
  findLastGoodSource,
  findUnchangedEntry,
  findUnchangedSource,
  updateCache,
  type CacheKey,
  type CachedEntry,
  type IngestCache,
} from './cache.ts';
import { draftSource, itemFailure, type LeftOut } from './draft-source.ts';
import { summarizeDraft, type DraftSummary } from './filters/draft-summary.ts';
import { dropDuplicateItems } from './filters/duplicate-items.ts';
import { assignUniqueSlugs } from './filters/unique-slugs.ts';
import { sha256 } from './hash.ts';
import { makeEntry, type Entry } from './make-entry.ts';
import type { Draft } from './to-article.ts';

export type { Entry } from './make-entry.ts';
export type { IngestCache } from './cache.ts';

/** One raw source as received. */
export interface SourceFile {
  /** File name under corpus/sources/. */
  file: string;
  bytes: Uint8Array;
  /** SHA-256 (hex) of `bytes` when the caller already knows it (the CLI does for a file unchanged since the
   * last run, so it need not read it unless it is ingested again); computed from `bytes` otherwise. */
  sha256?: string;
}

/** What the ingest needs besides the sources. */
export interface IngestContext {
  catalog: Catalog;
  topics: readonly Topic[];
  /** Go on after a source fails: report every problem, and make the entries of every other source (a failed
   * source's last good entries, where the cache has them, are kept as stale). Without it the first failure stops. */
  keepGoing?: boolean;
  /** What the previous run made of each source (scripts/ingest.ts keeps it in a file); see cache.ts. */
  cache?: IngestCache;
  /** Told after each source is drafted (`draft`) and each entry made (`entry`): how many of how many (progress on a terminal). */
  onProgress?: (step: 'draft' | 'entry', done: number, total: number) => void;
}

export interface IngestResult {
  /** Entries made in this run (every entry, without a cache). */
  entries: Entry[];
  /** Entries the cache showed to be unchanged, with the size of their MDX file; not made again. */
  unchanged: { label: string; slug: string; bytes: number; stale?: true }[];
  /** The cache for the next run: every source that was drafted without error. */
  cache: IngestCache;
  /** Curator-facing notes, each prefixed with its source. */
  warnings: string[];
  /** Problems that stop the ingest; empty on success. */
  errors: IngestError[];
  /** Sources that failed (each also among `errors`), and how many of their last good articles were kept, stale. */
  failed: FailedSource[];
  /** Feed items that give no article, with the reason: a second copy of an item (in the same feed or another),
   * an item with no text, or one that could not be made into a safe entry. The rest of the feed is published. */
  skipped: LeftOut[];
  sources: number;
}

/** A source left out of this run because it failed; `kept` of its last good articles stay published, stale. */
interface FailedSource {
  file: string;
  error: IngestError;
  kept: number;
}

/** A draft on its way through the cross-source filters; `draft` is null when its summary came from the cache;
 * `stale` when that summary is a failed source's last good one. */
interface Item {
  summary: DraftSummary;
  draft: Draft | null;
  stale?: true;
}

/** Ingest every source. */
export function ingestSources(sources: readonly SourceFile[], context: IngestContext): IngestResult {
  const { catalog, topics, cache, keepGoing = false, onProgress } = context;
  const errors: IngestError[] = [];
  // 1. File-name order, so the output never depends on the file system.
  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const byFile = new Map(ordered.map((source) => [source.file, source]));

  // 2. Ask the cache which sources are unchanged (their drafts' summaries come from it); draft the others:
  // decode -> detect -> parse -> convert-html -> to-article. Without --keep-going the first bad source stops.
  const keyOf = createKeyer(topics);
  const keys = new Map<string, CacheKey>();
  const items: Item[] = [];
  const leftOut = new Map<string, LeftOut[]>();
  // Warnings about a feed as a whole: said once, under its file name, not once per item.
  const sourceWarnings = new Map<string, string[]>();
  for (const [index, source] of ordered.entries()) {
    onProgress?.('draft', index, ordered.length);
    const key = keyOf(source.sha256 ?? sha256(source.bytes), catalog[source.file]);
    const cached = findUnchangedSource(cache, source.file, key);
    if (cached !== undefined) {
      items.push(...cached.drafts.map((summary) => ({ summary, draft: null })));
      leftOut.set(source.file, cached.leftOut);
      sourceWarnings.set(source.file, cached.warnings);
      keys.set(source.file, key);
      continue;
    }
    try {
      const { drafts, leftOut: left, warnings: whole } = draftSource(source, catalog[source.file]);
      items.push(...drafts.map(({ draft, label }) => ({ summary: summarizeDraft(draft, label), draft })));
      leftOut.set(source.file, left);
      sourceWarnings.set(source.file, whole);
      keys.set(source.file, key);
    } catch (error) {
      errors.push(asIngestError(error, source.file));
      if (!keepGoing) break;
      // Good before, bad now: its last good articles stay (the cache keeps them under their old key) until it is fixed.
      const last = findLastGoodSource(cache, source.file, key);
      if (last !== undefined) {
        items.push(...last.drafts.map((summary) => ({ summary, draft: null, stale: true as const })));
        leftOut.set(source.file, last.leftOut);
        sourceWarnings.set(source.file, last.warnings);
        keys.set(source.file, last.key);
      }
    }
  }
  const failedFiles = new Set(errors.map((error) => error.file));

  // 3. The catalog describes only sources that exist: an entry for no source is unused, which holds back nothing.
  const catalogWarnings = Object.keys(catalog)
    .filter((file) => !byFile.has(file))
    .map((file) => `corpus/catalog.yaml: names "${file}", which is not in corpus/sources/: its entry is unused (add the source, or remove the entry)`);

  // 4. Cross-source filters, in file order: second copies of feed items left out, then slugs made unique.
  const { kept, skipped: copies, notes } = dropDuplicateItems(items);
  const { slugged, renamed } = assignUniqueSlugs(kept);
  const skipped = [...[...leftOut.values()].flat(), ...copies];
  const warnings = [
    ...catalogWarnings,
    ...[...sourceWarnings].filter(([file]) => !failedFiles.has(file)).flatMap(([file, list]) => list.map((warning) => `${file}: ${warning}`)),
    ...notes,
    ...renamed,
  ];

  // 5. Each kept draft's entry under its slug (classify -> serialize -> check), or, for an unchanged source's
  // draft that gets the slug it had, the entry already written. Without --keep-going no entry follows an error.
  const entries: Entry[] = [];
  const unchanged: IngestResult['unchanged'] = [];
  const made = new Map<Item, CachedEntry>();
  const redraft = createRedrafter(byFile, catalog);
  const keptStale = new Map<string, number>();
  for (const [index, { item, slug }] of slugged.entries()) {
    onProgress?.('entry', index, slugged.length);
    const { label } = item.summary;
    const whole = sourceWarnings.get(item.summary.file) ?? [];
    if (!item.stale)
      warnings.push(
        ...item.summary.warnings.filter((warning) => label === item.summary.file || !whole.includes(warning)).map((warning) => `${label}: ${warning}`),
      );
    if (errors.length > 0 && !keepGoing) continue;
    const previous = item.draft === null ? findUnchangedEntry(cache, item.summary, slug) : undefined;
    if (previous !== undefined) {
      unchanged.push({ label, slug, bytes: previous.bytes, ...(item.stale && { stale: true as const }) });
      made.set(item, previous);
      if (item.stale) keptStale.set(item.summary.file, (keptStale.get(item.summary.file) ?? 0) + 1);
      continue;
    }
    if (item.stale) {
      // Its source cannot be read again, and its last entry had another address: nothing to keep.
      skipped.push({ label, reason: 'left out: its source failed, and its last good entry cannot be kept under its new address' });
      continue;
    }
    try {
      const entry = makeEntry(item.draft ?? redraft(item.summary), slug, label, topics);
      entries.push(entry);
      made.set(item, { slug, bytes: Buffer.byteLength(entry.mdx) });
    } catch (error) {
      // A feed item that does not pass (its entry fails the schema or the safety gate) is left out; the rest of
      // its feed is published. A plain text is the whole source: its failure is an error.
      if (label === item.summary.file) errors.push(asIngestError(error, label));
      else skipped.push({ label, reason: `left out: ${itemFailure(error)}` });
    }
  }
  skipped.sort((a, b) => compareLabels(a.label, b.label));
  warnings.push(...skipped.map(({ label, reason }) => `${label}: ${reason}`));

  // 6. The cache for the next run.
  const nextCache = updateCache(
    keys,
    items.map((item) => ({ summary: item.summary, entry: made.get(item) ?? null })),
    leftOut,
    sourceWarnings,
  );
  const failed = errors.filter((error) => byFile.has(error.file)).map((error) => ({ file: error.file, error, kept: keptStale.get(error.file) ?? 0 }));
  return { entries, unchanged, cache: nextCache, warnings, errors, failed, skipped, sources: ordered.length };
}

/** The draft behind a cached summary whose slug changed, drafted again from its source (pure: the same draft as
 * last time); each source at most once. */
function createRedrafter(byFile: ReadonlyMap<string, SourceFile>, catalog: Catalog): (summary: DraftSummary) => Draft {
  const drafted = new Map<string, Map<string, Draft>>();
  return ({ file, label }) => {
    let drafts = drafted.get(file);
    if (drafts === undefined) {
      drafts = new Map(draftSource(byFile.get(file)!, catalog[file]).drafts.map((one) => [one.label, one.draft]));
      drafted.set(file, drafts);
    }
    return drafts.get(label)!;
  };
}

/** Labels in source order: file name, then item number ("a.xml item 2" before "a.xml item 10"). */
function compareLabels(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** An IngestError as is; anything else (a bug) as an "unexpected failure" naming the source, with its cause. */
function asIngestError(error: unknown, file: string): IngestError {
  if (error instanceof IngestError) return error;
  return new IngestError(`unexpected failure: ${(error as Error)?.message ?? String(error)}`, { file }, { cause: error });
}
