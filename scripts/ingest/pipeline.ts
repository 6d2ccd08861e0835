/**
 * The whole ingest as pure functions: source files (name + bytes) -> MDX entries, warnings, errors.
 * No file system, clock or console here; scripts/ingest.ts does the I/O.
 * [{ file: "a.txt", bytes }] -> { entries: [{ slug: "a-title", mdx: "---\n..." }], warnings: [], errors: [] }
 *
 * Per source (independent of the others, so it may run in worker threads: SourceRunner, scripts/ingest/pool.ts):
 * decode, detect, parse, draft, then prepare each draft's entry (serialize the body, parse it back, classify)
 * and complete it with the slug it asks for (frontmatter, schema, safety gate). Across sources, in this
 * thread and in file order: duplicate feed items, unique slugs (an entry whose slug was taken is completed
 * again with its new one), the cache, warnings and errors.
 */
import { createHash } from 'node:crypto';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import type { Catalog, CatalogEntry } from '../../src/schemas/catalog.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { paragraphIds } from '../../src/core/paragraph-id.ts';
import { parseMdx } from '../../src/core/mdx.ts';
import { checkBodyTree, checkEntryMdx, type BodyVerdict } from '../../src/core/mdx-safety.ts';
import { classifyTopics } from './classify.ts';
import { convertHtml } from './html/convert-html.ts';
import { decodeSource } from './decode.ts';
import { detectFormat } from './detect.ts';
import { IngestError } from '../../src/core/errors.ts';
import { bodyParagraphs } from './mdast-text.ts';
import { parseFeed } from './feed/parse-feed.ts';
import { parseText } from './parse-text.ts';
import { slugify, uniqueSlugs } from '../../src/core/slug.ts';
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

/**
 * Where the per-source work runs: in this thread (InProcessRunner) or in worker threads
 * (scripts/ingest/pool.ts). The work is pure and independent of the other sources, and the cross-source steps
 * read its results in file order, so the result is the same whatever runs it and in whatever order it ends.
 */
export interface SourceRunner {
  /**
   * draftSource for each task: result i for task i. With `stopAtError`, results after the first source that
   * fails (in task order) are not read: a runner may leave them undefined.
   */
  draft(tasks: readonly SourceTask[], stopAtError: boolean): Promise<readonly (DraftedSource | undefined)[]>;
  /** Each drafted item's entry made again with another slug (completeEntry): result i for request i. */
  refinish(requests: readonly RefinishRequest[]): Promise<readonly Made[]>;
}

/** One source to draft: its file, bytes and catalog entry. */
export interface SourceTask {
  file: string;
  bytes: Uint8Array;
  catalogEntry: CatalogEntry | undefined;
}

/** What draftSource made of one source: each draft with its entry, made with the slug it asks for; or the error. */
export type DraftedSource = { drafts: { record: CachedDraft; made: Made }[] } | { error: IngestError };

/** An entry, or the error that stopped it. */
export type Made = { entry: Entry } | { error: IngestError };

/** Make a drafted item's entry again with `slug`: another entry took the slug it asked for. */
export interface RefinishRequest {
  file: string;
  label: string;
  slug: string;
}

/**
 * Everything the ingest does to one source on its own: decode, parse, draft, and each draft's entry made
 * with the slug it asks for (which the cross-source steps usually confirm). `prepared` holds each draft's
 * Prepared (or the error that stopped it), from which refinish makes the entry with another slug.
 */
export function draftSource(task: SourceTask, topics: readonly Topic[]): { drafted: DraftedSource; prepared: Map<string, Prepared | IngestError> } {
  const prepared = new Map<string, Prepared | IngestError>();
  let drafts: { draft: Draft; label: string }[];
  try {
    drafts = draftsFromSource(task, task.catalogEntry);
  } catch (error) {
    return { drafted: { error: asIngestError(error, task.file) }, prepared };
  }
  const items = drafts.map(({ draft, label }) => {
    const record = describe(draft, label);
    let ready: Prepared | IngestError;
    try {
      ready = prepareEntry(draft, label, topics);
    } catch (error) {
      ready = asIngestError(error, label);
    }
    prepared.set(label, ready);
    return { record, made: complete(ready, record.wantedSlug) };
  });
  return { drafted: { drafts: items }, prepared };
}

/** completeEntry as a Made; a draft whose preparation failed fails again with the same error. */
export function complete(prepared: Prepared | IngestError, slug: string): Made {
  if (prepared instanceof IngestError) return { error: prepared };
  try {
    return { entry: completeEntry(prepared, slug) };
  } catch (error) {
    return { error: asIngestError(error, prepared.label) };
  }
}

/** The runner that does the work in this thread, synchronously (`draftNow`, `refinishNow`). */
export class InProcessRunner implements SourceRunner {
  readonly #topics: readonly Topic[];
  readonly #prepared = new Map<string, Map<string, Prepared | IngestError>>();

  constructor(topics: readonly Topic[]) {
    this.#topics = topics;
  }

  draftNow(tasks: readonly SourceTask[], stopAtError: boolean): DraftedSource[] {
    const results: DraftedSource[] = [];
    for (const task of tasks) {
      const { drafted, prepared } = draftSource(task, this.#topics);
      this.#prepared.set(task.file, prepared);
      results.push(drafted);
      if (stopAtError && 'error' in drafted) break;
    }
    return results;
  }

  refinishNow(requests: readonly RefinishRequest[]): Made[] {
    return requests.map(({ file, label, slug }) => complete(this.#prepared.get(file)!.get(label)!, slug));
  }

  async draft(tasks: readonly SourceTask[], stopAtError: boolean): Promise<DraftedSource[]> {
    return this.draftNow(tasks, stopAtError);
  }

  async refinish(requests: readonly RefinishRequest[]): Promise<Made[]> {
    return this.refinishNow(requests);
  }
}

/** Ingest every source, in file-name order so output never depends on the file system; in this thread. */
export function ingestSources(sources: readonly SourceFile[], context: IngestContext): IngestResult {
  const plan = planIngest(sources, context);
  const runner = new InProcessRunner(context.topics);
  const resolved = resolveIngest(plan, runner.draftNow(plan.tasks, !context.keepGoing), context);
  return finishIngest(resolved, runner.refinishNow(resolved.refinish), context);
}

/**
 * ingestSources with the per-source work run by `runnerFor(number of sources to draft)` (scripts/ingest/pool.ts),
 * or in this thread when it gives none: the same result either way.
 */
export async function ingestSourcesWith(
  sources: readonly SourceFile[],
  context: IngestContext,
  runnerFor: (tasks: number) => SourceRunner | undefined,
): Promise<IngestResult> {
  const plan = planIngest(sources, context);
  const runner = runnerFor(plan.tasks.length) ?? new InProcessRunner(context.topics);
  const resolved = resolveIngest(plan, await runner.draft(plan.tasks, !context.keepGoing), context);
  return finishIngest(resolved, await runner.refinish(resolved.refinish), context);
}

/** The sources in file-name order, each with its cache key, and the ones the cache does not cover, to draft. */
interface Plan {
  ordered: SourceFile[];
  bySource: Map<string, SourceFile>;
  steps: ({ source: SourceFile; key: Omit<CachedSource, 'drafts'> } & ({ cached: CachedSource } | { task: number }))[];
  tasks: SourceTask[];
}

function planIngest(sources: readonly SourceFile[], context: IngestContext): Plan {
  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const bySource = new Map(ordered.map((source) => [source.file, source]));
  const topicsHash = sha256(JSON.stringify(context.topics));
  const tasks: SourceTask[] = [];
  const steps = ordered.map((source): Plan['steps'][number] => {
    const key = {
      sha256: source.sha256 ?? sha256(source.bytes),
      pipelineVersion: PIPELINE_VERSION,
      catalogHash: sha256(JSON.stringify(context.catalog[source.file] ?? null)),
      topicsHash,
    };
    const cached = context.cache?.[source.file];
    if (cached && cached.sha256 === key.sha256 && cached.pipelineVersion === key.pipelineVersion && cached.catalogHash === key.catalogHash && cached.topicsHash === key.topicsHash) {
      return { source, key, cached };
    }
    tasks.push({ file: source.file, bytes: source.bytes, catalogEntry: context.catalog[source.file] });
    return { source, key, task: tasks.length - 1 };
  });
  return { ordered, bySource, steps, tasks };
}

/** A draft on its way through the cross-source steps: its record, and its entry unless it came from the cache. */
interface Planned {
  record: CachedDraft;
  made: Made | null;
}

/** After the cross-source steps: every draft, which are kept and with what slug, and what to make again. */
interface Resolved {
  plan: Plan;
  keys: Map<string, Omit<CachedSource, 'drafts'>>;
  planned: Planned[];
  kept: Planned[];
  slugs: string[];
  skipped: IngestResult['skipped'];
  warnings: string[];
  errors: IngestError[];
  /** Requests to make again the kept drafts whose slug is not the one they asked for, and which is whose. */
  refinish: RefinishRequest[];
  refinishIndex: Map<Planned, number>;
}

/** The cross-source steps, in file order: the drafts and errors of every source, duplicate items, unique slugs. */
function resolveIngest(plan: Plan, drafted: readonly (DraftedSource | undefined)[], context: IngestContext): Resolved {
  const keys = new Map<string, Omit<CachedSource, 'drafts'>>();
  const planned: Planned[] = [];
  const errors: IngestError[] = [];
  for (const step of plan.steps) {
    if ('cached' in step) {
      keys.set(step.source.file, step.key);
      planned.push(...step.cached.drafts.map((record) => ({ record: { ...record }, made: null })));
      continue;
    }
    const result = drafted[step.task]!;
    if ('error' in result) {
      errors.push(result.error);
      if (!context.keepGoing) break;
      continue;
    }
    planned.push(...result.drafts);
    keys.set(step.source.file, step.key);
  }
  for (const file of Object.keys(context.catalog)) {
    if (!plan.bySource.has(file)) {
      errors.push(new IngestError(`catalog names "${file}", which is not in corpus/sources/`, { file: 'corpus/catalog.yaml' }));
    }
  }
  const { kept, skipped, notes } = dropDuplicateItems(planned);
  const { slugs, renamed } = uniqueSlugs(kept.map(({ record }) => ({ slug: record.wantedSlug, label: record.label })));
  const warnings = [...notes, ...skipped.map(({ label, reason }) => `${label}: ${reason}`), ...renamed];
  const refinish: RefinishRequest[] = [];
  const refinishIndex = new Map<Planned, number>();
  // Without --keep-going, an error means no entry is made (finishIngest), so none is made again either.
  if (errors.length === 0 || context.keepGoing) {
    kept.forEach((item, index) => {
      if (item.made === null || slugs[index] === item.record.wantedSlug) return;
      refinishIndex.set(item, refinish.length);
      refinish.push({ file: item.record.file, label: item.record.label, slug: slugs[index]! });
    });
  }
  return { plan, keys, planned, kept, slugs, skipped, warnings, errors, refinish, refinishIndex };
}

/** Every kept draft's entry, in file order: unchanged from the cache, made by the runner, or made now. */
function finishIngest(resolved: Resolved, refinished: readonly Made[], context: IngestContext): IngestResult {
  const { plan, keys, planned, kept, slugs, skipped, warnings, errors } = resolved;
  const entries: Entry[] = [];
  const unchanged: UnchangedEntry[] = [];
  // A cached draft whose slug changed is made again from its source (pure, so the same draft as last time).
  const redrafted = new Map<string, Map<string, Draft>>();
  const draftOf = (record: CachedDraft): Draft => {
    let drafts = redrafted.get(record.file);
    if (drafts === undefined) {
      drafts = new Map(draftsFromSource(plan.bySource.get(record.file)!, context.catalog[record.file]).map((made) => [made.label, made.draft]));
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
    let made: Made;
    if (item.made === null) {
      const previous = context.cache?.[record.file]?.drafts.find((cached) => cached.label === record.label)?.entry;
      if (previous && previous.slug === slug) {
        unchanged.push({ label: record.label, slug, bytes: previous.bytes });
        record.entry = previous;
        return;
      }
      try {
        made = { entry: finishEntry(draftOf(record), slug, record.label, context.topics) };
      } catch (error) {
        made = { error: asIngestError(error, record.label) };
      }
    } else {
      const again = resolved.refinishIndex.get(item);
      made = again === undefined ? item.made : refinished[again]!;
    }
    if ('error' in made) {
      errors.push(made.error);
      return;
    }
    entries.push(made.entry);
    record.entry = { slug, bytes: Buffer.byteLength(made.entry.mdx) };
  });
  const cache: IngestCache = {};
  for (const [file, key] of keys) cache[file] = { ...key, drafts: [] };
  for (const { record } of planned) cache[record.file]?.drafts.push(record);
  return { entries, unchanged, cache, warnings, errors, skipped, sources: plan.ordered.length };
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
  return completeEntry(prepareEntry(draft, label, topics), slug);
}

/** Everything finishEntry does before the slug is needed, kept by the thread that drafted the source so the
 * entry can be completed again with another slug. */
export interface Prepared {
  label: string;
  draft: Draft;
  /** The body as MDX (serializeBody), and its plain text before serializing. */
  body: string;
  expectedText: string;
  /** The topics the entry gets and its passages. */
  topics: string[];
  passages: Article['passages'];
  /** The safety gate's verdict on the body's tree; the entry's file is checked with it (checkEntryMdx). */
  verdict: BodyVerdict;
}

/** The slug-independent part of finishEntry: serialize the body, parse it back, classify, check the body. */
export function prepareEntry(draft: Draft, label: string, topics: readonly Topic[]): Prepared {
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
  const expectedText = toString(draft.body);
  // The safety gate, on the body's parse: an entry that is exactly frontmatter + this body is checked by it.
  const verdict = checkBodyTree(bodyTree, label, expectedText);
  return { label, draft, body, expectedText, topics: chosen, passages: groupPassages(classified.passages, chosen), verdict };
}

/** The rest of finishEntry, with the slug: validate with the shared schema, serialize, run the safety gate. */
export function completeEntry(prepared: Prepared, slug: string): Entry {
  const { label, draft, body, expectedText, topics, passages, verdict } = prepared;
  const result = articleSchema.safeParse({ ...draft.article, slug, topics, passages });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new IngestError(`entry field ${issue.path.join('.')}: ${issue.message}`, { file: label });
  }
  const mdx = serializeEntry(result.data, draft.body);
  checkEntryMdx(mdx, body, verdict, label, expectedText);
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

