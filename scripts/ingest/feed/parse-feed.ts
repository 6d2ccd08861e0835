/**
 * A feed -> channel and items: RSS 2.0 / 0.9x, RSS 1.0 (RDF), Atom 1.0 and JSON Feed (json-feed.ts). Whitespace before
 * the XML declaration (a common server fault every reader accepts) is tolerated with a warning, and positions in
 * errors stay those of the file as received. Well-formedness is checked
 * first (scan-xml.ts: every error carries line:column), then fast-xml-parser's validator, then the tree is
 * built (xml-tree.ts) and read as RSS (rss.ts) or Atom (atom.ts). Every value that may hold markup comes
 * out as HTML; relative URLs resolve against xml:base and are kept for the HTML converter.
 * "<rss><channel><title>T</title><item><title>A</title></item></channel></rss>"
 *   -> { channel: { title: "T", ... }, items: [{ title: "A", ... }] }
 */
import { XMLValidator } from 'fast-xml-parser';
import type { SourceFormat } from '../../../src/schemas/article.ts';
import { IngestError } from '../../../src/core/errors.ts';
import { scanXml } from '../scan-xml.ts';
import { readAtom } from './atom.ts';
import { readJsonFeed } from './json-feed.ts';
import { readRss } from './rss.ts';
import { findChild, findChildren, createEmptyElement, parseXmlTree, type XmlElement } from './xml-tree.ts';

/** What a feed says about itself. Title and description are HTML (as feeds give them). */
export interface FeedChannel {
  title: string | null;
  description: string | null;
  link: string | null;
  copyright: string | null;
  language: string | null;
  image: string | null;
}

/** One feed item, as the feed gives it (values untrusted). */
export interface FeedItem {
  /** 1-based position in the feed. */
  index: number;
  /** Title as HTML (entities and tags allowed; the article keeps only its text). */
  title: string | null;
  /** Summary or description, as HTML. */
  description: string | null;
  /** The item's own link, resolved against xml:base, then the feed's alternate link, then its self link; may still be
   * relative or non-web, and then `linkNote` says why. */
  link: string | null;
  /** Why `link` is not an absolute web address (what was tried); null when it is, or when there is no link. */
  linkNote: string | null;
  /** The link as the feed gave it when `link` is the publisher's own address instead (FeedBurner's origLink:
   * feedburner.ts): the redirect, kept for provenance; null otherwise. */
  feedLink: string | null;
  guid: string | null;
  author: string | null;
  /** The raw date string as found, for messages. */
  rawDate: string | null;
  /** The date as ISO, or null when missing or unreadable. */
  publishedAt: string | null;
  image: string | null;
  /** Full HTML content (content:encoded, Atom content), or null. */
  html: string | null;
  /** Absolute xml:base in scope of the content, for resolving relative links in it; null when none. */
  contentBase: string | null;
  /** The item's own language where the feed gives one (an Atom entry's xml:lang); the channel's applies otherwise. */
  language?: string | null;
  /** Problems with this item the curator should know about (content left out, unknown content type). */
  notes: string[];
}

export interface ParsedFeed {
  channel: FeedChannel;
  items: FeedItem[];
  /** Harmless faults tolerated in the feed as a whole, for the curator. */
  warnings?: string[];
}

/** Validate and parse a feed, or throw an IngestError with file:line:column. */
export function parseFeed(text: string, format: SourceFormat, file: string): ParsedFeed {
  if (format === 'json') return readJsonFeed(text, file);
  // XML allows nothing before its declaration; WordPress and Hugo sites often send a blank line first.
  const lead = /^\s+(?=<\?xml\b)/.exec(text)?.[0] ?? '';
  if (lead === '') return parseXmlFeed(text, format, file);
  const lines = lead.split('\n').length - 1;
  const shift = lead.length - (lead.lastIndexOf('\n') + 1);
  try {
    const feed = parseXmlFeed(text.slice(lead.length), format, file);
    const what = lines > 0 ? `${lines} blank line${lines === 1 ? '' : 's'}` : 'whitespace';
    return { ...feed, warnings: [...(feed.warnings ?? []), `${what} before the XML declaration: tolerated (XML allows nothing there)`] };
  } catch (error) {
    if (!(error instanceof IngestError) || error.line === undefined) throw error;
    const line = error.line + lines;
    const column = error.column === undefined ? undefined : error.line === 1 ? error.column + shift : error.column;
    throw new IngestError(error.detail, { file, line, ...(column !== undefined && { column }) }, { cause: error.cause });
  }
}

/** Validate and parse an XML feed that starts as XML should, or throw an IngestError with file:line:column. */
function parseXmlFeed(xml: string, format: SourceFormat, file: string): ParsedFeed {
  const { htmlEntities } = scanXml(xml, file);
  // A second opinion on what the scanner does not check (attribute syntax, names, text outside the root).
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new IngestError(`malformed XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col });
  }
  let nodes;
  try {
    nodes = parseXmlTree(xml, htmlEntities);
  } catch (error) {
    throw new IngestError(`could not parse feed: ${(error as Error).message}`, { file }, { cause: error });
  }
  const root = nodes.find((node): node is XmlElement => typeof node !== 'string');
  if (root === undefined) throw new IngestError('the feed has no root element', { file });
  if (format === 'atom') return readAtom(root);
  if (format === 'rdf') return readRss(findChild(root, 'channel') ?? createEmptyElement(root), findChildren(root, 'item'));
  const channel = findChild(root, 'channel') ?? createEmptyElement(root);
  return readRss(channel, findChildren(channel, 'item'));
}
