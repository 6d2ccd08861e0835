/**
 * Source format from content, never from the file name.
 * "<?xml ...?><rss version=\"2.0\">" -> "rss"; "OpenAI's CEO wants..." -> "text"
 * "{ \"version\": \"https://jsonfeed.org/version/1.1\", ... }" -> "json"; "---\ntitle: A\n---\n..." -> "markdown"
 * (markdown/detect-markdown.ts: a front matter block, or clearly Markdown syntax; the name only lowers the bar)
 * An HTML page, a JSON document that is not a JSON Feed or XML that is not a feed is refused with an error saying what it is.
 */
import type { SourceFormat } from '../../src/schemas/article.ts';
import { IngestError } from '../../src/core/errors.ts';
import { isMarkdown } from './markdown/detect-markdown.ts';

const FEED_ROOTS: Record<string, SourceFormat> = { rss: 'rss', feed: 'atom', 'rdf:rdf': 'rdf' };

/** Root elements that mean an HTML page or fragment rather than XML. */
const HTML_ROOTS = new Set(['html', 'head', 'title', 'meta', 'body', 'article', 'main', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'table', 'ul', 'ol']);
/** A closing tag of one of them at the very end: how a page or fragment without <html> still ends. */
const HTML_END = new RegExp(`</(?:${[...HTML_ROOTS].join('|')})>\\s*$`, 'i');

/** Detect whether a decoded source is plain text, Markdown or which kind of feed it is. */
export function detectFormat(text: string, file: string): SourceFormat {
  // Skip the prolog: XML declaration, comments, processing instructions and doctype.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i;
  const skipped = prolog.exec(text)?.[0] ?? '';
  const rest = text.slice(skipped.length);
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  const startsAsXml = /^\s*<\?xml\b/i.test(text);
  if (/<!DOCTYPE\s+html\b/i.test(skipped) || (root !== undefined && isHtmlRoot(root, rest))) {
    throw new IngestError(
      "this is a web page, not a feed or a plain text; save the article's text as plain text, or supply the site's RSS, Atom or JSON feed",
      {
        file,
      },
    );
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
  if (/^\s*[[{]/.test(text)) {
    const json = parseJson(text);
    // A JSON Feed: an object with its version and an items array. Broken JSON that names a JSON Feed version goes to
    // the reader, which gives the fault's line:column.
    if (json === undefined ? /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text) : isJsonFeed(json)) return 'json';
    if (json !== undefined) {
      throw new IngestError('looks like JSON but not a JSON Feed (an object with "version" and "items"); supply the feed, or plain text', { file });
    }
  }
  return isMarkdown(text, file) ? 'markdown' : 'text';
}

/** `<html ...` always; other HTML element names only when the text also ends by closing one (`<head>...</body>`). */
function isHtmlRoot(root: string, rest: string): boolean {
  const name = root.toLowerCase();
  if (name === 'html') return true;
  return HTML_ROOTS.has(name) && HTML_END.test(rest);
}

/** The parsed JSON, or undefined when the text is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An object with a string `version` and an `items` array (the version's form is checked by the reader). */
function isJsonFeed(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const { version, items } = json as Record<string, unknown>;
  return typeof version === 'string' && Array.isArray(items);
}
