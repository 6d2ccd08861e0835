/**
 * Feed XML -> channel and items. RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom 1.0 (and Atom 0.3's field names).
 * Well-formedness is checked first (scan-xml.ts: every error carries line:column); then fast-xml-parser
 * builds an ordered tree with entity processing off, and this module decodes the five XML entities and
 * character references itself, so no entity is ever expanded. CDATA is kept verbatim.
 * Every value that may hold markup comes out as HTML: RSS descriptions and content are HTML already;
 * Atom text constructs are converted by their `type` (text is escaped, html decoded, xhtml serialized).
 * Relative URLs resolve against xml:base (feed, entry, element) and are kept for the HTML converter.
 * "<rss><channel><title>T</title><item><title>A</title></item></channel></rss>"
 *   -> { channel: { title: "T", ... }, items: [{ title: "A", ... }] }
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { SourceFormat } from '../../src/schemas/article.ts';
import { parseFeedDate } from './dates.ts';
import { IngestError } from '../../src/core/errors.ts';
import { scanXml } from './scan-xml.ts';

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
  /** The item's own link, resolved against xml:base or the channel link; may still be relative or non-web. */
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
  /** Absolute xml:base in scope of the content, for resolving relative links in it; null when none. */
  contentBase: string | null;
  /** Problems with this item the curator should know about (content left out, unknown content type). */
  notes: string[];
}

export interface ParsedFeed {
  channel: FeedChannel;
  items: FeedItem[];
}

/** One element of the parsed document: decoded attributes and children (text is decoded, CDATA verbatim). */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Absolute http(s) base URL in scope (xml:base), or null. */
  base: string | null;
}
type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Off on purpose: entities are decoded by `decodeXml` below, which knows only the five XML entities and
  // character references (scan-xml.ts has refused everything else), so nothing can expand.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Validate and parse a feed, or throw an IngestError with file:line:column. */
export function parseFeed(xml: string, format: SourceFormat, file: string): ParsedFeed {
  const { htmlEntities } = scanXml(xml, file);
  // A second opinion on what the scanner does not check (attribute syntax, names, text outside the root).
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new IngestError(`malformed XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col });
  }
  let ordered: unknown[];
  try {
    ordered = parser.parse(xml) as unknown[];
  } catch (error) {
    throw new IngestError(`could not parse feed: ${(error as Error).message}`, { file }, { cause: error });
  }
  const decode = (value: string) => decodeXml(value, htmlEntities);
  const root = toTree(ordered, null, decode).find((node): node is XmlElement => typeof node !== 'string');
  if (root === undefined) throw new IngestError('the feed has no root element', { file });
  if (format === 'atom') return readAtom(root);
  if (format === 'rdf') return readRss(child(root, 'channel') ?? emptyElement(root), children(root, 'item'));
  const channel = child(root, 'channel') ?? emptyElement(root);
  return readRss(channel, children(channel, 'item'));
}

// ---------------------------------------------------------------------------
// RSS 2.0, 0.9x and 1.0 (RDF).

function readRss(channel: XmlElement, items: XmlElement[]): ParsedFeed {
  const channelLink = webUrl(resolve(text(child(channel, 'link')), channel.base));
  return {
    channel: {
      title: text(child(channel, 'title')),
      description: text(child(channel, 'description')),
      link: channelLink,
      copyright: text(child(channel, 'copyright')) ?? text(child(channel, 'dc:rights')),
      language: text(child(channel, 'language')) ?? text(child(channel, 'dc:language')),
      image: resolve(text(child(child(channel, 'image'), 'url')), channel.base ?? channelLink),
    },
    items: items.map((item, position) => {
      const base = item.base ?? channelLink;
      const rawDate = text(child(item, 'pubDate')) ?? text(child(item, 'dc:date'));
      const enclosure = child(item, 'enclosure');
      const enclosureType = attribute(enclosure, 'type');
      const guidElement = child(item, 'guid');
      const guid = text(guidElement) ?? attribute(item, 'rdf:about');
      let link = resolve(text(child(item, 'link')) ?? attribute(child(item, 'link'), 'href'), base);
      // RSS 2.0: a guid is the item's permalink unless isPermaLink="false".
      if (link === null && guid !== null && attribute(guidElement, 'isPermaLink') !== 'false' && webUrl(guid) !== null) link = guid;
      const content = child(item, 'content:encoded');
      return {
        index: position + 1,
        title: text(child(item, 'title')),
        description: text(child(item, 'description')),
        link,
        guid,
        author: names(children(item, 'dc:creator').map(text)) ?? rssAuthor(text(child(item, 'author'))),
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image: enclosureType === null || enclosureType.startsWith('image/') ? resolve(attribute(enclosure, 'url'), base) : null,
        html: text(content),
        contentBase: content?.base ?? item.base,
        notes: [],
      };
    }),
  };
}

/** RSS 2.0 `<author>` is an e-mail address, often with the name in parentheses: keep the name. */
function rssAuthor(value: string | null): string | null {
  if (value === null) return null;
  return /^\S+@\S+\s*\((.+)\)$/.exec(value)?.[1]?.trim() ?? value;
}

// ---------------------------------------------------------------------------
// Atom 1.0 (RFC 4287), with Atom 0.3's names for dates.

function readAtom(feed: XmlElement): ParsedFeed {
  const feedAuthors = atomAuthors(feed);
  return {
    channel: {
      title: atomText(child(feed, 'title')).html,
      description: atomText(child(feed, 'subtitle') ?? child(feed, 'tagline')).html,
      link: atomLink(feed, 'alternate'),
      copyright: atomText(child(feed, 'rights') ?? child(feed, 'copyright')).html,
      language: attribute(feed, 'xml:lang'),
      image: resolve(text(child(feed, 'logo')) ?? text(child(feed, 'icon')), feed.base),
    },
    items: children(feed, 'entry').map((entry, position) => {
      const rawDate =
        text(child(entry, 'published')) ?? text(child(entry, 'updated')) ?? text(child(entry, 'issued')) ?? text(child(entry, 'modified'));
      const contentElement = child(entry, 'content');
      const content = atomText(contentElement, 'content');
      const summary = atomText(child(entry, 'summary'));
      const notes = [...content.notes, ...summary.notes];
      return {
        index: position + 1,
        title: atomText(child(entry, 'title')).html,
        description: summary.html,
        link: atomLink(entry, 'alternate'),
        guid: text(child(entry, 'id')),
        // An entry without authors takes the feed's (RFC 4287 section 4.2.1).
        author: atomAuthors(entry) ?? atomAuthors(child(entry, 'source')) ?? feedAuthors,
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image: atomLink(entry, 'enclosure', /^image\//),
        html: content.html,
        contentBase: contentElement?.base ?? entry.base,
        notes,
      };
    }),
  };
}

function atomAuthors(element: XmlElement | undefined): string | null {
  return names(children(element, 'author').map((author) => text(child(author, 'name')) ?? text(author)));
}

/**
 * An Atom text construct (title, summary, content, rights) as HTML, by its `type`:
 * `text` is escaped (blank lines separate paragraphs), `html` is the decoded markup, `xhtml` is the
 * inner XHTML serialized as HTML. Other media types are left out with a note.
 */
function atomText(element: XmlElement | undefined, role: 'content' | 'text' = 'text'): { html: string | null; notes: string[] } {
  if (element === undefined) return { html: null, notes: [] };
  const type = (attribute(element, 'type') ?? 'text').toLowerCase();
  const src = attribute(element, 'src');
  if (role === 'content' && src !== null) {
    return { html: null, notes: [`content is not in the feed (it links to ${src}); the summary is used instead`] };
  }
  if (type === 'html' || type === 'text/html') return { html: text(element), notes: [] };
  if (type === 'xhtml' || /[+/]xml$/.test(type)) {
    // The content is the children of one xhtml:div wrapper (RFC 4287 section 3.1.1.3).
    const elements = element.children.filter((node): node is XmlElement => typeof node !== 'string');
    const wrapper = elements.length === 1 && localName(elements[0]!.name) === 'div' ? elements[0]! : null;
    const html = toHtml(wrapper ? wrapper.children : element.children).trim();
    return { html: html === '' ? null : html, notes: [] };
  }
  if (type === 'text' || type.startsWith('text/')) {
    const value = text(element);
    return { html: value === null ? null : textToHtml(value), notes: [] };
  }
  return { html: null, notes: [`${role === 'content' ? 'content' : 'a text field'} of type "${type}" is not text: left out`] };
}

/** The href of the first link with this rel (default alternate), resolved against its xml:base. */
function atomLink(element: XmlElement, rel: string, type?: RegExp): string | null {
  const links = children(element, 'link').filter((link) => (attribute(link, 'rel') ?? 'alternate') === rel);
  const typed = type ? links.filter((link) => type.test(attribute(link, 'type') ?? '')) : links;
  // Among alternates prefer the HTML page.
  const preferred = typed.find((link) => /html/.test(attribute(link, 'type') ?? 'text/html')) ?? typed[0];
  return preferred === undefined ? null : resolve(attribute(preferred, 'href'), preferred.base);
}

// ---------------------------------------------------------------------------
// The tree.

/** fast-xml-parser's ordered output -> XmlElement tree, decoding text and attributes, computing xml:base. */
function toTree(nodes: unknown[], parentBase: string | null, decode: (value: string) => string): XmlNode[] {
  const result: XmlNode[] = [];
  for (const node of nodes as Record<string, unknown>[]) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name === undefined || name.startsWith('?') || name.startsWith('!')) continue;
    const value = node[name];
    if (name === '#text') {
      result.push(decode(String(value)));
      continue;
    }
    if (name === '#cdata') {
      // CDATA is character data as written: no entity is decoded inside it.
      result.push((value as { '#text'?: unknown }[]).map((part) => String(part['#text'] ?? '')).join(''));
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [key, raw] of Object.entries((node[':@'] ?? {}) as Record<string, unknown>)) {
      attributes[key] = typeof raw === 'string' ? decode(raw) : '';
    }
    const base = attributes['xml:base'] === undefined ? parentBase : webUrl(resolve(attributes['xml:base'], parentBase));
    result.push({ name, attributes, base, children: toTree(value as unknown[], base, decode) });
  }
  return result;
}

function emptyElement(parent: XmlElement): XmlElement {
  return { name: '', attributes: {}, children: [], base: parent.base };
}

function children(element: XmlElement | undefined, name: string): XmlElement[] {
  if (element === undefined) return [];
  return element.children.filter((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(element, name)[0];
}

/** All character data of an element, trimmed; null when empty. */
function text(element: XmlElement | undefined): string | null {
  if (element === undefined) return null;
  const value = textContent(element).trim();
  return value === '' ? null : value;
}

function textContent(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}

function attribute(element: XmlElement | undefined, name: string): string | null {
  const value = element?.attributes[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

function names(values: (string | null)[]): string | null {
  const found = values.filter((value): value is string => value !== null);
  return found.length > 0 ? found.join(', ') : null;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

// ---------------------------------------------------------------------------
// Text and URLs.

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the five XML entities and character references (and, for RSS 0.91's DTD, HTML 4 entities). */
export function decodeXml(value: string, htmlEntities = false): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (reference, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      // scan-xml.ts has refused references to characters XML forbids; anything out of range stays as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    }
    return XML_ENTITIES[name] ?? (htmlEntities ? hastToString(fromHtml(reference, { fragment: true })) : reference);
  });
}

/** Plain text (an Atom `type="text"` value) as HTML paragraphs: nothing in it can become markup. */
function textToHtml(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** XHTML nodes -> an HTML string: names without prefixes, namespace declarations dropped,
 * href/src resolved against the xml:base in scope, void elements without end tags. */
function toHtml(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return escapeHtml(node);
      const name = localName(node.name);
      const attributes = Object.entries(node.attributes)
        .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:') && key !== 'xml:base')
        .map(([key, value]) => {
          const attributeName = key === 'xml:lang' ? 'lang' : localName(key);
          const resolved = (attributeName === 'href' || attributeName === 'src') && node.base !== null ? (resolve(value, node.base) ?? value) : value;
          return ` ${attributeName}="${escapeHtml(resolved).replace(/"/g, '&quot;')}"`;
        })
        .join('');
      if (VOID_ELEMENTS.has(name)) return `<${name}${attributes}>`;
      return `<${name}${attributes}>${toHtml(node.children)}</${name}>`;
    })
    .join('');
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `value` resolved against `base` when it is relative and a base is known; otherwise as given. */
function resolve(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  if (base === null || URL.canParse(value)) return value;
  return URL.parse(value, base)?.href ?? value;
}

/** The value when it is an absolute http(s) URL, else null. */
function webUrl(value: string | null): string | null {
  if (value === null) return null;
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}
