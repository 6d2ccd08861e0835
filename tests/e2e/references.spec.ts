// Works cited on the real corpus: /references/ groups the works the articles cite, with every citing article and
// links to the citing paragraphs; sorting and the domain filter work with a script and the list stands without one;
// each article ends with its own works cited. Which works and which articles are derived from the entries.
import { identifierInUrl } from '../../src/core/work-ids.ts';
import { describeComparison } from '../../src/utils/compare-data.ts';
import { describeWorksCited } from '../../src/utils/works-cited.ts';
import { entryBody, loadArticles } from '../helpers/entries.ts';
import { fetchCorpus } from './exports.ts';
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
  await page.goto('/references/');
  for (const id of shared) {
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

test('without a script the works are listed whole, most cited first; the controls are hidden', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/references/');
  await expect(page.locator('[data-references-controls]')).toBeHidden();
  const counts = await page.locator('li.work').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-count'))));
  expect(counts.length).toBeGreaterThan(0);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await context.close();
});

test('sorting by name and filtering by domain, kept in the address, undone by the back button', async ({ page }) => {
  await page.goto('/references/');
  const rows = page.locator('li.work');
  const total = await rows.count();
  test.skip(total < 2, 'fewer than two works');
  await page.getByRole('radio', { name: 'By name' }).check();
  await expect(page).toHaveURL(/\?sort=name$/);
  const names = await rows.evaluateAll((items) => items.map((item) => item.querySelector('.work-label')!.textContent!.trim()));
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
  const domain = await page.locator('select[name="domain"] option').nth(1).getAttribute('value');
  await page.getByLabel('Domain').selectOption(domain!);
  await expect(page).toHaveURL(new RegExp(`domain=${domain!.replace(/\./g, '\\.')}`));
  const visible = await page.locator('li.work:visible').evaluateAll((items) => items.map((item) => item.getAttribute('data-domain')));
  expect(visible.length).toBeGreaterThan(0);
  expect(new Set(visible)).toEqual(new Set([domain]));
  await expect(page.locator('[data-references-status]')).toContainText(`${visible.length} of ${total} works on ${domain}`);
  await page.goBack();
  await expect(page.locator('li.work:visible')).toHaveCount(total);
  await expect(page.getByRole('radio', { name: 'By name' })).toBeChecked();
});

test('an article of the corpus that another cites is marked as in this reading room', async ({ page, request }) => {
  const data = (await fetchCorpus(request)) as { articles: { slug: string; citedBy: unknown[] }[] };
  const cited = data.articles.filter((article) => article.citedBy.length > 0);
  test.skip(cited.length === 0, 'no article of the corpus cites another');
  await page.goto('/references/');
  for (const article of cited) await expect(page.locator(`[data-in-corpus="${article.slug}"]`)).toHaveCount(1);
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
  await page.goto('/references/');
  const ids = await page.locator('li.work').evaluateAll((rows) => rows.map((row) => row.id));
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
