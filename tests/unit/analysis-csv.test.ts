/** CSV tables (src/core/analysis/csv.ts): RFC 4180 quoting, a header row, and the file name of a download. */
import { describe, expect, test } from 'vitest';
import { csvFileName, toCsv } from '../../src/core/analysis/csv.ts';

describe('toCsv', () => {
  test('a header row, then the rows, lines ended by CRLF', () => {
    expect(
      toCsv(
        ['word', 'count'],
        [
          ['order', 3],
          ['world', 12],
        ],
      ),
    ).toBe('word,count\r\norder,3\r\nworld,12\r\n');
  });

  test('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    const csv = toCsv(['text'], [['said, then'], ['the “so-called” "order"'], ['two\nlines'], [' padded ']]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual(['"said, then"', '"the “so-called” ""order"""', '"two\nlines"', '" padded "']);
  });

  test('a field a spreadsheet would run as a formula is kept as text; negative numbers stay numbers', () => {
    expect(toCsv(['a', 'b', 'c'], [['=SUM(A1)', '-1.5', -2]])).toBe("a,b,c\r\n'=SUM(A1),-1.5,-2\r\n");
  });

  test('empty and missing fields are empty; non-Latin text is kept as it is', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, '日本の人工知能']])).toBe('a,b,c\r\n,日本の人工知能,\r\n');
  });
});

describe('csvFileName', () => {
  test('the table, the query and the corpus date', () => {
    expect(csvFileName('collocates', '“world order”', '2026-12-01')).toBe('dossier-collocates-world-order-2026-12-01.csv');
    expect(csvFileName('distinctive words', null, '2026-12-01')).toBe('dossier-distinctive-words-2026-12-01.csv');
    expect(csvFileName('lines', '../etc/passwd', '')).toBe('dossier-lines-etc-passwd.csv');
  });
});
