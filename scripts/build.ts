/**
 * `npm run build`: the ingest, then the site and its search index side by side.
 *   1. `scripts/ingest.ts` (incremental); if it fails, the build stops and nothing else is touched;
 *   2. `scripts/search-index/index-search.ts --prefeed` starts, and gives Pagefind the article pages of the last build as they were
 *      (on the other core), while
 *   3. `astro build` renders the site (only the pages whose data or code changed: astro.config.mjs);
 *   4. told that the site is built, the search index adds again only the pages whose bytes changed and writes
 *      dist/pagefind/ and the concordance; if the site build failed, it is stopped and they are left as they were.
 * On a rebuild after one changed source, Pagefind's reading of every page is thus done while Astro renders, not after.
 *
 * Astro's line per page written ("├─ /articles/a/index.html (+5ms)", tens of thousands at scale) is left out of the
 * terminal unless --verbose; its other lines (and every warning and error, on stderr) pass through.
 *
 *   node scripts/build.ts [--skip-ingest] [--root DIR] [--out-dir DIR]    the benchmark's sites: their own root and output
 *   node scripts/build.ts --verbose                                         Astro's line per page too
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { 'skip-ingest': { type: 'boolean' }, root: { type: 'string' }, 'out-dir': { type: 'string' }, verbose: { type: 'boolean' } },
});
const site = values['out-dir'] === undefined ? [] : ['--site', path.resolve(values['out-dir'])];
const astroArgs = [
  ...(values.root === undefined ? [] : ['--root', values.root]),
  ...(values['out-dir'] === undefined ? [] : ['--outDir', path.resolve(values['out-dir'])]),
];

/** Start a Node script of the project with this process's output. */
function start(script: string, args: string[], stdin: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  return spawn(process.execPath, [path.join(root, script), ...args], { cwd: process.cwd(), stdio: [stdin, 'inherit', 'inherit'] });
}

/** Its exit code (1 when it was killed or could not start). */
function exit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  // 1. The ingest.
  if (!values['skip-ingest']) {
    const code = await exit(start('scripts/ingest.ts', []));
    if (code !== 0) return code;
  }
  // 2 and 3. The search index waits, with the last build's pages, while Astro builds the site.
  const index = start('scripts/search-index/index-search.ts', ['--prefeed', ...site], 'pipe');
  const indexed = exit(index);
  // It may have ended already (it failed to start Pagefind): then there is no one to tell, and that is no error here.
  index.stdin!.on('error', () => {});
  const astro = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...astroArgs], {
    cwd: process.cwd(),
    stdio: ['ignore', values.verbose ? 'inherit' : 'pipe', 'inherit'],
  });
  if (!values.verbose) withoutPageLines(astro.stdout!);
  const built = await exit(astro);
  // 4. Tell it how that went, and wait for it. A failed site build stops it at once: it has written nothing yet.
  if (built !== 0) {
    index.kill();
    await indexed;
    return built;
  }
  if (index.exitCode === null) index.stdin!.end('built\n');
  const code = await indexed;
  if (code !== 0) console.error('build: the search index failed');
  return code;
}

/** Astro's output less its line per page written and the heading over them. */
function withoutPageLines(stdout: NodeJS.ReadableStream): void {
  const lines = createInterface({ input: stdout, crlfDelay: Infinity });
  // "12:00:01   ├─ /a/index.html (+5ms)", "  └─ /b/index.html (+2ms)" and " generating static routes ".
  const pageLine = /^(?:\S+ )?\s+[├└]─ |^\s*generating static routes\s*$/;
  lines.on('line', (line) => {
    // Tested without its colours (Astro colours its output where it thinks a terminal or CI is there to read them).
    if (!pageLine.test(line.replace(/\x1b\[[0-9;]*m/g, ''))) process.stdout.write(`${line}\n`);
  });
}

process.exitCode = await main();
