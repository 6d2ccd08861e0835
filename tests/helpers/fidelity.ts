/**
 * Word-level fidelity oracle for the fixture runner, written independently of the ingest's own parsers:
 * the words a reader must find on an entry's page, straight from the raw source bytes.
 *   - plain text: every word of the file; for an e-mail (header fields at the top, From among them), every word of
 *     its header block and of its text/plain part (quoted-printable undone), as the ingest documents that it leaves
 *     the other MIME parts out;
 *   - a feed item: the visible text of its title, description/summary and content, read with regular
 *     expressions and an HTML parser, less the chrome the ingest is documented to drop (docs/ingest.md):
 *     scripts, styles, embeds, forms and buttons, Substack's subscribe widget, comment buttons, image controls;
 *   - a Markdown file: its body read with regular expressions, less what a reader never sees (the front matter block,
 *     images (their alt text is an attribute), link destinations, reference definitions, footnote labels, ordered
 *     list numbers, code fence info strings) and the HTML
 *     comments the ingest is documented to drop; raw HTML and JSX count as words, since they stay text.
 * A word is a run of letters or a run of digits, lowercased ("categories⁴" is two words); Han and Kana, written
 * without spaces (a hard-wrapped line may end mid-word), count one character a word.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';

/** Elements whose text is documented chrome, dropped by the ingest with a note in the entry's warnings. */
const CHROME = [
  'script',
  'style',
  'svg',
  'button',
  'form',
  'input',
  'select',
  'textarea',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'audio',
  'video',
  'canvas',
  'div.subscription-widget-wrap-editor',
  'div.subscription-widget-wrap',
  'p.button-wrapper',
  'div.image-link-expand',
].join(', ');

/** Lowercased words of a text. */
export function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\p{L})+|\p{N}+/gu) ?? [],
  );
}

/** The source bytes as text: a BOM decides; else each valid UTF-8 sequence is UTF-8 and every other
 * byte Windows-1252 (for a pure legacy file that is plain Windows-1252). An XML declaration of a legacy
 * encoding is honoured. */
export function decodeForReading(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declared = /^<\?xml[^>]*encoding=["']([^"']+)["']/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) return new TextDecoder(declared).decode(bytes);
  const strict = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  for (let index = 0; index < bytes.length;) {
    const length = bytes[index]! >= 0xf0 ? 4 : bytes[index]! >= 0xe0 ? 3 : bytes[index]! >= 0xc0 ? 2 : 1;
    try {
      text += strict.decode(bytes.subarray(index, index + length));
      index += length;
    } catch {
      text += new TextDecoder('windows-1252').decode(bytes.subarray(index, index + 1));
      index += 1;
    }
  }
  return text;
}

/** Words of one entry's source: the whole text file, or feed item `item` (1-based). */
export function sourceWords(bytes: Uint8Array, format: string, item: number | null): Set<string> {
  if (format === 'text') return words(emailText(decodeForReading(bytes)) ?? decodeForReading(bytes));
  if (format === 'markdown') return words(markdownReadable(decodeForReading(bytes)));
  return words(sourceFieldHtml(bytes, format, item).map(visibleText).join(' '));
}

/** The words of a Markdown file a reader sees, by regular expressions (not the ingest's parser). */
function markdownReadable(text: string): string {
  return text
    .replace(/^(---|\+\+\+)\n[\s\S]*?\n(?:\1|\.\.\.)\n/, '')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!\[[^\]\n]*\]\([^)\s]*(?:\s+"[^"]*")?\)/g, ' ')
    .replace(/^(\s*)\d+[.)](?=\s)/gm, '$1')
    .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '] ')
    .replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, ' ')
    .replace(/\[\^[^\]\s]+\]:?/g, ' ')
    .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, ' ');
}

/** An e-mail's header block and text/plain part, or null when the text does not open with a From among header fields. */
function emailText(text: string): string | null {
  const end = text.search(/\r?\n\r?\n/);
  const header = end === -1 ? '' : text.slice(0, end);
  if (!/^From:/im.test(header) || !header.split(/\r?\n/).every((line) => /^(?:[!-9;-~]+:|[ \t])/.test(line))) return null;
  const boundary = /boundary="?([^";\s]+)"?/i.exec(header)?.[1];
  if (boundary === undefined) return text;
  const part = text
    .split(`--${boundary}`)
    .map((chunk) => /^\s*([\s\S]*?)\r?\n\r?\n([\s\S]*)$/.exec(chunk))
    .find((match) => match !== null && /content-type:\s*text\/plain/i.test(match[1]!));
  if (part === undefined || part === null) return header;
  const qp = /quoted-printable/i.test(part[1]!);
  const body = qp ? decodeQuotedPrintable(part[2]!) : part[2]!;
  return `${header}\n${body}`;
}

/** Quoted-printable (RFC 2045) as UTF-8 text: soft line breaks removed, =XX bytes decoded. */
function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, '')
    .split(/(=[0-9A-F]{2})/i)
    .flatMap((piece) => (/^=[0-9A-F]{2}$/i.test(piece) ? [Number.parseInt(piece.slice(1), 16)] : [...new TextEncoder().encode(piece)]));
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The HTML a reader of feed item `item` (1-based) would see, one string per field: title, description or
 * summary, content. */
export function sourceFieldHtml(bytes: Uint8Array, format: string, item: number | null): string[] {
  const text = decodeForReading(bytes);
  if (format === 'text') return [text];
  if (format === 'json') {
    const entry = (JSON.parse(text) as { items: Record<string, unknown>[] }).items[(item ?? 1) - 1];
    if (entry === undefined) throw new Error(`source has no item ${item}`);
    const field = (key: string) => (typeof entry[key] === 'string' ? entry[key] : '');
    const escape = (value: string) => decodeXmlEntities(value).replace(/&/g, '&amp;').replace(/</g, '&lt;');
    // title, summary and content_text are plain text; content_html is HTML. A reference left in plain text was
    // escaped twice by the publisher, and the ingest decodes it (scripts/ingest/feed/entities.ts, decodeEscapedTwice).
    return [escape(field('title')), escape(field('summary')), field('content_html'), escape(field('content_text'))];
  }
  const blocks = [...text.matchAll(/<(item|entry)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => match[2]!);
  const block = blocks[(item ?? 1) - 1];
  if (block === undefined) throw new Error(`source has no item ${item}`);
  const fields = [...block.matchAll(/<(title|description|summary|content|content:encoded)\b([^>]*)>([\s\S]*?)<\/\1>/g)];
  return fields.map(([, , attributes, inner]) => fieldHtml(inner!, attributes!, format));
}

/** A feed field's inner XML as the HTML (or text) a reader would see. */
function fieldHtml(inner: string, attributes: string, format: string): string {
  // Outside CDATA, XML entities are decoded once; CDATA is taken verbatim.
  const decoded = inner
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXmlEntities(part)))
    .join('');
  const type = /\btype\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? (format === 'atom' ? 'text' : 'html');
  // Atom type="text" (Atom's default) is text; escaping it keeps "<script>" as words.
  // A reference left in it was escaped twice by the publisher, and is decoded once more, as the ingest does.
  if (type === 'text') return decodeXmlEntities(decoded).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return type === 'xhtml' ? inner : decoded;
}

function decodeXmlEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

/** Text nodes of an HTML fragment, chrome emptied, joined with spaces so block boundaries separate words. */
function visibleText(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  for (const chrome of selectAll(CHROME, tree)) chrome.children = [];
  const texts: string[] = [];
  visit(tree, 'text', (node) => {
    texts.push(node.value);
  });
  return texts.join(' ');
}
