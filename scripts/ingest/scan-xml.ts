/**
 * XML well-formedness scan, before any parsing, so every problem a curator can meet is reported in
 * words with the line:column where it starts: an unclosed comment, CDATA section, tag or element (a file
 * cut short), a mismatched end tag, a bare `&`, an undefined entity such as `&nbsp;`, a character
 * reference to a character XML forbids, and entity declarations (refused: entity-expansion attacks).
 * Attribute syntax and names are left to fast-xml-parser's validator, which runs next.
 * "<rss><item><title>x</item>" -> IngestError "f.xml:1:18: malformed XML: expected </title> ..."
 */
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { IngestError, positionAt } from '../../src/core/errors.ts';

/** What the scan learned that the parser needs. */
export interface XmlScan {
  /** True when the doctype is Netscape's RSS 0.91 DTD, which defines the HTML 4 entities (&eacute;, &nbsp;). */
  htmlEntities: boolean;
}

const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const NAME = /[\p{L}_:][\p{L}\p{N}_.:\u00b7-]*/uy;
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_:][\w.:-]*))?(;)?/y;

/** Throw an IngestError naming the file and line:column of the first well-formedness problem. */
export function scanXml(xml: string, file: string): XmlScan {
  const fail = (message: string, offset: number): never => {
    const { line, column } = positionAt(xml, offset);
    throw new IngestError(`malformed XML: ${message}`, { file, line, column });
  };
  const where = (offset: number) => {
    const { line, column } = positionAt(xml, offset);
    return `line ${line}, column ${column}`;
  };
  let htmlEntities = false;

  const checkReference = (offset: number): number => {
    REFERENCE.lastIndex = offset;
    const match = REFERENCE.exec(xml)!;
    const [whole, hex, decimal, name, semicolon] = match;
    if ((hex === undefined && decimal === undefined && name === undefined) || semicolon === undefined) {
      fail('a bare "&" must be written "&amp;" (or the text put in a <![CDATA[ ... ]]> section)', offset);
    }
    if (name !== undefined) {
      if (!PREDEFINED.has(name) && !(htmlEntities && isHtmlEntity(name))) {
        fail(
          `undefined entity "&${name};": XML defines only &amp; &lt; &gt; &quot; &apos;. ` +
            'Write the character itself or a numeric reference (&#160; for &nbsp;), or put the HTML in a <![CDATA[ ... ]]> section',
          offset,
        );
      }
    } else {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal!, 10);
      if (!isXmlChar(code)) fail(`character reference "${whole}" names a character XML does not allow`, offset);
    }
    return offset + whole.length;
  };

  const checkText = (from: number, to: number) => {
    for (let amp = xml.indexOf('&', from); amp !== -1 && amp < to; amp = xml.indexOf('&', amp + 1)) checkReference(amp);
  };

  const stack: { name: string; offset: number }[] = [];
  let index = 0;
  while (index < xml.length) {
    const lt = xml.indexOf('<', index);
    checkText(index, lt === -1 ? xml.length : lt);
    if (lt === -1) break;
    const closeOf = (opening: string, closing: string, what: string): number => {
      const end = xml.indexOf(closing, lt + opening.length);
      if (end === -1) fail(`${what} "${opening}" is never closed with "${closing}" (is the file cut short?)`, lt);
      return end + closing.length;
    };
    if (xml.startsWith('<!--', lt)) {
      index = closeOf('<!--', '-->', 'comment');
    } else if (xml.startsWith('<![CDATA[', lt)) {
      index = closeOf('<![CDATA[', ']]>', 'CDATA section');
    } else if (xml.startsWith('<?', lt)) {
      index = closeOf('<?', '?>', 'processing instruction');
    } else if (/^<!DOCTYPE\b/i.test(xml.slice(lt, lt + 9))) {
      const end = doctypeEnd(xml, lt);
      if (end === -1) fail('<!DOCTYPE is never closed with ">"', lt);
      const doctype = xml.slice(lt, end);
      const entity = /<!ENTITY\b/i.exec(doctype);
      if (entity) {
        const { line, column } = positionAt(xml, lt + entity.index);
        throw new IngestError('feed declares its own XML entities (<!ENTITY>); refused as a possible entity-expansion attack', { file, line, column });
      }
      htmlEntities = /DTD RSS 0\.9|rss-0\.9\d?\.dtd/i.test(doctype);
      index = end;
    } else if (xml[lt + 1] === '/') {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(xml)?.[0];
      const end = xml.indexOf('>', lt);
      if (name === undefined) fail('"</" must start an end tag such as </item>; a literal "<" must be written "&lt;"', lt);
      if (end === -1) fail(`end tag </${name} is never closed with ">" (is the file cut short?)`, lt);
      const open = stack.pop();
      if (open === undefined) fail(`end tag </${name}> has no matching start tag`, lt);
      if (open!.name !== name) fail(`expected </${open!.name}> (its start tag is at ${where(open!.offset)}) before </${name}>`, lt);
      index = end + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(xml)?.[0];
      if (name === undefined) fail('a literal "<" must be written "&lt;" (or the text put in a <![CDATA[ ... ]]> section)', lt);
      // To the tag's ">", skipping quoted attribute values and checking the references in them.
      let cursor = lt + 1 + name!.length;
      let quote: string | null = null;
      for (; cursor < xml.length; cursor++) {
        const character = xml[cursor];
        if (quote !== null) {
          if (character === quote) quote = null;
          else if (character === '&') cursor = checkReference(cursor) - 1;
        } else if (character === '"' || character === "'") quote = character;
        else if (character === '>') break;
        else if (character === '<') fail(`start tag <${name} is not closed with ">" before the next "<"`, lt);
      }
      if (cursor >= xml.length) fail(`start tag <${name} is never closed with ">" (is the file cut short?)`, lt);
      if (xml[cursor - 1] !== '/') stack.push({ name: name!, offset: lt });
      index = cursor + 1;
    }
  }
  if (stack.length > 0) {
    const open = stack.at(-1)!;
    const around = stack
      .slice(0, -1)
      .reverse()
      .map(({ name }) => `<${name}>`);
    const enclosing = around.length > 0 ? `, nor ${around.length === 1 ? 'is' : 'are'} ${around.join(', ')} around it` : '';
    fail(`<${open.name}> is never closed${enclosing}: the file ends first (is it cut short?)`, open.offset);
  }
  return { htmlEntities };
}

/** Offset just after the doctype's closing ">", skipping an internal subset in brackets and quoted strings. */
function doctypeEnd(xml: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let index = start + 2; index < xml.length; index++) {
    const character = xml[index];
    if (quote !== null) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '[') depth++;
    else if (character === ']') depth--;
    else if (character === '>' && depth <= 0) return index + 1;
  }
  return -1;
}

/** XML 1.0 Char production. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const htmlEntityCache = new Map<string, boolean>();

/** Whether `&name;` is an HTML 4 named character reference (decoded by the HTML parser). */
function isHtmlEntity(name: string): boolean {
  let known = htmlEntityCache.get(name);
  if (known === undefined) {
    known = /^[A-Za-z][A-Za-z0-9]*$/.test(name) && hastToString(fromHtml(`&${name};`, { fragment: true })) !== `&${name};`;
    htmlEntityCache.set(name, known);
  }
  return known;
}
