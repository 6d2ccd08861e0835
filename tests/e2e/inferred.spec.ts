// Inferred is marked wherever a title appears: which titles are inferred comes from the entries' `origins`, and
// every place the built site shows one (a link to the article showing its title, the article's own heading, search
// results and the header search's list) carries the one mark (src/components/InferredMark.astro); a given title never does.
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Page as BrowserPage } from '@playwright/test';
import { distPages, elements, type Page } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const inferred = articles.filter((article) => article.origins.title === 'inferred');
const bySlug = new Map(articles.map((article) => [article.slug, article]));
const pages = distPages();

const classes = (node: Element) => (Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []);
const within = (root: Element, test: (node: Element) => boolean) => elements({ tree: { type: 'root', children: [root] } } as Page, test);
const isMark = (node: Element) => classes(node).includes('inferred-mark') && node.properties['dataInferred'] === 'title';
/** What a link shows (screen-reader-only text left out). */
function visibleText(node: Element): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' && !classes(child).includes('sr-only') ? visibleText(child) : ''))
    .join('');
}
/** Every link on a page with its parent element. */
function linksWithParents(page: Page): { link: Element; parent: Element }[] {
  const found: { link: Element; parent: Element }[] = [];
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a') found.push({ link: child, parent: node });
      walk(child);
    }
  };
  for (const child of page.tree.children) if (child.type === 'element') walk(child);
  return found;
}

test('every link that shows an inferred title carries the mark, inside it or beside it; a given title never does', () => {
  test.skip(inferred.length === 0, 'no title of the corpus is inferred');
  let marked = 0;
  const wrong: string[] = [];
  for (const page of pages) {
    for (const { link, parent } of linksWithParents(page)) {
      const slug = /^\/articles\/([^/]+)\/$/.exec(String(link.properties['href'] ?? ''))?.[1];
      const article = slug === undefined ? undefined : bySlug.get(slug);
      if (article === undefined) continue;
      const shows = visibleText(link).includes(article.title) || link.properties['title'] === article.title;
      if (!shows) continue;
      // The mark sits in the link or right after it in the same element (a heading, a list item, a table header).
      const index = parent.children.indexOf(link);
      const next = parent.children.slice(index + 1).find((node) => node.type === 'element') as Element | undefined;
      const hasMark = within(link, isMark).length > 0 || (next !== undefined && isMark(next));
      if (hasMark !== (article.origins.title === 'inferred'))
        wrong.push(`${page.url}: "${article.title}" ${hasMark ? 'marked but given' : 'inferred but not marked'}`);
      if (hasMark) marked++;
    }
  }
  expect(wrong).toEqual([]);
  // Home, sources, topic pages, the matrix: each inferred title is shown in several places.
  expect(marked).toBeGreaterThan(inferred.length * 3);
});

test('each article page marks its title in its heading exactly when it was inferred', () => {
  for (const article of articles) {
    const page = pages.find((candidate) => candidate.url === `/articles/${article.slug}/`)!;
    const h1 = elements(page, (node) => node.tagName === 'h1')[0]!;
    expect(toString(h1).trim(), article.slug).toBe(article.title);
    expect(within(h1, isMark).length, article.slug).toBe(article.origins.title === 'inferred' ? 1 : 0);
  }
});

test('the mark shows the word “inferred”, explains itself on hover and has a name for screen readers', async ({ page }) => {
  test.skip(inferred.length === 0, 'no title of the corpus is inferred');
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
  test.skip(inferred.length === 0, 'no title of the corpus is inferred');
  // Browse the topic most articles carry: results with inferred titles and, where the corpus has them, given ones.
  const counts = new Map<string, number>();
  for (const article of articles) for (const slug of article.topics) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const topicSlug = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  await page.goto(`/topics/${topicSlug}/`);
  const label = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await page.goto(`/search/?topic=${encodeURIComponent(label)}`);
  await expect(page.locator('[data-search-summary]')).toHaveText(/\d+ results?/);
  const results = page.locator('.search-result');
  const count = await results.count();
  expect(count).toBe(counts.get(topicSlug));
  for (let index = 0; index < count; index++) {
    const result = results.nth(index);
    const article = bySlug.get(resultSlug((await result.locator('.search-result-title a').getAttribute('href')) ?? '') ?? '')!;
    await expect(result.locator('.search-result-title .inferred-mark[data-inferred="title"]'), article.slug).toHaveCount(
      article.origins.title === 'inferred' ? 1 : 0,
    );
  }
});

test('the header search’s list marks an inferred title', async ({ page }) => {
  test.skip(inferred.length === 0, 'no title of the corpus is inferred');
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
