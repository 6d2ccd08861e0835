/**
 * One source -> its drafts (articles before their slug and topics): decode -> detect -> parse (text | Markdown |
 * feed) -> convert-html (feed items) or convert-markdown -> to-article, then a feed's boilerplate marked
 * (filters/feed-boilerplate.ts); a plain text that is an e-mail is read by parse-email first. A plain text or a Markdown
 * file gives one draft, a feed one per item; a source
 * that cannot be read throws an IngestError naming it (and the item, where it is one item's fault).
 * { file: "a.txt", bytes: "A headline\n\nBody text." } -> [{ label: "a.txt", draft: { article: { title: "A headline", ... }, body } }]
 */
import type { CatalogEntry } from '../../src/schemas/catalog.ts';
import { IngestError } from '../../src/core/errors.ts';
import { decodeSource } from './decode.ts';
import { detectFormat } from './detect.ts';
import { parseFeed } from './feed/parse-feed.ts';
import { markFeedBoilerplate } from './filters/feed-boilerplate.ts';
import { sha256 } from './hash.ts';
import { convertHtml } from './html/convert-html.ts';
import { convertMarkdownBody, parseMarkdown } from './markdown/convert-markdown.ts';
import { frontMatterLanguage } from './markdown/detect-markdown.ts';
import { fieldsFromFrontMatter } from './markdown/front-matter-fields.ts';
import { readFrontMatter } from './markdown/front-matter.ts';
import { parseEmail, withHeaderBlock } from './parse-email.ts';
import { parseText } from './parse-text.ts';
import { draftFromFeedItem, draftFromMarkdown, draftFromText, type Draft } from './to-article.ts';

/** A draft with the name messages give its source: `file` or `file item N`. */
interface LabelledDraft {
  label: string;
  draft: Draft;
}

/** A feed item that gives no article, and why (the message a curator reads). */
export interface LeftOut {
  label: string;
  reason: string;
}

/** What one source gives: its drafts, the feed items left out (each with a warning; the rest is published), and the
 * warnings about the source as a whole (decoding, feed-level faults), which every draft also carries. */
export interface DraftedSource {
  drafts: LabelledDraft[];
  leftOut: LeftOut[];
  warnings: string[];
}

/** Draft one source with its catalog entry. An unreadable source throws; one bad feed item is only left out. */
export function draftSource(source: { file: string; bytes: Uint8Array }, entry: CatalogEntry | undefined): DraftedSource {
  const { text, warnings, encoding } = decodeSource(source.bytes, source.file, entry?.encoding);
  const format = detectFormat(text, source.file);
  const info = { file: source.file, format, sha256: sha256(source.bytes), warnings, encoding };
  if (format === 'text') {
    const email = parseEmail(text);
    if (email === null) return { drafts: [{ draft: draftFromText(parseText(text), info, entry), label: source.file }], leftOut: [], warnings: [] };
    // An e-mail: its headers give the title, byline and date, its text/plain part is the text, the rest is left out.
    const parsed = withHeaderBlock(parseText(email.body, { titled: email.subject !== null }), email);
    const notes = [...email.notes, ...(email.unreadDate === null ? [] : [`e-mail Date "${email.unreadDate}" could not be read: shown as undated`])];
    const given = { title: email.subject, author: email.author, publishedAt: email.date };
    return {
      drafts: [{ draft: draftFromText(parsed, { ...info, warnings: [...warnings, ...notes] }, entry, given), label: source.file }],
      leftOut: [],
      warnings: [],
    };
  }
  if (format === 'markdown') {
    const parsed = parseMarkdown(text, frontMatterLanguage(text) !== null);
    const header = fieldsFromFrontMatter(parsed.frontMatter === null ? {} : readFrontMatter(parsed.frontMatter, source.file));
    // Relative links resolve against the canonical URL (the catalog's, else the header's).
    const converted = convertMarkdownBody(parsed, { baseUrl: entry?.url ?? header.url, title: entry?.title ?? header.title });
    return { drafts: [{ draft: draftFromMarkdown(header, converted, info, entry), label: source.file }], leftOut: [], warnings: [] };
  }
  const feed = parseFeed(text, format, source.file);
  warnings.push(...(feed.warnings ?? []));
  if (feed.items.length === 0) {
    const expected = format === 'json' ? 'its "items" array is empty' : 'expected at least one <item> or <entry>';
    throw new IngestError(`feed has no items (${expected})`, { file: source.file });
  }
  const unused = new Set(Object.keys(entry?.items ?? {}));
  const drafts: LabelledDraft[] = [];
  const leftOut: LeftOut[] = [];
  for (const item of feed.items) {
    const label = `${source.file} item ${item.index}`;
    if (item.guid !== null) unused.delete(item.guid);
    const html = item.html ?? item.description;
    if (html === null) {
      const what =
        format === 'atom'
          ? 'no <content>, <summary> or media:description'
          : format === 'json'
            ? 'neither content_html nor content_text'
            : 'no <content:encoded>, <description> or itunes:summary';
      const notes = item.notes.length > 0 ? ` (${item.notes.join('; ')})` : '';
      const title = item.title === null ? '' : ` ("${clipTitle(item.title)}")`;
      leftOut.push({ label, reason: `left out: item ${item.index}${title} has ${what}${notes}, so there is no text to publish` });
      continue;
    }
    try {
      // Relative links resolve against xml:base when the feed sets one, else against the item's own link.
      const baseUrl = item.contentBase ?? (isWebUrl(item.link) ? item.link : null);
      const converted = convertHtml(html, baseUrl === null ? {} : { baseUrl });
      const fields = { ...pickFeedFields(entry), ...(item.guid === null ? {} : entry?.items?.[item.guid]) };
      drafts.push({ draft: draftFromFeedItem(feed.channel, item, converted, info, fields), label });
    } catch (error) {
      // One item that cannot be drafted never sinks the rest of its feed.
      leftOut.push({ label, reason: `left out: ${itemFailure(error)}` });
    }
  }
  if (unused.size > 0) {
    throw new IngestError(`catalog key items.${[...unused][0]} matches no item guid in this feed`, { file: 'corpus/catalog.yaml' });
  }
  // A paragraph many of its items repeat (a sign-off, a subscribe line) is the feed's boilerplate: residue.
  markFeedBoilerplate(drafts.map(({ draft }) => draft));
  if (drafts.length === 0) {
    throw new IngestError(`none of the feed's ${feed.items.length} item(s) has text to publish (${leftOut[0]!.reason.replace(/^left out: /, '')})`, {
      file: source.file,
    });
  }
  return { drafts, leftOut, warnings };
}

/** What went wrong with one item, for its left-out warning: an IngestError's message, or an unexpected failure. */
export function itemFailure(error: unknown): string {
  if (error instanceof IngestError) return error.detail;
  return `unexpected failure: ${(error as Error)?.message ?? String(error)}`;
}

/** A title's text, short enough for a message. */
function clipTitle(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Feed-level catalog fields apply to every item (outlet, author, topics, lang); title/slug/url/date only per item. */
function pickFeedFields(entry: CatalogEntry | undefined): CatalogEntry {
  if (!entry) return {};
  const { outlet, author, topics, lang } = entry;
  return { ...(outlet && { outlet }), ...(author && { author }), ...(topics && { topics }), ...(lang && { lang }) };
}

function isWebUrl(value: string | null): value is string {
  return value !== null && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
