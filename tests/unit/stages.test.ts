/** Table tests for the small pure stages of the ingest. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { checkMdx } from '../../src/core/mdx-safety.ts';
import { parseFeedDate } from '../../scripts/ingest/dates.ts';
import { decodeSource, MAX_SOURCE_BYTES } from '../../scripts/ingest/decode.ts';
import { detectFormat } from '../../scripts/ingest/detect.ts';
import { decodeEscapedTwice, decodeXml } from '../../scripts/ingest/feed/entities.ts';
import { scanXml } from '../../scripts/ingest/scan-xml.ts';
import { parseText } from '../../scripts/ingest/parse-text.ts';
import { findResidue } from '../../src/core/residue.ts';
import { slugify, uniqueSlugs } from '../../src/core/slug.ts';
import { paragraphIds } from '../../src/core/paragraph-id.ts';

describe('detectFormat: from content, never the file name', () => {
  test.each([
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'rss'],
    ['\n  <rss version="0.91"><channel/></rss>', 'rss'],
    ['<?xml version="1.0"?>\n<!-- comment -->\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom'],
    ['<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', 'rdf'],
    ['Plain text that mentions <rss> later.', 'text'],
    ['<img src=x onerror=alert(1)> is a plain text line', 'text'],
    ['<p>An HTML-looking first line</p>\nthen text that does not close it.', 'text'],
    ['{braces} open a text that is not JSON.', 'text'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'json'],
    ['{ "version": "1.1", "title": "t", "items": [{ "id": "1" }] }', 'json'],
  ])('%j -> %s', (text, format) => {
    expect(detectFormat(text, 'f.txt')).toBe(format);
  });

  test('XML that is not a feed is an error naming the file', () => {
    expect(() => detectFormat('<?xml version="1.0"?><opml version="2.0"></opml>', 'list.xml')).toThrow('list.xml: XML root element <opml> is not a feed');
    expect(() => detectFormat('<opml version="2.0"><body/></opml>\n', 'list.opml')).toThrow('list.opml: XML root element <opml> is not a feed');
  });

  test.each([
    ['<!doctype html><html><body>x</body></html>', 'this is a web page, not a feed or a plain text'],
    ['<html lang="en"><p>x', 'this is a web page'],
    ['<div><p>Saved fragment</p></div>\n', 'this is a web page'],
    [
      '<head><title>Document Moved</title></head><body><h1>Object Moved</h1>This document may be found <a href="https://x.org/">here</a></body>',
      'this is a web page',
    ],
    ['{"name": "a-package", "version": "1.0.0"}', 'looks like JSON but not a JSON Feed'],
    ['<?xml version="1.0"?>\n<!-- only a comment -->\n', 'has no root element'],
  ])('%j is refused: %s', (text, message) => {
    expect(() => detectFormat(text, 'x')).toThrow(message);
  });
});

describe('decodeSource', () => {
  test('UTF-8 BOM is removed and CRLF becomes LF', () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69, 0x0d, 0x0a, 0x21]), 'a.txt')).toEqual({ text: 'Hi\n!', warnings: [] });
  });
  test('an undeclared legacy encoding is detected when the guess is sure, recorded, and read', () => {
    const text =
      'Международное агентство по атомной энергии было создано для того, чтобы проверять, как государства используют ядерные материалы. ' +
      'Сторонники нового агентства для искусственного интеллекта считают, что такая же организация могла бы проверять вычислительные мощности и обучение крупных моделей. ' +
      'Критики отвечают, что программное обеспечение нельзя пересчитать, как уран, и что страны не захотят открывать свои лаборатории.';
    const decoded = decodeSource(iconv.encode(text, 'koi8-r'), 'a.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toMatchObject({ name: 'koi8-r', how: 'detected' });
    expect(decoded.warnings[0]).toMatch(/^declares no encoding and is not UTF-8: detected koi8-r \(confidence \d+\/100\); read as koi8-r$/);
  });
  test('a few Western bytes are read as Windows-1252; a guess that is not sure is refused, saying how to declare it; the catalog settles it', () => {
    const bytes = new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0xe9]);
    expect(decodeSource(bytes, 'a.txt')).toMatchObject({ text: '“Hi” é', encoding: { name: 'windows-1252', how: 'fallback' } });
    // Cyrillic in KOI8-R with too little text to detect: read as Windows-1252 it is runs of accented capitals, not Western text.
    const unsure = iconv.encode('Агентство МАГАТЭ', 'koi8-r');
    expect(() => decodeSource(unsure, 'a.txt')).toThrow(
      /a\.txt: is not UTF-8 and declares no encoding .* too uncertain to publish\. Declare it in corpus\/catalog\.yaml/,
    );
    expect(decodeSource(bytes, 'a.txt', 'windows-1252')).toEqual({ text: '“Hi” é', warnings: [], encoding: { name: 'windows-1252', how: 'catalog' } });
    expect(() => decodeSource(bytes, 'a.txt', 'x-klingon')).toThrow('the catalog\'s encoding "x-klingon" is not one the ingest knows');
  });
  test('UTF-16 with a byte-order mark is read (little and big endian)', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00, 0x19, 0x20]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69, 0x20, 0x19]);
    expect(decodeSource(le, 'a.txt').text).toBe('Hi’');
    expect(decodeSource(be, 'a.txt').text).toBe('Hi’');
  });
  test('an XML declaration names the encoding; a stale one on valid UTF-8 is overruled with a warning', () => {
    const latin1 = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss>caf\u0000</rss>');
    latin1[latin1.indexOf(0)] = 0xe9;
    expect(decodeSource(latin1, 'a.xml')).toEqual({
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><rss>café</rss>',
      warnings: [],
      encoding: { name: 'windows-1252', how: 'declared' },
    });
    const koi8 = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="koi8-r"?><rss>'),
      0xd2,
      0xc1,
      ...new TextEncoder().encode('</rss>'),
    ]);
    expect(decodeSource(koi8, 'a.xml').text).toContain('<rss>ра</rss>');
    const stale = new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><rss>café</rss>');
    expect(decodeSource(stale, 'a.xml')).toEqual({
      text: '<?xml version="1.0" encoding="windows-1252"?><rss>café</rss>',
      warnings: ['declares encoding="windows-1252" but is valid UTF-8; read as UTF-8'],
    });
    expect(() => decodeSource(new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><rss/>'), 'a.xml')).toThrow(
      'a.xml: declares encoding="x-klingon", which the ingest cannot read',
    );
  });
  test('UTF-8 with a few Windows-1252 bytes pasted in keeps its UTF-8, with a warning', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('caf\u00e9 \u2014 '), 0x93, 0x78, 0x94]);
    expect(decodeSource(bytes, 'a.txt')).toEqual({
      text: 'café — “x”',
      encoding: { name: 'utf-8', how: 'mixed' },
      warnings: ['mixes UTF-8 with 2 byte(s) that are not UTF-8 (first at line 1, column 8); those bytes were read as Windows-1252'],
    });
  });
  test('a few control characters are removed with a warning; vertical tab and form feed are line breaks', () => {
    expect(decodeSource(new TextEncoder().encode('a\u0007b\u000bc\u000cd'), 'a.txt')).toEqual({
      text: 'ab\nc\nd',
      warnings: ['removed 1 invisible control character(s) (the first, U+0007, at line 1, column 2)'],
    });
  });
  test(`a file over MAX_SOURCE_BYTES (${MAX_SOURCE_BYTES}) is refused before it is read; one at the limit is read`, () => {
    const over = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61);
    expect(() => decodeSource(over, 'big.txt')).toThrow(`big.txt: file is ${MAX_SOURCE_BYTES + 1} bytes; the limit is ${MAX_SOURCE_BYTES} bytes (10 MiB)`);
    const at = new Uint8Array(MAX_SOURCE_BYTES).fill(0x61);
    expect(decodeSource(at, 'big.txt').text).toHaveLength(MAX_SOURCE_BYTES);
  });
  test.each([
    [new Uint8Array([]), 'a.txt: file is empty'],
    [new Uint8Array([0x20, 0x0a, 0x09]), 'a.txt: file holds only whitespace'],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]), 'a.txt: looks like a ZIP archive'],
    [new Uint8Array([0x41, 0x42, 0x00, 0x43]), 'a.txt: looks like a binary file (it contains NUL bytes, the first at byte 2)'],
    [new Uint8Array([0x48, 0x00, 0x69, 0x00, 0x21, 0x00, 0x21, 0x00]), 'a.txt: looks like UTF-16 text without a byte-order mark'],
    [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'a.txt: looks like a PDF document, not text'],
    [new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0d, 0x0a]), 'a.txt: file holds only whitespace'],
  ])('%j is refused', (bytes, message) => {
    expect(() => decodeSource(bytes, 'a.txt')).toThrow(message);
  });
});

/** Odd dates seen in real feeds, also run under other zones in a child process. */
const DATE_TABLE_MORE: [string, string | null][] = [
  ['Wed, 01 Jan 2025 00:30:00 +1300', '2024-12-31T11:30:00Z'],
  ['Monday, 02 March 2026 13:53:04 +0000', '2026-03-02T13:53:04Z'],
  ['Mon, 2 Mar 2026 13:53 GMT', '2026-03-02T13:53:00Z'],
  ['02 Sept 2025 09:00:00 +05:30', '2025-09-02T03:30:00Z'],
  ['Sat, 07 Sep 02 08:30 GMT', '2002-09-07T08:30:00Z'],
  ['07 Sep 49 08:30 GMT', '2049-09-07T08:30:00Z'],
  ['07 Sep 50 08:30 GMT', '1950-09-07T08:30:00Z'],
  ['02 Mar 2026', '2026-03-02'],
  ['2025-12-31', '2025-12-31'],
  ['2025-12-31T23:30:00', '2025-12-31T23:30:00Z'],
  ['2025-12-31T23:30:00-08:00', '2026-01-01T07:30:00Z'],
  ['2025-06-30T12:00:00+0200', '2025-06-30T10:00:00Z'],
  ['Sun, 05 Oct 2025 10:00:00 CEST', null],
  ['Tue, 10 Jun 2025 24:00:00 GMT', null],
  ['2025-02-29', null],
  ['', null],
];

describe('decodeEscapedTwice: a name its publisher escaped twice is decoded once more, as text', () => {
  test.each([
    // A WordPress channel title as a JSON Feed gives it, and as an Atom type="text" title reads after XML decoding.
    ['Blog &#8211; InfluxData', 'Blog – InfluxData'],
    ['Retention policies &#038; downsampling', 'Retention policies & downsampling'],
    ['It&rsquo;s here', 'It’s here'],
    ['AT&T and R&D', 'AT&T and R&D'],
    ['a &lt;b&gt; tag', 'a <b> tag'],
  ])('%s', (input, expected) => {
    expect(decodeEscapedTwice(input)).toBe(expected);
  });
});

describe('parseFeedDate: UTC, whatever the machine zone', () => {
  test.each([
    ['Mon, 02 Mar 2026 13:53:04 GMT', '2026-03-02T13:53:04Z'],
    ['Tue, 10 Jun 2025 09:00:00 PDT', '2025-06-10T16:00:00Z'],
    ['Tue, 10 Jun 2025 09:00:00 EST', '2025-06-10T14:00:00Z'],
    ['10 Jun 25 09:00 +0200', '2025-06-10T07:00:00Z'],
    ['10 Jun 99 09:00 GMT', '1999-06-10T09:00:00Z'],
    ['2026-01-14', '2026-01-14'],
    ['2026-01-14T01:30:38+05:30', '2026-01-13T20:00:38Z'],
    ['2026-01-14T01:30:38.123Z', '2026-01-14T01:30:38Z'],
    ['31 Feb 2026', null],
    ['next Tuesday', null],
    ['Mon, 02 Mar 2026 13:53:04 XYZ', null],
    ...DATE_TABLE_MORE,
  ])('%s -> %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  test.each(['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Tokyo'])('gives the same results with TZ=%s', (zone) => {
    // A child process, because a running Node process caches its zone.
    const inputs = DATE_TABLE_MORE.map(([input]) => input);
    const script = `import { parseFeedDate } from ${JSON.stringify(path.resolve(import.meta.dirname, '../../scripts/ingest/dates.ts'))};
      console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(2025, 0, 1).getTimezoneOffset(), results: ${JSON.stringify(inputs)}.map(parseFeedDate) }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: zone } });
    expect(child.stderr).toBe('');
    const { zone: seen, offset, results } = JSON.parse(child.stdout) as { zone: string; offset: number; results: (string | null)[] };
    expect(seen).toBe(zone); // the child really ran in that zone
    expect(offset).not.toBe(0);
    expect(results).toEqual(DATE_TABLE_MORE.map(([, expected]) => expected));
  });
});

describe('parseText: structure by documented rules', () => {
  test.each([
    ['headline first line', 'A short headline\nThe body starts here and ends.', { title: 'A short headline', titleRule: 'headline' }],
    [
      'dek that serves as title',
      'One sentence that serves as the title.\nThe Summary\n- a point',
      { title: 'One sentence that serves as the title.', titleRule: 'dek' },
    ],
    [
      'first sentence, cut at a colon',
      'Altman’s plan is being framed as a race: move fast. More text.\nSecond.',
      { title: 'Altman’s plan is being framed as a race', titleRule: 'first-sentence' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(parseText(text)).toMatchObject(expected);
  });

  test('headings, list items, quotations and paragraphs', () => {
    const { body } = parseText(
      'Title line here\nIntro paragraph ends here.\nWhy the angle matters\nBody text follows.\n- Label: text stays intact\n"A quotation line."\n[Bracketed] line = literal',
    );
    expect(body.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph', 'list', 'blockquote', 'paragraph']);
  });

  test('a text ending without end punctuation is truncated', () => {
    expect(parseText('Headline\nA sentence that stops in the middle of').truncated).toBe(true);
    expect(parseText('Headline\nA complete sentence.').truncated).toBe(false);
    expect(parseText('Headline\nShe said “done.”').truncated).toBe(false);
  });
});

describe('findResidue: the documented rules', () => {
  test.each([
    ['They are getting played. In related developments, take a look at: A Headline.', 'related-links', 'In related developments, take a look at: A Headline.'],
    [
      'Body. Engadget has also covered this important subject in great detail.',
      'cross-promotion',
      'Engadget has also covered this important subject in great detail.',
    ],
    [
      'Would you like to learn more about AI? If so, ask our Diplo chatbot!',
      'reader-prompt',
      'Would you like to learn more about AI? If so, ask our Diplo chatbot!',
    ],
    ['Subscribe to our newsletter for weekly updates.', 'newsletter-prompt', 'Subscribe to our newsletter for weekly updates.'],
  ])('%s', (text, rule, span) => {
    const [found] = findResidue(text);
    expect(found?.rule).toBe(rule);
    expect(text.slice(found!.start, found!.end)).toBe(span);
  });

  test('an ordinary argument is not residue', () => {
    expect(findResidue('Critics would like to learn more about the audits. See the report for details.')).toEqual([]);
  });
});

describe('slugs', () => {
  test.each([
    ['A Critical Assessment of the “IAEA for AI” Model', 'a-critical-assessment-of-the-iaea-for-ai-model'],
    ['Yathārth’s notes', 'yatharths-notes'],
    ['???', 'article'],
    ['Sam Altman’s latest push for AI safety is being framed as a race-and-control plan', 'sam-altmans-latest-push-for-ai-safety-is-being-framed-as-a'],
  ])('%s -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('collisions resolve in order and are reported', () => {
    const { slugs, renamed } = uniqueSlugs([
      { slug: 'same', label: 'a.txt' },
      { slug: 'same', label: 'b.txt' },
      { slug: 'same', label: 'c.txt' },
    ]);
    expect(slugs).toEqual(['same', 'same-2', 'same-3']);
    expect(renamed).toEqual(['b.txt: slug "same" is taken by a.txt; using "same-2"', 'c.txt: slug "same" is taken by a.txt; using "same-3"']);
  });
});

describe('paragraph ids', () => {
  test('depend only on the paragraph’s own letters', () => {
    const [a, b] = paragraphIds(['Both can end civilizations.', 'Second paragraph.']);
    const [a2] = paragraphIds(['Both can end civilizations!¹', 'An edited second paragraph.']);
    expect(a2).toBe(a);
    expect(a).not.toBe(b);
    expect(paragraphIds(['Same.', 'Same.'])[1]).toMatch(/-2$/);
  });
});

describe('checkMdx: the safety gate refuses anything that could run', () => {
  test.each([
    ['import fs from "node:fs"\n\ntext', 'import/export'],
    ['export const x = 1', 'import/export'],
    ['a {process.exit(1)} b', '{expression}'],
    ['{process.exit(1)}', '{expression}'],
    ['<img src="x" onerror="alert(1)" />', 'JSX <img>'],
    ['<script>alert(1)</script>', 'JSX <script>'],
    ['<Residue rule={evil()}>x</Residue>', 'non-literal value'],
    ['<Residue onClick="x">x</Residue>', 'attribute that is not allowed'],
    ['<Figure src="javascript:alert(1)" />', 'not http(s)'],
    ['[x](javascript:alert(1))', 'not http(s), mailto: or #fragment'],
  ])('%j', (mdx, problem) => {
    expect(() => checkMdx(mdx, 'entry.mdx')).toThrow(problem);
  });

  test('inert MDX with allowed components passes', () => {
    expect(() => checkMdx('Text \\{x} \\<b>\n\n<Residue rule="reader-prompt">Ask our bot!</Residue>\n', 'entry.mdx')).not.toThrow();
  });
});

describe('scanXml: well-formedness problems in words, with line:column', () => {
  test.each([
    ['<rss><a>x</b></rss>', 'f.xml:1:10: malformed XML: expected </a> (its start tag is at line 1, column 6) before </b>'],
    ['<rss>\r\n<a>AT&T</a></rss>', 'f.xml:2:6: malformed XML: a bare "&" must be written "&amp;"'],
    ['<rss>\n<a>&eacute;</a></rss>', 'f.xml:2:4: malformed XML: undefined entity "&eacute;"'],
    ['<rss>\n<a>&#xD800;</a></rss>', 'f.xml:2:4: malformed XML: character reference "&#xD800;" names a character XML does not allow'],
    ['<rss><a href="?a=1&b=2"/></rss>', 'f.xml:1:19: malformed XML: a bare "&"'],
    ['<rss><a><![CDATA[x</a></rss>', 'f.xml:1:9: malformed XML: CDATA section "<![CDATA[" is never closed'],
    ['<rss><a>x', 'f.xml:1:6: malformed XML: <a> is never closed, nor is <rss> around it: the file ends first'],
    ['<rss><a', 'f.xml:1:6: malformed XML: start tag <a is never closed with ">"'],
    ['<rss></a></rss>', 'f.xml:1:6: malformed XML: expected </rss>'],
    ['<rss></rss></x>', 'f.xml:1:12: malformed XML: end tag </x> has no matching start tag'],
    ['<rss><a>1 < 2</a></rss>', 'f.xml:1:11: malformed XML: a literal "<" must be written "&lt;"'],
    ['<!DOCTYPE x [<!ENTITY a "b">]><rss/>', 'f.xml:1:14: feed declares its own XML entities'],
  ])('%j', (xml, message) => {
    expect(() => scanXml(xml, 'f.xml')).toThrow(message);
  });

  test('well-formed XML passes; CDATA, comments and attributes may hold anything', () => {
    expect(scanXml('<?xml version="1.0"?><!-- & < --><rss a="&amp;&#38;"><b><![CDATA[& <x> &nbsp;]]></b><c/></rss>', 'f.xml')).toEqual({ htmlEntities: false });
  });

  test("Netscape's RSS 0.91 DTD allows the HTML entities it defines", () => {
    const doctype = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">';
    expect(scanXml(`${doctype}<rss><a>caf&eacute;&nbsp;</a></rss>`, 'f.xml')).toEqual({ htmlEntities: true });
    expect(() => scanXml(`${doctype}<rss><a>&bogus;</a></rss>`, 'f.xml')).toThrow('undefined entity "&bogus;"');
    expect(decodeXml('caf&eacute;&nbsp;&amp;&#233;&#xE9;', true)).toBe('café\u00a0&éé');
    expect(decodeXml('&amp;lt; &eacute;')).toBe('&lt; &eacute;');
  });
});
