/**
 * Pipeline fixtures: each folder in tests/fixtures/ is one behaviour, `input -> expected output`.
 *   sources/            raw source files (or `source`: one line naming a file in corpus/sources/)
 *   catalog.yaml        optional curator catalog
 *   expected/<slug>.mdx the generated entries, or
 *   error.txt           the ingest's error messages, one per line
 *   literal.txt         optional: lines that must appear as literal text on the rendered page
 * Run `UPDATE=1 npx vitest run tests/unit/fixtures.test.ts` to regenerate expectations after an intended change.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCatalog } from '../../scripts/ingest/catalog.ts';
import { ingestSources, type SourceFile } from '../../scripts/ingest/pipeline.ts';
import { parseTopics } from '../../scripts/ingest/topics.ts';
import { renderMdx } from '../helpers/render-mdx.ts';

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
function run(folder: string): { entries: Map<string, string> } | { errors: string } {
  try {
    const catalogFile = path.join(folder, 'catalog.yaml');
    const catalog = existsSync(catalogFile) ? parseCatalog(readFileSync(catalogFile, 'utf8'), 'catalog.yaml') : {};
    const result = ingestSources(loadSources(folder), { catalog, topics, keepGoing: true });
    if (result.errors.length > 0) return { errors: result.errors.map((error) => error.message).join('\n') + '\n' };
    return { entries: new Map(result.entries.map((entry) => [entry.slug, entry.mdx])) };
  } catch (error) {
    return { errors: `${(error as Error).message}\n` };
  }
}

/** Visible text of rendered HTML: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const names = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('ingest fixtures', () => {
  test.each(names)('%s', async (name) => {
    const folder = path.join(fixtures, name);
    const actual = run(folder);
    const errorFile = path.join(folder, 'error.txt');
    const expectedDir = path.join(folder, 'expected');
    if (update) {
      rmSync(expectedDir, { recursive: true, force: true });
      rmSync(errorFile, { force: true });
      if ('errors' in actual) writeFileSync(errorFile, actual.errors);
      else {
        mkdirSync(expectedDir);
        for (const [slug, mdx] of actual.entries) writeFileSync(path.join(expectedDir, `${slug}.mdx`), mdx);
      }
    }
    if (existsSync(errorFile)) {
      expect('errors' in actual ? actual.errors : 'no error').toBe(readFileSync(errorFile, 'utf8'));
      return;
    }
    if ('errors' in actual) throw new Error(`unexpected ingest error:\n${actual.errors}`);
    const expected = readdirSync(expectedDir).sort();
    expect([...actual.entries.keys()].map((slug) => `${slug}.mdx`).sort()).toEqual(expected);
    const literalFile = path.join(folder, 'literal.txt');
    const literals = existsSync(literalFile) ? readFileSync(literalFile, 'utf8').split('\n').filter(Boolean) : [];
    for (const [slug, mdx] of actual.entries) {
      expect(mdx, `${slug}.mdx`).toBe(readFileSync(path.join(expectedDir, `${slug}.mdx`), 'utf8'));
      // Every entry must compile as MDX and render without running anything.
      const html = await renderMdx(mdx);
      expect(html).not.toMatch(/<(?:script|style|iframe|object|embed|form)\b|<[^>]*\son[a-z]+=|(?:href|src)="\s*(?:javascript|vbscript|data):/i);
      const text = visibleText(html);
      for (const literal of literals) expect(text, `literal text on the page of ${slug}`).toContain(literal);
    }
  });
});
