// Following a question from one critique to the next: topic links, passages, the matrix, related critiques.
import { loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const plainText = articles.find((article) => article.slug.startsWith('openais-ceo-wants-the-un'))!;

test('from an article, a topic link reaches its topic page, which lists it and a critique from another source', async ({ page }) => {
  await page.goto(`/articles/${plainText.slug}/`);
  await page.getByRole('list', { name: 'Topics of this article' }).getByRole('link', { name: 'The IAEA and nuclear analogy' }).click();
  await expect(page).toHaveURL(/\/topics\/iaea-nuclear-analogy\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The IAEA and nuclear analogy');
  const listed = page.locator('.topic-article h3 a');
  await expect(listed.filter({ hasText: plainText.title })).toHaveCount(1);
  const others = articles.filter((article) => article.topics.includes('iaea-nuclear-analogy') && article.source.file !== plainText.source.file);
  expect(others.length).toBeGreaterThan(0);
  await expect(listed.filter({ hasText: others[0]!.title })).toHaveCount(1);
});

test('the first mention of a topic in the body links to the topic page, once per topic', async ({ page }) => {
  await page.goto(`/articles/${plainText.slug}/`);
  const links = page.locator('.prose a.topic-link');
  expect(await links.count()).toBeGreaterThan(0);
  const topics = await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-topic')));
  expect(new Set(topics).size).toBe(topics.length);
  for (const topic of topics) expect(plainText.topics).toContain(topic);
});

test('a passage link lands on the quoted paragraph', async ({ page }) => {
  await page.goto('/topics/iaea-nuclear-analogy/');
  const passage = page.locator('.passages li').first();
  const quoted = (await passage.locator('blockquote').innerText()).trim();
  await passage.getByRole('link', { name: /Read in context/ }).click();
  await expect(page).toHaveURL(/\/articles\/[^/]+\/#p-[0-9a-f]+/);
  const target = page.locator(':target');
  await expect(target).toBeInViewport();
  expect((await target.innerText()).replace(/\s*¶\s*$/, '')).toContain(quoted.slice(0, 60));
});

test('every paragraph has a stable id and a permalink shown on focus', async ({ page }) => {
  await page.goto(`/articles/${plainText.slug}/`);
  const paragraph = page.locator('.prose p.para').first();
  const id = await paragraph.getAttribute('id');
  expect(id).toMatch(/^p-[0-9a-f]{7}$/);
  const permalink = paragraph.locator('a.permalink');
  await expect(permalink).toHaveAttribute('href', `#${id}`);
  await permalink.focus();
  await expect(permalink).toHaveCSS('opacity', '1');
});

test('the matrix links each cell to the passages of that article on that topic', async ({ page }) => {
  await page.goto('/topics/');
  const cells = page.locator('table.matrix td a');
  expect(await cells.count()).toBeGreaterThan(20);
  const cell = cells.first();
  const href = (await cell.getAttribute('href'))!;
  const count = Number(await cell.innerText());
  await cell.click();
  const hash = href.split('#')[1]!;
  const section = page.locator(`[id="${hash}"]`);
  await expect(section).toBeInViewport();
  await expect(section.locator('.passages li')).toHaveCount(count);
});

test('related critiques name the topics they share', async ({ page }) => {
  await page.goto(`/articles/${plainText.slug}/`);
  const related = page.getByRole('region', { name: 'Related critiques' });
  await expect(related.locator('li').first()).toContainText('Shares:');
  expect(await related.locator('> ul > li').count()).toBeGreaterThanOrEqual(2);
});

test('the table of contents lists the headings and links to them', async ({ page }) => {
  await page.goto(`/articles/${plainText.slug}/`);
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await toc.getByRole('link', { name: 'The Signal' }).click();
  await expect(page.locator('#the-signal')).toBeInViewport();
});

test('sources group articles by outlet, unknown outlets honestly', async ({ page }) => {
  await page.goto('/sources/');
  await page.getByRole('link', { name: 'Unknown outlet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unknown outlet');
  await expect(page.locator('.source-articles li')).toHaveCount(articles.filter((article) => article.outlet === null).length);
});

test('feeds and sitemap are served when the build has a public address (SITE_URL)', async ({ page, request }) => {
  await page.goto('/');
  // Without SITE_URL there is no address for them to give, so they are left out (tests/e2e/research.spec.ts checks that).
  test.skip((await page.locator('link[rel=canonical]').count()) === 0, 'built without SITE_URL: no feeds, no sitemap');
  const rss = await request.get('/rss.xml');
  expect(rss.ok()).toBe(true);
  expect((await rss.text()).match(/<item>/g)).toHaveLength(articles.length);
  const topicRss = await request.get('/topics/iaea-nuclear-analogy/rss.xml');
  expect(await topicRss.text()).toContain('<title>Dossier: The IAEA and nuclear analogy</title>');
  expect((await request.get('/sitemap-index.xml')).ok()).toBe(true);
});

test('an unknown address shows a useful 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('main').getByRole('link', { name: 'Topics' })).toBeVisible();
});
