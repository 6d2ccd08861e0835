/**
 * `node scripts/index-search.ts`: build the Pagefind index of dist/ (step 3 of `npm run build`);
 * `--site DIR` indexes another built site (the benchmark's). Only article pages are read, and only their
 * `data-pagefind-body` region is indexed; furniture carries `data-pagefind-ignore`. The concordance's own index
 * of the same text is written beside it (scripts/concordance-index.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { writeConcordance } from './concordance-index.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: path.resolve(import.meta.dirname, '..', 'dist') } } });
const site = path.resolve(values.site);

async function main(): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
  try {
    // Only article pages carry data-pagefind-body; reading the others too (the home page lists every
    // article) costs Pagefind seconds at 10,000 articles and indexes nothing.
    const added = await index.addDirectory({ path: site, glob: 'articles/*/index.html' });
    if (added.errors.length > 0) throw new Error(`could not index ${site}: ${added.errors.join('; ')}`);
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
