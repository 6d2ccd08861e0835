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
import { checkMdx, parseMdx } from './check-mdx.ts';
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
}

/** What the pipeline needs besides the sources. */
export interface IngestContext {
  catalog: Catalog;
  topics: readonly Topic[];
  /** Report every problem instead of stopping at the first. */
  keepGoing?: boolean;
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
  entries: Entry[];
  /** Curator-facing notes, each prefixed with its source. */
  warnings: string[];
  /** Problems that stop the ingest; empty on success. */
  errors: IngestError[];
  /** Feed items left out on purpose (a second copy of an item another feed carries), with the reason. */
  skipped: { label: string; reason: string }[];
  sources: number;
}

/** Ingest every source, in file-name order so output never depends on the file system. */
export function ingestSources(sources: readonly SourceFile[], context: IngestContext): IngestResult {
  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const drafts: { draft: Draft; label: string }[] = [];
  const errors: IngestError[] = [];
  for (const source of ordered) {
    try {
      drafts.push(...draftsFromSource(source, context.catalog[source.file]));
    } catch (error) {
      errors.push(asIngestError(error, source.file));
      if (!context.keepGoing) break;
    }
  }
  for (const file of Object.keys(context.catalog)) {
    if (!ordered.some((source) => source.file === file)) {
      errors.push(new IngestError(`catalog names "${file}", which is not in corpus/sources/`, { file: 'corpus/catalog.yaml' }));
    }
  }
  const { kept, skipped, notes } = dropDuplicateItems(drafts);
  const { slugs, renamed } = uniqueSlugs(
    kept.map(({ draft, label }) => ({ slug: draft.wantedSlug ?? slugify(draft.article.title), label })),
  );
  const warnings = [...notes, ...skipped.map(({ label, reason }) => `${label}: ${reason}`), ...renamed];
  const entries: Entry[] = [];
  kept.forEach(({ draft, label }, index) => {
    warnings.push(...draft.article.warnings.map((warning) => `${label}: ${warning}`));
    if (errors.length > 0 && !context.keepGoing) return;
    try {
      entries.push(finishEntry(draft, slugs[index]!, label, context.topics));
    } catch (error) {
      errors.push(asIngestError(error, label));
    }
  });
  return { entries, warnings, errors, skipped, sources: ordered.length };
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
function dropDuplicateItems(drafts: readonly { draft: Draft; label: string }[]) {
  const kept: { draft: Draft; label: string }[] = [];
  const skipped: { label: string; reason: string }[] = [];
  const notes: string[] = [];
  const byGuid = new Map<string, { draft: Draft; label: string }>();
  for (const entry of drafts) {
    const { guid, file } = entry.draft.article.source;
    const first = guid === null ? undefined : byGuid.get(guid);
    if (first === undefined || first.draft.article.source.file === file) {
      if (guid !== null && first === undefined) byGuid.set(guid, entry);
      kept.push(entry);
      continue;
    }
    const a = first.draft.article;
    const b = entry.draft.article;
    const same = guid!.includes(':') || (a.url !== null && a.url === b.url) || a.title === b.title;
    if (!same) {
      notes.push(`${entry.label}: has the same guid "${guid}" as ${first.label}, but a different title and link; kept as a separate article`);
      kept.push(entry);
      continue;
    }
    const identical = normalizedText(first.draft) === normalizedText(entry.draft);
    skipped.push({
      label: entry.label,
      reason: `left out: the same item (guid "${guid}") as ${first.label}, which is kept${identical ? '' : '; the two copies\' text differs'}`,
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
  const paragraphs = bodyParagraphs(parseMdx(serializeBody(draft.body)));
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
  checkMdx(mdx, label, toString(draft.body));
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

