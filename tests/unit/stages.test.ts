/** Table tests for the small pure stages of the ingest. */
import { describe, expect, test } from 'vitest';
import { checkMdx } from '../../scripts/ingest/check-mdx.ts';
import { parseFeedDate } from '../../scripts/ingest/dates.ts';
import { decodeSource } from '../../scripts/ingest/decode.ts';
import { detectFormat } from '../../scripts/ingest/detect.ts';
import { parseText } from '../../scripts/ingest/parse-text.ts';
import { findResidue } from '../../scripts/ingest/residue-rules.ts';
import { slugify, uniqueSlugs } from '../../scripts/ingest/slug.ts';
import { paragraphIds } from '../../src/utils/paragraph-id.ts';

describe('detectFormat: from content, never the file name', () => {
  test.each([
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'rss'],
    ['\n  <rss version="0.91"><channel/></rss>', 'rss'],
    ['<?xml version="1.0"?>\n<!-- comment -->\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom'],
    ['<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', 'rdf'],
    ['Plain text that mentions <rss> later.', 'text'],
    ['<img src=x onerror=alert(1)> is a plain text line', 'text'],
  ])('%j -> %s', (text, format) => {
    expect(detectFormat(text, 'f.txt')).toBe(format);
  });

  test('XML that is not a feed is an error naming the file', () => {
    expect(() => detectFormat('<?xml version="1.0"?><html></html>', 'page.xml')).toThrow('page.xml: XML root element <html> is not a feed');
  });
});

describe('decodeSource', () => {
  test('UTF-8 BOM is removed and CRLF becomes LF', () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69, 0x0d, 0x0a, 0x21]), 'a.txt')).toEqual({ text: 'Hi\n!', warnings: [] });
  });
  test('Windows-1252 is read as such, with a warning', () => {
    const decoded = decodeSource(new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0xe9]), 'a.txt');
    expect(decoded.text).toBe('“Hi” é');
    expect(decoded.warnings).toEqual(['not valid UTF-8; read as Windows-1252']);
  });
  test.each([
    [new Uint8Array([]), 'a.txt: file is empty'],
    [new Uint8Array([0x20, 0x0a, 0x09]), 'a.txt: file holds only whitespace'],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]), 'a.txt: looks like a binary file'],
  ])('%j is refused', (bytes, message) => {
    expect(() => decodeSource(bytes, 'a.txt')).toThrow(message);
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
  ])('%s -> %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });
});

describe('parseText: structure by documented rules', () => {
  test.each([
    ['headline first line', 'A short headline\nThe body starts here and ends.', { title: 'A short headline', titleRule: 'headline' }],
    ['dek that serves as title', 'One sentence that serves as the title.\nThe Summary\n- a point', { title: 'One sentence that serves as the title.', titleRule: 'dek' }],
    ['first sentence, cut at a colon', 'Altman’s plan is being framed as a race: move fast. More text.\nSecond.', { title: 'Altman’s plan is being framed as a race', titleRule: 'first-sentence' }],
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
    ['Body. Engadget has also covered this important subject in great detail.', 'cross-promotion', 'Engadget has also covered this important subject in great detail.'],
    ['Would you like to learn more about AI? If so, ask our Diplo chatbot!', 'reader-prompt', 'Would you like to learn more about AI? If so, ask our Diplo chatbot!'],
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
