/**
 * Browser measurements of the concordance (/concordance/?q=…) of a built site, in headless Chromium, each query
 * in a fresh browser context: bytes on the wire (gzip, as measure-browser.ts counts them) and milliseconds until
 * the first lines show, and the same for the alternative it was measured against: Pagefind's own search and
 * fragments (the words' index chunks, then one fragment per article; sorting all lines by a neighbouring word
 * needs every matching article's fragment).
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { serveStatic } from '../lib/static-server.ts';
import { launchBrowser } from './measure-browser.ts';

/** Benchmark words: common ones first (the corpus's most frequent word, a common term), then rarer ones and a phrase. */
export const CONCORDANCE_QUERIES = ['the', 'AI', 'governance', 'IAEA', 'oligopoly', '"world order"'];

/** The common words the budget is about (content words; "the", the commonest, is measured apart). */
export const COMMON_WORDS = ['AI', 'governance'];

/** One measured concordance. */
export interface ConcordanceFigure {
  query: string;
  /** Lines (uses) and articles found. */
  lines: number;
  articles: number;
  /** Ours: everything fetched until the first lines show (the page's own HTML, CSS and JS aside), gzip bytes. */
  wireBytes: number;
  requests: number;
  /** Milliseconds from navigation to the first line shown (the page itself included), timed from outside the page. */
  firstLinesMs: number;
  /** In the page, from navigation start: when the concordance's script started, and when its first lines were in the page. */
  inPage?: { scriptMs: number; linesMs: number };
  /** The page's own HTML, CSS and JS. */
  pageBytes: number;
  /** Pagefind: the search engine, its index chunks and the first 10 results' fragments; and every result's fragments. */
  pagefind: { firstBytes: number; firstMs: number; allBytes: number; results: number };
}

const PRECOMPRESSED = /\.(pagefind|pf_meta|pf_index|pf_fragment)$/;

async function sizedPage(browser: Browser): Promise<{ page: Page; sizes: Map<string, number>; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  const sizes = new Map<string, number>();
  page.on('response', async (response) => {
    try {
      const body = await response.body();
      sizes.set(response.url(), PRECOMPRESSED.test(new URL(response.url()).pathname) ? body.byteLength : gzipSync(body, { level: 9 }).byteLength);
    } catch {
      // redirects and aborted requests have no body
    }
  });
  return { page, sizes, close: () => context.close() };
}

/** The concordance of `query`, opened as a shared link is, timed to its first lines. */
export async function measureConcordance(browser: Browser, origin: string, query: string): Promise<ConcordanceFigure> {
  const { page, sizes, close } = await sizedPage(browser);
  const started = performance.now();
  await page.goto(`${origin}/concordance/?q=${encodeURIComponent(query)}`);
  await page.locator('[data-concordance-lines] tr').first().waitFor({ state: 'visible', timeout: 60_000 });
  const firstLinesMs = performance.now() - started;
  const inPage = await page.evaluate(() => ({
    scriptMs: performance.getEntriesByName('concordance-script')[0]?.startTime ?? -1,
    linesMs: performance.getEntriesByName('concordance-lines')[0]?.startTime ?? -1,
  }));
  const summary = (await page.locator('[data-concordance-summary]').innerText()).trim();
  const [, lines, articles] = /^(\d+) uses? of .* in (\d+) articles?$/.exec(summary) ?? [];
  let wireBytes = 0;
  let pageBytes = 0;
  let requests = 0;
  for (const [url, bytes] of sizes) {
    if (new URL(url).pathname.startsWith('/concordance/data/')) {
      wireBytes += bytes;
      requests++;
    } else pageBytes += bytes;
  }
  await close();
  return {
    query,
    lines: Number(lines ?? 0),
    articles: Number(articles ?? 0),
    wireBytes,
    requests,
    firstLinesMs,
    inPage,
    pageBytes,
    pagefind: await measurePagefind(browser, origin, query),
  };
}

/** The alternative: Pagefind's API in the page, the query searched and its results' fragments loaded. */
async function measurePagefind(browser: Browser, origin: string, query: string): Promise<ConcordanceFigure['pagefind']> {
  const { page, sizes, close } = await sizedPage(browser);
  await page.goto(`${origin}/concordance/`, { waitUntil: 'networkidle' });
  const before = new Set(sizes.keys());
  const bytesSince = () => [...sizes].filter(([url]) => !before.has(url)).reduce((sum, [, bytes]) => sum + bytes, 0);
  const first = await page.evaluate(async (term) => {
    const started = performance.now();
    const bundle = '/pagefind/pagefind.js';
    const pagefind = await import(/* @vite-ignore */ bundle);
    await pagefind.options({ noWorker: true });
    const response = await pagefind.search(term);
    await Promise.all(response.results.slice(0, 10).map((result: { data: () => Promise<unknown> }) => result.data()));
    (window as unknown as { results: unknown }).results = response.results;
    return { ms: performance.now() - started, results: response.results.length as number };
  }, query);
  await page.waitForLoadState('networkidle');
  const firstBytes = bytesSince();
  await page.evaluate(async () => {
    const results = (window as unknown as { results: { data: () => Promise<unknown> }[] }).results;
    for (let start = 0; start < results.length; start += 50) await Promise.all(results.slice(start, start + 50).map((result) => result.data()));
  });
  await page.waitForLoadState('networkidle');
  const allBytes = bytesSince();
  await close();
  return { firstBytes, firstMs: first.ms, allBytes, results: first.results };
}

/** `node scripts/bench/measure-concordance.ts DIST`: the figures above for a site already built (one line per query). */
async function main(): Promise<void> {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: node scripts/bench/measure-concordance.ts DIST');
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    for (const query of CONCORDANCE_QUERIES) console.log(JSON.stringify(await measureConcordance(browser, server.origin, query)));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
