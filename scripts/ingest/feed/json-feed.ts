/**
 * JSON Feed (1.0 and 1.1, https://www.jsonfeed.org/version/1.1/) -> ParsedFeed, the same shape RSS and Atom give.
 * Hand-written: the format is a dozen documented keys over JSON.parse, and the maintained parsers on npm
 * either fetch over the network or return their own shape; this maps the keys straight onto FeedItem.
 * `content_html` is HTML as feeds give it; `content_text` is plain text, escaped into paragraphs. Authors:
 * 1.1's `authors` (item, else feed), or 1.0's `author`. A document that is JSON but not a JSON Feed, or not
 * JSON at all, is an IngestError with line:column.
 * { "version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{ "id": "1", "content_text": "Hi" }] }
 *   -> { channel: { title: "T", ... }, items: [{ index: 1, guid: "1", html: "<p>Hi</p>", ... }] }
 */
import { IngestError, positionAt } from '../../../src/core/errors.ts';
import { parseFeedDate } from '../dates.ts';
import type { FeedItem, ParsedFeed } from './parse-feed.ts';
import { resolveLink, resolveUrl, toWebUrl } from './urls.ts';
import { escapeHtml, textToHtml } from './xhtml.ts';
import { joinNames } from './xml-tree.ts';

type Json = Record<string, unknown>;

/** Read a JSON Feed, or throw naming the file (and line:column for a syntax error). */
export function readJsonFeed(text: string, file: string): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    // V8: "... in JSON at position 123 (line 4 column 7)"; the position is enough to place it.
    const offset = /position (\d+)/.exec((error as Error).message)?.[1];
    const place = offset === undefined ? {} : positionAt(text, Number(offset));
    throw new IngestError(`malformed JSON: ${(error as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '')}`, { file, ...place });
  }
  if (!isObject(document) || typeof document['version'] !== 'string') {
    throw new IngestError('JSON that is not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1"); supply the feed, or plain text', { file });
  }
  if (!Array.isArray(document['items'])) throw new IngestError('JSON Feed without an "items" array', { file });
  const warnings: string[] = [];
  // The spec's version is a URL; some generators write the bare number. Either names the same format.
  if (!/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/.test(document['version'])) {
    if (!/^1(\.\d+)?$/.test(document['version']))
      throw new IngestError(`JSON Feed version "${document['version']}" is not one this ingest reads (1.0, 1.1)`, { file });
    warnings.push(
      `JSON Feed version "${document['version']}" is written without its URL (https://jsonfeed.org/version/${document['version']}): read as that version`,
    );
  }
  const home = toWebUrl(string(document['home_page_url']));
  const base = home ?? toWebUrl(string(document['feed_url']));
  const feedAuthors = authorNames(document);
  return {
    warnings,
    channel: {
      title: escapeTitle(string(document['title'])),
      description: escapeTitle(string(document['description'])),
      link: home,
      copyright: null,
      language: string(document['language']),
      image: resolveUrl(string(document['icon']) ?? string(document['favicon']), base),
    },
    items: document['items'].map((value, position): FeedItem => {
      const item = isObject(value) ? value : {};
      const rawDate = string(item['date_published']) ?? string(item['date_modified']);
      const html = string(item['content_html']);
      const plain = string(item['content_text']);
      const id = item['id'];
      return {
        index: position + 1,
        title: escapeTitle(string(item['title'])),
        description: escapeTitle(string(item['summary'])),
        ...resolvedLink(string(item['url']) ?? string(item['external_url']), home, toWebUrl(string(document['feed_url']))),
        feedLink: null,
        // 1.0 allowed a number; the spec says to treat it as a string.
        guid: typeof id === 'number' ? String(id) : string(id),
        author: authorNames(item) ?? feedAuthors,
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image: resolveUrl(string(item['image']) ?? string(item['banner_image']), base),
        html: html ?? (plain === null ? null : textToHtml(plain)),
        contentBase: null,
        notes: [],
      };
    }),
  };
}

/** An item's url resolved against the home page, then the feed's own address; a note when neither makes it absolute. */
function resolvedLink(value: string | null, home: string | null, feedUrl: string | null): { link: string | null; linkNote: string | null } {
  const { link, note } = resolveLink(value, [
    { what: 'home_page_url', base: home },
    { what: 'feed_url', base: feedUrl },
  ]);
  return { link, linkNote: note };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string value, else null. */
function string(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** JSON Feed titles and summaries are plain text; FeedItem carries them as HTML (RSS and Atom may put markup there). */
function escapeTitle(value: string | null): string | null {
  return value === null ? null : escapeHtml(value);
}

/** The names of 1.1's `authors` array, or of 1.0's `author` object, joined; null when none is named. */
function authorNames(owner: Json): string | null {
  const list = Array.isArray(owner['authors']) ? owner['authors'] : isObject(owner['author']) ? [owner['author']] : [];
  return joinNames(list.map((author) => (isObject(author) ? string(author['name']) : null)));
}
