/**
 * `node scripts/index-search.ts`: build the Pagefind index of dist/ (step 3 of `npm run build`);
 * `--site DIR` indexes another built site (the benchmark's). Only article pages are read, and only their
 * `data-pagefind-body` region is indexed; furniture carries `data-pagefind-ignore`. Each page is parsed once for
 * both indexes, and not at all when its bytes are as in the last run (scripts/search-pages.ts). Pages are added
 * one by one in path order, so progress shows on a terminal (scripts/progress.ts) and the index never depends on
 * the file system's order. The concordance's own index of the same text is written beside it (scripts/concordance-index.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { writeConcordance } from './concordance-index.ts';
import { createProgress } from './progress.ts';
import { searchPageReader } from './search-pages.ts';
import { CONCORDANCE_DATA, type SourceArticle } from '../src/core/concordance.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: path.resolve(import.meta.dirname, '..', 'dist') } } });
const site = path.resolve(values.site);
// The cache of pages already read: Astro's cache folder (DOSSIER_CACHE_DIR for the benchmark's sites).
const cacheDir = path.resolve(process.env['DOSSIER_CACHE_DIR'] ?? path.join(import.meta.dirname, '..', 'node_modules', '.astro'));

/** The article pages of the site (the only pages with a `data-pagefind-body`; the others are not read), by slug. */
function articleSlugs(articles: string): string[] {
  if (!existsSync(articles)) return [];
  return readdirSync(articles, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(articles, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

async function main(): Promise<void> {
  const articles = path.join(site, 'articles');
  const slugs = articleSlugs(articles);
  const page = (slug: string) => readFile(path.join(articles, slug, 'index.html'), 'utf8');
  // One cache folder per site folder, so that the project's, the fixture's and the benchmark's sites never share one.
  const reader = searchPageReader(path.join(cacheDir, 'search-pages', createHash('sha256').update(site).digest('hex').slice(0, 16)));
  const keys: string[] = [];
  for (const slug of slugs) keys.push(reader.key(await page(slug), slug));
  const outputs = [path.join(site, 'pagefind', 'pagefind-entry.json'), path.join(site, ...CONCORDANCE_DATA.split('/').filter(Boolean), 'articles.json')];
  if (reader.sameAsLastRun(keys) && outputs.every((file) => existsSync(file))) {
    console.log(`search index: all ${slugs.length.toLocaleString('en-GB')} article pages as in the last run; the indexes are kept`);
    return;
  }

  const records: SourceArticle[] = [];
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
  try {
    const progress = createProgress('search index: adding pages', slugs.length);
    for (const [done, slug] of slugs.entries()) {
      progress.update(done);
      const read = reader.read(keys[done]!, await page(slug), slug);
      const added = await index.addHTMLFile({ url: `/articles/${slug}/`, content: read.pagefind });
      if (added.errors.length > 0) throw new Error(`could not index /articles/${slug}/: ${added.errors.join('; ')}`);
      if (read.concordance !== null) records.push(read.concordance);
    }
    progress.done();
    // dist/ is kept between builds (astro.config.mjs): the previous index goes first, or its files would linger.
    reader.forget();
    rmSync(path.join(site, 'pagefind'), { recursive: true, force: true });
    // Pagefind writes its index in its own process; the concordance is built and written here meanwhile.
    const writing = index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    const concordance = writeConcordance(site, records);
    const written = await writing;
    if (written.errors.length > 0) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
    const { parsed, cached } = reader.done(keys);
    const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
    console.log(`search index: ${count(parsed, 'article page', 'article pages')} read again, ${cached.toLocaleString('en-GB')} unchanged since the last run`);
    console.log(`search index: ${slugs.length} pages indexed into ${path.relative(process.cwd(), path.join(site, 'pagefind')) || site}/`);
    console.log(`concordance index: ${concordance.articles} articles, ${concordance.shards} word shards, ${(concordance.bytes / 1e6).toFixed(1)} MB`);
  } finally {
    await pagefind.close();
  }
}

main().catch((error: unknown) => {
  console.error(new Error('search indexing failed', { cause: error }));
  process.exitCode = 1;
});
