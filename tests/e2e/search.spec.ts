// Search across sources: facets, phrases, sorting, shareable URLs, the header combobox, highlighting.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const byTitle = new Map(articles.map((article) => [article.title, article]));

const summary = (page: Page) => page.locator('[data-search-summary]');
const resultLinks = (page: Page) => page.locator('.search-result-title a');

async function resultTitles(page: Page): Promise<string[]> {
  await expect(summary(page)).toContainText(/result/);
  return (await resultLinks(page).allInnerTexts()).map((title) => title.trim());
}

test('"IAEA" finds the IAEA essay and at least two plain-text critiques', async ({ page }) => {
  await page.goto('/search/?q=IAEA');
  const titles = await resultTitles(page);
  expect(titles).toContain('A Critical Assessment of the “IAEA for AI” Model');
  const plain = titles.filter((title) => byTitle.get(title)?.source.format === 'text');
  expect(plain.length).toBeGreaterThanOrEqual(2);
  await expect(page.locator('.search-result-excerpt mark').first()).toHaveText(/iaea/i);
});

test('a topic filter narrows the results and is kept in the URL', async ({ page }) => {
  await page.goto('/search/?q=safety');
  const before = (await resultTitles(page)).length;
  await page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { name: /Open source and open weights/ }).check();
  await expect(page).toHaveURL(/topic=Open\+source\+and\+open\+weights/);
  await expect(summary(page)).toContainText('Topic: Open source and open weights');
  const after = await resultTitles(page);
  expect(after.length).toBeLessThan(before);
  for (const title of after) expect(byTitle.get(title)?.topics).toContain('open-source-and-open-weights');
});

test('facets show counts', async ({ page }) => {
  await page.goto('/search/?q=IAEA');
  await resultTitles(page);
  await expect(page.getByRole('group', { name: 'Format' }).getByText(/Plain text \(\d+\)/)).toBeVisible();
});

test('a quoted phrase matches the phrase, not the words apart', async ({ page }) => {
  await page.goto('/search/?q=%22world%20order%22');
  const titles = await resultTitles(page);
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) {
    const article = byTitle.get(title)!;
    const response = await page.request.get(`/articles/${article.slug}/`);
    expect((await response.text()).toLowerCase()).toMatch(/world\s+order/);
  }
  await page.goto('/search/?q=world%20order');
  expect((await resultTitles(page)).length).toBeGreaterThan(titles.length);
});

test('a query with no match says so', async ({ page }) => {
  await page.goto('/search/?q=xylophonequagmire');
  await expect(summary(page)).toContainText('No results for “xylophonequagmire”');
  await expect(resultLinks(page)).toHaveCount(0);
});

test('?q= reproduces a search, and Back returns to the previous one', async ({ page }) => {
  await page.goto('/search/?q=oligopoly');
  const input = page.getByRole('searchbox', { name: 'Search every critique' });
  await expect(input).toHaveValue('oligopoly');
  expect((await resultTitles(page)).length).toBeGreaterThan(0);
  await input.fill('verification');
  await expect(page).toHaveURL(/q=verification/);
  await expect(summary(page)).toContainText('verification');
  await page.goBack();
  await expect(page).toHaveURL(/q=oligopoly/);
  await expect(input).toHaveValue('oligopoly');
  await expect(summary(page)).toContainText('oligopoly');
});

test('sorting by date puts the newest dated article first and keeps undated ones', async ({ page }) => {
  await page.goto('/search/?q=governance&sort=date-desc');
  const titles = await resultTitles(page);
  const dated = titles.map((title) => byTitle.get(title)!).filter((article) => article.publishedAt !== null);
  const newest = [...dated].sort((a, b) => (a.publishedAt! < b.publishedAt! ? 1 : -1))[0]!;
  expect(titles[0]).toBe(newest.title);
  expect(titles.some((title) => byTitle.get(title)!.publishedAt === null)).toBe(true);
  await expect(page.getByRole('combobox', { name: 'Sort' })).toHaveValue('date-desc');
});

test('with an empty query, a facet browses the corpus', async ({ page }) => {
  await page.goto('/search/');
  await page.getByRole('group', { name: 'Format' }).getByRole('checkbox', { name: /Plain text/ }).check();
  const titles = await resultTitles(page);
  expect(titles.sort()).toEqual(articles.filter((article) => article.source.format === 'text').map((article) => article.title).sort());
  await expect(page).toHaveURL(/\/search\/\?format=Plain\+text$/);
});

test('the header search box: "/" focuses it, arrows move through results, Enter opens, terms are highlighted', async ({ page, baseURL }) => {
  await page.goto('/topics/');
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search the corpus' });
  await expect(box).toBeFocused();
  await page.keyboard.type('oligopoly');
  await expect(page.getByRole('option').first()).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('[data-search-status]')).toHaveText(/\d+ results?/);
  await page.keyboard.press('ArrowDown');
  const selected = page.locator('[role="option"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(box).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
  const href = (await selected.getAttribute('href'))!;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new URL(href, baseURL).href);
  await expect(page.locator('article mark').first()).toHaveText(/oligopoly/i);
});

test('Escape closes the header results', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await page.keyboard.type('nuclear');
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Search the corpus' })).toHaveAttribute('aria-expanded', 'false');
});

test('pages that do not search load no search script', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`/articles/${articles[0]!.slug}/`);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
});

test('without JavaScript the header box still searches and the search page says what to do', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Search the corpus' }).fill('iaea');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=iaea$/);
  await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'topics', exact: true })).toHaveAttribute('href', '/topics/');
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`search with results open has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/search/?q=verification');
    await resultTitles(page);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test(`the header dropdown has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    await page.keyboard.press('/');
    await page.keyboard.type('nuclear');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
