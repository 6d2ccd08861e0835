/**
 * `node scripts/search-index/index-search.ts`: build the Pagefind index of dist/ (the last step of `npm run build`, scripts/build.ts);
 * `--site DIR` indexes another built site (the benchmark's). Only article pages are read, and only their
 * `data-pagefind-body` region is indexed; furniture carries `data-pagefind-ignore`. Each page is parsed once for
 * both indexes, and not at all when its bytes are as in the last run (scripts/search-index/article-pages.ts). Pages are added
 * one by one in path order, so progress shows on a terminal (scripts/lib/progress.ts) and the index never depends on
 * the file system's order. The concordance's own index of the same text is written beside it (scripts/search-index/concordance-index.ts).
 *
 * `--prefeed` (scripts/build.ts starts it beside `astro build`): first give Pagefind every article page of the last
 * run as it was (from the cache of readings), then wait for a line on standard input: `built` when the site is built,
 * anything else (or its end) when it failed, which ends this without writing. Once built, when the article pages are
 * the same slugs as last time, only the pages whose bytes changed are added again: Pagefind replaces a page added
 * twice where it stands, so the index is byte for byte the one a fresh run makes (tests/unit/search-prefeed.test.ts);
 * otherwise (an article added or removed) the pages go into a fresh index as without `--prefeed`.
 *
 * The index is written over the last one when that was written whole: Pagefind skips the files it names by hash
 * that exist, and those no longer referred to are removed after (scripts/search-index/index-files.ts); the file set is
 * then exactly a fresh run's.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { writeConcordance } from './concordance-index.ts';
import { createProgress } from '../lib/progress.ts';
import { referencedFiles, removeUnreferenced } from './index-files.ts';
import { searchPageReader, type SearchPageReader } from './article-pages.ts';
import { CONCORDANCE_DATA, type SourceArticle } from '../../src/core/concordance.ts';

const { values } = parseArgs({
  options: { site: { type: 'string', default: path.resolve(import.meta.dirname, '../..', 'dist') }, prefeed: { type: 'boolean' } },
});
const site = path.resolve(values.site);
// The cache of pages already read: Astro's cache folder (DOSSIER_CACHE_DIR for the benchmark's sites).
const cacheDir = path.resolve(process.env['DOSSIER_CACHE_DIR'] ?? path.join(import.meta.dirname, '../..', 'node_modules', '.astro'));

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** The article pages of the site (the only pages with a `data-pagefind-body`; the others are not read), by slug. */
function articleSlugs(articles: string): string[] {
  if (!existsSync(articles)) return [];
  return readdirSync(articles, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(articles, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/** A new, empty Pagefind index. */
async function newIndex(): Promise<Index> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
  return index;
}

/** Add one page's reading to the index. */
async function addPage(index: Index, slug: string, html: string): Promise<void> {
  const added = await index.addHTMLFile({ url: `/articles/${slug}/`, content: html });
  if (added.errors.length > 0) throw new Error(`could not index /articles/${slug}/: ${added.errors.join('; ')}`);
}

/** Write the index into `bundle`. */
async function writeIndex(index: Index, bundle: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length > 0) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
}

/** What the prefeed gave Pagefind: the last run's pages, with each page's concordance record by key (read once, not again after the build). */
interface Fed {
  index: Index;
  slugs: string[];
  keys: string[];
  records: Map<string, SourceArticle | null>;
}

/** The last run's pages, as they were, in a new index; null when there is no last run or a reading is no longer cached. */
async function prefeed(reader: SearchPageReader): Promise<Fed | null> {
  const last = reader.lastRun();
  if (last === null || last.slugs.length === 0) return null;
  const index = await newIndex();
  const records = new Map<string, SourceArticle | null>();
  for (const [i, slug] of last.slugs.entries()) {
    const reading = reader.cached(last.keys[i]!);
    if (reading === null) {
      await index.deleteIndex();
      return null;
    }
    await addPage(index, slug, reading.pagefind);
    records.set(last.keys[i]!, reading.concordance);
  }
  return { index, records, ...last };
}

/** Wait for scripts/build.ts to say how the site build ended: true for `built`. */
async function siteBuilt(): Promise<boolean> {
  for await (const line of createInterface({ input: process.stdin })) return line.trim() === 'built';
  return false;
}

async function main(): Promise<void> {
  // One cache folder per site folder, so that the project's, the fixture's and the benchmark's sites never share one.
  const reader = searchPageReader(path.join(cacheDir, 'search-pages', createHash('sha256').update(site).digest('hex').slice(0, 16)));

  // 1. With --prefeed: the last run's pages into Pagefind while the site is built, then wait for it.
  const fed = values.prefeed ? await prefeed(reader) : null;
  if (values.prefeed) {
    if (fed !== null)
      console.log(`search index: ${count(fed.slugs.length, 'article page', 'article pages')} of the last build given to Pagefind while the site is built`);
    if (!(await siteBuilt())) {
      console.log('search index: the site build failed; the search indexes are left as they were');
      return;
    }
  }

  // 2. The article pages as built, and whether anything changed since the indexes were written.
  const articles = path.join(site, 'articles');
  const slugs = articleSlugs(articles);
  const page = (slug: string) => readFile(path.join(articles, slug, 'index.html'), 'utf8');
  const keys: string[] = [];
  for (const slug of slugs) keys.push(reader.key(await page(slug), slug));
  const outputs = [path.join(site, 'pagefind', 'pagefind-entry.json'), path.join(site, ...CONCORDANCE_DATA.split('/').filter(Boolean), 'articles.json')];
  if (reader.sameAsLastRun(keys) && outputs.every((file) => existsSync(file))) {
    console.log(`search index: all ${slugs.length.toLocaleString('en-GB')} article pages as in the last run; the indexes are kept`);
    return;
  }

  // 3. Pagefind: the fed index when it holds the same pages in the same order (only the changed ones are added again,
  // each in its place), else a fresh one; every page's reading goes to the concordance.
  const same = fed !== null && fed.slugs.length === slugs.length && fed.slugs.every((slug, i) => slug === slugs[i]);
  if (fed !== null && !same) await fed.index.deleteIndex();
  const index = same ? fed.index : await newIndex();
  const records: SourceArticle[] = [];
  let added = 0;
  const progress = createProgress('search index: adding pages', slugs.length);
  for (const [done, slug] of slugs.entries()) {
    progress.update(done);
    if (same && fed.keys[done] === keys[done]) {
      // Given to Pagefind while the site was built, as it is now.
      const record = fed.records.get(keys[done]!);
      if (record) records.push(record);
      continue;
    }
    const read = reader.read(keys[done]!, await page(slug), slug);
    await addPage(index, slug, read.pagefind);
    added++;
    if (read.concordance !== null) records.push(read.concordance);
  }
  progress.done();

  // 4. Write both. dist/ is kept between builds (astro.config.mjs). Pagefind writes over the last index when that
  // one was written whole (the last run got to its end): it skips the hashed files that exist, and those the new
  // index no longer refers to are removed after (scripts/search-index/index-files.ts). Otherwise it writes into an empty folder.
  const bundle = path.join(site, 'pagefind');
  let over = reader.lastRun() !== null && referencedFiles(bundle) !== null;
  reader.forget();
  if (!over) rmSync(bundle, { recursive: true, force: true });
  // Pagefind writes its index in its own process; the concordance is built and written here meanwhile.
  const writing = writeIndex(index, bundle);
  const concordance = writeConcordance(site, records);
  await writing;
  let removed = over ? removeUnreferenced(bundle) : 0;
  if (removed === null) {
    // Not read back as written: write it again, alone in its folder.
    rmSync(bundle, { recursive: true, force: true });
    await writeIndex(index, bundle);
    over = false;
    removed = 0;
  }
  const { parsed, cached } = reader.done(slugs, keys);
  console.log(`search index: ${count(parsed, 'article page', 'article pages')} read again, ${cached.toLocaleString('en-GB')} unchanged since the last run`);
  const into = path.relative(process.cwd(), path.join(site, 'pagefind')) || site;
  const how = same ? ` (${count(added, 'changed page', 'changed pages')} added again to those given while the site was built)` : '';
  const where = over ? `, written over the last index (${count(removed, 'file', 'files')} it no longer needs removed)` : '';
  console.log(`search index: ${slugs.length} pages indexed into ${into}/${how}${where}`);
  console.log(
    `concordance index: ${concordance.articles} articles, ${concordance.shards} word shards, ${(concordance.bytes / 1e6).toFixed(1)} MB; ${count(concordance.written, 'file', 'files')} written, the rest as they were`,
  );
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

main()
  .catch((error: unknown) => {
    console.error(new Error('search indexing failed', { cause: error }));
    process.exitCode = 1;
  })
  .finally(() => pagefind.close());
