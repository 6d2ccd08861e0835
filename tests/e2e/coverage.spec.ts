// /about/coverage/ and /coverage.json on the real corpus: every source and the articles it became, as the entries
// and the ingest's report say (read here, never written in); reached from /about/ and from the provenance panel of
// every article whose source had warnings, and from no other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { coverageSourceId } from '../../src/core/urls.ts';
import { coverageExportSchema } from '../../src/schemas/coverage-export.ts';
import { ingestReportSchema } from '../../src/schemas/ingest-report.ts';
import { loadArticles } from '../helpers/entries.ts';
import { CORPUS_SITE } from '../helpers/sites.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const report = ingestReportSchema.parse(JSON.parse(readFileSync(path.join(CORPUS_SITE.entries, 'coverage.json'), 'utf8')));
const files = readdirSync(path.join(CORPUS_SITE.corpus, 'sources'), { withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
  .map((entry) => entry.name)
  .sort();
const warned = new Set(report.sources.filter((source) => source.warnings.length > 0 || source.leftOut.length > 0).map((source) => source.file));

test('/about/ links to the coverage page', async ({ page }) => {
  await page.goto('/about/');
  await page.getByRole('link', { name: 'coverage page' }).click();
  await expect(page).toHaveURL(/\/about\/coverage\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coverage');
});

test('the coverage page lists every source with the articles it became', async ({ page }) => {
  await page.goto('/about/coverage/');
  const rows = page.locator('[data-coverage="sources"] tbody tr');
  await expect(rows).toHaveCount(files.length);
  for (const file of files) {
    const row = page.locator(`[data-coverage="sources"] tr[data-source="${file}"]`);
    const expected = articles.filter((article) => article.source.file === file).map((article) => `/articles/${article.slug}/`);
    const hrefs = await row.locator('td a[href^="/articles/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.sort(), file).toEqual(expected.sort());
  }
  const truncated = articles.filter((article) => article.truncated);
  await expect(page.locator('[data-coverage="truncated"] li')).toHaveCount(truncated.length);
});

test('/coverage.json passes its schema and accounts for every article', async ({ request }) => {
  const data = coverageExportSchema.parse(await (await request.get('/coverage.json')).json());
  expect(data.sources.map((source) => source.file)).toEqual(files);
  expect(data.articles.map((article) => article.slug).sort()).toEqual(articles.map((article) => article.slug).sort());
});

test("an article's provenance panel links to its source's warnings exactly when it had some", async ({ page }) => {
  for (const article of articles) {
    await page.goto(`/articles/${article.slug}/`);
    const link = page.locator('[data-coverage-link] a');
    if (!warned.has(article.source.file)) {
      await expect(link, article.slug).toHaveCount(0);
      continue;
    }
    await expect(link, article.slug).toHaveAttribute('href', `/about/coverage/#${coverageSourceId(article.source.file)}`);
    await link.click();
    await expect(page.locator(`[id="${coverageSourceId(article.source.file)}"]`)).toBeVisible();
  }
});
