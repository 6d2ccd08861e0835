/**
 * Word-level fidelity oracle for the fixture runner, written independently of the ingest's own parsers:
 * the words a reader must find on an entry's page, straight from the raw source bytes.
 *   - plain text: every word of the file;
 *   - a feed item: the visible text of its title, description/summary and content, read with regular
 *     expressions and an HTML parser, less the chrome the ingest is documented to drop (docs/ingest.md):
 *     scripts, styles, embeds, forms and buttons, Substack's subscribe widget, comment buttons, image controls;
 *   - a Markdown file: its body read with regular expressions, less what a reader never sees (the front matter block,
 *     images (their alt text is an attribute), link destinations, reference definitions, footnote labels, ordered
 *     list numbers, code fence info strings) and the HTML
 *     comments the ingest is documented to drop; raw HTML and JSX count as words, since they stay text.
 * A word is a run of letters or a run of digits, lowercased ("categories⁴" is two words).
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';

/** Elements whose text is documented chrome, dropped by the ingest with a note in the entry's warnings. */
export const CHROME = [
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
      .match(/\p{L}+|\p{N}+/gu) ?? [],
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
  if (format === 'text') return words(decodeForReading(bytes));
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

/** The HTML a reader of feed item `item` (1-based) would see, one string per field: title, description or
 * summary, content. */
export function sourceFieldHtml(bytes: Uint8Array, format: string, item: number | null): string[] {
  const text = decodeForReading(bytes);
  if (format === 'text') return [text];
  if (format === 'json') {
    const entry = (JSON.parse(text) as { items: Record<string, unknown>[] }).items[(item ?? 1) - 1];
    if (entry === undefined) throw new Error(`source has no item ${item}`);
    const field = (key: string) => (typeof entry[key] === 'string' ? entry[key] : '');
    const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    // title, summary and content_text are plain text; content_html is HTML.
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
  if (type === 'text') return decoded.replace(/&/g, '&amp;').replace(/</g, '&lt;');
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
