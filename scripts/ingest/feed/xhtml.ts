/**
 * XHTML nodes of an Atom text construct -> an HTML string: names without prefixes, namespace declarations
 * dropped, href/src resolved against the xml:base in scope, void elements without end tags, text escaped.
 * [<xhtml:p>a &lt; b<xhtml:br/></xhtml:p>] -> "<p>a &lt; b<br></p>". Also plain text as escaped paragraphs.
 */
import { toLocalName, type XmlNode } from './xml-tree.ts';
import { resolveUrl } from './urls.ts';

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Serialize XHTML nodes as HTML. */
export function serializeXhtml(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return escapeHtml(node);
      const name = toLocalName(node.name);
      const attributes = Object.entries(node.attributes)
        .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:') && key !== 'xml:base')
        .map(([key, value]) => {
          const attributeName = key === 'xml:lang' ? 'lang' : toLocalName(key);
          const resolved = (attributeName === 'href' || attributeName === 'src') && node.base !== null ? (resolveUrl(value, node.base) ?? value) : value;
          return ` ${attributeName}="${escapeHtml(resolved).replace(/"/g, '&quot;')}"`;
        })
        .join('');
      if (VOID_ELEMENTS.has(name)) return `<${name}${attributes}>`;
      return `<${name}${attributes}>${serializeXhtml(node.children)}</${name}>`;
    })
    .join('');
}

/** Text as HTML character data: `&`, `<` and `>` escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text (an Atom `type="text"` value, a JSON Feed `content_text`) as HTML paragraphs: nothing in it can become markup. */
export function textToHtml(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
}
