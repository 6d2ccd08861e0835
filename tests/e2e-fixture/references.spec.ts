// Works cited on a corpus of known shape (the fixture corpus): its two Substack essays cite the same arXiv papers,
// each one work on its domain's list with both essays citing it and links to their paragraphs, and a page of its
// own that the essays link; it cites works on several domains, so sorting and the domain filter have something to
// sort and filter; its first feed item cites the second, marked as in this reading room; the essays end with their
// works cited. The checks are those the project corpus gets (tests/e2e/references.ts); here each first asserts the
// corpus has the shape it needs, and fails if the fixture corpus has lost it.
import type { Article } from '../../src/schemas/article.ts';
import { identifierInUrl } from '../../src/core/work-ids.ts';
import { entryBody, loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { articleWorksCited, checkSortAndFilter, fetchWorks, inCorpusMarks } from '../e2e/references.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
const essays = articles.filter((article) => article.url !== null && new URL(article.url).hostname.endsWith('.substack.com'));

/** The two Substack essays; a test fails, never skips, when the fixture corpus has lost one. */
function essayPair(): [Article, Article] {
  expect(essays, 'the fixture corpus has two Substack essays').toHaveLength(2);
  return [essays[0]!, essays[1]!];
}

/** The arXiv ids an article's entry links to, however the address is spelled. */
function arxivIds(article: Article): Set<string> {
  const ids = new Set<string>();
  for (const [href] of entryBody(article, FIXTURE_SITE).matchAll(/https?:\/\/[^\s)\]"<>]+/g)) {
    const url = URL.parse(href);
    const identifier = url === null ? null : identifierInUrl(url);
    if (identifier?.scheme === 'arxiv') ids.add(identifier.id);
  }
  return ids;
}

test('an arXiv paper both Substack essays cite is one work, with each of them citing it and links to their paragraphs', async ({ page }) => {
  const [a, b] = essayPair();
  const shared = [...arxivIds(a)].filter((id) => arxivIds(b).has(id));
  expect(shared.length, 'arXiv papers both essays cite').toBeGreaterThan(0);
  for (const id of shared) {
    await page.goto('/references/domain/arxiv.org/');
    const row = page.locator('li.work').filter({ hasText: `arXiv:${id}` });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.work-meta')).toContainText('cited by 2 articles');
    const citing = await row.locator('[data-citing]').evaluateAll((items) => items.map((item) => item.getAttribute('data-citing')));
    expect(citing.sort()).toEqual([a.slug, b.slug].sort());
    // Each citing place lands on its paragraph or note.
    const places = await row.locator('a[data-place]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(places.length).toBeGreaterThanOrEqual(2);
    for (const href of places) {
      await page.goto(href);
      const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
      await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1);
      await page.goBack();
    }
  }
});

test('sorting by name and filtering by domain are pages of their own', async ({ page, request }) => {
  const works = await fetchWorks(request);
  expect(new Set(works.map((work) => work.domain)).size, 'domains the fixture corpus cites works on').toBeGreaterThan(1);
  // The domain with the most works holds two or more, so its list has both orders.
  expect(Math.max(...works.map((work) => works.filter((other) => other.domain === work.domain).length)), 'works on one domain').toBeGreaterThan(1);
  await checkSortAndFilter(page, works);
});

test('a work cited by both essays has a page of its own, which an essay citing it links', async ({ page, request }) => {
  const [a, b] = essayPair();
  const work = (await fetchWorks(request)).find((candidate) => [a.slug, b.slug].every((slug) => candidate.citedBy.some((citing) => citing.slug === slug)));
  expect(work, 'a work both essays cite').toBeDefined();
  await page.goto(`/articles/${a.slug}/`);
  await page.locator(`[data-work="${work!.id}"] a[href^="/references/work/"]`).click();
  await expect(page).toHaveURL(new RegExp(`/references/work/${work!.id}/`));
  await expect(page.locator(`li.work[id="${work!.id}"]`)).toHaveCount(1);
  const citing = await page.locator('li.work [data-citing]').evaluateAll((items) => items.map((item) => item.getAttribute('data-citing')));
  expect(citing.sort()).toEqual(work!.citedBy.map((citation) => citation.slug).sort());
});

test('the article another cites is marked as in this reading room, and no other', async ({ page, request }) => {
  const { marked, cited } = await inCorpusMarks(page, request);
  expect(cited.length, 'articles of the fixture corpus another cites').toBeGreaterThan(0);
  expect(marked).toEqual(cited);
});

test('each essay ends with its works cited, each place a paragraph of the page; an article citing nothing has no such section', async ({ request }) => {
  const works = await fetchWorks(request);
  const cites = (slug: string) => works.filter((work) => work.citedBy.some((citing) => citing.slug === slug)).map((work) => work.id);
  const pages = new Map(articleWorksCited(FIXTURE_SITE).map((page) => [page.slug, page]));
  for (const essay of essayPair()) {
    expect(cites(essay.slug).length, `works ${essay.slug} cites`).toBeGreaterThan(0);
    expect(pages.get(essay.slug)!.places, `places ${essay.slug} links in its works cited`).toBeGreaterThan(0);
  }
  expect(
    articles.filter((article) => cites(article.slug).length === 0),
    'articles of the fixture corpus that cite nothing',
  ).not.toHaveLength(0);
  for (const article of articles) {
    expect(pages.get(article.slug)!.works.sort(), article.slug).toEqual(cites(article.slug).sort());
    expect(pages.get(article.slug)!.brokenPlaces, article.slug).toEqual([]);
  }
});
