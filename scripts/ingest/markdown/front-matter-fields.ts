/**
 * Front matter data -> the article metadata it gives, under the field names the common site generators use
 * (Hugo, Jekyll, Eleventy, Astro, Docusaurus, Hexo, Zola, Obsidian), with a warning for each value that cannot be
 * used. Nothing is guessed: a field the header does not give stays null.
 * { title: "A", pubDate: "2024-05-01", authors: [{ name: "B" }, "C"], tags: "x, y" }
 *   -> { title: "A", publishedAt: "2024-05-01", author: "B, C", tags: ["x", "y"], ... }
 * Hand-written: the generators agree on no schema, and which of their names means what is this table.
 */
import { parseFeedDate } from '../dates.ts';

/** What a Markdown header says about its article. */
export interface FrontMatterFields {
  title: string | null;
  /** description, summary, excerpt or subtitle. */
  dek: string | null;
  /** One name, or several joined with ", ". */
  author: string | null;
  /** ISO date (dates.ts), or null. */
  publishedAt: string | null;
  /** An absolute http(s) canonical address, or null. */
  url: string | null;
  /** The language tag the header declares (`lang`, `language`, `locale`), or null. */
  lang: string | null;
  /** The source's own tags, categories and keywords, as written, without repeats. */
  tags: string[];
  /** Values given but not usable, each saying what the page shows instead. */
  warnings: string[];
}

// Keys are compared lowercased with `_` and `-` removed: `pubDate`, `pub_date` and `pubdate` are one name.
const TITLE_KEYS = ['title'];
const DEK_KEYS = ['description', 'summary', 'excerpt', 'subtitle', 'abstract'];
const AUTHOR_KEYS = ['author', 'authors', 'creator', 'creators', 'byline'];
/** Publication dates in the order the generators prefer them (Hugo's `date` before `publishDate`, Obsidian's `created`). */
const DATE_KEYS = ['date', 'pubdate', 'publishdate', 'published', 'publishedat', 'publishedon', 'datepublished', 'created', 'createdat', 'datecreated'];
/** Dates of a later edit: never a publication date. */
const MODIFIED_KEYS = ['lastmod', 'lastmodified', 'modified', 'updated', 'updatedat', 'datemodified', 'lastupdated'];
const URL_KEYS = ['canonicalurl', 'canonical', 'url', 'permalink', 'link'];
const LANG_KEYS = ['lang', 'language', 'locale'];
const TAG_KEYS = ['tags', 'tag', 'categories', 'category', 'keywords'];

/** Other names the generators' headers commonly carry (layout, ordering, routing, drafts), read as nothing. */
const OTHER_KEYS = [
  'layout',
  'draft',
  'slug',
  'id',
  'aliases',
  'weight',
  'type',
  'template',
  'sidebarposition',
  'sidebarlabel',
  'image',
  'cover',
  'heroimage',
  'series',
  'toc',
  'comments',
  'published',
  'publish',
  'cssclasses',
  'hidden',
];

/** Every field name this module knows (lowercased, `_` and `-` removed): detection asks for at least one. */
export function isFrontMatterFieldName(key: string): boolean {
  return KNOWN_KEYS.has(fieldName(key));
}

function fieldName(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

const KNOWN_KEYS: ReadonlySet<string> = new Set([
  ...TITLE_KEYS,
  ...DEK_KEYS,
  ...AUTHOR_KEYS,
  ...DATE_KEYS,
  ...MODIFIED_KEYS,
  ...URL_KEYS,
  ...LANG_KEYS,
  ...TAG_KEYS,
  ...OTHER_KEYS,
]);

/** Read the metadata of a Markdown source's header. */
export function fieldsFromFrontMatter(data: Record<string, unknown>): FrontMatterFields {
  const fields = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(data)) {
    const name = fieldName(key);
    if (!fields.has(name)) fields.set(name, { key, value });
  }
  const first = (names: readonly string[]) => names.map((name) => fields.get(name)).find((field) => field !== undefined && field.value !== null);
  const warnings: string[] = [];

  const title = text(first(TITLE_KEYS)?.value);
  const dek = text(first(DEK_KEYS)?.value);
  const author = names(first(AUTHOR_KEYS)?.value);

  let publishedAt: string | null = null;
  const date = first(DATE_KEYS);
  if (date !== undefined) {
    const raw = text(date.value);
    publishedAt = raw === null ? null : parseHeaderDate(raw);
    if (publishedAt === null) warnings.push(`front matter ${date.key} "${String(date.value)}" is not a date that can be read: shown as undated`);
  } else {
    const modified = first(MODIFIED_KEYS);
    if (modified !== undefined)
      warnings.push(`front matter gives only a last-modified date (${modified.key}: ${String(modified.value)}), not a publication date: shown as undated`);
  }

  let url: string | null = null;
  for (const name of URL_KEYS) {
    const field = fields.get(name);
    const value = text(field?.value);
    if (field === undefined || value === null) continue;
    if (isWebUrl(value)) {
      url = new URL(value).href;
      break;
    }
    warnings.push(`front matter ${field.key} "${value}" is not a full http(s) address: not used as the canonical URL`);
  }

  const tags = [
    ...new Set(
      TAG_KEYS.flatMap((name) => list(fields.get(name)?.value, name !== 'keywords'))
        .map((tag) => tag.replace(/^#/, '').trim())
        .filter((tag) => tag !== ''),
    ),
  ];
  if (fields.get('draft')?.value === true) warnings.push('front matter marks the text a draft (draft: true)');
  return { title, dek, author, publishedAt, url, lang: text(first(LANG_KEYS)?.value), tags, warnings };
}

/** A scalar as one line of text; lists, objects and empty strings give null. */
function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const line = String(value).replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}

/** Author names: a string, a list of strings, or objects with a `name` (Jekyll, Docusaurus), joined with ", ". */
function names(value: unknown): string | null {
  const items = Array.isArray(value) ? value : [value];
  const found = items
    .map((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? text((item as Record<string, unknown>).name) : text(item)))
    .filter((name): name is string => name !== null);
  return found.length === 0 ? null : [...new Set(found)].join(', ');
}

/** Tags: a list, or one string of comma-separated values (`keywords: "a, b"`); without commas, Jekyll's space-separated
 * `categories: policy treaties` (when `spaced`). */
function list(value: unknown, spaced: boolean): string[] {
  if (Array.isArray(value)) return value.map(text).filter((item): item is string => item !== null);
  const one = text(value);
  if (one === null) return [];
  return one.includes(',') || !spaced ? one.split(',') : one.split(' ');
}

/** A feed-style date (dates.ts), or the month-first "Jul 08 2022" of Astro's blog template, read as "08 Jul 2022". */
function parseHeaderDate(value: string): string | null {
  const monthFirst = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(value);
  return parseFeedDate(monthFirst ? `${monthFirst[2]} ${monthFirst[1]} ${monthFirst[3]}` : value);
}

function isWebUrl(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
}
