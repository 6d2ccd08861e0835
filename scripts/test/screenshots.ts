/**
 * `npm run screenshots -- [path ...]`: PNGs of built pages at 360px and 1280px, light and dark,
 * into test-results/screenshots/, for looking at what we build. Serves dist/ (or SCREENSHOTS_DIR, another built
 * site such as tests/realworld-site/build/dist) with the project's static server (scripts/lib/static-server.ts).
 * FULL=1 takes whole pages; NOJS=1 takes them with JavaScript off (file names end in `-nojs`); PRINT=1 adds each
 * page as printed (print media, 800px wide, `-print`).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../lib/find-chromium.ts';
import { serveStatic } from '../lib/static-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'test-results/screenshots');
// SCREENSHOTS_PORT lets two checkouts take screenshots side by side (another one may hold 4330).
const port = Number(process.env['SCREENSHOTS_PORT'] ?? 4330);
const noScript = process.env['NOJS'] === '1';
const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/'];

const server = await serveStatic(path.resolve(root, process.env['SCREENSHOTS_DIR'] ?? 'dist'), port);
try {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: await findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, javaScriptEnabled: !noScript });
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      const page = await context.newPage();
      for (const pathname of pages) {
        // Network idle: what loads after the page (search results, popovers' data) is in the picture.
        await page.goto(`http://127.0.0.1:${port}${pathname}`, { waitUntil: 'networkidle' });
        // The search page: its results, once the summary says how many.
        if (!noScript) await page.waitForFunction(() => document.querySelector('[data-search-summary]')?.textContent !== '', null, { timeout: 30_000 });
        const name = `${pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}-${scheme}${noScript ? '-nojs' : ''}.png`;
        await page.screenshot({ path: path.join(out, name), fullPage: process.env['FULL'] === '1' });
        console.log(path.relative(root, path.join(out, name)));
      }
      await context.close();
    }
  }
  if (process.env['PRINT'] === '1') {
    const context = await browser.newContext({ viewport: { width: 800, height: 1100 }, colorScheme: 'light' });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    for (const pathname of pages) {
      await page.goto(`http://127.0.0.1:${port}${pathname}`, { waitUntil: 'networkidle' });
      const name = `${pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-print.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: true });
      console.log(path.relative(root, path.join(out, name)));
    }
    await context.close();
  }
  await browser.close();
} finally {
  await server.close();
}
