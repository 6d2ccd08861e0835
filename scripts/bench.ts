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
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { timeCorpusIndex } from './bench/corpus-index-time.ts';
import { describeReuse, measureReuse, type ReuseFigure } from './bench/reuse-time.ts';
import { GENERATOR_VERSION, generateCorpus } from './bench/generate.ts';
import { launchBrowser, measurePage, measureSearch, QUERIES, type PageWeight, type SearchFigure } from './bench/measure-browser.ts';
import { COMMON_WORDS, CONCORDANCE_QUERIES, measureConcordance, type ConcordanceFigure } from './bench/measure-concordance.ts';
import { serveStatic } from './lib/static-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'bench', 'out');
const RESULTS = path.join(root, 'bench', 'results.json');
const DOC = path.join(root, 'docs', 'performance.md');
const ASTRO = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';

/** The budgets of the performance issue. */
export const BUDGETS = {
  e2eArticlesPerSecond1k: 30,
  peakMB1k: 3 * 1024,
  e2eSeconds10k: 300,
  peakMB10k: 4 * 1024,
  ingestArticlesPerSecond: 2000,
  articlePageKB: 30,
  articlePageJsKB: 5,
  firstSearchKB10k: 150,
  oneFileReingestSeconds10k: 2,
};

/** One child process, measured. */
interface Measured {
  wallS: number;
  cpuS: number;
  peakMB: number;
}

interface SizeResult {
  articles: number;
  seed: number;
  generatorVersion: number;
  measuredAt: string;
  machine: Machine;
  /** 1-minute load average when the size started and ended: other work on the machine slows wall times. */
  load: [number, number];
  corpus: { textFiles: number; feeds: number; feedItems: number; bytes: number };
  ingest: Measured & { articlesPerSecond: number; articlesWritten: number };
  reingestUnchanged: Measured;
  reingestOneFile: Measured & { file: string };
  /** After the full build: one source changed, then the incremental ingest and `npm run build`'s site and search index
   * side by side (scripts/build.ts: `site`); runs before 2026-12-04 measured astro build and Pagefind one after the other. */
  rebuild?: { ingest: Measured; site?: Measured; build?: Measured; pagefind?: Measured };
  build: Measured & { pages: number; phases: Record<string, number>; routes: { route: string; pages: number; ms: number }[] };
  pagefind: Measured & { pages: number };
  bare: (Measured & { pages: number }) | null;
  endToEnd: { wallS: number; cpuS: number; peakMB: number; articlesPerSecond: number };
  dist: { bytes: number; files: number; indexBytes: number; indexFiles: number };
  /** Uncompressed HTML of the pages that list the whole corpus, which grow with it. */
  listPages: Record<string, number>;
  /** Shared-passage detection alone, on the entries' paragraphs (scripts/bench/reuse-time.ts). */
  reuse?: ReuseFigure;
  browser: {
    medianPage: PageWeight;
    largestPage: PageWeight;
    searches: SearchFigure[];
    concordances?: ConcordanceFigure[];
    /** When the concordances were measured apart from the rest of the size (scripts/bench/measure-concordance.ts DIST). */
    concordanceRun?: { measuredAt: string; load: [number, number] };
  } | null;
}

interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  os: string;
}

function machine(): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model,
    cores: os.availableParallelism(),
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

/**
 * Run a command and measure it: wall time; CPU time and peak memory from GNU time (`%U + %S`, `%M`) and
 * from sampling the whole process tree in /proc every 250 ms, whichever is larger. GNU time alone misses
 * helpers that are killed rather than waited for (Pagefind's indexing binary), and `%M` is the largest
 * single process, while the tree's sum is what the machine must hold.
 */
function measure(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; log: string }): Promise<Measured & { code: number }> {
  const timeFile = `${options.log}.time`;
  const useTime = existsSync(GNU_TIME);
  const started = performance.now();
  appendFileSync(options.log, `\n$ ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(useTime ? GNU_TIME : command, useTime ? ['-f', '%e %U %S %M', '-o', timeFile, command, ...args] : args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tree = { peakKb: 0, ticks: new Map<number, number>() };
    const sampler = setInterval(() => sampleTree(child.pid!, tree), 250);
    child.stdout.on('data', (chunk: Buffer) => appendFileSync(options.log, chunk));
    child.stderr.on('data', (chunk: Buffer) => appendFileSync(options.log, chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const wall = (performance.now() - started) / 1000;
      const treeCpu = [...tree.ticks.values()].reduce((sum, ticks) => sum + ticks, 0) / CLOCK_TICKS;
      const treePeak = tree.peakKb / 1024;
      if (!useTime || !existsSync(timeFile)) return resolve({ wallS: wall, cpuS: treeCpu, peakMB: treePeak, code: code ?? 1 });
      const [elapsed, user, system, maxKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      rmSync(timeFile, { force: true });
      resolve({ wallS: elapsed!, cpuS: Math.max(user! + system!, treeCpu), peakMB: Math.max(maxKb! / 1024, treePeak), code: code ?? 1 });
    });
  });
}

const CLOCK_TICKS = 100;
const PAGE_KB = 4;

/** One sample of a process tree: the sum of its resident memory, and each process's CPU ticks so far. */
function sampleTree(rootPid: number, tree: { peakKb: number; ticks: Map<number, number> }): void {
  if (!existsSync('/proc/self/stat')) return;
  const parent = new Map<number, number>();
  const stats = new Map<number, { ticks: number; rssKb: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    parent.set(pid, Number(fields[1]));
    stats.set(pid, { ticks: Number(fields[11]) + Number(fields[12]), rssKb: Number(fields[21]) * PAGE_KB });
  }
  let rssKb = 0;
  for (const [pid, stat] of stats) {
    let ancestor: number | undefined = pid;
    while (ancestor !== undefined && ancestor > 1 && ancestor !== rootPid) ancestor = parent.get(ancestor);
    if (ancestor !== rootPid) continue;
    rssKb += stat.rssKb;
    tree.ticks.set(pid, Math.max(tree.ticks.get(pid) ?? 0, stat.ticks));
  }
  tree.peakKb = Math.max(tree.peakKb, rssKb);
}

async function must(label: string, run: Promise<Measured & { code: number }>, log: string): Promise<Measured> {
  const { code, ...result } = await run;
  if (code !== 0) throw new Error(`${label} failed (exit ${code}); see ${path.relative(root, log)}`);
  console.log(
    `  ${label.padEnd(28)} ${result.wallS.toFixed(1).padStart(7)} s wall ${result.cpuS.toFixed(1).padStart(7)} s CPU ${result.peakMB.toFixed(0).padStart(6)} MB peak`,
  );
  return result;
}

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

/** "1m 26s", "45.08s", "476ms" -> seconds. */
function duration(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) seconds += Number(value) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  return seconds;
}

/** Astro's own timings from its build log: setup (content sync, config), bundling, page rendering; pages per route. */
function astroTimings(log: string): { pages: number; phases: Record<string, number>; routes: SizeResult['build']['routes'] } {
  const text = readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  const phases: Record<string, number> = {};
  const setup = /\[build\] Collecting build info\.\.\.\s*\n.*\[build\] ✓ Completed in ([^\n]+)\./.exec(text);
  if (setup) phases['setup (content sync, types)'] = duration(setup[1]!);
  const bundled = /\[vite\] ✓ built in ([^\n]+)/.exec(text);
  if (bundled) phases['bundle (Vite)'] = duration(bundled[1]!);
  const rendered = /generating static routes[\s\S]*?\n[^\n]*✓ Completed in ([^\n]+)\./.exec(text);
  if (rendered) phases['render (static routes)'] = duration(rendered[1]!);
  const pages = Number(/\[build\] (\d+) page\(s\) built in/.exec(text)?.[1] ?? 0);
  const routes = new Map<string, { pages: number; ms: number }>();
  for (const [, page, ms, unit] of text.matchAll(/[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/g)) {
    const route = page!
      .replace(/^\/articles\/[^/]+\//, '/articles/[slug]/')
      .replace(/^\/topics\/[^/]+\//, '/topics/[slug]/')
      .replace(/^\/sources\/raw\/[^/]+\/?$/, '/sources/raw/[file]')
      .replace(/^\/sources\/(?!raw\/)[^/]+\//, '/sources/[slug]/');
    const entry = routes.get(route) ?? { pages: 0, ms: 0 };
    entry.pages++;
    entry.ms += Number(ms) * (unit === 's' ? 1000 : 1);
    routes.set(route, entry);
  }
  return {
    pages,
    phases,
    routes: [...routes]
      .map(([route, value]) => ({ route, ...value, ms: Math.round(value.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12),
  };
}

async function runSize(articles: number, seed: number, options: { bare: boolean; browser: boolean }): Promise<SizeResult> {
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
  await (await import('./bench/references-time.ts')).benchReferences(entries);
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

// ---------------------------------------------------------------------------------------------
// Results file and the tables in docs/performance.md

interface ResultsFile {
  note: string;
  sizes: Record<string, SizeResult>;
}

function readResults(): ResultsFile {
  if (!existsSync(RESULTS)) return { note: 'Written by `npm run bench` (scripts/bench.ts); one entry per corpus size, the latest run of each.', sizes: {} };
  return JSON.parse(readFileSync(RESULTS, 'utf8')) as ResultsFile;
}

const s = (seconds: number) => (seconds >= 100 ? seconds.toFixed(0) : seconds >= 10 ? seconds.toFixed(1) : seconds.toFixed(2));
const mb = (value: number) => (value >= 1024 ? `${(value / 1024).toFixed(2)} GB` : `${value.toFixed(0)} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const size = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`);
const n = (value: number) => value.toLocaleString('en-GB');
/** The stages of a rebuild after the ingest: the site and its search index, side by side or (older runs) one after the other. */
const rebuildStages = (rebuild: NonNullable<SizeResult['rebuild']>): Measured[] => (rebuild.site ? [rebuild.site] : [rebuild.build!, rebuild.pagefind!]);
/** Incremental ingest of one changed source + astro build + Pagefind: what a curator waits for after adding a source
 * (measured; runs from before the build cache existed add the cold build's times). */
const rebuild = (run: SizeResult) =>
  run.rebuild
    ? run.rebuild.ingest.wallS + rebuildStages(run.rebuild).reduce((sum, stage) => sum + stage.wallS, 0)
    : run.reingestOneFile.wallS + run.build.wallS + run.pagefind.wallS;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The markdown tables for docs/performance.md. */
export function renderTables(results: ResultsFile): string {
  const runs = Object.values(results.sizes).sort((a, b) => a.articles - b.articles);
  if (runs.length === 0) return '_No results yet: run `npm run bench`._';
  const lines: string[] = [];
  const machines = [
    ...new Set(
      runs.map((run) => `${run.machine.cpu}, ${run.machine.cores} cores, ${run.machine.memoryGB} GB memory, Node ${run.machine.node}, ${run.machine.os}`),
    ),
  ];
  lines.push(`Measured on: ${machines.join('; ')}.`);
  lines.push(
    `Runs: ${runs.map((run) => `${n(run.articles)} articles on ${run.measuredAt.slice(0, 10)} (load average ${run.load[0]} → ${run.load[1]})`).join('; ')}. A load average above the core count means other work shared the CPUs: wall times are then inflated, CPU times much less so.`,
  );
  lines.push('');
  lines.push('### Build');
  lines.push('');
  lines.push(
    '| articles | sources | ingest | astro build | pagefind | end to end | rebuild after one changed source | peak memory (ingest / build / pagefind) | bare astro build | dist/ | search index |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of runs) {
    const sources = run.corpus.textFiles + run.corpus.feeds;
    const bare = run.bare ? `${s(run.bare.wallS)} s (${s(run.bare.cpuS)} s CPU), ${mb(run.bare.peakMB)}` : 'not run';
    lines.push(
      `| ${n(run.articles)} | ${n(sources)} | ${s(run.ingest.wallS)} s (${s(run.ingest.cpuS)} s CPU), ${run.ingest.articlesPerSecond.toFixed(0)}/s | ${s(run.build.wallS)} s (${s(run.build.cpuS)} s CPU) | ${s(run.pagefind.wallS)} s | **${s(run.endToEnd.wallS)} s, ${run.endToEnd.articlesPerSecond.toFixed(1)}/s** (${s(run.endToEnd.cpuS)} s CPU) | ${s(rebuild(run))} s | ${mb(run.ingest.peakMB)} / ${mb(run.build.peakMB)} / ${mb(run.pagefind.peakMB)} | ${bare} | ${size(run.dist.bytes)}, ${n(run.dist.files)} files | ${size(run.dist.indexBytes)}, ${n(run.dist.indexFiles)} files |`,
    );
  }
  lines.push('');
  lines.push("Astro's own phases (from its build log) and the costliest routes (sum of the per-page times Astro prints):");
  lines.push('');
  lines.push('| articles | setup (content sync) | bundle (Vite) | render (static routes) | costliest routes |');
  lines.push('| ---: | ---: | ---: | ---: | --- |');
  for (const run of runs) {
    const phase = (name: string) => {
      const key = Object.keys(run.build.phases).find((candidate) => candidate.startsWith(name));
      return key === undefined ? '–' : `${s(run.build.phases[key]!)} s`;
    };
    const routes = run.build.routes
      .slice(0, 4)
      .map((route) => `\`${route.route}\` ${s(route.ms / 1000)} s / ${n(route.pages)}`)
      .join(', ');
    lines.push(`| ${n(run.articles)} | ${phase('setup')} | ${phase('bundle')} | ${phase('render')} | ${routes} |`);
  }
  lines.push('');
  const listed = runs.filter((run) => run.listPages);
  if (listed.length > 0) {
    const names = Object.keys(listed[0]!.listPages);
    lines.push('Pages that list the whole corpus (uncompressed):');
    lines.push('');
    lines.push(`| articles | ${names.map((name) => `\`${name}\``).join(' | ')} |`);
    lines.push(`| ---: | ${names.map(() => '---:').join(' | ')} |`);
    for (const run of listed) lines.push(`| ${n(run.articles)} | ${names.map((name) => size(run.listPages[name] ?? 0)).join(' | ')} |`);
    lines.push('');
  }
  lines.push('### Incremental ingest');
  lines.push('');
  lines.push('| articles | cold ingest | re-ingest, nothing changed | re-ingest, one text file changed |');
  lines.push('| ---: | ---: | ---: | ---: |');
  for (const run of runs) {
    lines.push(
      `| ${n(run.articles)} | ${s(run.ingest.wallS)} s, ${mb(run.ingest.peakMB)} | ${s(run.reingestUnchanged.wallS)} s (${(run.ingest.articlesWritten / run.reingestUnchanged.wallS).toFixed(0)} articles/s), ${mb(run.reingestUnchanged.peakMB)} | **${s(run.reingestOneFile.wallS)} s**, ${mb(run.reingestOneFile.peakMB)} |`,
    );
  }
  lines.push('');
  lines.push('### Reading (headless Chromium, gzip sizes)');
  lines.push('');
  lines.push(
    '| articles | article page, median (HTML + CSS + JS) | its JS before search | largest article page | first search on the wire (5 queries: median, max) | first results (median, max) | later query (median) |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of runs) {
    if (!run.browser) {
      lines.push(`| ${n(run.articles)} | not run | | | | | |`);
      continue;
    }
    const { medianPage, largestPage, searches } = run.browser;
    const wire = searches.map((search) => search.wireBytes);
    const first = searches.map((search) => search.firstResultMs);
    lines.push(
      `| ${n(run.articles)} | ${kb(medianPage.totalBytes)} (${kb(medianPage.htmlBytes)} + ${kb(medianPage.cssBytes)} + ${kb(medianPage.jsBytes)}) | ${kb(medianPage.jsBytes)} | ${kb(largestPage.totalBytes)} | ${kb(median(wire))}, ${kb(Math.max(...wire))} | ${median(first).toFixed(0)} ms, ${Math.max(...first).toFixed(0)} ms | ${median(searches.map((search) => search.warmResultMs)).toFixed(0)} ms |`,
    );
  }
  lines.push('');
  lines.push(
    'Queries: ' +
      QUERIES.map(([query]) => `\`${query}\``).join(', ') +
      ', each typed into the header box of the median article page in a fresh browser context.',
  );
  lines.push('');
  lines.push(...concordanceLines(runs));
  lines.push('### Budgets');
  lines.push('');
  lines.push(...budgetLines(runs));
  return lines.join('\n');
}

/** The concordance's table: ours (index shards and text files) against Pagefind's search and fragments. */
function concordanceLines(runs: SizeResult[]): string[] {
  const measured = runs.filter((run) => run.browser?.concordances);
  if (measured.length === 0) return [];
  const lines = [
    '### Concordance (headless Chromium, gzip sizes)',
    '',
    '| articles | query | lines (articles) | first lines: index data on the wire | requests | first lines shown | the page (HTML + CSS + JS) | Pagefind instead: search + first 10 fragments | its time | Pagefind: every fragment (to sort all lines) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of measured) {
    for (const figure of run.browser!.concordances!) {
      lines.push(
        `| ${n(run.articles)} | \`${figure.query}\` | ${n(figure.lines)} (${n(figure.articles)}) | ${kb(figure.wireBytes)} | ${figure.requests} | ${figure.firstLinesMs.toFixed(0)} ms | ${kb(figure.pageBytes)} | ${kb(figure.pagefind.firstBytes)} | ${figure.pagefind.firstMs.toFixed(0)} ms | ${kb(figure.pagefind.allBytes)} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    'Each concordance opened from its shared link (`/concordance/?q=…`) in a fresh browser context; "first lines shown" is timed from outside the page and includes loading it. Pagefind\'s time is inside an already loaded page, from importing its script to the first 10 fragments.',
  );
  for (const run of measured) {
    const apart = run.browser!.concordanceRun;
    if (apart)
      lines.push(`At ${n(run.articles)} articles measured apart, on ${apart.measuredAt.slice(0, 10)} (load average ${apart.load[0]} → ${apart.load[1]}).`);
  }
  lines.push('');
  return lines;
}

function budgetLines(runs: SizeResult[]): string[] {
  const lines = ['| budget | measured | met |', '| --- | --- | :---: |'];
  const bySize = (articles: number) => runs.find((run) => run.articles === articles);
  const row = (budget: string, measured: string, met: boolean | null) =>
    lines.push(`| ${budget} | ${measured} | ${met === null ? 'not measured' : met ? 'yes' : '**no**'} |`);
  const k1 = bySize(1000);
  row(
    '1,000 articles end to end >= 30 articles/s',
    k1 ? `${k1.endToEnd.articlesPerSecond.toFixed(1)} articles/s (${s(k1.endToEnd.wallS)} s; ${(1000 / k1.endToEnd.cpuS).toFixed(1)}/s of CPU time)` : '–',
    k1 ? k1.endToEnd.articlesPerSecond >= BUDGETS.e2eArticlesPerSecond1k : null,
  );
  row(
    '(for comparison) 1,000 articles rebuilt after one changed source',
    k1 ? `${(1000 / rebuild(k1)).toFixed(1)} articles/s (${s(rebuild(k1))} s: incremental ingest, then astro build and Pagefind side by side)` : '–',
    k1 ? 1000 / rebuild(k1) >= BUDGETS.e2eArticlesPerSecond1k : null,
  );
  row('1,000 articles peak memory <= 3 GB', k1 ? mb(k1.endToEnd.peakMB) : '–', k1 ? k1.endToEnd.peakMB <= BUDGETS.peakMB1k : null);
  row(
    'whole build at 1,000 articles <= 1.0x a bare Astro + @astrojs/mdx build of the same entries',
    k1?.bare
      ? `${(k1.endToEnd.wallS / k1.bare.wallS).toFixed(2)}x wall, ${(k1.endToEnd.cpuS / k1.bare.cpuS).toFixed(2)}x CPU (${s(k1.endToEnd.wallS)} s against ${s(k1.bare.wallS)} s)`
      : '–',
    k1?.bare ? k1.endToEnd.wallS <= k1.bare.wallS : null,
  );
  row(
    'rebuild after one changed source at 1,000 articles <= 0.25x the cold build',
    k1?.rebuild
      ? `${(rebuild(k1) / k1.endToEnd.wallS).toFixed(2)}x wall (${s(rebuild(k1))} s), ${((k1.rebuild.ingest.cpuS + rebuildStages(k1.rebuild).reduce((sum, stage) => sum + stage.cpuS, 0)) / k1.endToEnd.cpuS).toFixed(2)}x CPU`
      : '–',
    k1?.rebuild ? rebuild(k1) <= 0.25 * k1.endToEnd.wallS : null,
  );
  const k10 = bySize(10000);
  row('rebuild after one changed source at 10,000 articles <= 30 s', k10?.rebuild ? `${s(rebuild(k10))} s` : '–', k10?.rebuild ? rebuild(k10) <= 30 : null);
  const largestHtml = k10 ?? runs.at(-1);
  row(
    'largest HTML page at 10,000 articles <= 200 KB',
    largestHtml?.listPages['largest HTML page'] ? `${n(largestHtml.articles)} articles: ${kb(largestHtml.listPages['largest HTML page'])}` : '–',
    k10?.listPages['largest HTML page'] ? k10.listPages['largest HTML page'] <= 200 * 1024 : null,
  );
  row(
    '10,000 articles end to end <= 5 minutes',
    k10 ? `${s(k10.endToEnd.wallS)} s (${s(k10.endToEnd.cpuS)} s CPU)` : '–',
    k10 ? k10.endToEnd.wallS <= BUDGETS.e2eSeconds10k : null,
  );
  row(
    '(for comparison) 10,000 articles rebuilt after one changed source',
    k10 ? `${s(rebuild(k10))} s` : '–',
    k10 ? rebuild(k10) <= BUDGETS.e2eSeconds10k : null,
  );
  row('10,000 articles peak memory <= 4 GB', k10 ? mb(k10.endToEnd.peakMB) : '–', k10 ? k10.endToEnd.peakMB <= BUDGETS.peakMB10k : null);
  const largest = runs.at(-1);
  row(
    'ingest >= 2,000 articles/s (cold)',
    runs.map((run) => `${n(run.articles)}: ${run.ingest.articlesPerSecond.toFixed(0)}/s`).join(', '),
    largest ? runs.every((run) => run.ingest.articlesPerSecond >= BUDGETS.ingestArticlesPerSecond) : null,
  );
  // A run that changes nothing takes about half a second whatever the size (starting Node, loading the
  // pipeline's modules), so the rate means something only for large corpora.
  const large = runs.filter((run) => run.articles >= 5000);
  row(
    'ingest >= 2,000 articles/s (re-ingest, nothing changed; 5,000 articles and more)',
    runs.map((run) => `${n(run.articles)}: ${(run.ingest.articlesWritten / run.reingestUnchanged.wallS).toFixed(0)}/s`).join(', '),
    large.length ? large.every((run) => run.ingest.articlesWritten / run.reingestUnchanged.wallS >= BUDGETS.ingestArticlesPerSecond) : null,
  );
  const withBrowser = runs.filter((run) => run.browser);
  row(
    'article page <= 30 KB (HTML + CSS + JS, gzip)',
    withBrowser
      .map((run) => `${n(run.articles)}: median ${kb(run.browser!.medianPage.totalBytes)}, largest ${kb(run.browser!.largestPage.totalBytes)}`)
      .join('; '),
    withBrowser.length ? withBrowser.every((run) => run.browser!.medianPage.totalBytes <= BUDGETS.articlePageKB * 1024) : null,
  );
  row(
    'article page JavaScript <= 5 KB before search',
    withBrowser.map((run) => `${n(run.articles)}: ${kb(run.browser!.medianPage.jsBytes)}`).join('; '),
    withBrowser.length ? withBrowser.every((run) => run.browser!.medianPage.jsBytes <= BUDGETS.articlePageJsKB * 1024) : null,
  );
  const searched = k10?.browser ?? withBrowser.at(-1)?.browser;
  const searchedSize = k10?.browser ? 10000 : withBrowser.at(-1)?.articles;
  row(
    'first search <= 150 KB at 10,000 articles',
    searched ? `${n(searchedSize!)} articles: max ${kb(Math.max(...searched.searches.map((search) => search.wireBytes)))}` : '–',
    k10?.browser ? Math.max(...k10.browser.searches.map((search) => search.wireBytes)) <= BUDGETS.firstSearchKB10k * 1024 : null,
  );
  const concordances = k1?.browser?.concordances?.filter((figure) => COMMON_WORDS.includes(figure.query));
  row(
    'first concordance of a common word at 1,000 articles <= 300 KB on the wire, first lines <= 500 ms',
    concordances?.length
      ? concordances
          .map((figure) => `\`${figure.query}\`: ${kb(figure.wireBytes + figure.pageBytes)} with the page, ${figure.firstLinesMs.toFixed(0)} ms`)
          .join('; ')
      : '–',
    concordances?.length ? concordances.every((figure) => figure.wireBytes + figure.pageBytes <= 300 * 1024 && figure.firstLinesMs <= 500) : null,
  );
  row(
    'one changed file in 10,000 articles re-ingests in <= 2 s',
    runs.map((run) => `${n(run.articles)}: ${s(run.reingestOneFile.wallS)} s`).join(', '),
    k10 ? k10.reingestOneFile.wallS <= BUDGETS.oneFileReingestSeconds10k : null,
  );
  return lines;
}

const START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

function writeDoc(results: ResultsFile): void {
  const tables = `${START}\n${renderTables(results)}\n${END}`;
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const start = current.indexOf('<!-- bench:results:start');
  const end = current.indexOf(END);
  const next = start === -1 || end === -1 ? `${current.trimEnd()}\n\n${tables}\n` : `${current.slice(0, start)}${tables}${current.slice(end + END.length)}`;
  writeFileSync(DOC, next);
}

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
    },
  });
  const results = readResults();
  if (!values.table) {
    const sizes = values.sizes ? values.sizes.split(',').map(Number) : [100, 1000, 5000, ...(values.full || values['10k'] ? [10000] : [])];
    console.log(`bench: ${sizes.join(', ')} articles; ${JSON.stringify(machine())}`);
    for (const articles of sizes) {
      const result = await runSize(articles, Number(values.seed), { bare: !values['no-bare'], browser: !values['no-browser'] });
      results.sizes[String(articles)] = result;
      // Written after every size, so a long run keeps what it measured if stopped.
      writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
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
