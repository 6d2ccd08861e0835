// Runs the browser tests: node scripts/test/test-e2e.ts [playwright test options...]
// Expects a built site in dist/ (npm run build); builds the fixture corpus's site when it is missing or older
// than dist/ (scripts/test/build-fixture-site.ts).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtureSite, FIXTURE_DIST } from './build-fixture-site.ts';
import { findChromium } from '../lib/find-chromium.ts';
import { REALWORLD_DIST, realworldMissing } from './build-realworld-site.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const listOnly = args.includes('--list');

// 1. A site to test, unless we are only listing tests.
if (!listOnly && !existsSync(join(root, 'dist', 'index.html'))) {
  console.error('test-e2e: dist/index.html is missing; run `npm run build` first.');
  process.exit(1);
}

// 2. The fixture site, built from the same site code as dist/: built again if it is older.
const built = (dir: string) => statSync(join(dir, 'pagefind', 'pagefind-entry.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (!listOnly && built(FIXTURE_DIST) < built(join(root, 'dist'))) {
  console.error('test-e2e: building the fixture site (missing or older than dist/)');
  if (buildFixtureSite() !== 0) process.exit(1);
}

// The real-world site is built by `npm test` (scripts/test/build-realworld-site.ts); without it its tests are not run.
const realworld =
  realworldMissing() ?? (existsSync(join(REALWORLD_DIST, 'index.html')) ? null : `${REALWORLD_DIST} is not built (node scripts/test/build-realworld-site.ts)`);
if (!listOnly && realworld !== null) console.error(`test-e2e: the real-world site's tests (tests/e2e-realworld/) are not run: ${realworld}`);

// 3. A browser to test it with.
let chromium: string;
try {
  chromium = await findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.error(`test-e2e: using Chromium at ${chromium}`);

// 4. Playwright, on this Node, with the project's binaries first on PATH.
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const child = spawn(process.execPath, [playwrightCli, 'test', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DOSSIER_CHROMIUM: chromium,
    PATH: [join(root, 'node_modules', '.bin'), dirname(process.execPath), process.env.PATH].join(delimiter),
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(new Error('test-e2e: could not start Playwright', { cause: error }));
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
