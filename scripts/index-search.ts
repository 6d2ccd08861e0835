/**
 * `node scripts/index-search.ts`: build the Pagefind index of dist/ (step 3 of `npm run build`);
 * `--site DIR` indexes another built site (the benchmark's). Only article pages are read, and only their
 * `data-pagefind-body` region is indexed; furniture carries `data-pagefind-ignore`. Pages are added one by one in
 * path order, so progress shows on a terminal (scripts/progress.ts) and the index never depends on the file system's order.
 * The concordance's own index of the same text is written beside it (scripts/concordance-index.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { writeConcordance } from './concordance-index.ts';
import { createProgress } from './progress.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: path.resolve(import.meta.dirname, '..', 'dist') } } });
const site = path.resolve(values.site);

async function main(): Promise<void> {
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
    for (const [done, slug] of slugs.entries()) {
      progress.update(done);
      const content = await readFile(path.join(articles, slug, 'index.html'), 'utf8');
      const added = await index.addHTMLFile({ url: `/articles/${slug}/`, content });
      if (added.errors.length > 0) throw new Error(`could not index /articles/${slug}/: ${added.errors.join('; ')}`);
    }
    progress.done();
    const added = { page_count: slugs.length };
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
    console.log(`search index: ${added.page_count} pages indexed into ${path.relative(process.cwd(), path.join(site, 'pagefind')) || site}/`);
  } finally {
    await pagefind.close();
  }
  const concordance = writeConcordance(site);
  console.log(`concordance index: ${concordance.articles} articles, ${concordance.shards} word shards, ${(concordance.bytes / 1e6).toFixed(1)} MB`);
}

main().catch((error: unknown) => {
  console.error(new Error('search indexing failed', { cause: error }));
  process.exitCode = 1;
});
