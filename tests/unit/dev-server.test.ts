/**
 * `npm run dev` as a curator uses it: the dev server (scripts/dev.ts, Astro's dev server with the ingest watching
 * the corpus) on a free loopback port over a copy of the fixture corpus, under a root of its own so the project's
 * `.astro/` is never touched. A source dropped in appears as its article page; broken, every page shows the
 * ingest's error while the site keeps working; fixed, the page is back with the new text and the notice gone.
 * The test stops the server it started (its whole process group).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { slugify } from '../../src/core/slug.ts';
import { copyCorpus, FIXTURE_CORPUS } from '../helpers/ingest-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let server: ChildProcess;
let output = '';
let origin: string;

/** A port nothing listens on, from the system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The page's status and HTML (status 0 while the server does not answer). */
async function get(pathname: string): Promise<{ status: number; html: string }> {
  try {
    const response = await fetch(`${origin}${pathname}`, { signal: AbortSignal.timeout(30_000) });
    return { status: response.status, html: await response.text() };
  } catch {
    return { status: 0, html: '' };
  }
}

/** Ask again every half second until `ok` holds (or `timeout` ms pass: then the last answer fails the test). */
async function until(pathname: string, ok: (page: { status: number; html: string }) => boolean, timeout = 60_000): Promise<{ status: number; html: string }> {
  const end = Date.now() + timeout;
  let page = await get(pathname);
  while (!ok(page) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    page = await get(pathname);
  }
  return page;
}

const title = 'A dispatch dropped in while the server runs';
const slug = slugify(title);
const source = (sentence: string) => `${title}\n\nInspectors would need access to the data centres. ${sentence}\n`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dossier-dev-'));
  copyCorpus(FIXTURE_CORPUS, path.join(dir, 'corpus'));
  // The project's config, pages and components under a root of its own (its `.astro/` apart from the project's): its
  // src/, public/ and node_modules/ are links to the project's, kept as links (Astro's dev server needs the pages
  // and components inside its root).
  const site = path.join(dir, 'site');
  mkdirSync(site);
  for (const name of ['src', 'public', 'node_modules']) symlinkSync(path.join(root, name), path.join(site, name), 'dir');
  const config = pathToFileURL(path.join(root, 'astro.config.mjs')).href;
  writeFileSync(
    path.join(site, 'astro.config.mjs'),
    [
      `import config from ${JSON.stringify(config)};`,
      'export default {',
      '  ...config,',
      `  cacheDir: ${JSON.stringify(path.join(dir, 'cache'))},`,
      `  vite: { ...config.vite, cacheDir: ${JSON.stringify(path.join(dir, 'vite'))}, resolve: { preserveSymlinks: true } },`,
      '};',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const args = [
    'scripts/dev.ts',
    '--corpus',
    path.join(dir, 'corpus'),
    '--out',
    path.join(dir, 'entries'),
    '--root',
    site,
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
  ];
  // A process group of its own, so the test can stop the server and everything it started.
  // Without the test runner's own variables (VITEST, NODE_ENV=test), under which Astro does not serve its pages.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
  server = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, CI: '1' } });
  for (const stream of [server.stdout!, server.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const home = await until('/', (page) => page.status === 200, 120_000);
  expect(home.status, `the dev server did not start:\n${output}`).toBe(200);
}, 180_000);

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
    if (!stopped) process.kill(-server.pid, 'SIGKILL');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('npm run dev', { timeout: 180_000 }, () => {
  test('a source dropped in appears; broken, its error shows and the rest keeps working; fixed, the page is back', async () => {
    const file = path.join(dir, 'corpus/sources/zz-dropped-in.txt');
    // 1. A new source: its article page appears.
    expect((await get(`/articles/${slug}/`)).status).toBe(404);
    writeFileSync(file, source('The treaty says so plainly.'));
    const added = await until(`/articles/${slug}/`, (page) => page.status === 200);
    expect(added.status, output).toBe(200);
    expect(added.html).toContain('The treaty says so plainly.');
    expect(added.html).not.toContain('data-dev-ingest-error');

    // 2. Broken (an empty file): the terminal and every page say so, naming the file; the site keeps its entries.
    writeFileSync(file, '');
    const broken = await until(`/articles/${slug}/`, (page) => page.html.includes('data-dev-ingest-error'));
    expect(broken.html, output).toContain('data-dev-ingest-error');
    expect(broken.html).toContain('zz-dropped-in.txt');
    expect(broken.html).toContain('The treaty says so plainly.');
    // Its last good text stays published, and its page says its source could not be read in the last build.
    expect((await until(`/articles/${slug}/`, (page) => page.html.includes('data-stale-source'))).html).toContain('data-stale-source');
    // The terminal tells what the changed file became, and nothing of the others.
    expect(output).toContain('zz-dropped-in.txt changed: left out; its last good article stays published, marked stale');
    expect(output).toContain('error: zz-dropped-in.txt');
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('data-dev-ingest-error');

    // 3. Fixed: the page shows the new text, and the notice is gone.
    writeFileSync(file, source('The treaty now says so twice.'));
    const fixed = await until(
      `/articles/${slug}/`,
      (page) => page.html.includes('The treaty now says so twice.') && !page.html.includes('data-dev-ingest-error'),
    );
    expect(fixed.html, output).toContain('The treaty now says so twice.');
    expect(fixed.html).not.toContain('data-dev-ingest-error');

    // 4. The search page says that search may be stale in dev.
    expect((await get('/search/')).html).toContain('data-search-dev-stale');
  });
});
