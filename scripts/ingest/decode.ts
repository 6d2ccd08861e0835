/**
 * Bytes of a source file -> text. Line ends become `\n`; a byte-order mark is removed.
 *   - UTF-8 (with or without BOM); UTF-16 with a BOM; an XML declaration's `encoding` is honoured.
 *   - The curator's `encoding:` in the catalog settles it.
 *   - Not valid UTF-8 and nothing declared: the encoding is detected with chardet (letter and byte-sequence
 *     statistics) and decoded with iconv-lite when the guess is confident (DETECTION, encoding-guess.ts); when it is not, the file is
 *     refused with a message saying how to declare it, naming encodings that fit its language. When chardet's best
 *     guesses are close, a feed's declared language settles it (language-hint.ts): the guess among them that fits the
 *     language and reads only letters the language writes, when the best other one reads letters it never writes.
 *     A file of real UTF-8 with stray legacy bytes pasted in
 *     keeps its UTF-8 and reads only those bytes as Windows-1252. Each case says what it did in a warning, and the
 *     encoding read (with the detector's confidence) is recorded in the entry's provenance.
 *   - Refused with an error: empty, whitespace only, over MAX_SOURCE_BYTES, binary (NUL bytes, a known
 *     binary signature, or many control characters). A few stray control characters are removed, with a warning.
 * <EF BB BF 48 69 0D 0A> -> { text: "Hi\n", warnings: [] }
 * Hand-written around TextDecoder, chardet and iconv-lite (which do the detecting and decoding): no library has
 * these repair rules (stray Windows-1252 bytes inside UTF-8, a declaration overruled by valid UTF-8) nor reports
 * line:column.
 */
import iconv from 'iconv-lite';
import { IngestError, positionAt } from '../../src/core/errors.ts';
import { declaredLanguage, languageName } from './language-hint.ts';
import { detectEncoding, languageMismatch, settleByLanguage, suggestEncodings } from './encoding-guess.ts';

/** Largest source file the ingest accepts (bytes); larger files are refused with an error. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** Above this share of control characters (other than tab and line ends) a file is taken to be binary. */
const MAX_CONTROL_SHARE = 0.01;

export interface DecodedSource {
  text: string;
  warnings: string[];
  /** The encoding the text was read as, when it is not plain UTF-8, and how it was chosen. */
  encoding?: SourceEncoding;
}

/** How a source's encoding was settled (recorded in provenance). */
export interface SourceEncoding {
  /** The encoding's name as iconv-lite / the WHATWG Encoding Standard spell it. */
  name: string;
  how: 'declared' | 'catalog' | 'detected' | 'fallback' | 'mixed';
  /** chardet's confidence (0-100), for a detected encoding. */
  confidence?: number;
}

/** Signatures of binary formats curators are likely to drop in, for a message that says what the file is. */
const SIGNATURES: readonly [bytes: readonly number[], name: string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a .docx, .epub or .odt document is one)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document (.doc)'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

const ACTION = 'the ingest reads plain text and RSS/Atom feeds: save the article as plain text (UTF-8) or supply its feed';

/** Decode one source file's bytes, or throw an IngestError naming the file. */
export function decodeSource(bytes: Uint8Array, file: string, catalogEncoding?: string): DecodedSource {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    throw new IngestError(`file is ${bytes.byteLength} bytes; the limit is ${MAX_SOURCE_BYTES} bytes (10 MiB). Split it or raise MAX_SOURCE_BYTES.`, { file });
  }
  if (bytes.byteLength === 0) throw new IngestError('file is empty', { file });
  const signature = SIGNATURES.find(([magic]) => magic.every((byte, index) => bytes[index] === byte));
  if (signature) throw new IngestError(`looks like ${signature[1]}, not text; ${ACTION}`, { file });

  const warnings: string[] = [];
  const read: { encoding?: SourceEncoding } = {};
  let text = catalogEncoding === undefined ? decodeText(bytes, file, warnings, read) : decodeAs(catalogEncoding, bytes, file, read);

  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new IngestError('file holds only whitespace', { file });
  text = removeControlCharacters(text, file, warnings);
  return { text, warnings, ...read };
}

/** The curator's encoding, from the catalog: a name iconv-lite knows, else an error naming it. */
function decodeAs(name: string, bytes: Uint8Array, file: string, read: { encoding?: SourceEncoding }): string {
  if (!iconv.encodingExists(name))
    throw new IngestError(`the catalog's encoding "${name}" is not one the ingest knows (try a name such as koi8-r or windows-1251)`, { file });
  read.encoding = { name: name.toLowerCase(), how: 'catalog' };
  return stripBom(iconv.decode(Buffer.from(bytes), name));
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeText(bytes: Uint8Array, file: string, warnings: string[], read: { encoding?: SourceEncoding }): string {
  // 1. A byte-order mark settles the encoding.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strictUtf8(bytes.subarray(3), file, warnings, read);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeStrict('utf-16le', bytes.subarray(2), file);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeStrict('utf-16be', bytes.subarray(2), file);

  // 2. Without one, NUL bytes mean binary (or UTF-16 saved without a BOM, which we cannot read safely).
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 = looksLikeUtf16(bytes);
    throw new IngestError(
      utf16
        ? 'looks like UTF-16 text without a byte-order mark; re-save it as UTF-8'
        : `looks like a binary file (it contains NUL bytes, the first at byte ${nul}); ${ACTION}`,
      { file },
    );
  }

  // 3. An XML declaration may name the encoding.
  const declared = declaredEncoding(bytes);
  if (declared !== null && !/^utf-?8$/i.test(declared)) {
    let label: string;
    try {
      label = new TextDecoder(declared).encoding;
    } catch {
      throw new IngestError(`declares encoding="${declared}", which the ingest cannot read; re-save the feed as UTF-8`, { file });
    }
    // A UTF-16 declaration on a file without NUL bytes is wrong; the bytes are ASCII-compatible.
    if (!label.startsWith('utf-16')) {
      // A stale declaration is common: bytes that are valid UTF-8 beyond ASCII are UTF-8 whatever the label says.
      const utf8 = tryUtf8(bytes);
      if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) {
        warnings.push(`declares encoding="${declared}" but is valid UTF-8; read as UTF-8`);
        return utf8;
      }
      read.encoding = { name: label, how: 'declared' };
      return decodeStrict(label, bytes, file);
    }
  }

  // 4. UTF-8, else detected.
  return strictUtf8(bytes, file, warnings, read);
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8, or, for a file that is not valid UTF-8, the detected encoding or the mixed repair (see the header). */
function strictUtf8(bytes: Uint8Array, file: string, warnings: string[], read: { encoding?: SourceEncoding }): string {
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return utf8;
  const mixed = decodeMixed(bytes);
  const where = positionAt(mixed.text, mixed.firstInvalid);
  const guess = detectEncoding(bytes);
  // Legacy text (any UTF-8-looking sequences are coincidences of a multi-byte legacy encoding): the detector decides.
  const legacy = guess !== null && guess.name !== 'UTF-8' && (mixed.utf8Sequences === 0 || mixed.utf8Sequences < mixed.invalidBytes);
  if (legacy && guess.trusted) {
    // Latin-1 is read as Windows-1252, its superset, as browsers do (the WHATWG Encoding Standard's mapping).
    const name = /^iso-8859-1$/i.test(guess.name) ? 'windows-1252' : guess.name.toLowerCase();
    read.encoding = { name, how: 'detected', confidence: guess.confidence };
    warnings.push(`declares no encoding and is not UTF-8: detected ${name} (confidence ${guess.confidence}/100); read as ${name}`);
    return stripBom(iconv.decode(Buffer.from(bytes), name));
  }
  // Too few bytes beyond ASCII to detect anything (curly quotes and a café in an English text): Windows-1252, the
  // Western default browsers use, when every one of them reads there as a Latin letter or a punctuation mark.
  if (guess?.tooFew !== false && mixed.utf8Sequences === 0 && isPlausibleWestern(mixed.text)) {
    read.encoding = { name: 'windows-1252', how: 'fallback' };
    warnings.push(
      `declares no encoding and is not UTF-8 (first at line ${where.line}, column ${where.column}); too few non-ASCII bytes to detect an encoding, ` +
        'read as Windows-1252 (each reads there as a Western letter or punctuation mark)',
    );
    return mixed.text;
  }
  const language = declaredLanguage(mixed.text.slice(0, 65536));
  if (legacy && language !== null) {
    const settled = settleByLanguage(bytes, guess.candidates, language);
    if (settled.name !== null) {
      read.encoding = { name: settled.name, how: 'detected', confidence: settled.confidence };
      warnings.push(
        `declares no encoding and is not UTF-8: detected ${settled.name} (confidence ${settled.confidence}/100${guess.runnerUp ? `, close to ${guess.runnerUp}` : ''}); ` +
          `settled by the declared language, ${language}: ${settled.name} reads only ${languageName(language)} letters${settled.against}; read as ${settled.name}`,
      );
      return stripBom(iconv.decode(Buffer.from(bytes), settled.name));
    }
  }
  if (mixed.utf8Sequences === 0 || legacy) {
    const best =
      guess === null
        ? 'no encoding could be guessed'
        : `the best guess, ${guess.name}, has confidence ${guess.confidence}/100${guess.runnerUp ? ` against ${guess.runnerUp}` : ''}`;
    throw new IngestError(
      `is not UTF-8 and declares no encoding (first non-UTF-8 byte at line ${where.line}, column ${where.column}); ${best}, too uncertain to publish` +
        `${language === null ? '' : languageMismatch(bytes, guess?.candidates ?? [], language)}. ` +
        `Declare it in corpus/catalog.yaml (${JSON.stringify(file)}: { encoding: <name> }, ${suggestEncodings(bytes, guess, language)}), or re-save the file as UTF-8`,
      { file },
    );
  }
  // Real UTF-8 with a few legacy bytes pasted in: keep the UTF-8 and read only the stray bytes as Windows-1252.
  read.encoding = { name: 'utf-8', how: 'mixed' };
  warnings.push(
    `mixes UTF-8 with ${mixed.invalidBytes} byte(s) that are not UTF-8 (first at line ${where.line}, column ${where.column}); those bytes were read as Windows-1252`,
  );
  return mixed.text;
}

/**
 * Every non-ASCII character is typographic punctuation or a single accented Latin letter: Western text. Another
 * script read as Windows-1252 gives runs of accented letters ("áÇÅÎÔÓÔ×Ï" for Cyrillic), which fail.
 */
function isPlausibleWestern(text: string): boolean {
  if (/[\u00c0-\u00ff]{2}/.test(text)) return false;
  return [...text.matchAll(/[^\x00-\x7f]/g)].every(([char]) => /[“”‘’–—…€•«»°©®™£§¶·\u00c0-\u00ff]/.test(char));
}

function decodeStrict(label: string, bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new IngestError(`is not valid ${label.toUpperCase()} text; re-save it as UTF-8`, { file });
  }
}

/** Decode byte by byte: valid UTF-8 sequences as UTF-8, every other byte as Windows-1252. */
function decodeMixed(bytes: Uint8Array): { text: string; utf8Sequences: number; invalidBytes: number; firstInvalid: number } {
  const legacy = new TextDecoder('windows-1252');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let utf8Sequences = 0;
  let invalidBytes = 0;
  let firstInvalid = -1;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      // ASCII runs are copied in one go.
      let end = index + 1;
      while (end < bytes.length && bytes[end]! < 0x80) end++;
      text += legacy.decode(bytes.subarray(index, end));
      index = end;
      continue;
    }
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
    if (length > 0 && index + length <= bytes.length) {
      try {
        text += utf8.decode(bytes.subarray(index, index + length));
        utf8Sequences++;
        index += length;
        continue;
      } catch {
        // not a valid sequence: fall through
      }
    }
    if (firstInvalid === -1) firstInvalid = text.length;
    text += legacy.decode(bytes.subarray(index, index + 1));
    invalidBytes++;
    index++;
  }
  return { text, utf8Sequences, invalidBytes, firstInvalid };
}

/** `encoding="..."` of an XML declaration at the very start, read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  return /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? null;
}

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1000);
  let even = 0;
  let odd = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] === 0) {
      if (index % 2 === 0) even++;
      else odd++;
    }
  }
  return Math.max(even, odd) > sample.length * 0.3 && Math.min(even, odd) < sample.length * 0.02;
}

/** Vertical tab and form feed (Word's line and page breaks) become line breaks; other C0 controls and DEL
 * are removed with a warning, or, when there are many, the file is taken to be binary. */
function removeControlCharacters(text: string, file: string, warnings: string[]): string {
  const breaks = text.replace(/[\v\f]/g, '\n');
  const controls = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
  const found = breaks.match(controls);
  if (!found) return breaks;
  if (found.length > Math.max(8, breaks.length * MAX_CONTROL_SHARE)) {
    throw new IngestError(`looks like a binary file (${found.length} control characters); ${ACTION}`, { file });
  }
  const first = breaks.search(controls);
  const { line, column } = positionAt(breaks, first);
  const code = found[0]!.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  warnings.push(`removed ${found.length} invisible control character(s) (the first, U+${code}, at line ${line}, column ${column})`);
  return breaks.replace(controls, '');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
