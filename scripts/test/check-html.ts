/**
 * `node scripts/test/check-html.ts [--report test-results/html.json] [dir ...]`: every HTML page of the built sites
 * through the W3C Nu HTML Checker (npm `vnu-jar`, run on Java), in one JVM, errors only; prints each error as
 * `file:line:column: message` and a count of pages, and exits non-zero when any page has an error.
 * With no folder given it checks dist/ and the fixture site (built with SITE_URL, as `npm test` builds dist/
 * without it: both kinds of build are checked). Without Java it installs Debian's `default-jre-headless` as root
 * with apt-get (scripts/test/find-java.ts); where that cannot be done it skips, saying why, and exits 0.
 *   dist/ with 40 pages, one with a stray <script> -> "dist/x/index.html:1:900: Stray start tag “script”." and
 *   "HTML check: 39 of 40 pages valid, 1 with errors"; report {"passed":39,"failed":1}
 * The checker itself is the library: this script only finds the pages and Java and counts what it says.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FIXTURE_DIST } from './build-fixture-site.ts';
import { findJava } from './find-java.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { report: { type: 'string' } } });

/** What the report file holds: pages without and with errors, or why nothing was checked. */
interface HtmlReport {
  passed: number;
  failed: number;
  skipped?: string;
}

/** One message of vnu's `--format json` output. */
interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
}

// 1. The sites to check: the folders given, else dist/ and the fixture site where they are built.
const dirs = (positionals.length > 0 ? positionals.map((dir) => path.resolve(dir)) : [path.join(root, 'dist'), FIXTURE_DIST]).filter((dir) => existsSync(dir));
const pages = dirs.flatMap((dir) => htmlFiles(dir));
if (pages.length === 0) finish({ passed: 0, failed: 1 }, 'HTML check: no built pages found (run `npm run build` first).');

// 2. Java for the checker, or a reason to skip.
const java = await findJava();
if (typeof java !== 'string') finish({ passed: 0, failed: 0, skipped: java.reason }, `HTML check skipped: ${java.reason}`);

// 3. One JVM over every folder; vnu writes its JSON to stderr.
const vnuJar = fileURLToPath(import.meta.resolve('vnu-jar/build/dist/vnu.jar'));
const output = await runChecker(java as string, ['-jar', vnuJar, '--format', 'json', '--errors-only', '--skip-non-html', ...dirs]);
let messages: VnuMessage[];
try {
  messages = (JSON.parse(output.stderr) as { messages: VnuMessage[] }).messages;
} catch (error) {
  console.error(new Error(`HTML check: the checker's output is not JSON (exit code ${output.code})`, { cause: error }), output.stderr.slice(0, 2000));
  finish({ passed: 0, failed: 1 }, 'HTML check: the checker did not run.');
}

// 4. Each error where it is, then the count of pages.
const failing = new Set<string>();
for (const message of messages!) {
  if (message.type === 'info') continue;
  const file = message.url ? fileURLToPath(message.url) : '(no file)';
  failing.add(file);
  console.log(`${path.relative(root, file)}:${message.lastLine ?? 0}:${message.firstColumn ?? 0}: ${message.message}`);
}
const failed = pages.filter((page) => failing.has(page)).length + [...failing].filter((file) => !pages.includes(file)).length;
finish(
  { passed: pages.length - pages.filter((page) => failing.has(page)).length, failed },
  `HTML check (Nu HTML Checker): ${pages.length - failed} of ${pages.length} pages valid, ${failed} with errors (${dirs.map((dir) => path.relative(root, dir)).join(', ')})`,
);

/** Write the report (when asked), say `summary`, and exit: non-zero when a page failed. */
function finish(report: HtmlReport, summary: string): never {
  if (values.report) {
    mkdirSync(path.dirname(path.resolve(values.report)), { recursive: true });
    writeFileSync(path.resolve(values.report), JSON.stringify(report));
  }
  console.log(summary);
  process.exit(report.failed > 0 ? 1 : 0);
}

/** Every .html file under `dir`, as the checker's --skip-non-html mode reads them. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.html?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function runChecker(command: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => {
      console.error(new Error(`HTML check: could not start ${command}`, { cause: error }));
      resolve({ code: 127, stderr: '' });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stderr: Buffer.concat(chunks).toString('utf8') }));
  });
}
