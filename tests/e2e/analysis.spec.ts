// Corpus statistics on the built site: a collocate of a concordance query opens lines that hold both words; a
// distinctive word of a source opens its uses in that source only; every CSV download has the header row and as many
// rows as its table; the pages pass axe with the tables shown, light and dark, at 360 and 1280 pixels. The query and
// the source are chosen from the built site (the concordance's word totals, the distinctive-words files), never named.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { DISTINCTIVE_SHOWN } from '../../src/core/analysis/distinctive.ts';
import { parseCsv } from '../helpers/csv.ts';
import { expect, test } from './fixtures.ts';

const dist = path.resolve(import.meta.dirname, '../../dist');

async function downloaded(download: Download): Promise<string[][]> {
  return parseCsv(readFileSync(await download.path(), 'utf8'));
}

/** The commonest word of the corpus that is not among its 40 commonest (those are mostly function words): a query with lines in several articles. */
function queryWord(): string {
  const { words } = JSON.parse(readFileSync(path.join(dist, 'concordance/data/freq.json'), 'utf8')) as { words: Record<string, number> };
  const ranked = Object.entries(words)
    .filter(([word]) => /^\p{L}{4,}$/u.test(word))
    .sort((a, b) => b[1] - a[1]);
  return ranked[Math.min(40, ranked.length - 1)]![0];
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const holds = (text: string, word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${RegExp.escape(word)}(?![\\p{L}\\p{N}])`, 'u').test(fold(text));

async function allLines(page: Page): Promise<string[]> {
  const more = page.locator('[data-concordance-more]');
  while (await more.isVisible()) await more.click();
  return page.locator('[data-concordance-lines] tr').evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll('td')]
        .slice(0, 3)
        .map((td) => td.textContent)
        .join(''),
    ),
  );
}

async function openWithCollocates(page: Page, word: string): Promise<void> {
  await page.goto(`/concordance/?q=${encodeURIComponent(word)}`);
  await expect(page.locator('[data-concordance-lines] tr').first()).toBeVisible();
  await page.getByRole('button', { name: 'Find collocates and phrases' }).click();
  await expect(page.locator('[data-analysis-status]')).toHaveText(/collocates? and .* found in/);
}

const WORD = queryWord();

test(`a collocate of “${WORD}” opens the lines that hold both words`, async ({ page }) => {
  await openWithCollocates(page, WORD);
  const rows = page.locator('[data-analysis-collocates] tr');
  expect(await rows.count(), `“${WORD}” has collocates`).toBeGreaterThan(0);
  // Observed above expected, and G2 at least 3.84, in every row.
  for (const cells of await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/,/g, ''))))) {
    expect(Number(cells[1])).toBeGreaterThan(Number(cells[2]));
    expect(Number(cells[3])).toBeGreaterThanOrEqual(3.84);
  }
  const link = rows.first().locator('a');
  const collocate = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`near=${encodeURIComponent(collocate)}`));
  await expect(page.locator('[data-concordance-summary]')).toContainText(`within 5 words of “${collocate}”`);
  const lines = await allLines(page);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(holds(line, WORD), line).toBe(true);
    expect(holds(line, collocate), line).toBe(true);
  }
});

test('the lines, collocates and phrases download as CSV with a header row and a row per table row', async ({ page }) => {
  await openWithCollocates(page, WORD);
  const total = Number((await page.locator('[data-concordance-summary]').textContent())!.replace(/,/g, '').match(/^(\d+) uses?/)![1]);
  const lines = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the lines (CSV)' }).click();
  const linesFile = await lines;
  expect(linesFile.suggestedFilename()).toMatch(new RegExp(`^dossier-lines-${WORD}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const lineRows = await downloaded(linesFile);
  expect(lineRows[0]).toEqual(['before', 'match', 'after', 'article', 'date', 'source', 'url']);
  expect(lineRows.length - 1).toBe(total);
  for (const row of lineRows.slice(1)) expect(fold(row[1]!)).toBe(WORD);

  for (const [table, header] of [
    ['collocates', 'collocate'],
    ['phrases', 'phrase'],
  ] as const) {
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: `Download the ${table} (CSV)` }).click();
    const rows = await downloaded(await file);
    expect(rows[0]![0]).toBe(header);
    expect(rows.length - 1).toBe(await page.locator(`[data-table="${table}"] tbody tr`).count());
  }
});

/** A source with distinctive words, from the build's CSV files: its slug and its words. */
function sourceWithWords(): { slug: string; rows: string[][] } {
  const folder = path.join(dist, 'distinctive-words/sources');
  for (const file of readdirSync(folder).sort()) {
    const rows = parseCsv(readFileSync(path.join(folder, file), 'utf8'));
    if (rows.length > 1) return { slug: file.replace(/\.csv$/, ''), rows };
  }
  throw new Error('no source has distinctive words');
}

test('a distinctive word of a source opens its uses within that source; its CSV has a row per table row', async ({ page }) => {
  const { slug, rows } = sourceWithWords();
  await page.goto(`/sources/${slug}/`);
  const name = (await page.locator('h1').textContent())!.trim();
  const table = page.getByRole('table', { name: /distinctive words?/ });
  // The page shows the strongest DISTINCTIVE_SHOWN; the CSV file holds every one.
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(rows.length - 1, DISTINCTIVE_SHOWN));
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the distinctive words (CSV)' }).click();
  const csv = await downloaded(await download);
  expect(csv[0]).toEqual(['word', 'uses_here', 'expected', 'uses_elsewhere', 'log_likelihood', 'log_ratio']);
  expect(csv.length).toBe(rows.length);

  const first = table.locator('tbody tr').first();
  const word = (await first.locator('a').textContent())!;
  const usesHere = Number((await first.locator('td').nth(1).textContent())!.replace(/,/g, ''));
  await first.locator('a').click();
  await expect(page.locator('[data-concordance-summary]')).toContainText(`in ${name}`);
  const lines = await allLines(page);
  // The concordance also reads headings and notes, which the distinctive words do not count.
  expect(lines.length).toBeGreaterThanOrEqual(usesHere);
  for (const line of lines) expect(holds(line, word), line).toBe(true);
  // Every line is from that source: the per-source count has one row, naming it.
  await expect(page.locator('[data-concordance-per-source] tr')).toHaveCount(1);
  await expect(page.locator('[data-concordance-per-source] tr td').first()).toHaveText(name);
});

test.describe('axe and reflow with the tables shown', () => {
  test.describe.configure({ timeout: 90_000 });
  for (const scheme of ['light', 'dark'] as const)
    for (const width of [360, 1280])
      test(`concordance collocates, a source’s distinctive words, two sources compared (${scheme}, ${width} px)`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await openWithCollocates(page, WORD);
        await expect(page.locator('[data-analysis-results]')).toBeVisible();
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
        expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
        // Nothing wider than the screen: the tables scroll in their own boxes.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.goto(`/sources/${sourceWithWords().slug}/`);
        expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const slugs = readdirSync(path.join(dist, 'compare-sources'))
          .filter((file) => file.endsWith('.json'))
          .sort();
        if (slugs.length >= 2) {
          await page.goto(`/compare-sources/?a=${slugs[0]!.replace(/\.json$/, '')}&b=${slugs[1]!.replace(/\.json$/, '')}`);
          await expect(page.locator('[data-compare-sources-status]')).toHaveText(/compared\.$/);
          expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        }
      });
});

test('two sources compared: each side’s words open their uses in that source, and its CSV has a row per table row', async ({ page }) => {
  const slugs = readdirSync(path.join(dist, 'compare-sources'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
  test.skip(slugs.length < 2, 'the corpus has fewer than two sources');
  await page.goto(`/compare-sources/?a=${slugs[0]}&b=${slugs[1]}`);
  await expect(page.locator('[data-compare-sources-status]')).toHaveText(/compared\.$/);
  const side = page.locator('[data-side="a"]');
  const name = JSON.parse(readFileSync(path.join(dist, 'compare-sources', `${slugs[0]}.json`), 'utf8')).name as string;
  const rows = side.locator('tbody tr');
  const download = page.waitForEvent('download');
  await side.getByRole('button', { name: 'Download this table (CSV)' }).click();
  const csv = await downloaded(await download);
  expect(csv[0]).toEqual(['word', 'uses_here', 'expected', 'uses_in_other', 'log_likelihood', 'log_ratio']);
  expect(csv.length - 1).toBe(await rows.count());
  test.skip((await rows.count()) === 0, `${name} uses no word significantly more than the other source`);
  const word = (await rows.first().locator('a').textContent())!;
  await rows.first().locator('a').click();
  await expect(page.locator('[data-concordance-summary]')).toContainText(`in ${name}`);
  for (const line of await allLines(page)) expect(holds(line, word), line).toBe(true);
  await expect(page.locator('[data-concordance-per-source] tr')).toHaveCount(1);
  await expect(page.locator('[data-concordance-per-source] tr td').first()).toHaveText(name);
});

test('the topic matrix and the works cited download as CSV, a row per topic and per work', async ({ page }) => {
  await page.goto('/topics/');
  const topics = await page.locator('.source-matrix tbody tr').count();
  const matrix = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the matrix (CSV)' }).click();
  const matrixRows = await downloaded(await matrix);
  expect(matrixRows[0]![0]).toBe('topic');
  expect(matrixRows.length - 1).toBe(topics);
  // Each row's counts add up to its articles (an article has one source).
  for (const row of matrixRows.slice(1)) expect(row.slice(1, -1).reduce((sum, value) => sum + Number(value), 0)).toBe(Number(row.at(-1)));

  await page.goto('/references/');
  const status = await page.locator('.references-status').textContent();
  const works = Number(status!.replace(/,/g, '').match(/(\d+) works?/)![1]);
  const cited = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download every work cited (CSV)' }).click();
  const citedRows = await downloaded(await cited);
  expect(citedRows[0]).toEqual(['work', 'url', 'identifier', 'domain', 'copy_here', 'citing_articles', 'citing_places']);
  expect(citedRows.length - 1).toBe(works);
});
