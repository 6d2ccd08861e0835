/**
 * The incremental ingest: what a run made of each source, so the next run skips a source whose bytes,
 * catalog entry, topics and PIPELINE_VERSION are all unchanged. The cross-source filters need every
 * source's drafts, so the cache keeps each draft's summary (filters/draft-summary.ts) and the slug and size
 * of the entry it became: a draft that gets the same slug again is an unchanged entry; one that does not (a
 * collision appeared or went away) is made again from its source. Plain data (JSON), keyed by file name.
 * The stages know nothing of it: the entry point (pipeline.ts) asks it which sources are unchanged, and
 * which entries, and makes the next run's cache.
 * { "a.txt": { sha256, pipelineVersion: 2, catalogHash, topicsHash, drafts: [{ label: "a.txt", ..., entry: { slug: "a", bytes: 812 } }] } }
 */
import type { CatalogEntry } from '../../src/schemas/catalog.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import type { LeftOut } from './draft-source.ts';
import type { DraftSummary } from './filters/draft-summary.ts';
import { sha256 } from './hash.ts';

/** Bump when a change to the pipeline changes its output for the same input. */
const PIPELINE_VERSION = 6;

export type IngestCache = Record<string, CachedSource>;

/** What a source's cache entry is valid for. */
export interface CacheKey {
  /** SHA-256 of the source's bytes. */
  sha256: string;
  pipelineVersion: number;
  /** SHA-256 of the source's catalog entry (JSON) and of the topic taxonomy (JSON). */
  catalogHash: string;
  topicsHash: string;
}

interface CachedSource extends CacheKey {
  drafts: CachedDraft[];
  /** Its feed items that gave no draft (no text, a drafting failure), with their reasons. */
  leftOut: LeftOut[];
  /** Warnings about the source as a whole. */
  warnings: string[];
}

/** One draft's summary, and the entry it became. */
interface CachedDraft extends DraftSummary {
  /** Its entry's slug and MDX size in bytes; null when it was left out as a duplicate. */
  entry: CachedEntry | null;
}

export interface CachedEntry {
  slug: string;
  bytes: number;
}

/** The key of every source of one run: hashing the taxonomy once for all of them. */
export function createKeyer(topics: readonly Topic[]): (sourceSha256: string, catalogEntry: CatalogEntry | undefined) => CacheKey {
  const topicsHash = sha256(JSON.stringify(topics));
  return (sourceSha256, catalogEntry) => ({
    sha256: sourceSha256,
    pipelineVersion: PIPELINE_VERSION,
    catalogHash: sha256(JSON.stringify(catalogEntry ?? null)),
    topicsHash,
  });
}

/** The summaries of a source's drafts (and its items left out) when the cache holds it under the same key; undefined otherwise. */
export function findUnchangedSource(
  cache: IngestCache | undefined,
  file: string,
  key: CacheKey,
): { drafts: DraftSummary[]; leftOut: LeftOut[]; warnings: string[] } | undefined {
  const cached = cache?.[file];
  if (
    !cached ||
    cached.sha256 !== key.sha256 ||
    cached.pipelineVersion !== key.pipelineVersion ||
    cached.catalogHash !== key.catalogHash ||
    cached.topicsHash !== key.topicsHash
  ) {
    return undefined;
  }
  return { drafts: cached.drafts.map(({ entry: _entry, ...summary }) => summary), leftOut: cached.leftOut ?? [], warnings: cached.warnings ?? [] };
}

/**
 * A source that fails this run but succeeded before: its last good drafts' summaries (and the key they were made
 * under), so its articles stay published, flagged stale, until something good replaces them. Only under the same
 * pipeline version and taxonomy (entries of another pipeline or taxonomy could not be read the same way); the
 * catalog entry may have changed since.
 */
export function findLastGoodSource(
  cache: IngestCache | undefined,
  file: string,
  key: CacheKey,
): { key: CacheKey; drafts: DraftSummary[]; leftOut: LeftOut[]; warnings: string[] } | undefined {
  const cached = cache?.[file];
  if (!cached || cached.pipelineVersion !== key.pipelineVersion || cached.topicsHash !== key.topicsHash) return undefined;
  const { sha256: lastSha256, pipelineVersion, catalogHash, topicsHash } = cached;
  return {
    key: { sha256: lastSha256, pipelineVersion, catalogHash, topicsHash },
    drafts: cached.drafts.map(({ entry: _entry, ...summary }) => summary),
    leftOut: cached.leftOut ?? [],
    warnings: cached.warnings ?? [],
  };
}

/** The entry an unchanged source's draft became last time, when it gets the same slug again. */
export function findUnchangedEntry(cache: IngestCache | undefined, summary: DraftSummary, slug: string): CachedEntry | undefined {
  const previous = cache?.[summary.file]?.drafts.find((cached) => cached.label === summary.label)?.entry;
  return previous && previous.slug === slug ? previous : undefined;
}

/** The cache for the next run: every source with its key, and each of its drafts with the entry it became. */
export function updateCache(
  keys: ReadonlyMap<string, CacheKey>,
  drafts: readonly { summary: DraftSummary; entry: CachedEntry | null }[],
  leftOut: ReadonlyMap<string, readonly LeftOut[]>,
  warnings: ReadonlyMap<string, readonly string[]>,
): IngestCache {
  const cache: IngestCache = {};
  for (const [file, key] of keys) cache[file] = { ...key, drafts: [], leftOut: [...(leftOut.get(file) ?? [])], warnings: [...(warnings.get(file) ?? [])] };
  for (const { summary, entry } of drafts) cache[summary.file]?.drafts.push({ ...summary, entry });
  return cache;
}
