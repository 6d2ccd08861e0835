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
import type { SourceArticle } from '../src/core/concordance.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: path.resolve(import.meta.dirname, '..', 'dist') } } });
const site = path.resolve(values.site);
// The cache of pages already read: Astro's cache folder (DOSSIER_CACHE_DIR for the benchmark's sites).
const cacheDir = path.resolve(process.env['DOSSIER_CACHE_DIR'] ?? path.join(import.meta.dirname, '..', 'node_modules', '.astro'));

async function main(): Promise<void> {
  const records: SourceArticle[] = [];
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
  try {
    // Only article pages carry data-pagefind-body; reading the others too (the home page lists every
    // article) costs Pagefind seconds at 10,000 articles and indexes nothing.
    const articles = path.join(site, 'articles');
    const slugs = existsSync(articles)
      ? readdirSync(articles, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(path.join(articles, entry.name, 'index.html')))
          .map((entry) => entry.name)
          .sort()
      : [];
    const progress = createProgress('search index: adding pages', slugs.length);
    // One cache folder per site folder, so that the project's, the fixture's and the benchmark's sites never share one.
    const reader = searchPageReader(path.join(cacheDir, 'search-pages', createHash('sha256').update(site).digest('hex').slice(0, 16)));
    for (const [done, slug] of slugs.entries()) {
      progress.update(done);
      const page = reader.read(await readFile(path.join(articles, slug, 'index.html'), 'utf8'), slug);
      const added = await index.addHTMLFile({ url: `/articles/${slug}/`, content: page.pagefind });
      if (added.errors.length > 0) throw new Error(`could not index /articles/${slug}/: ${added.errors.join('; ')}`);
      if (page.concordance !== null) records.push(page.concordance);
    }
    progress.done();
    const { parsed, cached } = reader.done();
    console.log(`search index: ${parsed.toLocaleString('en-GB')} pages read, ${cached.toLocaleString('en-GB')} unchanged since the last run`);
    const added = { page_count: slugs.length };
    // dist/ is kept between builds (astro.config.mjs): the previous index goes first, or its files would linger.
    rmSync(path.join(site, 'pagefind'), { recursive: true, force: true });
    // Pagefind writes its index in its own process; the concordance is built and written here meanwhile.
    const writing = index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    const concordance = writeConcordance(site, records);
    const written = await writing;
    if (written.errors.length > 0) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
    console.log(`search index: ${added.page_count} pages indexed into ${path.relative(process.cwd(), path.join(site, 'pagefind')) || site}/`);
    console.log(`concordance index: ${concordance.articles} articles, ${concordance.shards} word shards, ${(concordance.bytes / 1e6).toFixed(1)} MB`);
  } finally {
    await pagefind.close();
  }
}

main().catch((error: unknown) => {
  console.error(new Error('search indexing failed', { cause: error }));
  process.exitCode = 1;
});
