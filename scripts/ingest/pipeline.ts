/**
 * The whole ingest as pure functions: source files (name + bytes) -> MDX entries, warnings, errors.
 * No file system, clock or console here; scripts/ingest.ts does the I/O.
 * [{ file: "a.txt", bytes }] -> { entries: [{ slug: "a-title", mdx: "---\n..." }], warnings: [], errors: [] }
 */
import { createHash } from 'node:crypto';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import type { Catalog, CatalogEntry } from '../../src/schemas/catalog.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { paragraphIds } from '../../src/utils/paragraph-id.ts';
import { checkEntryMdx, parseMdx } from './check-mdx.ts';
import { classifyTopics } from './classify.ts';
import { convertHtml } from './convert-html.ts';
import { decodeSource } from './decode.ts';
import { detectFormat } from './detect.ts';
import { IngestError } from './errors.ts';
import { bodyParagraphs } from './mdast-text.ts';
import { parseFeed } from './parse-feed.ts';
import { parseText } from './parse-text.ts';
import { slugify, uniqueSlugs } from './slug.ts';
import { draftFromFeedItem, draftFromText, type Draft } from './to-article.ts';
import { serializeBody, serializeEntry } from './serialize.ts';
import { toString } from 'mdast-util-to-string';

/** Bump when a change to the pipeline changes its output for the same input. */
export const PIPELINE_VERSION = 2;

/** One raw source as received. */
export interface SourceFile {
  /** File name under corpus/sources/. */
  file: string;
  bytes: Uint8Array;
  /** SHA-256 (hex) of `bytes` when the caller already knows it (the CLI does for a file unchanged since the
   * last run, so it need not read it unless it is ingested again); computed from `bytes` otherwise. */
  sha256?: string;
}

/** What the pipeline needs besides the sources. */
export interface IngestContext {
  catalog: Catalog;
  topics: readonly Topic[];
  /** Report every problem instead of stopping at the first. */
  keepGoing?: boolean;
  /** What the previous run made of each source (scripts/ingest.ts keeps it in a file); see IngestCache. */
  cache?: IngestCache;
}

/**
 * The incremental ingest: what a run made of each source, so the next run skips a source whose bytes,
 * catalog entry, topics and PIPELINE_VERSION are all unchanged. Slug uniqueness and duplicate feed items
 * need every source's drafts, so the cache keeps what those steps read of each draft, and the slug of the
 * entry it became: a draft that gets the same slug again is an unchanged entry; one that does not (a
 * collision appeared or went away) is made again from its source. Plain data (JSON), keyed by file name.
 */
export type IngestCache = Record<string, CachedSource>;

export interface CachedSource {
  /** SHA-256 of the source's bytes. */
  sha256: string;
  pipelineVersion: number;
  /** SHA-256 of the source's catalog entry (JSON) and of the topic taxonomy (JSON). */
  catalogHash: string;
  topicsHash: string;
  drafts: CachedDraft[];
}

/** One draft as the cross-source steps see it, and the entry it became. */
export interface CachedDraft {
  label: string;
  file: string;
  guid: string | null;
  url: string | null;
  title: string;
  /** The slug it asks for before uniqueness (catalog slug, else from the title). */
  wantedSlug: string;
  /** SHA-256 of its text with spacing normalised (two copies of a feed item are compared by it). */
  textHash: string;
  warnings: string[];
  /** Its entry's slug and MDX size in bytes; null when it was left out as a duplicate. */
  entry: { slug: string; bytes: number } | null;
}

/** An entry the cache showed to be the same as last time: its file is already written. */
export interface UnchangedEntry {
  label: string;
  slug: string;
  /** Size of its MDX file in bytes. */
  bytes: number;
}

/** One generated entry. */
export interface Entry {
  /** The source as messages name it: `file` or `file item N`. */
  label: string;
  slug: string;
  article: Article;
  mdx: string;
}

export interface IngestResult {
  /** Entries made in this run (every entry, without a cache). */
  entries: Entry[];
  /** Entries the cache showed to be unchanged; not made again (empty without a cache). */
  unchanged: UnchangedEntry[];
  /** The cache for the next run: every source that was ingested without error. */
  cache: IngestCache;
  /** Curator-facing notes, each prefixed with its source. */
  warnings: string[];
  /** Problems that stop the ingest; empty on success. */
  errors: IngestError[];
  /** Feed items left out on purpose (a second copy of an item another feed carries), with the reason. */
  skipped: { label: string; reason: string }[];
  sources: number;
}

/** A draft on its way through the cross-source steps: its record, and the draft itself unless it came from the cache. */
interface Planned {
  record: CachedDraft;
  draft: Draft | null;
}

/** Ingest every source, in file-name order so output never depends on the file system. */
export function ingestSources(sources: readonly SourceFile[], context: IngestContext): IngestResult {
  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const bySource = new Map(ordered.map((source) => [source.file, source]));
  const topicsHash = sha256(JSON.stringify(context.topics));
  const keys = new Map<string, Omit<CachedSource, 'drafts'>>();
  const planned: Planned[] = [];
  const errors: IngestError[] = [];
  for (const source of ordered) {
    const key = {
      sha256: source.sha256 ?? sha256(source.bytes),
      pipelineVersion: PIPELINE_VERSION,
      catalogHash: sha256(JSON.stringify(context.catalog[source.file] ?? null)),
      topicsHash,
    };
    const cached = context.cache?.[source.file];
    if (cached && cached.sha256 === key.sha256 && cached.pipelineVersion === key.pipelineVersion && cached.catalogHash === key.catalogHash && cached.topicsHash === key.topicsHash) {
      keys.set(source.file, key);
      planned.push(...cached.drafts.map((record) => ({ record: { ...record }, draft: null })));
      continue;
    }
    try {
      planned.push(...draftsFromSource(source, context.catalog[source.file]).map(({ draft, label }) => ({ record: describe(draft, label), draft })));
      keys.set(source.file, key);
    } catch (error) {
      errors.push(asIngestError(error, source.file));
      if (!context.keepGoing) break;
    }
  }
  for (const file of Object.keys(context.catalog)) {
    if (!bySource.has(file)) {
      errors.push(new IngestError(`catalog names "${file}", which is not in corpus/sources/`, { file: 'corpus/catalog.yaml' }));
    }
  }
  const { kept, skipped, notes } = dropDuplicateItems(planned);
  const { slugs, renamed } = uniqueSlugs(kept.map(({ record }) => ({ slug: record.wantedSlug, label: record.label })));
  const warnings = [...notes, ...skipped.map(({ label, reason }) => `${label}: ${reason}`), ...renamed];
  const entries: Entry[] = [];
  const unchanged: UnchangedEntry[] = [];
  // A cached draft whose slug changed is made again from its source (pure, so the same draft as last time).
  const redrafted = new Map<string, Map<string, Draft>>();
  const draftOf = ({ record, draft }: Planned): Draft => {
    if (draft !== null) return draft;
    let drafts = redrafted.get(record.file);
    if (drafts === undefined) {
      drafts = new Map(draftsFromSource(bySource.get(record.file)!, context.catalog[record.file]).map((made) => [made.label, made.draft]));
      redrafted.set(record.file, drafts);
    }
    return drafts.get(record.label)!;
  };
  for (const item of planned) item.record.entry = null;
  kept.forEach((item, index) => {
    const { record } = item;
    const slug = slugs[index]!;
    warnings.push(...record.warnings.map((warning) => `${record.label}: ${warning}`));
    if (errors.length > 0 && !context.keepGoing) return;
    const previous = item.draft === null ? context.cache?.[record.file]?.drafts.find((cached) => cached.label === record.label)?.entry : null;
    if (previous && previous.slug === slug) {
      unchanged.push({ label: record.label, slug, bytes: previous.bytes });
      record.entry = previous;
      return;
    }
    try {
      const entry = finishEntry(draftOf(item), slug, record.label, context.topics);
      entries.push(entry);
      record.entry = { slug, bytes: Buffer.byteLength(entry.mdx) };
    } catch (error) {
      errors.push(asIngestError(error, record.label));
    }
  });
  const cache: IngestCache = {};
  for (const [file, key] of keys) cache[file] = { ...key, drafts: [] };
  for (const { record } of planned) cache[record.file]?.drafts.push(record);
  return { entries, unchanged, cache, warnings, errors, skipped, sources: ordered.length };
}

/** What the cross-source steps read of a draft. */
function describe(draft: Draft, label: string): CachedDraft {
  const { source, url, title, warnings } = draft.article;
  return {
    label,
    file: source.file,
    guid: source.guid,
    url,
    title,
    wantedSlug: draft.wantedSlug ?? slugify(title),
    textHash: sha256(normalizedText(draft)),
    warnings: [...warnings],
    entry: null,
  };
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Drafts for one source file: one for a plain text, one per feed item. */
function draftsFromSource(source: SourceFile, entry: CatalogEntry | undefined): { draft: Draft; label: string }[] {
  const { text, warnings } = decodeSource(source.bytes, source.file);
  const format = detectFormat(text, source.file);
  const info = { file: source.file, format, sha256: createHash('sha256').update(source.bytes).digest('hex'), warnings };
  if (format === 'text') {
    return [{ draft: draftFromText(parseText(text), info, entry), label: source.file }];
  }
  const feed = parseFeed(text, format, source.file);
  if (feed.items.length === 0) throw new IngestError(`feed has no items (expected at least one <item> or <entry>)`, { file: source.file });
  const unused = new Set(Object.keys(entry?.items ?? {}));
  const seenGuids = new Map<string, number>();
  const drafts = feed.items.map((item) => {
    const label = `${source.file} item ${item.index}`;
    if (item.guid !== null) {
      const first = seenGuids.get(item.guid);
      if (first !== undefined) {
        throw new IngestError(`item ${item.index} repeats the guid "${item.guid}" of item ${first}; a feed's guids must be unique`, { file: source.file });
      }
      seenGuids.set(item.guid, item.index);
      unused.delete(item.guid);
    }
    const html = item.html ?? item.description;
    if (html === null) {
      const what = format === 'atom' ? 'neither <content> nor <summary>' : 'neither <content:encoded> nor <description>';
      const notes = item.notes.length > 0 ? ` (${item.notes.join('; ')})` : '';
      throw new IngestError(`item ${item.index}${item.title === null ? '' : ` ("${clip(item.title)}")`} has ${what}${notes}: there is no text to publish`, {
        file: source.file,
      });
    }
    // Relative links resolve against xml:base when the feed sets one, else against the item's own link.
    const baseUrl = item.contentBase ?? (isWebUrl(item.link) ? item.link : null);
    const converted = convertHtml(html, baseUrl === null ? {} : { baseUrl });
    const fields = { ...pickFields(entry), ...(item.guid === null ? {} : entry?.items?.[item.guid]) };
    return { draft: draftFromFeedItem(feed.channel, item, converted, info, fields), label };
  });
  if (unused.size > 0) {
    throw new IngestError(`catalog key items.${[...unused][0]} matches no item guid in this feed`, { file: 'corpus/catalog.yaml' });
  }
  return drafts;
}

/**
 * The same feed item carried by two feeds (same guid, and the same link or title, or a guid that is a
 * global URI) becomes one article: the first in file order is kept and the other copy is left out with a
 * warning naming both. A shared guid that is clearly a different item only gets a warning.
 */
function dropDuplicateItems(drafts: readonly Planned[]) {
  const kept: Planned[] = [];
  const skipped: { label: string; reason: string }[] = [];
  const notes: string[] = [];
  const byGuid = new Map<string, CachedDraft>();
  for (const entry of drafts) {
    const b = entry.record;
    const { guid, file } = b;
    const a = guid === null ? undefined : byGuid.get(guid);
    if (a === undefined || a.file === file) {
      if (guid !== null && a === undefined) byGuid.set(guid, b);
      kept.push(entry);
      continue;
    }
    const same = guid!.includes(':') || (a.url !== null && a.url === b.url) || a.title === b.title;
    if (!same) {
      notes.push(`${b.label}: has the same guid "${guid}" as ${a.label}, but a different title and link; kept as a separate article`);
      kept.push(entry);
      continue;
    }
    const identical = a.textHash === b.textHash;
    skipped.push({
      label: b.label,
      reason: `left out: the same item (guid "${guid}") as ${a.label}, which is kept${identical ? '' : '; the two copies\' text differs'}`,
    });
  }
  return { kept, skipped, notes };
}

function normalizedText(draft: Draft): string {
  return toString(draft.body).replace(/\s+/g, ' ').trim();
}

function clip(html: string): string {
  const text = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Feed-level catalog fields apply to every item (outlet, author); title/slug/url/date only per item. */
function pickFields(entry: CatalogEntry | undefined): CatalogEntry {
  if (!entry) return {};
  const { outlet, author, topics } = entry;
  return { ...(outlet && { outlet }), ...(author && { author }), ...(topics && { topics }) };
}

/** Assign topics and passages, validate with the shared schema, serialize and run the safety gate. */
function finishEntry(draft: Draft, slug: string, label: string, topics: readonly Topic[]): Entry {
  // Paragraph ids come from the body as MDX will read it back, so they match the site's ids exactly.
  const body = serializeBody(draft.body);
  const bodyTree = parseMdx(body);
  const paragraphs = bodyParagraphs(bodyTree);
  const ids = paragraphIds(paragraphs.map((paragraph) => paragraph.text));
  const classified = classifyTopics(
    paragraphs.map((paragraph, index) => ({ id: ids[index]!, text: paragraph.prose })),
    topics,
  );
  const chosen = draft.catalogTopics ?? classified.topics;
  const unknown = chosen.find((topic) => !topics.some((known) => known.slug === topic));
  if (unknown !== undefined) throw new IngestError(`catalog topic "${unknown}" is not in corpus/topics.yaml`, { file: label });
  const result = articleSchema.safeParse({
    ...draft.article,
    slug,
    topics: chosen,
    passages: groupPassages(classified.passages, chosen),
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new IngestError(`entry field ${issue.path.join('.')}: ${issue.message}`, { file: label });
  }
  const mdx = serializeEntry(result.data, draft.body);
  // The safety gate, reusing the body's parse when the file is exactly frontmatter + that body.
  checkEntryMdx(mdx, body, bodyTree, label, toString(draft.body));
  return { label, slug, article: result.data, mdx };
}

/** One passage per paragraph, listing its topics (only the article's chosen ones), in reading order. */
function groupPassages(passages: readonly { topic: string; id: string; text: string }[], chosen: readonly string[]) {
  const byId = new Map<string, { id: string; topics: string[]; text: string }>();
  for (const { topic, id, text } of passages) {
    if (!chosen.includes(topic)) continue;
    const passage = byId.get(id) ?? { id, topics: [], text: text.trim() };
    passage.topics.push(topic);
    byId.set(id, passage);
  }
  return [...byId.values()];
}

function isWebUrl(value: string | null): value is string {
  return value !== null && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function asIngestError(error: unknown, file: string): IngestError {
  if (error instanceof IngestError) return error;
  return new IngestError(`unexpected failure: ${(error as Error)?.message ?? String(error)}`, { file }, { cause: error });
}

