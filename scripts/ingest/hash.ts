/**
 * SHA-256 in hex, of bytes or of a string's UTF-8: how the ingest names a source's content and its cache keys.
 * sha256("abc") -> "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
