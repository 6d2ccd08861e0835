/**
 * One source -> its drafts (articles before their slug and topics): decode -> detect -> parse (text | feed)
 * -> convert-html (feed items) -> to-article. A plain text gives one draft, a feed one per item; a source
 * that cannot be read throws an IngestError naming it (and the item, where it is one item's fault).
 * { file: "a.txt", bytes: "A headline\n\nBody text." } -> [{ label: "a.txt", draft: { article: { title: "A headline", ... }, body } }]
 */
import type { CatalogEntry } from '../../src/schemas/catalog.ts';
import { IngestError } from '../../src/core/errors.ts';
import { decodeSource } from './decode.ts';
import { detectFormat } from './detect.ts';
import { parseFeed } from './feed/parse-feed.ts';
import { sha256 } from './hash.ts';
import { convertHtml } from './html/convert-html.ts';
import { parseText } from './parse-text.ts';
import { draftFromFeedItem, draftFromText, type Draft } from './to-article.ts';

/** A draft with the name messages give its source: `file` or `file item N`. */
export interface LabelledDraft {
  label: string;
  draft: Draft;
}

/** Draft one source with its catalog entry. */
export function draftSource(source: { file: string; bytes: Uint8Array }, entry: CatalogEntry | undefined): LabelledDraft[] {
  const { text, warnings } = decodeSource(source.bytes, source.file);
  const format = detectFormat(text, source.file);
  const info = { file: source.file, format, sha256: sha256(source.bytes), warnings };
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
      throw new IngestError(
        `item ${item.index}${item.title === null ? '' : ` ("${clipTitle(item.title)}")`} has ${what}${notes}: there is no text to publish`,
        {
          file: source.file,
        },
      );
    }
    // Relative links resolve against xml:base when the feed sets one, else against the item's own link.
    const baseUrl = item.contentBase ?? (isWebUrl(item.link) ? item.link : null);
    const converted = convertHtml(html, baseUrl === null ? {} : { baseUrl });
    const fields = { ...pickFeedFields(entry), ...(item.guid === null ? {} : entry?.items?.[item.guid]) };
    return { draft: draftFromFeedItem(feed.channel, item, converted, info, fields), label };
  });
  if (unused.size > 0) {
    throw new IngestError(`catalog key items.${[...unused][0]} matches no item guid in this feed`, { file: 'corpus/catalog.yaml' });
  }
  return drafts;
}

/** A title's text, short enough for a message. */
function clipTitle(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Feed-level catalog fields apply to every item (outlet, author); title/slug/url/date only per item. */
function pickFeedFields(entry: CatalogEntry | undefined): CatalogEntry {
  if (!entry) return {};
  const { outlet, author, topics } = entry;
  return { ...(outlet && { outlet }), ...(author && { author }), ...(topics && { topics }) };
}

function isWebUrl(value: string | null): value is string {
  return value !== null && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
