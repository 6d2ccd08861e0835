/**
 * `node scripts/test/build-fixture-site.ts`: build the site of the fixture corpus (tests/fixture-corpus/), the known
 * shape the browser tests in tests/e2e-fixture/ read, into tests/fixture-corpus/build/ (git-ignored):
 *   1. ingest: tests/fixture-corpus/{sources,topics.yaml} -> build/entries/ (incremental, as `npm run ingest`);
 *   2. astro build with tests/fixture-corpus/astro.config.mjs -> build/dist/;
 *   3. the Pagefind index of build/dist/.
 * It is built with SITE_URL (FIXTURE_SITE_URL), the project's own site in `npm test` without: both kinds are tested.
 * The project's own entries, dist/ and .astro/ are never touched. Run by `npm test`, and by
 * `npm run test:e2e` when build/dist/ is missing or older than dist/. A few seconds: the corpus is six articles.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The fixture corpus: sources/ and topics.yaml, laid out as corpus/ is. */
export const FIXTURE_CORPUS = path.join(root, 'tests/fixture-corpus');
/** Its generated entries. */
export const FIXTURE_ENTRIES = path.join(FIXTURE_CORPUS, 'build/entries');
/** Its built site, with its search index. */
export const FIXTURE_DIST = path.join(FIXTURE_CORPUS, 'build/dist');

/** The public address the fixture site is built with. */
export const FIXTURE_SITE_URL = 'https://dossier.test';

/** Build the fixture site; output goes to this process's stdout and stderr. Returns the exit code (0: built). */
export function buildFixtureSite(): number {
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    DOSSIER_ENTRIES: FIXTURE_ENTRIES,
    DOSSIER_TOPICS: path.join(FIXTURE_CORPUS, 'topics.yaml'),
    DOSSIER_SOURCES: path.join(FIXTURE_CORPUS, 'sources'),
    // Built with a public address, as the project's own site is built without one (`npm test`): the tests see both.
    // `.test` is reserved for testing (RFC 2606); this site is never published.
    SITE_URL: FIXTURE_SITE_URL,
  };
  const steps: [string, string[]][] = [
    ['ingest', ['scripts/ingest.ts', '--corpus', FIXTURE_CORPUS, '--out', FIXTURE_ENTRIES]],
    ['astro build', ['node_modules/astro/bin/astro.mjs', 'build', '--root', FIXTURE_CORPUS, '--outDir', FIXTURE_DIST]],
    ['search index', ['scripts/search-index/index-search.ts', '--site', FIXTURE_DIST]],
  ];
  for (const [name, args] of steps) {
    const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`build-fixture-site: ${name} failed (${result.error?.message ?? `exit code ${result.status ?? result.signal}`})`);
      return result.status || 1;
    }
  }
  return 0;
}

if (import.meta.main) process.exitCode = buildFixtureSite();
