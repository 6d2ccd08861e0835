/**
 * Plain text in any script and shape: how wrapped lines join (CJK without a space, Hangul with one), how wide a
 * line is, when a short line is a heading, and what an e-mail's headers and MIME parts become. Whole-source
 * behaviour is in the fixture folders (cjk-hard-wrapped-*, email-headers-and-mime, false-headings).
 */
import { Buffer } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { parseEmail } from '../../scripts/ingest/parse-email.ts';
import { parseText } from '../../scripts/ingest/parse-text.ts';
import { detectWrapWidth, displayWidth, joinLines } from '../../scripts/ingest/text-lines.ts';

describe('joinLines: the CSS Text segment-break rule', () => {
  test.each([
    ['Japanese', ['日本語の文章は', '改行されている。'], '日本語の文章は改行されている。'],
    ['Chinese with full-width punctuation', ['這樣做是為了', '「提供」一些連續性。'], '這樣做是為了「提供」一些連續性。'],
    ['Korean is space-separated', ['한국어 문장은', '띄어 씁니다.'], '한국어 문장은 띄어 씁니다.'],
    ['CJK then Latin', ['或是', 'META 鍵'], '或是 META 鍵'],
    ['English', ['a wrapped', 'line'], 'a wrapped line'],
    ['spaces inside a line are kept', ['two  spaces', '  indented'], 'two  spaces indented'],
  ])('%s', (_name, lines, expected) => {
    expect(joinLines(lines)).toBe(expected);
  });
});

describe('widths in columns', () => {
  test('a Han or Kana character takes two columns, a combining mark none', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  test('a Japanese text of 34 characters a line is wrapped at 68 columns', () => {
    const line = 'あ'.repeat(34);
    expect(detectWrapWidth([line, line, line, line, line, 'あ'.repeat(10)])).toBe(68);
  });
});

describe('headings in a hard-wrapped text', () => {
  const wrapped = (middle: string) =>
    [
      'Notes on Inspection',
      '',
      'An opening paragraph that is long enough to set the width of the text,',
      'so that the text is read as hard-wrapped at about seventy columns, as',
      'books and e-mail are.',
      '',
      middle,
      '',
      'A closing paragraph that is long enough to keep the width of the text,',
      'and to give the heading something to head; it ends with a full stop.',
    ].join('\n');
  const kinds = (text: string) => parseText(text).body.children.map((node) => node.type);

  test.each([
    ['a short title-case line between blank lines', 'Why Inspections Fail', 'heading'],
    ['numbered', '1.2 Terminology', 'heading'],
    ['ending on a conjunction', 'Inspections and', 'paragraph'],
    ['an unbalanced quote', 'University" within the 60 days following each', 'paragraph'],
    ['ending in a full stop', 'It failed.', 'paragraph'],
    ['starting in lowercase', 'and then some', 'paragraph'],
  ])('%s', (_name, middle, kind) => {
    expect(kinds(wrapped(middle))[1]).toBe(kind);
  });

  test('a wrapped line that happens to be short is not a heading', () => {
    const text = wrapped('Short lines at the end of a paragraph are not headings either: this\none ends the paragraph\nand goes on.');
    expect(kinds(text)).not.toContain('heading');
  });

  test('an underlined line is a heading', () => {
    expect(kinds(wrapped('Limits of the Method\n--------------------'))[1]).toBe('heading');
  });
});

describe('parseEmail', () => {
  const message = (headers: string, body = 'Body text.\n') => `${headers}\n\n${body}`;

  test('a text that does not open with an e-mail header block is not an e-mail', () => {
    expect(parseEmail('Note: this is a memo\nIt has one field-like line.\n')).toBeNull();
    expect(parseEmail(message('From: a@example.org\nTo: b@example.org'))).toBeNull();
  });

  test.each([
    ['quoted name', '"Ann Lee" <ann@example.org>', 'Ann Lee'],
    ['bare name', 'Ann Lee <ann@example.org>', 'Ann Lee'],
    ['comment form', 'ann@example.org (Ann Lee)', 'Ann Lee'],
    ['encoded word', '=?UTF-8?B?5bGx55Sw5aSq6YOO?= <t@example.jp>', '山田太郎'],
    ['address only: no author', 'ann@example.org', null],
    ['a name that is an address: no author', '"ann@example.org" <ann@example.org>', null],
  ])('From, %s', (_name, from, author) => {
    expect(parseEmail(message(`From: ${from}\nSubject: S\nDate: Tue, 7 Mar 2017 14:29:24 -0800`))?.author).toBe(author);
  });

  test('Subject and Date (a trailing zone comment allowed); an unreadable Date is kept for a warning', () => {
    const email = parseEmail(message('From: A <a@x.org>\nSubject: =?ISO-8859-1?Q?Caf=E9?= talk\nDate: Tue, 7 Mar 2017 14:29:24 -0800 (PST)'));
    expect(email).toMatchObject({ subject: 'Café talk', date: '2017-03-07T22:29:24Z', unreadDate: null });
    expect(parseEmail(message('From: A <a@x.org>\nSubject: S\nDate: someday'))).toMatchObject({ date: null, unreadDate: 'someday' });
  });

  test('a base64 text/plain part in a multipart/mixed message is the body; the attachment is left out with a note', () => {
    const text = Buffer.from('Grüße aus Wien.\n', 'latin1').toString('base64');
    const email = parseEmail(
      message(
        'From: A <a@x.org>\nSubject: S\nMessage-ID: <1@x.org>\nContent-Type: multipart/mixed; boundary=XYZ',
        `--XYZ\nContent-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: base64\n\n${text}\n--XYZ\nContent-Type: image/png\nContent-Disposition: attachment; filename=chart.png\n\niVBORw0KGgo=\n--XYZ--\n`,
      ),
    );
    expect(email?.body).toBe('Grüße aus Wien.\n');
    expect(email?.notes).toEqual([expect.stringMatching(/left out an attachment image\/png \(chart\.png\)/)]);
  });

  test('a message with only an HTML part publishes nothing of its body, and says so', () => {
    const email = parseEmail(message('From: A <a@x.org>\nSubject: S\nDate: Tue, 7 Mar 2017 14:29:24 -0800\nContent-Type: text/html', '<p>Hi</p>'));
    expect(email?.body).toBe('');
    expect(email?.notes.join('\n')).toMatch(/no text\/plain part/);
  });
});
