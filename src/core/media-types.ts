/**
 * The media type a raw source is served with, by the site's `/sources/raw/` pages and by the test server
 * alike: XML feeds as XML, text as text, and a UTF-8 charset only when the bytes are UTF-8.
 * rawContentType('text', utf8Bytes) -> "text/plain; charset=utf-8"
 */
import type { SourceFormat } from '../schemas/article.ts';

/** Content type for a raw source: XML feeds as XML, text as text; a charset only when the bytes are UTF-8. */
export function rawContentType(format: SourceFormat, bytes: Uint8Array): string {
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
  }
  const type = format === 'text' ? 'text/plain' : 'application/xml';
  return utf8 ? `${type}; charset=utf-8` : type;
}
