/**
 * `npm run bench`: how the whole pipeline scales. For synthetic corpora of 100, 1,000 and 5,000 articles
 * (`--full` or `--10k` adds 10,000; `--sizes 100,1000` picks), recombined from the real corpus with a fixed
 * seed (scripts/bench/generate.ts), it measures each stage as its own process: ingest (cold, then re-run
 * with nothing changed, then with one changed file), shared-passage detection alone (scripts/bench/reuse-time.ts),
 * `astro build` of the site, Pagefind, and a bare
 * `astro build` of the same entries (bench/bare/) for comparison; wall time, CPU time and peak memory
 * (GNU time); `dist/` and index size; and in headless Chromium the weight of an article page and the
 * first search for five queries. Writes bench/results.json (merged by size, so sizes can be run apart)
 * and the tables in docs/performance.md between the `bench:results` markers.
 *
 *   npm run bench                         100, 1,000 and 5,000 articles
 *   npm run bench -- --10k                also 10,000 (about 3 GB of output under bench/out/)
 *   npm run bench -- --sizes 1000 --no-bare --no-browser
 *   npm run bench -- --table              rewrite docs/performance.md from bench/results.json only
 *
 * Everything generated lives under bench/out/<size>/ (git-ignored); the project's own entries, dist/
 * and .astro/ are never touched: the site is built with bench/site/astro.config.mjs (the project's config
 * under another root) and the corpus is chosen by DOSSIER_ENTRIES / DOSSIER_TOPICS / DOSSIER_SOURCES.
 *
 * The work is in scripts/bench/: run-size.ts (one size, stage by stage), measure-process.ts (a stage as a measured
 * process), results.ts (bench/results.json), report.ts and budgets.ts (the tables); this file reads the command line.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from './bench/measure-process.ts';
import { DOC, writeDoc } from './bench/report.ts';
import { readResults, RESULTS, writeResults } from './bench/results.ts';
import { OUT, runSize } from './bench/run-size.ts';

const root = path.resolve(import.meta.dirname, '..');

const USAGE = `npm run bench [-- options]: synthetic corpora generated, built and read, each stage measured (docs/performance.md)
  --sizes 100,1000     the corpus sizes to run (default: 100, 1000 and 5000)
  --full, --10k        also 10,000 articles (about 3 GB of output under bench/out/)
  --seed N             the corpus generator's seed (default: 1)
  --no-bare            leave out the bare astro build of the same entries
  --no-browser         leave out the reader's side in Chromium
  --table              rewrite docs/performance.md from bench/results.json only, measuring nothing
  --help               this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      full: { type: 'boolean' },
      '10k': { type: 'boolean' },
      seed: { type: 'string', default: '1' },
      'no-bare': { type: 'boolean' },
      'no-browser': { type: 'boolean' },
      table: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const results = readResults();
  if (!values.table) {
    const sizes = values.sizes ? values.sizes.split(',').map(Number) : [100, 1000, 5000, ...(values.full || values['10k'] ? [10000] : [])];
    console.log(`bench: ${sizes.join(', ')} articles; ${JSON.stringify(machine())}`);
    for (const articles of sizes) {
      const result = await runSize(articles, Number(values.seed), { bare: !values['no-bare'], browser: !values['no-browser'] });
      results.sizes[String(articles)] = result;
      // Written after every size, so a long run keeps what it measured if stopped.
      writeResults(results);
      writeDoc(results);
      // The corpus and entries stay for inspection; the built sites are the bulk.
      rmSync(path.join(OUT, String(articles), 'dist'), { recursive: true, force: true });
    }
  }
  writeDoc(results);
  console.log(`\nwrote ${path.relative(root, RESULTS)} and ${path.relative(root, DOC)}`);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
