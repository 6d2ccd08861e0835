/**
 * Source format from content, never from the file name.
 * "<?xml ...?><rss version=\"2.0\">" -> "rss"; "OpenAI's CEO wants..." -> "text"
 */
import type { SourceFormat } from '../../src/schemas/article.ts';
import { IngestError } from './errors.ts';

const FEED_ROOTS: Record<string, SourceFormat> = { rss: 'rss', feed: 'atom', 'rdf:rdf': 'rdf' };

/** Detect whether a decoded source is plain text or which kind of feed it is. */
export function detectFormat(text: string, file: string): SourceFormat {
  // Skip the prolog: XML declaration, comments, processing instructions and doctype.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i;
  const rest = text.slice(prolog.exec(text)?.[0].length ?? 0);
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  const startsAsXml = /^\s*<\?xml\b/i.test(text);
  if (root !== undefined) {
    const format = FEED_ROOTS[root.toLowerCase()];
    if (format) return format;
    if (startsAsXml) {
      throw new IngestError(`XML root element <${root}> is not a feed; expected <rss>, <feed> or <rdf:RDF>`, { file });
    }
  } else if (startsAsXml) {
    throw new IngestError('starts with an XML declaration but has no root element', { file });
  }
  return 'text';
}
