/**
 * The safety gate's parser (parseMdx) leaves out GFM's email autolink construct for text without an `@`, and
 * the table construct for text without `|`, `:-` or `-:`; it must still give exactly the tree of the full
 * parser (remark-parse, frontmatter, GFM, MDX) that the site uses, positions included, or the same error:
 * on every fixture entry, the corpus's entries and hand-made edge cases, near misses included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { parseMdx } from '../../src/core/mdx.ts';
import { ingest, root } from '../helpers/ingest-corpus.ts';

const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx);

/** The tree, or the parse error's message (MDX that is not well formed throws, and must throw the same). */
function outcome(parse: (text: string) => unknown, text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    return { error: String(error) };
  }
}
const fullParse = (text: string) => full.runSync(full.parse(text));

const fixtureEntries = readdirSync(path.join(root, 'tests/fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const dir = path.join(root, 'tests/fixtures', entry.name, 'expected');
    try {
      return readdirSync(dir)
        .filter((file) => file.endsWith('.mdx'))
        .map((file) => readFileSync(path.join(dir, file), 'utf8'));
    } catch {
      return [];
    }
  });

const edges = [
  'See www.example.org and https://example.org/a_b?c=d, HTTP://EXAMPLE.ORG. or http://x.',
  'www.example.org/path(with)parens) and (www.example.org) [www.example.org](https://example.org)',
  'mailto:someone xmpp:someone user.name+tag example.org a_b_c __d__ *e* _f_',
  'A footnote.[^1]\n\n[^1]: Its text with www.example.org.',
  '| a | b |\n| - | - |\n| www.example.org | c |',
  'a\n:-\n\n~~struck~~ ~one~ ~~~',
  '- [ ] task\n- [x] done www.example.org',
  '<Residue rule="related-links">Read more: www.example.org</Residue>',
  '<Figure src="https://example.org/a.png" alt="A">\n  Caption www.example.org\n</Figure>',
  '\\{not an expression} \\<not jsx> \\[not a link] \\*not emphasis\\* &#x69;mport x',
  'word www.example.org.word http://a.b.c/d.e?f. https://example.org/trailing),',
  '---\ntitle: "x"\n---\n\nBody www.example.org\n',
  'h hh www. www.. wwww.example.org http:/x https:// xhttp://example.org',
  'Heading\n- : b\n\nNote: - x, 10:30 - 11:00, a - : b',
  'a\n---\n\nb\n- -\n\nc\n===\n\n* * *\n\nd :\n- e',
  'Cell\n:\n\nx\n: -\n\ny\n- :',
];

// Every entry of the corpus through both parsers: the time it takes grows with the corpus.
describe('parseMdx', { timeout: 60_000 }, () => {
  const entries = ingest().entries.map((entry) => entry.mdx);

  test("gives the full parser's tree (or error) for text without an @ or a table", () => {
    const texts = [...fixtureEntries, ...entries, ...edges].filter((text) => !/@|\||:-|-:/.test(text));
    expect(texts.length).toBeGreaterThan(40);
    for (const text of [...texts, ...edges.map((edge) => `${edge} </Figure>`)]) {
      expect(outcome(parseMdx, text), text.slice(0, 80)).toEqual(outcome(fullParse, text));
    }
  });

  test('and for text with either, or both', () => {
    const withEither = [...fixtureEntries, ...entries, ...edges].filter((text) => /@|\||:-|-:/.test(text));
    const added = edges.flatMap((edge) => [`${edge}\n\nuser@example.org`, `${edge}\n\na | b\n- | -`, `${edge} x@y.z\n\na\n:-`]);
    for (const text of ['Write to someone@example.org.', 'a@b.c www.example.org', ...withEither, ...added]) {
      expect(outcome(parseMdx, text)).toEqual(outcome(fullParse, text));
    }
  });
});
