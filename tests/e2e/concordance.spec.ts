// The concordance on the real corpus: every use of a word, one line each, from the articles' own text; the
// expected numbers of lines and articles are counted from the built pages (the text search indexes), each
// line's link lands on a paragraph that holds the match, Back restores the previous query, the columns sort
// by keyboard, the search page leads here, and without JavaScript the page says what it needs.
import type { Page } from '@playwright/test';
import { indexedArticles } from '../helpers/indexed-text.ts';
import { expect, test } from './fixtures.ts';

const WORD = 'oligopoly';

/** Whole-word uses of a word in a text, case and accents ignored (written apart from src/core/concordance.ts). */
function uses(text: string, word: string): number {
  const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return [...fold(text).matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${RegExp.escape(fold(word))}(?![\\p{L}\\p{N}])`, 'gu'))].length;
}

const perArticle = indexedArticles()
  .map((article) => ({ url: article.url, count: uses(article.text, WORD) }))
  .filter(({ count }) => count > 0);
const total = perArticle.reduce((sum, { count }) => sum + count, 0);

const rows = (page: Page) => page.locator('[data-concordance-lines] tr');
const summary = (page: Page) => page.locator('[data-concordance-summary]');

async function openConcordance(page: Page, query: string): Promise<void> {
  await page.goto(`/concordance/?q=${encodeURIComponent(query)}`);
  await expect(summary(page)).toHaveText(/^\d+ uses? of|^No use of/);
}

/** Every row shown, pressing "Show more lines" until none is left. */
async function allRows(page: Page) {
  const more = page.locator('[data-concordance-more]');
  while (await more.isVisible()) await more.click();
  return rows(page);
}

test(`a concordance of "${WORD}" shows every use, from each article that has it`, async ({ page }) => {
  expect(perArticle.length, `the corpus uses "${WORD}" in at least two articles`).toBeGreaterThanOrEqual(2);
  await openConcordance(page, WORD);
  await expect(summary(page)).toHaveText(`${total} uses of “${WORD}” in ${perArticle.length} articles`);
  await expect(page.getByRole('table', { name: new RegExp(`^${total} uses of “${WORD}”`) })).toBeVisible();
  await expect(await allRows(page)).toHaveCount(total);
  // One line per use: the match cell says the word (as written), the articles are the ones that use it.
  for (const match of await page.locator('td.concordance-match').allInnerTexts()) expect(match.toLowerCase()).toBe(WORD);
  const hrefs = await page.locator('td.concordance-match a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  const paths = new Set(hrefs.map((href) => new URL(href, 'http://site.test').pathname));
  expect([...paths].sort()).toEqual(perArticle.map(({ url }) => url).sort());
  // Per article: the counts table agrees with the pages.
  const counted = await page.locator('[data-concordance-per-article] td.count').allInnerTexts();
  expect(counted.map(Number).sort()).toEqual(perArticle.map(({ count }) => count).sort());
});

test('each line is the paragraph’s own text, and its link lands on that paragraph', async ({ page }) => {
  await openConcordance(page, WORD);
  const lines = await (
    await allRows(page)
  ).evaluateAll((trs) =>
    trs.map((tr) => ({
      left: tr.querySelector('td.concordance-left')!.textContent!,
      match: tr.querySelector('td.concordance-match')!.textContent!,
      right: tr.querySelector('td.concordance-right')!.textContent!,
      href: tr.querySelector('td.concordance-match a')!.getAttribute('href')!,
    })),
  );
  const articles = indexedArticles();
  for (const line of lines) {
    const url = new URL(line.href, 'http://site.test');
    expect(url.pathname).toMatch(/^\/articles\/[^/]+\/$/);
    expect(url.hash).toMatch(/^#./);
    await page.goto(line.href);
    const target = page.locator(':target');
    await expect(target).toHaveAttribute('id', decodeURIComponent(url.hash.slice(1)));
    expect(uses(await target.innerText(), WORD)).toBeGreaterThan(0);
    await expect(target).toBeInViewport();
    // The line joined again is a stretch of its paragraph's indexed text (or its heading's), every space kept.
    const paragraph = articles.find((article) => article.url === url.pathname)?.paragraphs.find((entry) => `#${entry.id}` === url.hash);
    const text = paragraph?.text ?? (await target.evaluate((element) => (/^H[1-6]$/.test(element.tagName) ? element.textContent!.trim() : '')));
    expect(text, `${line.href} is a paragraph or heading of its article`).not.toBe('');
    expect(text).toContain(`${line.left}${line.match}${line.right}`);
  }
});

test('Back restores the previous query, and the query is in the URL', async ({ page }) => {
  await openConcordance(page, WORD);
  const first = await rows(page).count();
  await page.getByLabel('Word or phrase').fill('the');
  await page.getByLabel('Word or phrase').press('Enter');
  await expect(page).toHaveURL(/[?&]q=the\b/);
  await expect(summary(page)).toHaveText(/uses of “the”/);
  await expect(page).toHaveTitle(/^“the” – Concordance/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${WORD}\\b`));
  await expect(page.getByLabel('Word or phrase')).toHaveValue(WORD);
  await expect(summary(page)).toHaveText(new RegExp(`uses of “${WORD}”`));
  await expect(rows(page)).toHaveCount(first);
});

test('the columns sort by keyboard: by the word before, then by the word after', async ({ page }) => {
  await openConcordance(page, WORD);
  const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const before = page.getByRole('button', { name: 'Before' });
  await before.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]sort=before\b/);
  await expect(page.getByRole('columnheader', { name: 'Before' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(before).toBeFocused();
  const lastWord = (text: string) => fold(text.match(/[\p{L}\p{N}\p{M}]+(?=[^\p{L}\p{N}\p{M}]*$)/u)?.[0] ?? '');
  const firstWord = (text: string) => fold(/^[^\p{L}\p{N}\p{M}]*([\p{L}\p{N}\p{M}]+)/u.exec(text)?.[1] ?? '');
  const lefts = (await (await allRows(page)).locator('td.concordance-left').allInnerTexts()).map(lastWord);
  expect(lefts).toEqual([...lefts].sort());
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'After' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('columnheader', { name: 'After' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('columnheader', { name: 'Before' })).not.toHaveAttribute('aria-sort');
  const rights = (await (await allRows(page)).locator('td.concordance-right').allInnerTexts()).map(firstWord);
  expect(rights).toEqual([...rights].sort());
  await page.goBack();
  await expect(page.getByRole('columnheader', { name: 'Before' })).toHaveAttribute('aria-sort', 'ascending');
});

test('the search page leads to the concordance of its query', async ({ page }) => {
  await page.goto(`/search/?q=${WORD}`);
  const link = page.getByRole('link', { name: 'See every use in context' });
  await expect(link).toHaveAttribute('href', `/concordance/?q=${WORD}`);
  await link.click();
  await expect(summary(page)).toHaveText(new RegExp(`^${total} uses of “${WORD}”`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page says what it is and what it needs, and links elsewhere', async ({ page }) => {
    await page.goto(`/concordance/?q=${WORD}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Concordance' })).toBeVisible();
    await expect(page.getByText('needs JavaScript, which is off')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('link', { name: 'topics', exact: true })).toHaveAttribute('href', '/topics/');
  });
});
