/**
 * Browser measurements of a built site, in headless Chromium: what the first search costs on the wire
 * and how long until results show; what an article page weighs before search is used.
 * Sizes are what a gzip-serving host sends: each response body gzipped (level 9), except files that are
 * already compressed (Pagefind's .pagefind/.pf_* files), which count as they are.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { findChromium } from '../lib/find-chromium.ts';

/** The five benchmark queries, each with a second query typed once the search code has loaded. */
export const QUERIES: [string, string][] = [
  ['IAEA', 'verification'],
  ['oligopoly', 'sovereignty'],
  ['compute threshold', 'open weights'],
  ['"world order"', 'licensing'],
  ['Pentagon', 'nuclear'],
];

/** One measured search. */
export interface SearchFigure {
  query: string;
  /** Bytes fetched for the search (script, stylesheet, wasm, index, fragments), gzip. */
  wireBytes: number;
  requests: number;
  /** Milliseconds from pressing the first key in the header box to the first result shown (script loading included). */
  firstResultMs: number;
  /** Milliseconds from the query's last key to its results, once the search code has loaded. */
  warmResultMs: number;
  results: number;
  /** What the first search fetched, file by file (path, gzip bytes), largest first. */
  files: { path: string; bytes: number }[];
}

/** Weight of one article page before search is used. */
export interface PageWeight {
  path: string;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  totalBytes: number;
  requests: number;
}

const PRECOMPRESSED = /\.(pagefind|pf_meta|pf_index|pf_fragment|png|jpe?g|webp|woff2?)$/;

function wireSize(url: string, body: Buffer): number {
  return PRECOMPRESSED.test(new URL(url).pathname) ? body.byteLength : gzipSync(body, { level: 9 }).byteLength;
}

/** Launch the project's Chromium the way the tests do. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

async function newPage(browser: Browser): Promise<{ page: Page; sizes: Map<string, number>; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  const sizes = new Map<string, number>();
  page.on('response', async (response) => {
    try {
      sizes.set(response.url(), wireSize(response.url(), await response.body()));
    } catch {
      // redirects and aborted requests have no body
    }
  });
  return { page, sizes, close: () => context.close() };
}

/** Weigh an article page as a first-time reader loads it (no search used). */
export async function measurePage(browser: Browser, origin: string, path: string): Promise<PageWeight> {
  const { page, sizes, close } = await newPage(browser);
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(200);
  let htmlBytes = 0;
  let cssBytes = 0;
  let jsBytes = 0;
  for (const [url, bytes] of sizes) {
    const pathname = new URL(url).pathname;
    if (pathname.endsWith('.css')) cssBytes += bytes;
    else if (pathname.endsWith('.js')) jsBytes += bytes;
    else if (!/\.(png|jpe?g|webp|svg|ico)$/.test(pathname)) htmlBytes += bytes;
  }
  await close();
  return { path, htmlBytes, cssBytes, jsBytes, totalBytes: htmlBytes + cssBytes + jsBytes, requests: sizes.size };
}

/** Type a query into the header search box of a page, as a reader would, and time the results. */
export async function measureSearch(browser: Browser, origin: string, startPath: string, query: string, warmQuery: string): Promise<SearchFigure> {
  const { page, sizes, close } = await newPage(browser);
  await page.goto(origin + startPath, { waitUntil: 'networkidle' });
  const before = new Set(sizes.keys());
  const results = page.locator('#site-search-results [role="option"]:not(.search-option-all)');
  const started = performance.now();
  await page.keyboard.press('/');
  await page.keyboard.type(query, { delay: 0 });
  await results.first().waitFor({ state: 'visible', timeout: 30_000 });
  const firstResultMs = performance.now() - started;
  await page.waitForLoadState('networkidle');
  const searchUrls = [...sizes.keys()].filter((url) => !before.has(url));
  const wireBytes = searchUrls.reduce((sum, url) => sum + sizes.get(url)!, 0);
  const count = await results.count();
  // Warm: a second query once everything is loaded.
  const input = page.locator('#site-search-q');
  await input.fill('');
  await page.waitForTimeout(300);
  const warmStart = performance.now();
  await input.fill(warmQuery);
  await page.waitForFunction(
    (term) => [...document.querySelectorAll('#site-search-results mark')].some((mark) => mark.textContent?.toLowerCase().includes(term)),
    warmQuery.toLowerCase().split(' ')[0],
    { timeout: 30_000 },
  );
  const warmResultMs = performance.now() - warmStart;
  await close();
  const files = searchUrls.map((url) => ({ path: new URL(url).pathname, bytes: sizes.get(url)! })).sort((a, b) => b.bytes - a.bytes);
  return { query, wireBytes, requests: searchUrls.length, firstResultMs, warmResultMs, results: count, files };
}
