/**
 * Source format from content, never from the file name.
 * "<?xml ...?><rss version=\"2.0\">" -> "rss"; "OpenAI's CEO wants..." -> "text"
 * An HTML page, a JSON document or XML that is not a feed is refused with an error saying what it is.
 */
import type { SourceFormat } from '../../src/schemas/article.ts';
import { IngestError } from '../../src/core/errors.ts';

const FEED_ROOTS: Record<string, SourceFormat> = { rss: 'rss', feed: 'atom', 'rdf:rdf': 'rdf' };

/** Root elements that mean an HTML page or fragment rather than XML. */
const HTML_ROOTS = new Set(['html', 'head', 'body', 'article', 'main', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'table', 'ul', 'ol']);

/** Detect whether a decoded source is plain text or which kind of feed it is. */
export function detectFormat(text: string, file: string): SourceFormat {
  // Skip the prolog: XML declaration, comments, processing instructions and doctype.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i;
  const skipped = prolog.exec(text)?.[0] ?? '';
  const rest = text.slice(skipped.length);
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  const startsAsXml = /^\s*<\?xml\b/i.test(text);
  if (/<!DOCTYPE\s+html\b/i.test(skipped) || (root !== undefined && isHtmlRoot(root, rest))) {
    throw new IngestError("looks like an HTML page, which the ingest does not read; save the article text as plain text, or supply the site's RSS/Atom feed", {
      file,
    });
  }
  if (root !== undefined) {
    const format = FEED_ROOTS[root.toLowerCase()];
    if (format) return format;
    // XML without a declaration still announces itself by closing its root element at the end.
    if (startsAsXml || new RegExp(`</${RegExp.escape(root)}>\\s*$`).test(rest)) {
      throw new IngestError(`XML root element <${root}> is not a feed; expected <rss>, <feed> or <rdf:RDF>`, { file });
    }
  } else if (startsAsXml) {
    throw new IngestError('starts with an XML declaration but has no root element', { file });
  }
  if (/^\s*[[{]/.test(text) && isJson(text)) {
    throw new IngestError('looks like JSON (a JSON Feed?), which the ingest does not read; supply the RSS or Atom feed, or plain text', { file });
  }
  return 'text';
}

/** `<html ...` always; other HTML element names only when the text also ends by closing them. */
function isHtmlRoot(root: string, rest: string): boolean {
  const name = root.toLowerCase();
  if (name === 'html') return true;
  return HTML_ROOTS.has(name) && new RegExp(`</${name}>\\s*$`, 'i').test(rest);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
