/**
 * Pipeline fixtures: each folder in tests/fixtures/ is one behaviour, `input -> expected output`.
 *   sources/            raw source files (or `source`: one line naming a file by its path from the project root;
 *                       the seed-* cases name files of the fixture corpus, tests/fixture-corpus/sources/)
 *   catalog.yaml        optional curator catalog
 *   expected/<slug>.mdx the generated entries, or
 *   error.txt           the ingest's error messages, one per line
 *   warnings.txt        the ingest's warnings, one per line (absent when there are none)
 *   literal.txt         optional: lines that must each appear as literal text on one of the rendered pages
 * Every entry must also compile as MDX, render inert through the site's own renderer, and show every word of
 * its source (tests/helpers/fidelity.ts).
 * Run `UPDATE=1 npx vitest run tests/unit/fixtures.test.ts` to regenerate expectations after an intended change.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCatalog } from '../../scripts/ingest/catalog.ts';
import { ingestSources, type SourceFile } from '../../scripts/ingest/pipeline.ts';
import { parseTopics } from '../../src/core/taxonomy.ts';
import { parse as parseYaml } from 'yaml';
import { sourceWords, words } from '../helpers/fidelity.ts';
import { compile } from '@mdx-js/mdx';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { renderArticle } from '../../src/utils/render-article.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures');
const update = process.env['UPDATE'] === '1';
const topics = parseTopics(readFileSync(path.join(root, 'corpus/topics.yaml'), 'utf8'), 'corpus/topics.yaml');

function loadSources(folder: string): SourceFile[] {
  const reference = path.join(folder, 'source');
  if (existsSync(reference)) {
    const file = readFileSync(reference, 'utf8').trim();
    return [{ file: path.basename(file), bytes: readFileSync(path.join(root, file)) }];
  }
  const dir = path.join(folder, 'sources');
  return readdirSync(dir)
    .sort()
    .map((file) => ({ file, bytes: readFileSync(path.join(dir, file)) }));
}

/** Run the ingest on a fixture: entries by slug, or the error lines. */
function run(folder: string, sources: SourceFile[]): { entries: Map<string, string>; warnings: string } | { errors: string } {
  try {
    const catalogFile = path.join(folder, 'catalog.yaml');
    const catalog = existsSync(catalogFile) ? parseCatalog(readFileSync(catalogFile, 'utf8'), 'catalog.yaml') : {};
    const result = ingestSources(sources, { catalog, topics, keepGoing: true });
    if (result.errors.length > 0) return { errors: result.errors.map((error) => error.message).join('\n') + '\n' };
    const warnings = result.warnings.map((warning) => `${warning}\n`).join('');
    return { entries: new Map(result.entries.map((entry) => [entry.slug, entry.mdx])), warnings };
  } catch (error) {
    return { errors: `${(error as Error).message}\n` };
  }
}

/** Visible text of rendered HTML, read by an HTML parser: its text nodes, apart, with spacing folded. */
function visibleText(html: string): string {
  const texts: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'text', (node) => {
    texts.push(node.value);
  });
  return texts.join(' ').replace(/\s+/g, ' ');
}

const names = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// The Substack feed fixture takes seconds (ingest, MDX render, fidelity); under a loaded machine more than 5 s.
describe('ingest fixtures', { timeout: 120_000 }, () => {
  test.each(names)('%s', async (name) => {
    const folder = path.join(fixtures, name);
    const sources = loadSources(folder);
    const actual = run(folder, sources);
    const errorFile = path.join(folder, 'error.txt');
    const warningsFile = path.join(folder, 'warnings.txt');
    const expectedDir = path.join(folder, 'expected');
    if (update) {
      rmSync(expectedDir, { recursive: true, force: true });
      rmSync(errorFile, { force: true });
      rmSync(warningsFile, { force: true });
      if ('errors' in actual) writeFileSync(errorFile, actual.errors);
      else {
        mkdirSync(expectedDir);
        for (const [slug, mdx] of actual.entries) writeFileSync(path.join(expectedDir, `${slug}.mdx`), mdx);
        if (actual.warnings !== '') writeFileSync(warningsFile, actual.warnings);
      }
    }
    if (existsSync(errorFile)) {
      expect('errors' in actual ? actual.errors : 'no error').toBe(readFileSync(errorFile, 'utf8'));
      return;
    }
    if ('errors' in actual) throw new Error(`unexpected ingest error:\n${actual.errors}`);
    expect(actual.warnings, 'warnings').toBe(existsSync(warningsFile) ? readFileSync(warningsFile, 'utf8') : '');
    const expected = readdirSync(expectedDir).sort();
    expect([...actual.entries.keys()].map((slug) => `${slug}.mdx`).sort()).toEqual(expected);
    const literalFile = path.join(folder, 'literal.txt');
    const literals = existsSync(literalFile) ? readFileSync(literalFile, 'utf8').split('\n').filter(Boolean) : [];
    const pageTexts: string[] = [];
    for (const [slug, mdx] of actual.entries) {
      expect(mdx, `${slug}.mdx`).toBe(readFileSync(path.join(expectedDir, `${slug}.mdx`), 'utf8'));
      // Every entry is valid MDX (the MDX compiler accepts it), and the site renders it with nothing that runs.
      await compile(mdx, { remarkPlugins: [[remarkFrontmatter, ['yaml']], remarkGfm] });
      const { html } = await renderArticle(mdx, { label: `${slug}.mdx`, topics: [] });
      expect(html).not.toMatch(/<(?:script|style|iframe|object|embed|form)\b|<[^>]*\son[a-z]+=|(?:href|src)="\s*(?:javascript|vbscript|data):/i);
      const text = visibleText(html);
      pageTexts.push(text);
      // Fidelity: every word of the source (feeds: visible text less documented chrome) is on the page,
      // which shows the title and dek from the frontmatter above the rendered body.
      const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!) as {
        title: string;
        dek: string | null;
        source: { file: string; format: string; item: number | null };
      };
      const shown = words(`${frontmatter.title} ${frontmatter.dek ?? ''} ${text}`);
      const source = sources.find((candidate) => candidate.file === frontmatter.source.file)!;
      const expectedWords = sourceWords(source.bytes, frontmatter.source.format, frontmatter.source.item);
      expect(expectedWords.size, `words read from the source of ${slug}`).toBeGreaterThan(0);
      const missing = [...expectedWords].filter((word) => !shown.has(word));
      expect(missing, `source words missing from the page of ${slug}`).toEqual([]);
    }
    // Each literal line is shown as text on one of the fixture's pages.
    for (const literal of literals)
      expect(
        pageTexts.some((text) => text.includes(literal)),
        `literal text on a page: ${literal}`,
      ).toBe(true);
  });
});
