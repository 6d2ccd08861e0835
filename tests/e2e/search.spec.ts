// Search over the whole corpus: every article is found by its title, a facet browses the corpus, an unmatched
// query says so, pages that do not search load no search code, and without JavaScript the box still leads to
// search. (Queries whose results must be known run on the fixture corpus: tests/e2e-fixture/search.spec.ts.)
import type { Page } from '@playwright/test';
import { loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();

const summary = (page: Page) => page.locator('[data-search-summary]');
const resultLinks = (page: Page) => page.locator('.search-result-title a');

/** The titles of the results shown, once the search has found at least one (a "No results" summary fails). */
async function resultTitles(page: Page): Promise<string[]> {
  await expect(summary(page)).toHaveText(/^\d+ results?\b/);
  return (await resultLinks(page).allInnerTexts()).map((title) => title.trim());
}

/** The addresses of every result, pressing "Show more results" until all are shown. */
async function allResultPaths(page: Page): Promise<string[]> {
  await resultTitles(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  const total = Number(/^(\d+)/.exec((await summary(page).innerText()).trim())![1]);
  while ((await resultLinks(page).count()) < total) {
    await more.click();
  }
  await expect(resultLinks(page)).toHaveCount(total);
  return (await resultLinks(page).evaluateAll((links) => links.map((link) => link.getAttribute('href')!))).map(
    (href) => new URL(href, 'http://site.test').pathname,
  );
}

for (const article of articles) {
  test(`searching for its title finds ${article.slug}`, async ({ page }) => {
    // Quotation marks would make the title a phrase search; the words are what a reader types.
    const query = article.title
      .replace(/["“”„«»]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    expect(await allResultPaths(page)).toContain(`/articles/${article.slug}/`);
  });
}

test('with an empty query, a facet browses the corpus', async ({ page }) => {
  const plainTexts = articles.filter((article) => article.source.format === 'text');
  test.skip(plainTexts.length === 0, 'the corpus has no plain text');
  await page.goto('/search/');
  await page
    .getByRole('group', { name: 'Format' })
    .getByRole('checkbox', { name: /Plain text/ })
    .check();
  await expect(page).toHaveURL(/\/search\/\?format=Plain\+text$/);
  expect((await allResultPaths(page)).sort()).toEqual(plainTexts.map((article) => `/articles/${article.slug}/`).sort());
});

test('a query with no match says so', async ({ page }) => {
  await page.goto('/search/?q=xylophonequagmire');
  await expect(summary(page)).toContainText('No results for “xylophonequagmire”');
  await expect(resultLinks(page)).toHaveCount(0);
});

test('pages that do not search load no search script', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`/articles/${articles[0]!.slug}/`);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header box still searches and the search page says what to do', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Search the corpus' }).fill('iaea');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=iaea$/);
    await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'topics', exact: true })).toHaveAttribute('href', '/topics/');
  });
});
