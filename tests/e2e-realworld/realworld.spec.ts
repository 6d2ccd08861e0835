// The site a curator gets from the seeds plus every real feed and text of ../shared/realworld/ (many languages and
// scripts, mostly off the subject, a few broken), as a reader and a curator would judge it. Every expectation is
// derived from that corpus and its build (scripts/test/build-realworld-site.ts); nothing in it is named here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ingestReportSchema } from '../../src/schemas/ingest-report.ts';
import { textDirection } from '../../src/core/text-direction.ts';
import { entryBody, loadArticles } from '../helpers/entries.ts';
import { REALWORLD_SITE, realworldSiteMissing } from '../helpers/realworld-site.ts';
import { REALWORLD_OUTPUT } from '../../scripts/test/build-realworld-site.ts';
import { expect, test } from '../e2e/fixtures.ts';

const missing = realworldSiteMissing();
test.skip(missing !== null, `the real-world site is not here: ${missing}`);

const report = missing === null ? ingestReportSchema.parse(JSON.parse(readFileSync(path.join(REALWORLD_SITE.entries, 'coverage.json'), 'utf8'))) : null;
const articles = missing === null ? loadArticles(REALWORLD_SITE) : [];

/** Every file under a folder, with its path relative to it. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

test('the build publishes every good source and names every bad one, on the coverage page', async ({ page }) => {
  const sources = report!.sources;
  expect(sources.length).toBe(readdirSync(path.join(REALWORLD_SITE.corpus, 'sources')).length);
  for (const source of sources) expect(source.articles.length > 0 || source.error !== null, source.file).toBe(true);
  const bad = sources.filter((source) => source.error !== null);
  await page.goto('/about/coverage/');
  const failed = page.locator('[data-coverage="failed"]');
  if (bad.length === 0) await expect(failed).toHaveCount(0);
  else {
    await expect(failed.getByRole('heading')).toHaveText(`${bad.length} ${bad.length === 1 ? 'source' : 'sources'} left out of the last run`);
    for (const source of bad) await expect(failed.locator('li', { hasText: source.file })).toHaveCount(1);
  }
});

test('the terminal a curator reads stays short: at most 100 lines for the whole build', () => {
  const lines = readFileSync(REALWORLD_OUTPUT, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  console.log(`real-world build: ${lines.length} lines of output for ${articles.length} articles from ${report!.sources.length} sources`);
  expect(lines.length).toBeLessThanOrEqual(100);
});

test('no count calls an article a critique unless a curator set that stance', async ({ page }) => {
  const critiques = articles.filter((article) => Object.values(article.stance ?? {}).includes('critiques')).length;
  for (const path of ['/', '/topics/', '/search/', '/sources/']) {
    await page.goto(path);
    const text = await page.locator('body').innerText();
    for (const [, count] of text.matchAll(/([\d,]+) critiques?\b/gi)) expect(Number(count!.replace(/,/g, '')), `${path}: "${count} critiques"`).toBe(critiques);
    expect(text, path).not.toMatch(/\bcritiques? (?:\d|of the \d)/i);
  }
});

test('numbers are written one way: no count of four digits or more without its comma', async ({ page }) => {
  for (const path of ['/', '/about/coverage/', '/sources/', '/topics/']) {
    await page.goto(path);
    const text = await page.locator('main').innerText();
    const bare = [...text.matchAll(/\b(\d{4,})\s+(articles|sources|uses|warnings|works|files|passages)\b/g)].map((match) => match[0]);
    expect(bare, path).toEqual([]);
  }
});

test('every article in a language other than English carries it, and one written right to left its direction', async ({ page }) => {
  const byLanguage = new Map<string, (typeof articles)[number]>();
  for (const article of articles)
    if (article.lang != null && !article.lang.startsWith('en') && !byLanguage.has(article.lang)) byLanguage.set(article.lang, article);
  console.log(`real-world site: articles in ${byLanguage.size} languages besides English (${[...byLanguage.keys()].join(', ')})`);
  expect(byLanguage.size).toBeGreaterThan(0);
  for (const [lang, article] of byLanguage) {
    await page.goto(`/articles/${article.slug}/`);
    await expect(page.locator('html'), lang).toHaveAttribute('lang', lang);
    await expect(page.locator('article.article'), lang).toHaveAttribute('lang', lang);
    if (textDirection(lang) === 'rtl') await expect(page.locator('article.article'), lang).toHaveAttribute('dir', 'rtl');
  }
});

/** A word of a Chinese or Japanese article, as Intl.Segmenter cuts it (the way search and the concordance do): its most frequent one of two or more Han or Kana characters. */
function cjkWord(): { word: string; slug: string } | null {
  for (const article of articles.filter((one) => /^(?:zh|ja)\b/.test(one.lang ?? ''))) {
    const counts = new Map<string, number>();
    for (const { segment, isWordLike } of new Intl.Segmenter(article.lang!, { granularity: 'word' }).segment(entryBody(article, REALWORLD_SITE)))
      if (isWordLike && /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{2,}$/u.test(segment)) counts.set(segment, (counts.get(segment) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) return { word: best[0], slug: article.slug };
  }
  return null;
}

test('a Chinese or Japanese word of the corpus is found by search and the concordance; a word in no article finds nothing', async ({ page }) => {
  // The real-world inputs hold Chinese and Japanese feeds and texts (tests/unit/realworld.test.ts names them): an
  // article of them lost, or its language lost, fails here.
  const found = cjkWord();
  expect(found, 'a Chinese or Japanese article of the real-world corpus').not.toBeNull();
  const { word, slug } = found!;
  await page.goto(`/search/?q=${encodeURIComponent(word)}`);
  await expect(page.locator(`.search-result a[href^="/articles/${slug}/"]`).first()).toBeVisible();
  await page.goto(`/concordance/?q=${encodeURIComponent(word)}`);
  await expect(page.locator('[data-concordance-summary]')).toContainText(/^\d[\d,]* uses? of /);
  // Two characters no article holds side by side.
  const bodies = articles.map((article) => entryBody(article, REALWORLD_SITE)).join('\n');
  const absent = [...'龘靐齉爩'].flatMap((a) => [...'龘靐齉爩'].map((b) => a + b)).find((pair) => !bodies.includes(pair))!;
  await page.goto(`/search/?q=${encodeURIComponent(absent)}`);
  await expect(page.locator('[data-search-summary]')).toContainText(`No article contains “${absent}”`);
  await expect(page.locator('.search-result')).toHaveCount(0);
  await page.goto(`/concordance/?q=${encodeURIComponent(absent)}`);
  await expect(page.locator('[data-concordance-summary]')).toContainText('No use of');
});

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  // One article of each source (each script and shape the corpus has), and a page of every list.
  const bySource = new Map<string, string>();
  for (const article of articles) if (!bySource.has(article.source.file)) bySource.set(article.source.file, article.slug);
  const paths = ['/', '/topics/', '/sources/', '/references/', '/reuse/', '/about/coverage/', ...[...bySource.values()].map((slug) => `/articles/${slug}/`)];
  for (const path of paths) {
    test(`${path} never scrolls sideways`, async ({ page }) => {
      await page.goto(path);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
      expect(widths.page, `${path} is ${widths.page}px wide at 360px`).toBeLessThanOrEqual(widths.window);
    });
  }
});

test('every list page is within 200 KB (an article page carries its whole text, however long)', () => {
  const pages = walk(REALWORLD_SITE.dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, bytes: statSync(path.join(REALWORLD_SITE.dist, file)).size }));
  const isArticle = (file: string) => /^articles\/[^/]+\/index\.html$/.test(file);
  const largest = (list: typeof pages) => list.reduce((max, page) => (page.bytes > max.bytes ? page : max));
  const lists = pages.filter((page) => !isArticle(page.file));
  const top = largest(lists);
  const article = largest(pages.filter((page) => isArticle(page.file)));
  console.log(
    `real-world site: ${pages.length} HTML pages; the largest list page ${top.file} at ${(top.bytes / 1024).toFixed(1)} KB, the largest article ${article.file} at ${(article.bytes / 1024).toFixed(1)} KB`,
  );
  expect(lists.filter((page) => page.bytes > 200 * 1024).map((page) => page.file)).toEqual([]);
});
