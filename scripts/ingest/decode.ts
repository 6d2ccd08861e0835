/**
 * Bytes of a source file -> text. UTF-8 (BOM removed), else Windows-1252 with a warning;
 * binary or empty files are errors. Line ends become `\n`.
 * <EF BB BF 48 69 0D 0A> -> { text: "Hi\n", warnings: [] }
 */
import { IngestError } from './errors.ts';

/** Largest source file the ingest accepts (bytes); larger files are refused with an error. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

export interface DecodedSource {
  text: string;
  warnings: string[];
}

/** Decode one source file's bytes, or throw an IngestError naming the file. */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    throw new IngestError(
      `file is ${bytes.byteLength} bytes; the limit is ${MAX_SOURCE_BYTES} bytes (10 MiB). Split it or raise MAX_SOURCE_BYTES.`,
      { file },
    );
  }
  if (bytes.includes(0)) {
    throw new IngestError('looks like a binary file (it contains NUL bytes); expected plain text or an XML feed', { file });
  }
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Curators paste from old CMS exports; Windows-1252 is the superset of Latin-1 that browsers assume.
    text = new TextDecoder('windows-1252').decode(bytes);
    warnings.push('not valid UTF-8; read as Windows-1252');
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new IngestError(bytes.byteLength === 0 ? 'file is empty' : 'file holds only whitespace', { file });
  }
  return { text, warnings };
}
