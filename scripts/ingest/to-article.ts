/**
 * Parsed source (plain text or feed item) + catalog fields -> article metadata and body, with the
 * origin of every field recorded. Nothing unknown is invented: missing stays null and is shown as such.
 * feed item { title: "T", author: "Y" } -> { title: "T", origins: { title: "feed", author: "feed", ... } }
 */
import type { SourceEncoding } from './decode.ts';
import type { Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { plainText as treeText } from '../../src/core/plain-text.ts';
import type { Article, Origin, Residue, SourceFormat } from '../../src/schemas/article.ts';
import type { CatalogFields } from '../../src/schemas/catalog.ts';
import { countWords, bodyParagraphs } from './mdast-text.ts';
import type { ParsedText } from './parse-text.ts';
import { deriveTitle } from './text/title.ts';
import type { FeedChannel, FeedItem } from './feed/parse-feed.ts';
import type { ConvertedHtml } from './html/convert-html.ts';
import { decodeEscapedTwice } from './feed/entities.ts';
import type { ConvertedMarkdown } from './markdown/convert-markdown.ts';
import type { FrontMatterFields } from './markdown/front-matter-fields.ts';

/** Words per minute used for reading time. */
export const WORDS_PER_MINUTE = 230;

/** An article before its slug is final and topics are assigned. */
export interface Draft {
  /** Everything but what make-entry.ts adds: slug, topics, passages, stance and the language (language.ts). */
  article: Omit<Article, 'slug' | 'topics' | 'passages' | 'stance' | 'lang' | 'origins'> & { origins: Omit<Article['origins'], 'lang'> };
  wantedSlug: string | undefined;
  catalogTopics: string[] | undefined;
  /** The catalog's stance per topic; make-entry checks its topics against the article's. */
  catalogStance: CatalogFields['stance'];
  /** The catalog's `lang:`, when set. */
  catalogLang?: string | undefined;
  /** The language the source declares for this text, as written (feed `<language>`, `xml:lang`); null when none. */
  declaredLang?: string | null;
  body: Root;
}

interface SourceInfo {
  file: string;
  format: SourceFormat;
  sha256: string;
  warnings: readonly string[];
  /** How the text was decoded, when it is not plain UTF-8 (decode.ts). */
  encoding?: SourceEncoding | undefined;
}

type Field<T> = { value: T | null; origin: Origin };

/** What the source itself gives a plain text (an e-mail's Subject, From display name and Date); null when it does not. */
export interface GivenFields {
  title: string | null;
  author: string | null;
  publishedAt: string | null;
}

/** A draft from a plain-text source, with the fields the source itself gives (an e-mail's headers). */
export function draftFromText(parsed: ParsedText, source: SourceInfo, fields: CatalogFields = {}, givenFields?: GivenFields): Draft {
  const warnings = [...source.warnings];
  if (parsed.truncated) warnings.push('text ends mid-sentence: marked truncated');
  let body = parsed.body;
  // A catalog title replaces the headline the text was read as; the headline's words stay on the page.
  if (givenFields?.title == null && fields.title !== undefined && parsed.titleRule !== 'first-sentence' && fields.title !== parsed.title) {
    body = { ...body, children: [{ type: 'paragraph', children: [{ type: 'text', value: parsed.title }] }, ...body.children] };
    warnings.push('the catalog title replaces the first line, which is kept as the first paragraph');
  }
  return assemble({
    source,
    item: null,
    guid: null,
    title: givenFields?.title == null ? { value: parsed.title, origin: 'inferred' } : given(givenFields.title),
    dek: none(),
    author: given(givenFields?.author ?? null),
    outlet: none(),
    url: none(),
    publishedAt: given(givenFields?.publishedAt ?? null),
    body,
    residue: parsed.residue,
    truncated: parsed.truncated,
    image: null,
    warnings,
    fields,
  });
}

/** A draft from one feed item and its converted HTML body. */
export function draftFromFeedItem(channel: FeedChannel, item: FeedItem, converted: ConvertedHtml, source: SourceInfo, fields: CatalogFields = {}): Draft {
  const warnings = [
    ...source.warnings,
    ...item.notes.map((note) => `item ${item.index}: ${note}`),
    ...converted.removed.map((note) => `removed ${note}`),
    ...converted.notices,
  ];
  const firstParagraph = bodyParagraphs(converted.tree)[0]?.prose ?? '';
  let title: Field<string> = given(plainText(item.title));
  if (title.value === null) {
    title = { value: deriveTitle(firstParagraph) || `Item ${item.index}`, origin: 'inferred' };
    warnings.push(`item ${item.index} has no title: title inferred from its first sentence`);
  }
  const url = isWebUrl(item.link) ? given(item.link) : none<string>();
  if (item.link !== null && url.value === null)
    warnings.push(`item ${item.index} ${item.linkNote ?? `link "${item.link}" is not a web address (http or https)`}: the canonical URL is shown as not known`);
  if (item.link === null) warnings.push(`item ${item.index} has no link`);
  if (item.rawDate === null) warnings.push(`item ${item.index} has no date: shown as undated`);
  else if (item.publishedAt === null) warnings.push(`item ${item.index} date "${item.rawDate}" could not be read: shown as undated`);
  const enclosure = isWebUrl(item.image) ? { src: item.image, alt: null } : null;
  return assemble({
    source,
    item: item.index,
    guid: item.guid,
    feedLink: isWebUrl(item.feedLink) ? item.feedLink : null,
    title,
    dek: given(item.html === null ? null : plainText(item.description)),
    author: given(plainText(item.author)),
    outlet: given(plainText(channel.title)),
    url,
    publishedAt: given(item.publishedAt),
    body: converted.tree,
    residue: converted.residue,
    truncated: false,
    image: converted.image ?? enclosure,
    warnings,
    fields,
    declaredLang: item.language ?? channel.language,
  });
}

/** A draft from a Markdown source: its header's fields (given by the source) and its converted body. A title the
 * header does not give is the body's opening level-1 heading, else its first sentence, both marked inferred. */
export function draftFromMarkdown(header: FrontMatterFields, converted: ConvertedMarkdown, source: SourceInfo, fields: CatalogFields = {}): Draft {
  const warnings = [...source.warnings, ...header.warnings, ...converted.removed.map((note) => `removed ${note}`), ...converted.notices];
  let title: Field<string> = given(header.title);
  if (title.value === null) {
    const firstParagraph = bodyParagraphs(converted.tree)[0]?.prose ?? '';
    title = { value: converted.leadingHeading ?? (deriveTitle(firstParagraph) || null), origin: 'inferred' };
    const how = converted.leadingHeading === null ? 'its first sentence' : 'its opening heading';
    warnings.push(`no title in a front matter block: title inferred from ${how}`);
  }
  const draft = assemble({
    source,
    item: null,
    guid: null,
    title,
    dek: given(header.dek),
    author: given(header.author),
    outlet: none(),
    url: given(header.url),
    publishedAt: given(header.publishedAt),
    body: converted.tree,
    residue: converted.residue,
    truncated: false,
    image: converted.image,
    warnings,
    fields,
  });
  if (header.tags.length > 0) draft.article.sourceTags = header.tags;
  // A language the header declares is the source's: the language stage (make-entry.ts) takes it as declared.
  if (header.lang !== null) draft.declaredLang = header.lang;
  return draft;
}

interface Parts {
  source: SourceInfo;
  item: number | null;
  guid: string | null;
  /** The item's link as the feed gave it, when the article's address is another (feedburner.ts). */
  feedLink?: string | null;
  title: Field<string>;
  dek: Field<string>;
  author: Field<string>;
  outlet: Field<string>;
  url: Field<string>;
  publishedAt: Field<string>;
  body: Root;
  residue: Residue[];
  truncated: boolean;
  image: Article['image'];
  warnings: string[];
  fields: CatalogFields;
  declaredLang?: string | null;
}

function assemble(parts: Parts): Draft {
  const { fields } = parts;
  const title = override(parts.title, fields.title);
  const dek = override(parts.dek, fields.dek);
  const author = override(parts.author, fields.author);
  const outlet = override(parts.outlet, fields.outlet);
  const url = override(parts.url, fields.url);
  const publishedAt = override(parts.publishedAt, fields.date);
  const wordCount = countWords(parts.body);
  return {
    wantedSlug: fields.slug,
    catalogTopics: fields.topics,
    catalogStance: fields.stance,
    catalogLang: fields.lang,
    declaredLang: parts.declaredLang ?? null,
    body: parts.body,
    article: {
      title: title.value ?? 'Untitled',
      dek: dek.value,
      author: author.value,
      outlet: outlet.value,
      url: url.value,
      publishedAt: publishedAt.value,
      origins: {
        title: title.origin,
        dek: dek.origin,
        author: author.origin,
        outlet: outlet.origin,
        url: url.origin,
        publishedAt: publishedAt.origin,
        topics: fields.topics ? 'catalog' : 'inferred',
      },
      source: {
        file: parts.source.file,
        format: parts.source.format,
        sha256: parts.source.sha256,
        guid: parts.guid,
        item: parts.item,
        ...(parts.feedLink && { feedLink: parts.feedLink }),
        ...(parts.source.encoding && { encoding: parts.source.encoding }),
      },
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
      truncated: parts.truncated,
      residue: parts.residue,
      image: parts.image,
      warnings: parts.warnings,
    },
  };
}

function override(field: Field<string>, catalogValue: string | undefined): Field<string> {
  return catalogValue === undefined ? field : { value: catalogValue, origin: 'catalog' };
}

function given(value: string | null): Field<string> {
  return value === null ? none() : { value, origin: 'feed' };
}

function none<T>(): Field<T> {
  return { value: null, origin: 'unknown' };
}

/** Feed titles, descriptions and names may carry markup or entities: keep only their text, its references decoded once. */
function plainText(value: string | null): string | null {
  if (value === null) return null;
  // Script and style bodies are code, not words of the title; a <br> or a block boundary is a space. A reference
  // still in the text was escaped twice by the publisher ("Blog &#8211; InfluxData"): it is decoded, as text.
  const text = decodeEscapedTwice(treeText(fromHtml(value, { fragment: true })));
  return text === '' ? null : text;
}

function isWebUrl(value: string | null): value is string {
  if (value === null) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
