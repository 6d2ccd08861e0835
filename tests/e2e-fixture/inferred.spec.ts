// Inferred is marked wherever a title appears, on a corpus of known shape (the fixture corpus: four plain texts
// whose titles are inferred, two feed items whose titles are given): every place the built site shows a title (a
// link to the article showing its title, the article's own heading, search results and the header search's list)
// carries the one mark (src/components/InferredMark.astro) exactly when it was inferred. The whole-site check also
// runs on the project corpus (tests/e2e/inferred.spec.ts).
import type { Page as BrowserPage } from '@playwright/test';
import { distPages } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { shownTitles, wronglyMarked } from '../helpers/title-marks.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
const inferred = articles.filter((article) => article.origins.title === 'inferred');
const bySlug = new Map(articles.map((article) => [article.slug, article]));

/** The shape these tests need; they fail, never skip, when the fixture corpus has lost it. */
function expectBothKinds() {
  expect(inferred.length, 'titles of the fixture corpus inferred').toBeGreaterThan(0);
  expect(articles.length - inferred.length, 'titles of the fixture corpus given').toBeGreaterThan(0);
}

test('every link that shows an inferred title carries the mark, inside it or beside it; a given title never does', () => {
  expectBothKinds();
  const shown = shownTitles(distPages(FIXTURE_SITE), articles);
  expect(wronglyMarked(shown)).toEqual([]);
  // Home, sources, topic pages, the matrix: each inferred title is shown in several places.
  expect(shown.filter((place) => place.marked).length).toBeGreaterThan(inferred.length * 3);
});

test('the mark shows the word “inferred”, explains itself on hover and has a name for screen readers', async ({ page }) => {
  expectBothKinds();
  await page.goto('/');
  const marks = page.getByRole('main').getByRole('img', { name: 'title inferred from the text' });
  await expect(marks).toHaveCount(inferred.length);
  const first = marks.first();
  await expect(first).toBeVisible();
  expect(await first.evaluate((node) => getComputedStyle(node, '::after').content)).toBe('"inferred"');
  await expect(first).toHaveAttribute('title', /source gives no headline/);
  // Copying a title copies the title alone: the word is drawn, not text.
  expect(await first.evaluate((node) => node.textContent)).toBe('');
});

/** The article slug a search result links to. */
const resultSlug = (href: string) => /\/articles\/([^/?#]+)\//.exec(href)?.[1];

async function checkResults(page: BrowserPage, links: string, markOf: (link: string) => string) {
  const hrefs = await page.locator(links).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const [index, href] of hrefs.entries()) {
    const article = bySlug.get(resultSlug(href) ?? '')!;
    await expect(page.locator(markOf(`${links} >> nth=${index}`)), href).toHaveCount(article.origins.title === 'inferred' ? 1 : 0);
  }
}

test('search results mark inferred titles, and only those', async ({ page }) => {
  expectBothKinds();
  // Browse the topic most articles carry of those that both kinds of title carry: results with inferred titles and given ones.
  const counts = new Map<string, number>();
  for (const article of articles) for (const slug of article.topics) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const carriedBy = (slug: string, kind: 'inferred' | 'given') =>
    articles.some((article) => article.topics.includes(slug) && (article.origins.title === 'inferred') === (kind === 'inferred'));
  const topicSlug = [...counts].filter(([slug]) => carriedBy(slug, 'inferred') && carriedBy(slug, 'given')).sort((a, b) => b[1] - a[1])[0]?.[0];
  expect(topicSlug, 'a topic of the fixture corpus that inferred and given titles both carry').toBeDefined();
  await page.goto(`/topics/${topicSlug!}/`);
  const label = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await page.goto(`/search/?topic=${encodeURIComponent(label)}`);
  await expect(page.locator('[data-search-summary]')).toHaveText(/\d+ results?/);
  const results = page.locator('.search-result');
  const count = await results.count();
  expect(count).toBe(counts.get(topicSlug!));
  for (let index = 0; index < count; index++) {
    const result = results.nth(index);
    const article = bySlug.get(resultSlug((await result.locator('.search-result-title a').getAttribute('href')) ?? '') ?? '')!;
    await expect(result.locator('.search-result-title .inferred-mark[data-inferred="title"]'), article.slug).toHaveCount(
      article.origins.title === 'inferred' ? 1 : 0,
    );
  }
});

test('the header search’s list marks an inferred title', async ({ page }) => {
  expectBothKinds();
  // The longest word of an inferred title finds it (titles are searched).
  const article = inferred[0]!;
  const word = article.title
    .split(/[^\p{L}]+/u)
    .sort((a, b) => b.length - a.length)[0]!
    .toLowerCase();
  await page.goto('/about/');
  await page.locator('#site-search-q').fill(word);
  const option = page.locator(`.search-option[href^="/articles/${article.slug}/"]`);
  await expect(option).toBeVisible();
  await expect(option.locator('.inferred-mark[data-inferred="title"]')).toHaveCount(1);
  await checkResults(page, '.search-option[href^="/articles/"]', (link) => `${link} >> .inferred-mark`);
});
