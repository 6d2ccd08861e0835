/**
 * Markdown sources, stage by stage: which texts are Markdown (detect-markdown.ts), what a header's fields give under
 * each generator's names (front-matter-fields.ts), where a bad header's fault is (front-matter.ts), and what the
 * body becomes (convert-markdown.ts). Whole files with their entries are fixtures (tests/fixtures/markdown-*).
 */
import { describe, expect, test } from 'vitest';
import { detectFormat } from '../../scripts/ingest/detect.ts';
import { convertMarkdownBody, parseMarkdown } from '../../scripts/ingest/markdown/convert-markdown.ts';
import { fieldsFromFrontMatter } from '../../scripts/ingest/markdown/front-matter-fields.ts';
import { readFrontMatter } from '../../scripts/ingest/markdown/front-matter.ts';
import { serializeBody } from '../../scripts/ingest/serialize.ts';

describe('detection: Markdown from content, the name a hint only', () => {
  test.each([
    ['a YAML header', 'post.txt', '---\ntitle: A\ndate: 2024-01-01\n---\n\nBody.', 'markdown'],
    ['a TOML header', 'post', '+++\ntitle = "A"\n[params]\n  x = 1\n+++\n\nBody.', 'markdown'],
    ['a header with a comment and a folded value', 'a', '---\n# generated\ndescription: one\n  two\ntags:\n  - x\n---\nBody.', 'markdown'],
    ['an empty header', 'a', '---\n---\nBody.', 'markdown'],
    ['heading and link', 'notes.txt', '# Notes\n\nSee [the draft](https://x.org/d).', 'markdown'],
    ['heading and strong emphasis', 'notes', '## Notes\n\nThis is **important**.', 'markdown'],
    ['a table and a definition', 'a', 'a | b\n--- | ---\n1 | 2\n\n[1]: https://x.org/', 'markdown'],
    ['one kind, named .md', 'notes.md', '# Notes\n\nPlain words.', 'markdown'],
    ['one kind only', 'notes.txt', '# Notes\n\nPlain words.', 'text'],
    ['a line of dashes and # lines', 'memo.txt', 'Memo\n----\n\n# 1 Background\n\nText.\n\n# 2 Next\n\nMore.', 'text'],
    ['prose between dashes', 'a.txt', '---\nSpeaker one: a mandate first.\nSpeaker two: a budget.\n---\n\nThen.', 'text'],
    ['a one-word key no generator uses', 'a.txt', '---\nNote: this memo is short.\n---\n\nThen.', 'text'],
    ['dashes never closed', 'a.txt', '---\ntitle: A\n\nBody.', 'text'],
    ['a script link and lists', 'a.txt', 'Hello [x](javascript:alert(1))\n\n- one\n- two\n\n> quoted', 'text'],
    ['Markdown syntax only in fenced code', 'a.txt', 'Look:\n\n```\n# not a heading\n**not strong**\n```\n\nDone.', 'text'],
    ['fenced code and a heading', 'a.txt', '# Code\n\n```js\nlet x = 1;\n```\n', 'markdown'],
  ])('%s', (_, file, text, format) => {
    expect(detectFormat(text, file)).toBe(format);
  });

  test('a feed or a web page is never Markdown', () => {
    expect(detectFormat('<?xml version="1.0"?><rss version="2.0"><channel><title>**x**</title></channel></rss>', 'a.md')).toBe('rss');
    expect(() => detectFormat('<!DOCTYPE html><html><body><h1># A</h1></body></html>', 'a.md')).toThrow(/web page/);
  });
});

describe('header fields under the generators’ names', () => {
  test.each([
    [
      'Hugo',
      { title: 'T', date: '2024-03-12T09:30:00+01:00', lastmod: '2024-04-01', author: 'A' },
      { title: 'T', publishedAt: '2024-03-12T08:30:00Z', author: 'A' },
    ],
    [
      'Jekyll',
      { date: '2023-11-14 09:30:00 +0100', author: { name: 'Ada' }, categories: 'policy treaties' },
      { publishedAt: '2023-11-14T08:30:00Z', author: 'Ada', tags: ['policy', 'treaties'] },
    ],
    ['Astro', { pubDate: 'Jul 08 2022', description: 'D', canonicalURL: 'https://x.org/a' }, { publishedAt: '2022-07-08', dek: 'D', url: 'https://x.org/a' }],
    ['Docusaurus', { authors: [{ name: 'A', title: 'Editor' }, 'b-key'], keywords: ['k1', 'k2'] }, { author: 'A, b-key', tags: ['k1', 'k2'] }],
    ['Eleventy', { date: '2022-12-05', tags: ['posts', 'compute'], excerpt: 'E' }, { publishedAt: '2022-12-05', tags: ['posts', 'compute'], dek: 'E' }],
    [
      'Obsidian',
      { created: '2024-01-21', tags: ['#treaty', 'ai/governance'], aliases: ['x'] },
      { publishedAt: '2024-01-21', tags: ['treaty', 'ai/governance'], title: null },
    ],
    ['Zola and Hexo', { title: 'T', date: '2021-02-03', lang: 'fr', keywords: 'a, b' }, { lang: 'fr', tags: ['a', 'b'] }],
    ['snake_case', { published_at: '2020-01-02', canonical_url: 'http://x.org/p' }, { publishedAt: '2020-01-02', url: 'http://x.org/p' }],
  ])('%s', (_, data, expected) => {
    expect(fieldsFromFrontMatter(data)).toMatchObject(expected);
  });

  test('what cannot be used is a warning, never a guess', () => {
    const fields = fieldsFromFrontMatter({ date: 'last Tuesday', permalink: '/2023/x/', draft: true });
    expect(fields).toMatchObject({ publishedAt: null, url: null, author: null, title: null });
    expect(fields.warnings).toEqual([
      'front matter date "last Tuesday" is not a date that can be read: shown as undated',
      'front matter permalink "/2023/x/" is not a full http(s) address: not used as the canonical URL',
      'front matter marks the text a draft (draft: true)',
    ]);
    expect(fieldsFromFrontMatter({ lastmod: '2024-04-01' }).warnings[0]).toMatch(/only a last-modified date .*shown as undated/);
  });
});

describe('a header that cannot be read names its line:column in the file', () => {
  test.each([
    ['yaml', 'title: A\ntags: [a, b\n', 1, /^p\.md:\d+:\d+: invalid YAML front matter: .*; fix the header/],
    ['toml', 'title = "A"\ndate = \n', 3, /^p\.md:5:8: invalid TOML front matter: .*; fix the header/],
  ] as const)('%s', (lang, value, fenceLine, message) => {
    expect(() => readFrontMatter({ lang, value, fenceLine }, 'p.md')).toThrow(message);
  });

  test('a header that is not fields', () => {
    expect(() => readFrontMatter({ lang: 'yaml', value: '- a\n- b', fenceLine: 1 }, 'p.md')).toThrow(/^p\.md:2:1: the front matter is not a list/);
  });
});

describe('the body', () => {
  const body = (markdown: string, baseUrl: string | null = null, title: string | null = null) => {
    const converted = convertMarkdownBody(parseMarkdown(markdown, markdown.startsWith('---\n')), { baseUrl, title });
    return { ...converted, mdx: serializeBody(converted.tree) };
  };

  test('relative links resolve against the canonical URL; without one they are text', () => {
    expect(body('See [a](../b/).', 'https://x.org/p/q/').mdx).toBe('See [a](https://x.org/p/b/).\n');
    const unresolved = body('See [a](../b/).');
    expect(unresolved.mdx).toBe('See a.\n');
    expect(unresolved.removed).toEqual(['relative link with no canonical URL to resolve it against (kept as text)']);
  });

  test('the opening level-1 heading is the title; one repeating the header title goes; headings start at ##', () => {
    expect(body('# Title\n\nText.\n\n# Part\n\n### Deep').leadingHeading).toBe('Title');
    expect(body('# Title\n\nText.\n\n# Part\n\n### Deep').mdx).toBe('Text.\n\n## Part\n\n### Deep\n');
    expect(body('import X from "y"\n\n# Title\n\nText.', null, 'Title').mdx).not.toMatch(/Title/);
    expect(body('# Other\n\nText.', null, 'Title').mdx).toBe('## Other\n\nText.\n');
  });

  test('raw HTML, JSX and expressions stay text; a lone image is a figure', () => {
    const { mdx, residue } = body('<div onclick="x()">\n\nA {b} <i>c</i>\n\n![alt](https://x.org/i.png "Cap")');
    expect(residue).toEqual([{ rule: 'source-markup', text: '<div onclick="x()">' }]);
    expect(mdx).toContain('A \\{b} \\<i>c\\</i>');
    expect(mdx).toContain('<Figure src="https://x.org/i.png" alt="alt">\n  Cap\n</Figure>');
  });
});

describe('detection takes linear time', () => {
  test('a long line of unclosed brackets, stars and fences is read in well under a second per MiB', () => {
    const hostile = `${'[x'.repeat(200_000)}\n${'word **x '.repeat(100_000)}\n${'```a\n'.repeat(50_000)}`;
    const started = performance.now();
    expect(detectFormat(hostile, 'a.txt')).toBe('text');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
