/**
 * Feed XML -> a small element tree with decoded text and attributes and the xml:base in scope of each element.
 * fast-xml-parser builds an ordered tree with entity processing off; entities.ts decodes the text, so no
 * entity is ever expanded, and CDATA is kept verbatim.
 * "<rss><channel xml:base=\"https://x.org/\"><title>A &amp; B</title></channel></rss>"
 *   -> { name: "rss", children: [{ name: "channel", base: "https://x.org/", children: [{ name: "title", children: ["A & B"] }] }] }
 */
import { XMLParser } from 'fast-xml-parser';
import { decodeXml } from './entities.ts';
import { resolveUrl, toWebUrl } from './urls.ts';

/** One element of the parsed document: decoded attributes and children (text is decoded, CDATA verbatim). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Absolute http(s) base URL in scope (xml:base), or null. */
  base: string | null;
}
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Off on purpose: entities are decoded by `decodeXml`, which knows only the five XML entities and
  // character references (scan-xml.ts has refused everything else), so nothing can expand.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The document's nodes; throws what fast-xml-parser throws (the caller has validated the XML). */
export function parseXmlTree(xml: string, htmlEntities: boolean): XmlNode[] {
  return buildTree(parser.parse(xml) as unknown[], null, (value) => decodeXml(value, htmlEntities));
}

/** fast-xml-parser's ordered output -> XmlElement tree, decoding text and attributes, computing xml:base. */
function buildTree(nodes: unknown[], parentBase: string | null, decode: (value: string) => string): XmlNode[] {
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
    const base = attributes['xml:base'] === undefined ? parentBase : toWebUrl(resolveUrl(attributes['xml:base'], parentBase));
    result.push({ name, attributes, base, children: buildTree(value as unknown[], base, decode) });
  }
  return result;
}

/** An element with nothing in it, standing in for a missing one (an RSS feed without <channel>). */
export function createEmptyElement(parent: XmlElement): XmlElement {
  return { name: '', attributes: {}, children: [], base: parent.base };
}

export function findChildren(element: XmlElement | undefined, name: string): XmlElement[] {
  if (element === undefined) return [];
  return element.children.filter((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

export function findChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return findChildren(element, name)[0];
}

/** All character data of an element, trimmed; null when empty. */
export function readText(element: XmlElement | undefined): string | null {
  if (element === undefined) return null;
  const value = collectText(element).trim();
  return value === '' ? null : value;
}

function collectText(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(collectText).join('');
}

export function readAttribute(element: XmlElement | undefined, name: string): string | null {
  const value = element?.attributes[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

/** Several names (authors) joined with commas; null when there are none. */
export function joinNames(values: (string | null)[]): string | null {
  const found = values.filter((value): value is string => value !== null);
  return found.length > 0 ? found.join(', ') : null;
}

/** The name without its namespace prefix, lowercased: `xhtml:DIV` -> `div`. */
export function toLocalName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}
