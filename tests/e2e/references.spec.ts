// Works cited on the real corpus, whatever it cites: /references/ lists every work, a page at a time; sorting and
// the domain filter are pages of their own, rendered on the server, and hold across pages (or, citing nothing, the
// page says so and offers neither); a work cited by two or more articles, and only such a work, has a page of its
// own that the articles citing it link; every article another cites is marked as in this reading room, and no
// other; an article ends with the works it cites, and only then. Which works and which articles are derived from
// the entries, the built pages, /references.json and /corpus.json. (An arXiv paper both Substack essays cite, and
// the work page reached from an article, need works of a known shape: tests/e2e-fixture/references.spec.ts.)
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describeComparison } from '../../src/utils/compare-data.ts';
import { describeWorksCited } from '../../src/utils/works-cited.ts';
import { distPages, elements } from '../helpers/dist.ts';
import { CORPUS_SITE } from '../helpers/sites.ts';
import { articleWorksCited, checkSortAndFilter, fetchWorks, inCorpusMarks, readView } from './references.ts';
import { expect, test } from './fixtures.ts';

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

test('sorting by name and filtering by domain are pages of their own, which hold across pages; citing nothing, the page says so', async ({ page, request }) => {
  const works = await fetchWorks(request);
  if (works.length > 0) {
    await checkSortAndFilter(page, works);
    return;
  }
  await page.goto('/references/');
  await expect(page.getByRole('main')).toContainText('No article of this reading room cites another work.');
  await expect(page.getByRole('navigation', { name: 'Sort and filter the works' })).toHaveCount(0);
  expect(await readView(page, '/references/by-name/')).toEqual([]);
});

test('a work cited by two or more articles, and only such a work, has a page of its own, which each article citing it links', async ({ request }) => {
  const works = await fetchWorks(request);
  const workDir = path.join(CORPUS_SITE.dist, 'references/work');
  const built = existsSync(workDir) ? readdirSync(workDir).filter((id) => existsSync(path.join(workDir, id, 'index.html'))) : [];
  const several = works.filter((work) => work.citedByCount >= 2);
  expect(built.sort()).toEqual(several.map((work) => work.id).sort());
  const articles = new Map(distPages().map((page) => [page.url, page]));
  const missing: string[] = [];
  for (const work of several)
    for (const { slug } of work.citedBy) {
      const links = elements(
        articles.get(`/articles/${slug}/`)!,
        (node) => node.tagName === 'a' && String(node.properties['href']).startsWith(`/references/work/${work.id}/`),
      );
      if (links.length === 0) missing.push(`${slug} does not link ${work.id}`);
    }
  expect(missing).toEqual([]);
});

test('every article of the corpus that another cites is marked as in this reading room, and no other', async ({ page, request }) => {
  const { marked, cited } = await inCorpusMarks(page, request);
  expect(marked).toEqual(cited);
});

test('an article ends with the works it cites, one entry each, each place a paragraph of the page; one citing none has no such section', async ({
  request,
}) => {
  const works = await fetchWorks(request);
  const cites = (slug: string) => works.filter((work) => work.citedBy.some((citing) => citing.slug === slug)).map((work) => work.id);
  const pages = articleWorksCited();
  expect(pages.length).toBeGreaterThan(0);
  for (const { slug, works: listed, brokenPlaces } of pages) {
    expect(listed.sort(), slug).toEqual(cites(slug).sort());
    expect(brokenPlaces, slug).toEqual([]);
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
