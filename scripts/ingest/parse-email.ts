/**
 * An e-mail message (RFC 5322 header fields at the top, MIME parts below) -> its header block, what the headers
 * give (Subject, the From display name, Date) and the text of its text/plain part; null for a text that is not one.
 * "From: Ann Lee <ann@example.org>\nSubject: Hello\nDate: Tue, 7 Mar 2017 14:29:24 -0800\n\nBody." ->
 *   { subject: "Hello", author: "Ann Lee", date: "2017-03-07T22:29:24Z", body: "Body.", fields: [...], notes: [] }
 * Detected from the content: the text opens with at least three header fields, among them From and one of Date,
 * Subject, Message-ID or Received. Header values are unfolded and their encoded words decoded by libmime, a part's
 * quoted-printable by libqp, base64 by the platform, its charset by iconv-lite. The parsers that read a whole
 * message (postal-mime, mailparser) are asynchronous, and the ingest is one synchronous pure function; what stays
 * hand-written here is splitting the header block and the multipart boundaries, and taking the display name.
 */
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import libmime from 'libmime';
import { decode as decodeQuotedPrintable } from 'libqp';
import type { Paragraph } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { ParsedText } from './parse-text.ts';
import { parseFeedDate } from './dates.ts';

export interface ParsedEmail {
  /** The top-level header fields as the source has them, each unfolded to one line ("Received: from a by b"). */
  fields: string[];
  /** Subject, decoded; null when absent or empty. */
  subject: string | null;
  /** The From display name, decoded; never the address; null when the From field has no name. */
  author: string | null;
  /** Date as ISO 8601 (dates.ts); null when absent or unreadable. */
  date: string | null;
  /** The raw Date value when it could not be read. */
  unreadDate: string | null;
  /** The message's text: its (first) text/plain part, decoded. */
  body: string;
  /** What was left out or could not be done, for the curator (a warning each). */
  notes: string[];
}

/** A header field line: a name of printable characters other than the colon, then a colon. */
const FIELD = /^[!-9;-~]+:/u;
/** Fields of which at least one must stand beside From for a text to be read as an e-mail. */
const MESSAGE_FIELDS = new Set(['date', 'subject', 'message-id', 'received']);

/** Read a text as an e-mail message, or null when it does not open with an e-mail's header block. */
export function parseEmail(text: string): ParsedEmail | null {
  const split = splitHeaders(text.replace(/^From [^\n]*\n/u, ''));
  if (split === null) return null;
  const headers = libmime.decodeHeaders(split.header);
  const names = Object.keys(headers);
  if (split.fields.length < 3 || !names.includes('from') || !names.some((name) => MESSAGE_FIELDS.has(name))) return null;
  const notes: string[] = [];
  const body = textOf({ headers, body: split.body }, notes, 'the message');
  const rawDate = headers['date']?.[0]?.trim() ?? null;
  const date = rawDate === null ? null : parseFeedDate(rawDate.replace(/\s*\([^)]*\)\s*$/u, ''));
  return {
    fields: split.fields,
    subject: clean(libmime.decodeWords(headers['subject']?.[0] ?? '')),
    author: displayName(libmime.decodeWords(headers['from']?.[0] ?? '')),
    date,
    unreadDate: date === null ? rawDate : null,
    body: body ?? '',
    notes: body === null ? [...notes, 'the message has no text/plain part: nothing of it is published but its headers'] : notes,
  };
}

/** The residue rule of an e-mail's header block (src/core/residue.ts lists it). */
const HEADERS_RULE = 'email-headers';

/** The parsed body with the message's header block before it: residue, one field a paragraph, kept in full. */
export function withHeaderBlock(parsed: ParsedText, email: ParsedEmail): ParsedText {
  const block: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'ResidueBlock',
    attributes: [{ type: 'mdxJsxAttribute', name: 'rule', value: HEADERS_RULE }],
    children: email.fields.map((field): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: field }] })),
  };
  return {
    ...parsed,
    // A message ends where its part ends, often with a name or sign-off without a full stop: never marked truncated.
    truncated: false,
    body: { ...parsed.body, children: [block, ...parsed.body.children] },
    residue: [{ rule: HEADERS_RULE, text: email.fields.join('\n') }, ...parsed.residue],
  };
}

/** A header block and what follows its blank line; null when the text does not open with header fields. */
function splitHeaders(text: string): { header: string; fields: string[]; body: string } | null {
  const lines = text.split('\n');
  const fields: string[] = [];
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!.replace(/\r$/u, '');
    if (line === '') break;
    if (/^[ \t]/u.test(line) && fields.length > 0) fields[fields.length - 1] += ` ${line.trim()}`;
    else if (FIELD.test(line)) fields.push(line.trim());
    else return null;
  }
  if (fields.length === 0) return null;
  return { header: lines.slice(0, index).join('\n'), fields, body: lines.slice(index + 1).join('\n') };
}

interface Part {
  headers: Record<string, string[]>;
  body: string;
}

/** The text of a part: a text/plain part decoded, the first text/plain part of a multipart; null when it has none.
 * Every other part is noted as left out. */
function textOf(part: Part, notes: string[], where: string): string | null {
  const type = libmime.parseHeaderValue(part.headers['content-type']?.[0] ?? 'text/plain');
  const mime = type.value.toLowerCase();
  const disposition = (part.headers['content-disposition']?.[0] ?? '').toLowerCase();
  if (mime === 'text/plain' && !disposition.startsWith('attachment')) return decodeBody(part, type.params, notes);
  const boundary = type.params['boundary'];
  if (mime.startsWith('multipart/') && boundary !== undefined) {
    let text: string | null = null;
    for (const [index, child] of splitMultipart(part.body, boundary).entries()) {
      const split = splitHeaders(child) ?? { header: '', fields: [], body: child.replace(/^\r?\n/u, '') };
      const childPart = { headers: libmime.decodeHeaders(split.header), body: split.body };
      if (text === null) text = textOf(childPart, notes, `part ${index + 1} of ${where}`);
      else notes.push(`e-mail: left out ${describe(childPart)}, part ${index + 1} of ${where} (the text/plain part before it is the body)`);
    }
    return text;
  }
  notes.push(`e-mail: left out ${describe(part)}, ${where} (only a text/plain part is published)`);
  return null;
}

/** "a text/html part", "an attachment image/png (chart.png)". */
function describe(part: Part): string {
  const type = libmime.parseHeaderValue(part.headers['content-type']?.[0] ?? 'text/plain').value.toLowerCase();
  const disposition = libmime.parseHeaderValue(part.headers['content-disposition']?.[0] ?? '');
  const name = disposition.params['filename'];
  return disposition.value.toLowerCase() === 'attachment' ? `an attachment ${type}${name ? ` (${name})` : ''}` : `a ${type} part`;
}

/** The parts between `--boundary` lines, up to `--boundary--` (the preamble and epilogue are not parts). */
function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split('\n')) {
    const trimmed = line.replace(/\r$/u, '').trimEnd();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current !== null) parts.push(current.join('\n'));
      current = trimmed.endsWith('--') && trimmed !== `--${boundary}` ? null : [];
      if (current === null) break;
    } else current?.push(line);
  }
  return parts;
}

/** A text part's body: its transfer encoding undone and its charset decoded; format=flowed lines rejoined. */
function decodeBody(part: Part, params: Record<string, string>, notes: string[]): string {
  const encoding = (part.headers['content-transfer-encoding']?.[0] ?? '7bit').trim().toLowerCase();
  let text = part.body;
  if (encoding === 'quoted-printable' || encoding === 'base64') {
    const bytes = encoding === 'base64' ? Buffer.from(part.body.replace(/\s+/gu, ''), 'base64') : decodeQuotedPrintable(part.body);
    const charset = libmime.normalizeCharset(params['charset'] ?? 'us-ascii');
    if (iconv.encodingExists(charset)) text = iconv.decode(bytes, charset);
    else {
      notes.push(`e-mail: the text part declares charset "${params['charset'] ?? ''}", which is not known: read as UTF-8`);
      text = bytes.toString('utf8');
    }
  }
  if ((params['format'] ?? '').toLowerCase() === 'flowed') text = libmime.decodeFlowed(text, (params['delsp'] ?? '').toLowerCase() === 'yes');
  return text.replace(/\r\n?/gu, '\n').replace(/\n+$/u, '\n');
}

/** The display name of a From value, never its address: `"Ann Lee" <ann@x>` or `ann@x (Ann Lee)` -> "Ann Lee". */
function displayName(from: string): string | null {
  const angle = /^(.*?)<[^>]*>\s*$/u.exec(from);
  const comment = /^[^\s()<>]+@[^\s()<>]+\s*\(([^)]*)\)\s*$/u.exec(from);
  const name = angle?.[1] ?? comment?.[1] ?? null;
  if (name === null) return null;
  const unquoted = name
    .trim()
    .replace(/^"(.*)"$/u, '$1')
    .replace(/\\(.)/gu, '$1');
  // A "name" that is itself an address names no one.
  return /@/u.test(unquoted) ? null : clean(unquoted);
}

function clean(value: string): string | null {
  const text = value.replace(/\s+/gu, ' ').trim();
  return text === '' ? null : text;
}
