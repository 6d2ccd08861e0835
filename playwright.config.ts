// Browser tests in two projects, each against its own built site served by scripts/serve-dist.ts:
//   corpus          tests/e2e/          the real corpus's site in dist/, tested as a whole (nothing in it is named);
//   fixture-corpus  tests/e2e-fixture/  the fixture corpus's site (scripts/test/build-fixture-site.ts), whose known shape
//                                       (titles, footnotes, figures, residue, topics) the tests name;
//   realworld       tests/e2e-realworld/ the seeds plus every input of ../shared/realworld/ (scripts/test/build-realworld-site.ts),
//                                       only where that site is built (where ../shared is absent its tests are not run, and
//                                       scripts/test/test-e2e.ts says why).
// Run them with `npm run test:e2e`, which finds a Chromium and passes it in DOSSIER_CHROMIUM.
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const root = dirname(fileURLToPath(import.meta.url));
const host = '127.0.0.1';
// DOSSIER_E2E_PORT lets two checkouts run their browser tests side by side; the fixture site takes the port
// 1000 above it unless DOSSIER_E2E_FIXTURE_PORT says otherwise.
const port = Number(process.env.DOSSIER_E2E_PORT ?? 4329);
const fixturePort = Number(process.env.DOSSIER_E2E_FIXTURE_PORT ?? port + 1000);
const realworldPort = port + 2000;
const realworldDist = 'tests/realworld-site/build/dist';
const realworld = existsSync(join(root, realworldDist, 'index.html'));
const isCI = Boolean(process.env.CI);

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    // Unset means Playwright's own download (from `npx playwright install chromium`).
    executablePath: process.env.DOSSIER_CHROMIUM || undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  },
};

/** A server for one built site. */
function server(dir: string, serverPort: number) {
  return {
    command: `node scripts/serve-dist.ts --dir ${dir} --port ${serverPort}`,
    cwd: root,
    // The project's own Node 24 (the `node` devDependency), whatever node started Playwright.
    env: { PATH: [join(root, 'node_modules', '.bin'), dirname(process.execPath), process.env.PATH].join(delimiter) },
    url: `http://${host}:${serverPort}/`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  // Not test-results/ itself: Playwright empties its outputDir, and the unit report lives beside it.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  forbidOnly: isCI,
  // Tests must be deterministic, so a failure is never retried away.
  retries: 0,
  // The machines are shared and noisy (2 cores): time limits only catch a hang, they measure nothing.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'corpus', testDir: 'tests/e2e', use: { ...chromium, baseURL: `http://${host}:${port}` } },
    { name: 'fixture-corpus', testDir: 'tests/e2e-fixture', use: { ...chromium, baseURL: `http://${host}:${fixturePort}` } },
    ...(realworld ? [{ name: 'realworld', testDir: 'tests/e2e-realworld', use: { ...chromium, baseURL: `http://${host}:${realworldPort}` } }] : []),
  ],
  webServer: [server('dist', port), server('tests/fixture-corpus/build/dist', fixturePort), ...(realworld ? [server(realworldDist, realworldPort)] : [])],
});
