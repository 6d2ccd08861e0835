/**
 * One corpus size of the benchmark, start to finish: generate the corpus (generate.ts), then each stage as its own
 * measured process (measure-process.ts): the ingest cold, with nothing changed and with one changed source; the
 * corpus index, shared passages and works cited timed in this process; `astro build` and the search index; a rebuild
 * after one changed source; a bare `astro build` of the same entries; and in Chromium the article pages, five
 * searches and the concordances (measure-browser.ts, measure-concordance.ts).
 *   runSize(1000, 1, { bare: true, browser: true }) -> SizeResult (bench/out/1000/ holds the corpus, entries and logs)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveStatic } from '../lib/static-server.ts';
import { astroTimings } from './astro-log.ts';
import { timeCorpusIndex } from './corpus-index-time.ts';
import { n } from './format.ts';
import { GENERATOR_VERSION, generateCorpus } from './generate.ts';
import { launchBrowser, measurePage, measureSearch, QUERIES, type SearchFigure } from './measure-browser.ts';
import { CONCORDANCE_QUERIES, measureConcordance, type ConcordanceFigure } from './measure-concordance.ts';
import { machine, measure, must } from './measure-process.ts';
import { describeReuse, measureReuse } from './reuse-time.ts';
import type { SizeResult } from './results.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Everything a size generates (git-ignored): bench/out/<size>/. */
export const OUT = path.join(root, 'bench', 'out');
const ASTRO = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

function folderSize(folder: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(folder)) return { bytes, files };
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** The largest file of `folder` whose name ends with `ending`, outside the search index: its path and size. */
function largestFile(folder: string, ending: string): { file: string; bytes: number } {
  let largest = { file: '', bytes: 0 };
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(ending) || entry.parentPath.includes(`${path.sep}pagefind`)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = statSync(file).size;
    if (bytes > largest.bytes) largest = { file: path.relative(folder, file), bytes };
  }
  return largest;
}

/** Measure one corpus size: every stage, then (unless left out) the bare build and the reader's side. */
export async function runSize(articles: number, seed: number, options: { bare: boolean; browser: boolean }): Promise<SizeResult> {
  const dir = path.join(OUT, String(articles));
  const corpusDir = path.join(dir, 'corpus');
  const entries = path.join(dir, 'entries');
  const dist = path.join(dir, 'dist');
  const log = path.join(dir, 'bench.log');
  const loadStart = os.loadavg()[0]!;
  console.log(`\n${articles.toLocaleString('en-GB')} articles (load average ${loadStart.toFixed(1)} on ${os.availableParallelism()} cores)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(log, '');
  const corpus = generateCorpus({ articles, seed }, corpusDir, path.join(root, 'corpus'));
  console.log(`  corpus: ${corpus.textFiles} text files, ${corpus.feeds} feeds with ${corpus.feedItems} items, ${(corpus.bytes / 1024 ** 2).toFixed(1)} MB`);

  // Ingest: cold (no cache), again with nothing changed, then with one changed source.
  const node = process.execPath;
  const ingestArgs = ['scripts/ingest.ts', '--corpus', corpusDir, '--out', entries];
  const ingest = await must('ingest (cold)', measure(node, [...ingestArgs, '--no-cache'], { log }), log);
  const written = readdirSync(entries).filter((name) => name.endsWith('.mdx')).length;
  const corpusIndex = timeCorpusIndex(entries, path.join(corpusDir, 'topics.yaml'));
  console.log(`  corpus index (related articles, co-occurrence): ${n(corpusIndex.articles)} articles in ${corpusIndex.ms.toFixed(0)} ms`);
  const reuse = await measureReuse(entries);
  console.log(`  ${describeReuse(reuse)}`);
  await (await import('./references-time.ts')).benchReferences(entries);
  const reingestUnchanged = await must('ingest (nothing changed)', measure(node, ingestArgs, { log }), log);
  const changed = path.join(corpusDir, 'sources', corpus.sampleTextFile);
  const original = readFileSync(changed);
  writeFileSync(changed, `${original.toString('utf8').trimEnd()} A sentence added to measure an incremental ingest.\n`);
  const reingestOneFile = await must('ingest (one file changed)', measure(node, ingestArgs, { log }), log);
  writeFileSync(changed, original);
  await must('ingest (file restored)', measure(node, ingestArgs, { log }), log);

  // The site, then its search index.
  const env = {
    DOSSIER_ENTRIES: entries,
    DOSSIER_TOPICS: path.join(corpusDir, 'topics.yaml'),
    DOSSIER_SOURCES: path.join(corpusDir, 'sources'),
    DOSSIER_CACHE_DIR: path.join(dir, 'cache'),
  };
  const buildLog = path.join(dir, 'astro-build.log');
  writeFileSync(buildLog, '');
  const build = await must('astro build', measure(node, [ASTRO, 'build', '--root', 'bench/site', '--outDir', dist], { env, log: buildLog }), buildLog);
  const timings = astroTimings(buildLog);
  const indexLog = path.join(dir, 'pagefind.log');
  writeFileSync(indexLog, '');
  // With the size's own cache folder, as the rebuild's search index (scripts/build.ts) reads it.
  const pagefind = await must('pagefind', measure(node, ['scripts/search-index/index-search.ts', '--site', dist], { env, log: indexLog }), indexLog);
  const indexedPages = Number(/(\d+) pages indexed/.exec(readFileSync(indexLog, 'utf8'))?.[1] ?? 0);

  // What a curator waits for after changing one source: the incremental ingest, then astro build (unchanged
  // entries' bodies come from the body cache, their frontmatter from Astro's content cache) and Pagefind.
  writeFileSync(changed, `${original.toString('utf8').trimEnd()} A sentence added to measure a rebuild.\n`);
  const rebuild = {
    ingest: await must('rebuild: ingest', measure(node, ingestArgs, { log }), log),
    site: await must(
      'rebuild: site + search index',
      measure(node, ['scripts/build.ts', '--skip-ingest', '--verbose', '--root', 'bench/site', '--out-dir', dist], { env, log: buildLog }),
      buildLog,
    ),
  };
  writeFileSync(changed, original);
  const all = folderSize(dist);
  const index = folderSize(path.join(dist, 'pagefind'));
  const bytesOf = (page: string) => statSync(path.join(dist, page), { throwIfNoEntry: false })?.size ?? 0;
  const topicPages = readdirSync(path.join(dist, 'topics'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const listPages = {
    '/': bytesOf('index.html'),
    '/topics/': bytesOf('topics/index.html'),
    'largest /topics/[slug]/': Math.max(...topicPages.map((entry) => bytesOf(`topics/${entry.name}/index.html`))),
    'largest /topics/[slug]/passages.json': Math.max(...topicPages.map((entry) => bytesOf(`topics/${entry.name}/passages.json`))),
    '/sources/': bytesOf('sources/index.html'),
    '/sources/raw/': bytesOf('sources/raw/index.html'),
    '/corpus.json': bytesOf('corpus.json'),
    'largest HTML page': largestFile(dist, '.html').bytes,
    'largest JSON file': largestFile(dist, '.json').bytes,
  };
  console.log(`  largest HTML page: /${largestFile(dist, '.html').file}; largest JSON file: /${largestFile(dist, '.json').file}`);
  const rendered = /rendered .*$/m.exec(readFileSync(buildLog, 'utf8').split('generating static routes').at(-1) ?? '')?.[0];
  if (rendered) console.log(`  rebuild: ${rendered}`);

  // Bare Astro on the same entries.
  let bare: SizeResult['bare'] = null;
  if (options.bare) {
    const bareLog = path.join(dir, 'bare-build.log');
    writeFileSync(bareLog, '');
    const bareEnv = { DOSSIER_ENTRIES: entries, DOSSIER_CACHE_DIR: path.join(dir, 'bare-cache') };
    const measured = await must(
      'astro build (bare)',
      measure(node, [ASTRO, 'build', '--root', 'bench/bare', '--outDir', path.join(dir, 'bare-dist')], { env: bareEnv, log: bareLog }),
      bareLog,
    );
    bare = { ...measured, pages: astroTimings(bareLog).pages };
    rmSync(path.join(dir, 'bare-dist'), { recursive: true, force: true });
  }

  // The reader's side, in Chromium.
  let browser: SizeResult['browser'] = null;
  if (options.browser) browser = await measureReader(dist);

  const stages = [ingest, build, pagefind];
  const e2eWall = stages.reduce((sum, stage) => sum + stage.wallS, 0);
  return {
    articles,
    seed,
    generatorVersion: GENERATOR_VERSION,
    measuredAt: new Date().toISOString(),
    machine: machine(),
    load: [round(loadStart), round(os.loadavg()[0]!)],
    corpus: { textFiles: corpus.textFiles, feeds: corpus.feeds, feedItems: corpus.feedItems, bytes: corpus.bytes },
    ingest: { ...ingest, articlesPerSecond: written / ingest.wallS, articlesWritten: written },
    reingestUnchanged,
    reingestOneFile: { ...reingestOneFile, file: corpus.sampleTextFile },
    rebuild,
    build: { ...build, ...timings },
    pagefind: { ...pagefind, pages: indexedPages },
    bare,
    endToEnd: {
      wallS: e2eWall,
      cpuS: stages.reduce((sum, stage) => sum + stage.cpuS, 0),
      peakMB: Math.max(...stages.map((stage) => stage.peakMB)),
      articlesPerSecond: written / e2eWall,
    },
    dist: { bytes: all.bytes, files: all.files, indexBytes: index.bytes, indexFiles: index.files },
    listPages,
    reuse,
    browser,
  };
}

/** Article pages by HTML size: the median one and the largest, weighed; five first searches from the median one. */
async function measureReader(dist: string): Promise<NonNullable<SizeResult['browser']>> {
  const articlesDir = path.join(dist, 'articles');
  const pages = readdirSync(articlesDir)
    .map((slug) => ({ slug, bytes: statSync(path.join(articlesDir, slug, 'index.html'), { throwIfNoEntry: false })?.size ?? 0 }))
    .filter((page) => page.bytes > 0)
    .sort((a, b) => a.bytes - b.bytes || (a.slug < b.slug ? -1 : 1));
  const median = `/articles/${pages[Math.floor(pages.length / 2)]!.slug}/`;
  const largest = `/articles/${pages.at(-1)!.slug}/`;
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const medianPage = await measurePage(browser, server.origin, median);
    const largestPage = await measurePage(browser, server.origin, largest);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`  article page (median): ${kb(medianPage.totalBytes)} (JS ${kb(medianPage.jsBytes)}); largest: ${kb(largestPage.totalBytes)}`);
    const searches: SearchFigure[] = [];
    for (const [query, warm] of QUERIES) {
      const figure = await measureSearch(browser, server.origin, median, query, warm);
      searches.push(figure);
      console.log(
        `  search ${query.padEnd(18)} ${kb(figure.wireBytes).padStart(9)} in ${figure.requests} requests, ${figure.firstResultMs.toFixed(0)} ms, warm ${figure.warmResultMs.toFixed(0)} ms`,
      );
    }
    const concordances: ConcordanceFigure[] = [];
    for (const query of CONCORDANCE_QUERIES) {
      const figure = await measureConcordance(browser, server.origin, query);
      concordances.push(figure);
      console.log(
        `  concordance ${query.padEnd(14)} ${n(figure.lines)} lines: ${kb(figure.wireBytes).padStart(9)} in ${figure.requests} requests, ${figure.firstLinesMs.toFixed(0)} ms; Pagefind ${kb(figure.pagefind.firstBytes)}, ${figure.pagefind.firstMs.toFixed(0)} ms, all ${kb(figure.pagefind.allBytes)}`,
      );
    }
    return { medianPage, largestPage, searches, concordances };
  } finally {
    await browser.close();
    await server.close();
  }
}

function round(value: number, places = 2): number {
  return Math.round(value * 10 ** places) / 10 ** places;
}
