// Works cited on the real corpus: /references/ groups the works the articles cite, with every citing article and
// links to the citing paragraphs, a page at a time; sorting and the domain filter are pages of their own, rendered on
// the server, and hold across pages; each article ends with its own works cited. Which works and which articles are
// derived from the entries and /references.json.
import { identifierInUrl } from '../../src/core/work-ids.ts';
import { describeComparison } from '../../src/utils/compare-data.ts';
import { describeWorksCited } from '../../src/utils/works-cited.ts';
import { entryBody, loadArticles } from '../helpers/entries.ts';
import { fetchCorpus } from './exports.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
/** The arXiv ids an article's entry links to, however the address is spelled. */
const arxivIds = (slug: string): Set<string> => {
  const body = entryBody(articles.find((article) => article.slug === slug)!);
  const ids = new Set<string>();
  for (const [href] of body.matchAll(/https?:\/\/[^\s)\]"<>]+/g)) {
    const url = URL.parse(href);
    const identifier = url === null ? null : identifierInUrl(url);
    if (identifier?.scheme === 'arxiv') ids.add(identifier.id);
  }
  return ids;
};
const substack = articles.filter((article) => article.url !== null && new URL(article.url).hostname.endsWith('.substack.com'));
const shared = substack.length < 2 ? [] : [...arxivIds(substack[0]!.slug)].filter((id) => substack.slice(1).every((other) => arxivIds(other.slug).has(id)));

test('an arXiv paper that the Substack essays all cite is one work, with each of them citing it and links to their paragraphs', async ({ page }) => {
  test.skip(shared.length === 0, 'the corpus has no arXiv paper that its Substack essays all cite');
  for (const id of shared) {
    await page.goto('/references/domain/arxiv.org/');
    const row = page.locator('li.work').filter({ hasText: `arXiv:${id}` });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.work-meta')).toContainText(`cited by ${substack.length} articles`);
    const citing = await row.locator('[data-citing]').evaluateAll((items) => items.map((item) => item.getAttribute('data-citing')));
    expect(citing.sort()).toEqual(substack.map((article) => article.slug).sort());
    // Each citing place lands on its paragraph or note.
    const places = await row.locator('a[data-place]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(places.length).toBeGreaterThanOrEqual(substack.length);
    for (const href of places) {
      await page.goto(href);
      const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
      await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1);
      await page.goBack();
    }
  }
});

/** Every work of a view, read page by page through its pager from its first page. */
async function readView(page: Page, first: string): Promise<{ id: string; count: number; domain: string; name: string }[]> {
  const rows: { id: string; count: number; domain: string; name: string }[] = [];
  let next: string | null = first;
  while (next !== null) {
    await page.goto(next);
    rows.push(
      ...(await page.locator('li.work').evaluateAll((items) =>
        items.map((item) => ({
          id: item.id,
          count: Number(item.getAttribute('data-count')),
          domain: item.getAttribute('data-domain')!,
          name: item.querySelector('.work-label')!.textContent!.trim(),
        })),
      )),
    );
    next = await page
      .locator('.pager a[rel="next"]')
      .getAttribute('href', { timeout: 1000 })
      .catch(() => null);
  }
  return rows;
}

test('without a script every work is listed, a page at a time, most cited first, each page under 200 KB', async ({ browser, request }) => {
  const data = (await (await request.get('/references.json')).json()) as { works: { id: string }[] };
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const rows = await readView(page, '/references/');
  expect(rows.map((row) => row.id)).toEqual(data.works.map((work) => work.id));
  const counts = rows.map((row) => row.count);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect((await (await request.get('/references/')).body()).length).toBeLessThan(200 * 1024);
  await context.close();
});

test('sorting by name and filtering by domain are pages of their own, which hold across pages', async ({ page, request }) => {
  const data = (await (await request.get('/references.json')).json()) as { works: { id: string; domain: string }[] };
  test.skip(data.works.length < 2, 'fewer than two works');
  await page.goto('/references/');
  await page.getByRole('navigation', { name: 'Sort and filter the works' }).getByRole('link', { name: 'By name' }).click();
  await expect(page).toHaveURL(/\/references\/by-name\/$/);
  const byName = await readView(page, '/references/by-name/');
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  expect(byName.map((row) => row.name)).toEqual(byName.map((row) => row.name).sort((a, b) => collator.compare(a, b)));
  expect(new Set(byName.map((row) => row.id))).toEqual(new Set(data.works.map((work) => work.id)));
  // The domain with the most works, as offered on the first page: exactly its works, in both orders.
  await page.goto('/references/');
  const domain = data.works
    .map((work) => work.domain)
    .sort((a, b) => data.works.filter((w) => w.domain === b).length - data.works.filter((w) => w.domain === a).length)[0]!;
  const link = page
    .getByRole('navigation', { name: 'Sort and filter the works' })
    .getByRole('link', { name: new RegExp(`^${domain.replace(/\./g, '\\.')} \\(`) });
  await link.click();
  const onDomain = await readView(page, new URL(page.url()).pathname);
  expect(onDomain.map((row) => row.id)).toEqual(data.works.filter((work) => work.domain === domain).map((work) => work.id));
  await expect(page.locator('.references-status')).toContainText(`on ${domain}`);
});

test('a work cited by several articles has a page of its own, which the articles citing it link', async ({ page, request }) => {
  const data = (await (await request.get('/references.json')).json()) as { works: { id: string; citedBy: { slug: string }[] }[] };
  const work = data.works.find((candidate) => candidate.citedBy.length >= 2);
  test.skip(work === undefined, 'no work is cited by two articles');
  await page.goto(`/articles/${work!.citedBy[0]!.slug}/`);
  await page.locator(`[data-work="${work!.id}"] a[href^="/references/work/"]`).click();
  await expect(page.locator(`li.work[id="${work!.id}"]`)).toHaveCount(1);
  const citing = await page.locator('li.work [data-citing]').evaluateAll((items) => items.map((item) => item.getAttribute('data-citing')));
  expect(citing).toEqual(work!.citedBy.slice(0, citing.length).map((citation) => citation.slug));
});

test('an article of the corpus that another cites is marked as in this reading room', async ({ page, request }) => {
  const data = (await fetchCorpus(request)) as { articles: { slug: string; citedBy: unknown[] }[] };
  const cited = data.articles.filter((article) => article.citedBy.length > 0);
  test.skip(cited.length === 0, 'no article of the corpus cites another');
  const inCorpus = new Set<string>();
  let next: string | null = '/references/';
  while (next !== null) {
    await page.goto(next);
    for (const slug of await page.locator('[data-in-corpus]').evaluateAll((items) => items.map((item) => item.getAttribute('data-in-corpus')!)))
      inCorpus.add(slug);
    next = await page
      .locator('.pager a[rel="next"]')
      .getAttribute('href', { timeout: 1000 })
      .catch(() => null);
  }
  for (const article of cited) expect(inCorpus, article.slug).toContain(article.slug);
});

test('each article ends with its works cited; each place links to a paragraph of the page', async ({ page }) => {
  for (const article of substack) {
    await page.goto(`/articles/${article.slug}/`);
    const section = page.getByRole('region', { name: 'Works cited' });
    await expect(section).toBeVisible();
    const hrefs = await section.locator('a[data-place]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) await expect(page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`)).toHaveCount(1);
  }
});

test('references.json follows its schema version and lists the same works as the page; references.bib has one entry each', async ({ page, request }) => {
  const data = (await (await request.get('/references.json')).json()) as { schemaVersion: number; workCount: number; works: { id: string }[] };
  expect(data.schemaVersion).toBe(1);
  const ids = (await readView(page, '/references/')).map((row) => row.id);
  expect(data.works.map((work) => work.id)).toEqual(ids);
  const bib = await (await request.get('/references.bib')).text();
  expect(bib.match(/^@online\{work-[0-9a-f]{12},$/gm)?.length).toBe(data.workCount);
  // No field the sources do not give.
  expect(bib).not.toMatch(/^\s*(?:title|author|date|year)\s*=/m);
});

test('/about/ says how works cited are found and grouped, with this build’s counts, and what a comparison shows', async ({ page, request }) => {
  const data = (await (await request.get('/references.json')).json()) as { works: { identifier: unknown; inCorpus: unknown }[] };
  const counts = {
    works: data.works.length,
    identified: data.works.filter((work) => work.identifier !== null).length,
    inCorpus: data.works.filter((work) => work.inCorpus !== null).length,
  };
  await page.goto('/about/');
  await expect(page.locator('#works-cited ~ .works-cited-rules li')).toHaveText(describeWorksCited(counts));
  await expect(page.locator('#comparing-two-articles ~ .compare-rules li')).toHaveText(describeComparison());
});
