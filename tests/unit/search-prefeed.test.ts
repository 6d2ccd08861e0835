/**
 * The search index of a rebuild (scripts/search-index/index-search.ts --prefeed, as scripts/build.ts runs it beside `astro build`):
 * given the last run's pages while the site builds, then only the changed one again, it writes exactly the index a
 * fresh run of the same pages writes, byte for byte; told the site build failed, it leaves the indexes as they were.
 * The pages are article pages as the site marks them for search, with the real corpus's words.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ingest } from '../helpers/ingest-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const articles = ingest().entries.map((entry) => entry.article);
const work = mkdtempSync(path.join(tmpdir(), 'dossier-prefeed-'));
const site = path.join(work, 'site');

/** An article page as search reads it: metadata, a filter, and the body's paragraphs with their ids. */
function writePage(slug: string, title: string, paragraphs: readonly string[]): void {
  const body = paragraphs.map((text, i) => `<p id="p-${i + 1}">${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`).join('\n');
  const html = `<!doctype html><html lang="en"><head><title>${slug}</title></head><body>
<div hidden data-pagefind-ignore><span data-pagefind-meta="title">${title.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</span><span data-pagefind-filter="format">Plain text</span></div>
<div class="prose" data-pagefind-body>${body}</div></body></html>`;
  mkdirSync(path.join(site, 'articles', slug), { recursive: true });
  writeFileSync(path.join(site, 'articles', slug, 'index.html'), html);
}

/** Run the indexer on the site with its own cache folder; `stdin` is what scripts/build.ts would say after the site build. */
function index(cache: string, prefeed?: string): string {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/search-index/index-search.ts'), '--site', site, ...(prefeed === undefined ? [] : ['--prefeed'])],
    {
      cwd: root,
      env: { ...process.env, DOSSIER_CACHE_DIR: path.join(work, cache) },
      input: prefeed ?? '',
      encoding: 'utf8',
    },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** Every file of a folder, by relative path, as bytes. */
function files(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file)] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The two folders hold the same files, byte for byte. */
function expectSameFiles(got: Map<string, Buffer>, want: Map<string, Buffer>): void {
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [file, bytes] of want) expect(got.get(file)!.equals(bytes), file).toBe(true);
}

/** The search indexes the site has now, then those a fresh run (a cache of its own) writes of the same pages. */
function againFresh(cache: string): { rebuilt: Map<string, Buffer>[]; fresh: Map<string, Buffer>[] } {
  const rebuilt = [files(path.join(site, 'pagefind')), files(path.join(site, 'concordance'))];
  index(cache);
  return { rebuilt, fresh: [files(path.join(site, 'pagefind')), files(path.join(site, 'concordance'))] };
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the search index of a rebuild', () => {
  const pages = articles.slice(0, 3).map((article) => ({ slug: article.slug, title: article.title, paragraphs: article.passages.map((p) => p.text) }));

  test('the last run’s pages, then the changed one again: the same index as a fresh run', () => {
    expect(pages.length).toBe(3);
    for (const page of pages) writePage(page.slug, page.title, page.paragraphs);
    index('cache');
    // One article gains a paragraph of another's, and another loses the word only it had.
    const changed = pages[1]!;
    writePage(changed.slug, changed.title, [...changed.paragraphs, pages[0]!.paragraphs[0]!, 'Zyxwvutsrq, a word no other page holds.']);
    index('cache');
    writePage(changed.slug, changed.title, [...changed.paragraphs, pages[0]!.paragraphs[0]!]);
    const said = index('cache', 'built\n');
    expect(said).toMatch(/3 article pages of the last build given to Pagefind/);
    expect(said).toMatch(/1 changed page added again/);
    // Written over the last index: the files it no longer refers to (the changed page's fragment, a word chunk, its metadata) are gone.
    expect(Number(/written over the last index \((\d+) files? it no longer needs removed\)/.exec(said)?.[1])).toBeGreaterThanOrEqual(3);
    const { rebuilt, fresh } = againFresh('fresh-cache');
    expect(rebuilt[0]!.size).toBeGreaterThan(5);
    expectSameFiles(rebuilt[0]!, fresh[0]!);
    expectSameFiles(rebuilt[1]!, fresh[1]!);
  }, 60_000);

  test('told the site build failed, it writes nothing', () => {
    const before = files(path.join(site, 'pagefind'));
    writePage(pages[2]!.slug, pages[2]!.title, pages[2]!.paragraphs.slice(1));
    expect(index('cache', 'failed\n')).toMatch(/left as they were/);
    expectSameFiles(files(path.join(site, 'pagefind')), before);
  }, 60_000);

  test('with an article added, the pages go into a fresh index: the same as a fresh run', () => {
    writePage('an-added-article', 'An added article', pages[0]!.paragraphs.slice(0, 2));
    const said = index('cache', 'built\n');
    expect(said).toMatch(/4 pages indexed/);
    expect(said).not.toMatch(/added again/);
    const { rebuilt, fresh } = againFresh('another-fresh-cache');
    expectSameFiles(rebuilt[0]!, fresh[0]!);
    expectSameFiles(rebuilt[1]!, fresh[1]!);
  }, 60_000);

  test('an index that cannot be read back is not written over: it is written again into an empty folder', () => {
    index('cache');
    const bundle = path.join(site, 'pagefind');
    const meta = readdirSync(bundle).find((name) => name.endsWith('.pf_meta'))!;
    writeFileSync(path.join(bundle, meta), 'not an index');
    writeFileSync(path.join(bundle, 'fragment', 'en_0000000.pf_fragment'), 'left over');
    writePage(pages[2]!.slug, pages[2]!.title, pages[2]!.paragraphs.slice(2));
    const said = index('cache', 'built\n');
    expect(said).toMatch(/1 changed page added again/);
    expect(said).not.toMatch(/written over/);
    const { rebuilt, fresh } = againFresh('a-third-fresh-cache');
    expectSameFiles(rebuilt[0]!, fresh[0]!);
  }, 60_000);
});
