/**
 * XML character data -> text: the five XML entities and character references, and for a feed under Netscape's
 * RSS 0.91 DTD the HTML 4 entities it defines. Nothing else is ever expanded (scan-xml.ts refuses the rest).
 * "AT&amp;T &#8212; &lt;b&gt;" -> "AT&T — <b>"
 * decodeEscapedTwice("Blog &#8211; InfluxData") -> "Blog – InfluxData" (a name its publisher escaped twice)
 */
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';

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

/**
 * A name or title read as text that still holds a character reference: its publisher escaped it twice (WordPress
 * writes `Blog &#8211; InfluxData` into a JSON Feed title, or `&amp;#8211;` into an Atom `type="text"` title, which
 * are plain text), so it is decoded once more, references only (with the HTML entities): no markup is read from it.
 * "Blog &#8211; InfluxData" -> "Blog – InfluxData"; "AT&T" -> "AT&T"; "a &lt;b&gt;" -> "a <b>" (text, never markup)
 */
export function decodeEscapedTwice(text: string): string {
  return decodeXml(text, true);
}
