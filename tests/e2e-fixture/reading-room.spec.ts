// Following a question from one critique to the next on the fixture corpus, whose topics, headings and outlets
// are known: topic links, passages, the matrix, related critiques, the table of contents, sources by outlet.
import { loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
// A plain text on the nuclear analogy (among other topics), with a heading "The Signal" and no outlet.
const plainText = articles.find((article) => article.source.file === '000_44948af1af52c1da.txt')!;

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
  // The site's own links say so: "topic: …" to a screen reader, a title naming the topic, and a look unlike the
  // author's links (the text's colour, a dotted underline), while the text copied or indexed is only the author's.
  const first = links.first();
  const word = (await first.textContent())!;
  const named = await page.evaluate(async (slug) => {
    const link = document.querySelector(`.prose a.topic-link[data-topic="${slug}"]`)!;
    const style = getComputedStyle(link);
    const prose = getComputedStyle(link.closest('p') ?? link.parentElement!);
    return { color: style.color, text: prose.color, line: style.textDecorationStyle, before: getComputedStyle(link, '::before').content };
  }, topics[0]!);
  expect(named.color).toBe(named.text);
  expect(named.line).toBe('dotted');
  expect(named.before).toContain('topic: ');
  await expect(first).toHaveAttribute('title', /^Topic: .+ \(a link this reading room added\)$/);
  await expect(page.getByRole('link', { name: `topic: ${word}`, exact: true }).first()).toBeVisible();
  expect(await first.evaluate((link) => (link as HTMLElement).innerText)).toBe(word);
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
  const cells = page.locator('table.article-matrix td a');
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

test('related articles name the topics they share', async ({ page }) => {
  await page.goto(`/articles/${plainText.slug}/`);
  const related = page.getByRole('region', { name: 'Related articles' });
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
