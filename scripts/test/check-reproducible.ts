/**
 * `node scripts/test/check-reproducible.ts`: proves that a build is reproducible, byte for byte.
 * Expects a finished `npm run build` (dist/ and src/content/articles/); runs the same build once more
 * into a temporary folder and compares:
 *   1. the ingest: `scripts/ingest.ts --out <tmp>/articles` against src/content/articles/;
 *   2. the site: `astro build --outDir <tmp>/dist` + the Pagefind index against dist/,
 * every file's SHA-256, including Pagefind's hashed index files. The second build runs in another time
 * zone and locale (TZ=Pacific/Auckland, LANG=de_DE.UTF-8), so output that depends on the machine's clock
 * settings shows up as a difference too. The build's date (the citations' date accessed, src/utils/build-date.ts) is
 * the one thing a second build may rightly change; it is given the first build's date as SOURCE_DATE_EPOCH, read
 * from the first build's /corpus.csl.json, so a check run past midnight compares like with like.
 * Prints the files that differ and exits 1 if anything does.
 * `--keep` leaves the temporary folder for inspection.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const keep = process.argv.includes('--keep');
const dist = path.join(root, 'dist');
const articles = path.join(root, 'src/content/articles');

if (!existsSync(path.join(dist, 'index.html')) || !existsSync(path.join(dist, 'pagefind'))) {
  console.error('check-reproducible: dist/ is missing or has no search index; run `npm run build` first.');
  process.exit(1);
}

/** Settings of a different machine for the second build. */
const OTHER_MACHINE = { TZ: 'Pacific/Auckland', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };

const work = mkdtempSync(path.join(tmpdir(), 'dossier-reproducible-'));
let failed = false;
try {
  // 1. The ingest, into a folder of its own.
  run('ingest', [path.join(root, 'scripts/ingest.ts'), '--out', path.join(work, 'articles')]);
  failed = report('ingest (src/content/articles/)', compare(articles, path.join(work, 'articles'))) || failed;

  // 2. The site and its search index, into another dist, from the second ingest's entries: their rendered
  // bodies are not in the body cache yet (it lives beside the entries folder), so every body is rendered again.
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  run('astro build', [astro, 'build', '--outDir', path.join(work, 'dist')], { DOSSIER_ENTRIES: path.join(work, 'articles'), ...firstBuildDate() });
  run('search index', [path.join(root, 'scripts/search-index/index-search.ts'), '--site', path.join(work, 'dist')]);
  failed = report('site (dist/)', compare(dist, path.join(work, 'dist'))) || failed;
} finally {
  if (keep) console.log(`check-reproducible: second build kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.error('check-reproducible: FAILED: the two builds differ (see above)');
  process.exit(1);
}
console.log('check-reproducible: the second build is byte-identical');

/** SOURCE_DATE_EPOCH of the first build's date: the `accessed` date of its citations, when it has any. */
function firstBuildDate(): Record<string, string> {
  const items = JSON.parse(readFileSync(path.join(dist, 'corpus.csl.json'), 'utf8')) as { accessed?: { 'date-parts': number[][] } }[];
  const parts = items.find((item) => item.accessed !== undefined)?.accessed?.['date-parts'][0];
  if (parts === undefined) return {};
  const [year, month, day] = parts as [number, number, number];
  return { SOURCE_DATE_EPOCH: String(Date.UTC(year, month - 1, day) / 1000) };
}

function run(name: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...OTHER_MACHINE, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    console.error(`check-reproducible: ${name} failed (exit ${result.status})`);
    process.exit(1);
  }
}

/** Every file under `dir`, relative, `/`-separated, sorted, with its SHA-256. */
function hashes(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  return new Map(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** What differs between two folders: files only in one of them, and files whose bytes differ. */
function compare(first: string, second: string): { files: number; differences: string[] } {
  const a = hashes(first);
  const b = hashes(second);
  const differences: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) differences.push(`only in the first build: ${file}`);
    else if (b.get(file) !== hash) differences.push(`differs: ${file}`);
  }
  for (const file of b.keys()) if (!a.has(file)) differences.push(`only in the second build: ${file}`);
  return { files: a.size, differences };
}

function report(name: string, { files, differences }: { files: number; differences: string[] }): boolean {
  if (differences.length === 0) {
    console.log(`check-reproducible: ${name}: ${files} files, all identical`);
    return false;
  }
  console.error(`check-reproducible: ${name}: ${differences.length} of ${files} files differ`);
  for (const line of differences.slice(0, 30)) console.error(`  ${line}`);
  if (differences.length > 30) console.error(`  ... and ${differences.length - 30} more`);
  return true;
}
