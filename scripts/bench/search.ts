/**
 * `npm run bench:search`: search and page-weight figures of the built site in dist/, in headless
 * Chromium. Prints a table; budgets (first search <= 150 KB gzip and results <= 300 ms; article page
 * JavaScript <= 5 KB before search) are reported, not asserted. Then Lighthouse on one page of each type
 * (lighthouse.ts): its four scores and the layout shift, and the audits that did not pass.
 */
import path from 'node:path';
import { lighthousePages, runLighthouse } from './lighthouse.ts';
import { launchBrowser, measurePage, measureSearch, QUERIES } from './measure-browser.ts';
import { findChromium } from '../lib/find-chromium.ts';
import { serveStatic } from '../lib/static-server.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const dist = path.resolve(import.meta.dirname, '../..', 'dist');
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  const article = await measurePage(browser, server.origin, '/articles/a-critical-assessment-of-the-iaea-for-ai-model/');
  console.log(
    `article page before search: HTML ${kb(article.htmlBytes)}, CSS ${kb(article.cssBytes)}, JS ${kb(article.jsBytes)}, total ${kb(article.totalBytes)} (gzip) in ${article.requests} requests`,
  );
  console.log('query                first search (wire, gzip)  requests  first results  warm results  results');
  for (const [query, warm] of QUERIES) {
    const figure = await measureSearch(browser, server.origin, '/articles/a-critical-assessment-of-the-iaea-for-ai-model/', query, warm);
    console.log(
      `${query.padEnd(20)} ${kb(figure.wireBytes).padStart(24)}  ${String(figure.requests).padStart(8)}  ${`${figure.firstResultMs.toFixed(0)} ms`.padStart(13)}  ${`${figure.warmResultMs.toFixed(0)} ms`.padStart(12)}  ${String(figure.results).padStart(7)}`,
    );
  }
  await browser.close();

  // Lighthouse, one page of each type, one after the other (each run takes the machine's cores).
  const chromium = await findChromium();
  const score = (value: number | null) => (value === null ? '-' : value.toFixed(2)).padStart(5);
  console.log('\nLighthouse (default: phone, simulated throttling)');
  console.log('page type            perf   a11y  best   seo    CLS  not passed');
  for (const page of lighthousePages(dist)) {
    const figure = await runLighthouse(server.origin, page.path, chromium);
    console.log(
      `${page.type.padEnd(19)} ${score(figure.performance)}  ${score(figure.accessibility)}  ${score(figure.bestPractices)}  ${score(figure.seo)}  ${figure.cls === null ? '    -' : figure.cls.toFixed(3)}  ${figure.failing.join(', ') || '-'}   ${page.path}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
