// Browser tests against the built site in dist/, served by `astro preview`.
// Run them with `npm run test:e2e`, which finds a Chromium and passes it in DOSSIER_CHROMIUM.
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const root = dirname(fileURLToPath(import.meta.url));
const host = '127.0.0.1';
// DOSSIER_E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.DOSSIER_E2E_PORT ?? 4329);
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/e2e',
  // Not test-results/ itself: Playwright empties its outputDir, and the unit report lives beside it.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  forbidOnly: isCI,
  // Tests must be deterministic, so a failure is never retried away.
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://${host}:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
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
      },
    },
  ],
  webServer: {
    command: `node scripts/serve-dist.ts --port ${port}`,
    cwd: root,
    // The project's own astro and Node 24 (the `node` devDependency), whatever node started Playwright.
    env: { PATH: [join(root, 'node_modules', '.bin'), dirname(process.execPath), process.env.PATH].join(delimiter) },
    url: `http://${host}:${port}/`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
