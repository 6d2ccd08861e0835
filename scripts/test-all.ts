// `npm test`: type check, lint, unit tests, build, fixture site build, HTML check, browser tests, reproducible build; then
// one summary line per step and a final `N passed, M failed` line (unit + browser tests + pages the HTML checker passed;
// a failed type check or build counts as 1 failure).
// Test steps keep going after failures so every count is known; a failed build (of either site) skips the browser tests.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realworldMissing } from './test/build-realworld-site.ts';
import { checkResult, htmlResult, readE2eCounts, readUnitCounts, testResult, type StepResult } from './test/step-results.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const unitReport = join(root, 'test-results', 'unit.json');
const e2eReport = join(root, 'test-results', 'e2e.json');
const htmlReport = join(root, 'test-results', 'html.json');

const results: StepResult[] = [];

// 1. Type check.
header(1, 'Type check', 'astro check');
{
  const code = await run(process.execPath, [binScript('astro', 'astro'), 'check']);
  results.push(checkResult('type check', code));
}

// 2. Lint, formatting and unused code: ESLint, Prettier (check only) and knip, each a pass or a failure.
header(2, 'Lint', 'eslint . && prettier --check . && knip');
for (const [name, args] of [
  ['eslint', [binScript('eslint', 'eslint'), '.']],
  ['prettier', [binScript('prettier', 'prettier'), '--check', '--log-level', 'warn', '.']],
  ['knip', [binScript('knip', 'knip')]],
] as const) {
  results.push(checkResult(name, await run(process.execPath, [...args])));
}

// 3. Unit tests, with a JSON report for the counts.
header(3, 'Unit tests', 'vitest run');
{
  rmSync(unitReport, { force: true });
  const code = await run(process.execPath, [binScript('vitest', 'vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
  results.push(testResult('unit tests', code, readUnitCounts(unitReport)));
}

// 4. Build the site the browser tests run against.
header(4, 'Build', 'npm run build');
let built: boolean;
{
  const code = await run(...npmCommand('run', 'build'));
  built = code === 0;
  results.push(checkResult('build', code));
}

// 5. The fixture corpus's site, which the browser tests of tests/e2e-fixture/ read (a few seconds).
header(5, 'Fixture site build', 'node scripts/test/build-fixture-site.ts');
let fixtureBuilt: boolean;
{
  const code = await run(process.execPath, [join(root, 'scripts', 'test', 'build-fixture-site.ts')]);
  fixtureBuilt = code === 0;
  results.push(checkResult('fixture site build', code));
}

// 6. The real-world site: the seeds plus every input of ../shared/realworld/, as a curator would drop them in; the
// browser tests of tests/e2e-realworld/ read it. Skipped, saying why, where ../shared/realworld/ is absent.
header(6, 'Real-world site build', 'node scripts/test/build-realworld-site.ts');
{
  const missing = realworldMissing();
  if (missing !== null) {
    console.log(`Skipped: ${missing}.`);
    results.push({ name: 'real-world site build', passed: 0, failed: 0, note: `skipped (${missing})` });
  } else {
    const code = await run(process.execPath, [join(root, 'scripts', 'test', 'build-realworld-site.ts')]);
    results.push(checkResult('real-world site build', code));
  }
}

// 7. Every HTML page of both sites (dist/ without SITE_URL, the fixture site with it) through the Nu HTML Checker; a
// page is a test. Skipped, saying why, where there is no Java and it cannot be installed.
header(7, 'HTML check', 'node scripts/test/check-html.ts');
rmSync(htmlReport, { force: true });
if (built && fixtureBuilt) {
  const code = await run(process.execPath, [join(root, 'scripts', 'test', 'check-html.ts'), '--report', htmlReport]);
  results.push(htmlResult(code, htmlReport));
} else {
  console.log('Skipped: a build failed.');
  results.push({ name: 'HTML check', passed: 0, failed: 0, note: 'not run (build failed)' });
}

// 8. Browser tests, only against fresh builds.
header(8, 'Browser tests', 'node scripts/test/test-e2e.ts');
rmSync(e2eReport, { force: true });
if (built && fixtureBuilt) {
  const code = await run(process.execPath, [join(root, 'scripts', 'test', 'test-e2e.ts')]);
  results.push(testResult('browser tests', code, readE2eCounts(e2eReport)));
} else {
  console.log('Skipped: a build failed.');
  results.push({ name: 'browser tests', passed: 0, failed: 0, note: 'not run (build failed)' });
}

// 9. Reproducibility: one more build into a temporary folder must equal dist/ byte for byte.
header(9, 'Reproducible build', 'node scripts/test/check-reproducible.ts');
if (built) {
  const code = await run(process.execPath, [join(root, 'scripts', 'test', 'check-reproducible.ts')]);
  results.push(checkResult('reproducible build', code));
} else {
  console.log('Skipped: the build failed.');
  results.push({ name: 'reproducible build', passed: 0, failed: 0, note: 'not run (build failed)' });
}

// 10. Summary; the last line is the totals and nothing is printed after it.
const width = Math.max(...results.map((result) => result.name.length)) + 2;
console.log('\nSummary');
for (const result of results) console.log(`  ${result.name.padEnd(width)}${result.note}`);
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

function header(index: number, title: string, command: string): void {
  console.log(`\n==> [${index}/9] ${title}: ${command}\n`);
}

// The JS entry point of a package's binary, to run on this Node rather than whatever `node` is on PATH.
function binScript(packageName: string, binName: string): string {
  const packageDir = join(root, 'node_modules', packageName);
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const entry = typeof bin === 'string' ? bin : bin?.[binName];
  if (!entry) throw new Error(`${packageName} declares no "${binName}" binary in its package.json`);
  return join(packageDir, entry);
}

// The npm that started us (npm sets npm_execpath), run on this Node; plain `npm` otherwise.
function npmCommand(...args: string[]): [string, string[]] {
  const npmCli = process.env.npm_execpath;
  return npmCli && /npm-cli\.c?js$/.test(npmCli) ? [process.execPath, [npmCli, ...args]] : ['npm', args];
}

function run(command: string, args: string[]): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Project binaries and this Node first, so nested `node`, `astro`, `playwright` are the project's.
    PATH: [join(root, 'node_modules', '.bin'), dirname(process.execPath), process.env.PATH].join(delimiter),
  };
  // `npm test --silent` (used by CI to keep the totals line last) would silence the nested npm runs too.
  delete env.npm_config_loglevel;
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(new Error(`Could not start ${command} ${args.join(' ')}`, { cause: error }));
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
