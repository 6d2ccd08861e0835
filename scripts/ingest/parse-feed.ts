/**
 * Feed XML -> channel and items, with validation on. RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom 1.0.
 * Tag values stay strings ("00123" stays "00123"); items are always an array; entity expansion is limited.
 * "<rss><channel><title>T</title><item><title>A</title></item></channel></rss>"
 *   -> { channel: { title: "T", ... }, items: [{ title: "A", ... }] }
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceFormat } from '../../src/schemas/article.ts';
import { parseFeedDate } from './dates.ts';
import { IngestError, positionAt } from './errors.ts';

/** What a feed says about itself. */
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
  title: string | null;
  /** Summary or description, as text or HTML. */
  description: string | null;
  link: string | null;
  guid: string | null;
  author: string | null;
  /** The raw date string as found, for messages. */
  rawDate: string | null;
  /** The date as ISO, or null when missing or unreadable. */
  publishedAt: string | null;
  image: string | null;
  /** Full HTML content (content:encoded, Atom content), or null. */
  html: string | null;
}

export interface ParsedFeed {
  channel: FeedChannel;
  items: FeedItem[];
}

/** Limits on entity expansion (billion-laughs defence); exceeding them is an error. */
export const ENTITY_LIMITS = {
  maxEntitySize: 10_000,
  maxExpansionDepth: 4,
  maxTotalExpansions: 1_000,
  maxExpandedLength: 100_000,
  maxEntityCount: 100,
};

type Node = Record<string, unknown>;

/** Validate and parse a feed, or throw an IngestError with file:line:column. */
export function parseFeed(xml: string, format: SourceFormat, file: string): ParsedFeed {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new IngestError(`malformed XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col });
  }
  // Feeds never need their own entities; refusing them closes the entity-expansion (billion laughs) door.
  const entity = /<!ENTITY\b/i.exec(xml);
  if (entity) {
    const { line, column } = positionAt(xml, entity.index);
    throw new IngestError('feed declares its own XML entities (<!ENTITY>); refused as a possible entity-expansion attack', { file, line, column });
  }
  let document: Node;
  try {
    document = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      processEntities: { enabled: true, ...ENTITY_LIMITS },
      isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
    }).parse(xml) as Node;
  } catch (error) {
    throw new IngestError(`could not parse feed: ${(error as Error).message}`, { file }, { cause: error });
  }
  if (format === 'atom') return readAtom(child(document, 'feed'));
  if (format === 'rdf') {
    const rdf = child(document, 'rdf:RDF');
    return readRss(child(rdf, 'channel'), asArray(rdf['item']));
  }
  const channel = child(child(document, 'rss'), 'channel');
  return readRss(channel, asArray(channel['item']));
}

function readRss(channel: Node, items: Node[]): ParsedFeed {
  return {
    channel: {
      title: text(channel['title']),
      description: text(channel['description']),
      link: firstLink(channel['link']),
      copyright: text(channel['copyright']) ?? text(channel['dc:rights']),
      language: text(channel['language']) ?? text(channel['dc:language']),
      image: text(child(channel, 'image')['url']),
    },
    items: items.map((item, position) => {
      const rawDate = text(item['pubDate']) ?? text(item['dc:date']);
      const enclosure = child(item, 'enclosure');
      const enclosureType = attribute(enclosure, 'type');
      return {
        index: position + 1,
        title: text(item['title']),
        description: text(item['description']),
        link: firstLink(item['link']),
        guid: text(item['guid']) ?? attribute(item, 'rdf:about'),
        author: text(item['dc:creator']) ?? text(item['author']),
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image: enclosureType === null || enclosureType.startsWith('image/') ? attribute(enclosure, 'url') : null,
        html: text(item['content:encoded']),
      };
    }),
  };
}

function readAtom(feed: Node): ParsedFeed {
  return {
    channel: {
      title: text(feed['title']),
      description: text(feed['subtitle']),
      link: atomLink(feed['link'], 'alternate'),
      copyright: text(feed['rights']),
      language: attribute(feed, 'xml:lang'),
      image: text(feed['logo']) ?? text(feed['icon']),
    },
    items: asArray(feed['entry']).map((entry, position) => {
      const rawDate = text(entry['published']) ?? text(entry['updated']);
      const authors = asArray(entry['author']).map((author) => text(author['name'])).filter((name) => name !== null);
      return {
        index: position + 1,
        title: text(entry['title']),
        description: text(entry['summary']),
        link: atomLink(entry['link'], 'alternate'),
        guid: text(entry['id']),
        author: authors.length > 0 ? authors.join(', ') : null,
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image: atomLink(entry['link'], 'enclosure'),
        html: text(entry['content']),
      };
    }),
  };
}

function child(node: unknown, name: string): Node {
  const value = (node as Node | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null ? (first as Node) : {};
}

function asArray(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as Node) : { '#text': String(entry) }));
}

/** The text of an element, whether it came as a plain value or an object with attributes. */
function text(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const raw = typeof first === 'object' && first !== null ? (first as Node)['#text'] : first;
  if (raw === undefined || raw === null) return null;
  const string = String(raw).trim();
  return string === '' ? null : string;
}

function attribute(node: Node, name: string): string | null {
  const value = node[`@_${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function firstLink(value: unknown): string | null {
  for (const link of asArray(value)) {
    const found = text(link) ?? attribute(link, 'href');
    if (found !== null) return found;
  }
  return null;
}

function atomLink(value: unknown, rel: string): string | null {
  const links = asArray(value);
  const match = links.find((link) => (attribute(link, 'rel') ?? 'alternate') === rel);
  return match === undefined ? null : attribute(match, 'href');
}
