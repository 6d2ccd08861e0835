/**
 * `node scripts/bench/measure-trends.ts DIST [RUNS]`: browser measurements of trends (/trends/?q=…) and the time line
 * (/timeline/) of a built site, in headless Chromium, each opening in a fresh browser context as a shared link is:
 * everything fetched until the first chart is drawn (gzip bytes, the page's HTML, CSS and JS included) and the
 * milliseconds from navigation to it, timed from outside the page, the median of RUNS (default 5); and, run for run,
 * the concordance of the same query to its first lines, for a ratio that holds on a loaded machine. Prints one JSON
 * line per query.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { serveStatic } from '../lib/static-server.ts';
import { CONCORDANCE_QUERIES } from './measure-concordance.ts';
import { launchBrowser } from './measure-browser.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One opening of `path`, until `ready` is visible: bytes on the wire (gzip level 9) and milliseconds. */
async function open(browser: Browser, origin: string, path: string, ready: string): Promise<{ bytes: number; data: number; ms: number; inPageMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  const sizes = new Map<string, number>();
  const pending: Array<Promise<void>> = [];
  page.on('response', (response) =>
    pending.push(
      response
        .body()
        .then((body) => void sizes.set(response.url(), gzipSync(body, { level: 9 }).byteLength))
        .catch(() => undefined),
    ),
  );
  const started = performance.now();
  await page.goto(`${origin}${path}`);
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
  const ms = performance.now() - started;
  const inPageMs = await page.evaluate(() => performance.getEntriesByName('trends-chart')[0]?.startTime ?? -1);
  await Promise.all(pending);
  const bytes = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const data = [...sizes].filter(([url]) => new URL(url).pathname.startsWith('/concordance/data/')).reduce((sum, [, size]) => sum + size, 0);
  await context.close();
  return { bytes, data, ms, inPageMs };
}

async function main(): Promise<void> {
  const dist = process.argv[2];
  const runs = Number(process.argv[3] ?? 5);
  if (!dist) throw new Error('usage: node scripts/bench/measure-trends.ts DIST [RUNS]');
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    // Each trend beside the concordance of the same query, run for run, so a loaded machine slows both alike.
    const targets = [
      ...CONCORDANCE_QUERIES.map((query) => ({ name: query, path: `/trends/?q=${encodeURIComponent(query)}`, ready: '[data-chart="trend"] svg' })),
      { name: '/timeline/', path: '/timeline/', ready: '[data-chart="articles"] svg' },
    ];
    for (const target of targets) {
      const figures = [];
      const concordance = [];
      for (let run = 0; run < runs; run++) {
        figures.push(await open(browser, server.origin, target.path, target.ready));
        if (target.name !== '/timeline/')
          concordance.push(await open(browser, server.origin, `/concordance/?q=${encodeURIComponent(target.name)}`, '[data-concordance-lines] tr'));
      }
      console.log(
        JSON.stringify({
          query: target.name,
          kB: +(median(figures.map((figure) => figure.bytes)) / 1024).toFixed(1),
          dataKB: +(median(figures.map((figure) => figure.data)) / 1024).toFixed(1),
          ms: Math.round(median(figures.map((figure) => figure.ms))),
          inPageMs: Math.round(median(figures.map((figure) => figure.inPageMs))),
          ...(concordance.length > 0 && {
            concordanceKB: +(median(concordance.map((figure) => figure.bytes)) / 1024).toFixed(1),
            concordanceMs: Math.round(median(concordance.map((figure) => figure.ms))),
          }),
        }),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
