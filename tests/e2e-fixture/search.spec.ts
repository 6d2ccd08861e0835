// Search on the fixture corpus, whose words and topics are known: facets, phrases, sorting, shareable URLs,
// the header combobox, highlighting, and axe with results open.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { entryBody, loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
const byTitle = new Map(articles.map((article) => [article.title, article]));

const summary = (page: Page) => page.locator('[data-search-summary]');
const resultLinks = (page: Page) => page.locator('.search-result-title a');

/** The titles of the results shown, once the search has found at least one (a "No results" summary fails). */
async function resultTitles(page: Page): Promise<string[]> {
  await expect(summary(page)).toHaveText(/^\d+ results?\b/);
  return (await resultLinks(page).allInnerTexts()).map((title) => title.trim());
}

test('"IAEA" finds the IAEA essay and the plain-text critiques whose own text says IAEA', async ({ page }) => {
  await page.goto('/search/?q=IAEA');
  const titles = await resultTitles(page);
  expect(titles).toContain('A Critical Assessment of the “IAEA for AI” Model');
  const plain = titles.filter((title) => byTitle.get(title)?.source.format === 'text');
  const saying = articles.filter((article) => article.source.format === 'text' && /\bIAEA(?![\p{L}\p{N}])/u.test(entryBody(article, FIXTURE_SITE)));
  expect(saying.length).toBeGreaterThan(0);
  expect(plain.sort()).toEqual(saying.map((article) => article.title).sort());
  await expect(page.locator('.search-result-excerpt mark').first()).toHaveText(/iaea/i);
});

test('a topic filter narrows the results to articles on that topic and is kept in the URL', async ({ page }) => {
  await page.goto('/search/?q=safety');
  const before = (await resultTitles(page)).length;
  // A facet shows its first few values; the others are behind "Show all N".
  const topics = page.getByRole('group', { name: 'Topic' });
  const showAll = topics.getByRole('button', { name: /^Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  await topics.getByRole('checkbox', { name: /Open source and open weights/ }).check();
  await expect(page).toHaveURL(/topic=Open\+source\+and\+open\+weights/);
  await expect(summary(page)).toContainText('Topic: Open source and open weights');
  // At least one result (resultTitles fails on "No results"), fewer than before, each on the topic.
  const after = await resultTitles(page);
  expect(after.length).toBeGreaterThan(0);
  expect(after.length).toBeLessThan(before);
  for (const title of after) expect(byTitle.get(title)?.topics, title).toContain('open-source-and-open-weights');
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

test('?q= reproduces a search, and Back returns to the previous one', async ({ page }) => {
  await page.goto('/search/?q=oligopoly');
  const input = page.getByRole('searchbox', { name: 'Search every article' });
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

test('the header search box: "/" focuses it, arrows move through results, Enter opens, terms are highlighted', async ({ page }) => {
  await page.goto('/topics/');
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search the corpus' });
  await expect(box).toBeFocused();
  await page.keyboard.type('oligopoly');
  await expect(page.getByRole('option').first()).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  // The results for the whole word, not for a prefix typed while the search code loaded.
  await expect(page.getByRole('listbox', { name: 'Search results' })).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('[data-search-status]')).toHaveText(/\d+ results?/);
  await page.keyboard.press('ArrowDown');
  const selected = page.locator('[role="option"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(box).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
  const href = new URL((await selected.getAttribute('href'))!, page.url()).href;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href);
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

test('results still to come when Escape closes the list, or when focus leaves the box, do not open it', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await page.keyboard.type('nuclear');
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  const box = page.getByRole('combobox', { name: 'Search the corpus' });
  await expect(listbox).toBeVisible();
  await expect(listbox).not.toHaveAttribute('aria-busy', 'true');
  // A search for more words is on its way (the list waits for a pause in typing) when Escape closes the list.
  await page.keyboard.type(' weapons');
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await page.waitForTimeout(1000);
  await expect(listbox).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  // Typed, then away before the results came: they wait, closed, and the arrow keys open them.
  await page.keyboard.type(' verification');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(1000);
  await expect(listbox).toBeHidden();
  await box.focus();
  await page.keyboard.press('ArrowDown');
  await expect(listbox).toBeVisible();
  await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);
});

for (const width of [360, 800, 1280]) {
  test(`at ${width} px the header results open within the window, and choosing one never scrolls the page sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/topics/');
    await page.keyboard.press('/');
    await page.keyboard.type('nuclear verification');
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    await expect(listbox).toBeVisible();
    await expect(listbox).not.toHaveAttribute('aria-busy', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);
    const box = (await listbox.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => [window.scrollX, document.documentElement.scrollWidth <= window.innerWidth])).toEqual([0, true]);
  });
}

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
    await expect(page.getByRole('listbox', { name: 'Search results' })).not.toHaveAttribute('aria-busy', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('a facet shows its first values, the rest behind "Show all N", and a box filters a long one', async ({ page }) => {
  await page.goto('/search/');
  await expect(summary(page)).toHaveText('Type to search, or choose a filter to browse.');
  const topics = page.getByRole('group', { name: 'Topic' });
  const used = new Set(articles.flatMap((article) => article.topics)).size;
  expect(used, 'the fixture corpus has more topics than a facet shows at first').toBeGreaterThan(5);
  const shown = topics.getByRole('checkbox').filter({ visible: true });
  await expect(shown).toHaveCount(5);
  const showAll = topics.getByRole('button', { name: `Show all ${used} topic values` });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await showAll.click();
  await expect(shown).toHaveCount(used);
  await expect(topics.getByRole('button', { name: /^Show the first 5/ })).toHaveAttribute('aria-expanded', 'true');
  // The filter box: only the values whose label holds what is typed, whatever their case.
  const filter = topics.getByRole('searchbox', { name: 'Filter the topic values' });
  const labels = (await topics.locator('label').allTextContents()).map((label) => label.trim().replace(/\s*\(\d+\)$/, ''));
  const fragment = labels[labels.length - 1]!.split(' ')[0]!.toUpperCase();
  await filter.fill(fragment);
  const matching = labels.filter((label) => label.toLowerCase().includes(fragment.toLowerCase()));
  await expect(shown).toHaveCount(matching.length);
  expect((await topics.locator('label').filter({ visible: true }).allInnerTexts()).map((label) => label.replace(/\s*\(\d+\)$/, ''))).toEqual(matching);
  await filter.fill('zzqqxx');
  await expect(shown).toHaveCount(0);
  await expect(topics.getByText('No topic value matches “zzqqxx”.')).toBeVisible();
});

test('a facet value with no result for the query is hidden, and the counts shown add up to the results', async ({ page }) => {
  await page.goto('/search/?q=oligopoly');
  const titles = await resultTitles(page);
  const format = page.getByRole('group', { name: 'Format' });
  const counts = (await format.locator('label').filter({ visible: true }).allInnerTexts()).map((label) => Number(/\((\d+)\)$/.exec(label)![1]));
  expect(counts.every((count) => count > 0)).toBe(true);
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(titles.length);
  const formats = new Set(titles.map((title) => byTitle.get(title)!.source.format));
  expect(counts).toHaveLength(formats.size);
});
