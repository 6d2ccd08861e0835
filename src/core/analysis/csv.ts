/**
 * Tables as CSV (RFC 4180): a header row, then one row per record, fields separated by commas, lines ended by CRLF,
 * a field quoted (its quotes doubled) when it holds a comma, a quote, a line break, or space at either end, and a
 * field that a spreadsheet would run as a formula (=, +, -, @ first) kept as text by a leading apostrophe. And the
 * name a downloaded table is saved under: what it is, the query, and the corpus's date.
 *   toCsv(['word', 'count'], [['said, then', 3]]) -> 'word,count\r\n"said, then",3\r\n'
 *   csvFileName('collocates', 'world order', '2026-12-01') -> 'dossier-collocates-world-order-2026-12-01.csv'
 */

/** A field's value: text, a number (written as JavaScript writes it), or nothing (an empty field). */
export type CsvValue = string | number | null | undefined;

/** One field as RFC 4180 writes it. */
function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A cell that starts like a formula is text in the source, never something a spreadsheet should run.
  const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole table: the header row, then every row, each line ended by CRLF. Rows shorter than the header get empty fields. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const line = (values: readonly CsvValue[]) => header.map((_, index) => field(values[index])).join(',');
  return [line(header), ...rows.map(line)].map((text) => `${text}\r\n`).join('');
}

/** The media type a CSV file is served and downloaded as: UTF-8 with a header row (RFC 4180, RFC 7111). */
export const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

/** A file name's part from free text: letters and digits kept (any script), runs of anything else one hyphen, at most 60 characters. */
function namePart(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The name to save a table under: 'dossier-<table>-<query>-<corpus date>.csv', parts that are empty left out. */
export function csvFileName(table: string, query: string | null | undefined, corpusDate: string | null | undefined): string {
  const parts = ['dossier', namePart(table), namePart(query ?? ''), namePart(corpusDate ?? '')].filter((part) => part !== '');
  return `${parts.join('-')}.csv`;
}
