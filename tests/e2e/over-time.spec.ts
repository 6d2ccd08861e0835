// Trends (/trends/) and the debate over time (/timeline/) on the real corpus: a trend's uses, dated and undated, are the
// concordance's lines for the same query, and each period's link opens just that period's lines; the time line places
// every dated article once and lists every undated one apart; each chart's table holds the chart's data; both pages
// pass axe and fit 360px without sideways scrolling, light and dark; without JavaScript the time line is all there.
// Every expected number is counted from the built site (its entries, its corpus export, the concordance's own count).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { parseCsv } from '../helpers/csv.ts';
import { loadArticles } from '../helpers/entries.ts';
import { distDir } from '../helpers/dist.ts';
import { expect, test } from './fixtures.ts';

const WORD = 'IAEA';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const articles = loadArticles();
const dated = articles.filter((article) => article.publishedAt !== null);
const undated = articles.filter((article) => article.publishedAt === null);

/** Citations between articles, from /corpus.json's parts: [citing slug, cited slug]. */
function citations(): Array<[string, string]> {
  const corpus = JSON.parse(readFileSync(path.join(distDir, 'corpus.json'), 'utf8')) as { parts: string[] };
  return corpus.parts.flatMap((part) => {
    const { articles: list } = JSON.parse(readFileSync(path.join(distDir, new URL(part, 'http://site.test').pathname), 'utf8')) as {
      articles: Array<{ slug: string; cites: Array<{ slug: string }> }>;
    };
    return list.flatMap((article) => article.cites.map((cited): [string, string] => [article.slug, cited.slug]));
  });
}

/** The concordance's own count of lines for a URL: "12 uses of …". */
async function concordanceLines(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const summary = page.locator('[data-concordance-summary]');
  await expect(summary).toHaveText(/^\d[\d,]* uses? of|^No use of/);
  const text = await summary.innerText();
  return text.startsWith('No use') ? 0 : Number(text.split(' ')[0]!.replace(/,/g, ''));
}

async function openTrend(page: Page, query: string): Promise<void> {
  await page.goto(`/trends/?${query}`);
  await expect(page.locator('[data-trends-status]')).toHaveText(/^\d[\d,]* uses? of/);
  await expect(page.locator('[data-chart="trend"] svg')).toBeVisible();
}

test(`the trend of "${WORD}" counts every line of the concordance, dated and undated, and each period opens its lines`, async ({ page }) => {
  const lines = await concordanceLines(page, `/concordance/?q=${WORD}`);
  expect(lines, `the corpus uses "${WORD}"`).toBeGreaterThan(0);
  await openTrend(page, `q=${WORD}`);
  const table = page.locator('[data-chart="trend"] [data-chart-table]');
  const rows = await table.locator('tr[data-period]').evaluateAll((trs) =>
    trs.map((tr) => ({
      period: tr.getAttribute('data-period')!,
      uses: Number(tr.querySelector('[data-uses]')!.getAttribute('data-uses')),
      rate: Number(tr.querySelector('[data-rate]')!.getAttribute('data-rate')),
      href: tr.querySelector('a')?.getAttribute('href') ?? null,
    })),
  );
  expect(rows.reduce((sum, row) => sum + row.uses, 0)).toBe(lines);
  const undatedRow = rows.find((row) => row.period === 'undated')!;
  expect(undatedRow).toBeDefined();
  await expect(page.locator('[data-trends-status]')).toHaveText(new RegExp(`^${lines} uses? of “${WORD}”`));
  // The chart's bars are the table's periods, one each, the tallest where the rate is highest.
  const periods = rows.filter((row) => row.period !== 'undated');
  const heights = await page.locator('[data-chart="trend"] svg rect.chart-bar').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('height'))));
  expect(heights).toHaveLength(periods.length);
  const top = Math.max(...periods.map((row) => row.rate));
  expect(heights[periods.findIndex((row) => row.rate === top)]).toBe(Math.max(...heights));
  // Each period's link opens the concordance with just that period's lines (and the undated row, the undated ones).
  for (const row of rows.filter((entry) => entry.href !== null)) expect(await concordanceLines(page, row.href!), row.href!).toBe(row.uses);
});

test('split by source, each period’s uses add up to the whole; the summary names what the data shows', async ({ page }) => {
  await openTrend(page, `q=${WORD}&by=source`);
  const whole = await page
    .locator('[data-chart="trend"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('[data-uses]')!.getAttribute('data-uses'))));
  const parts = await page
    .locator('[data-chart="split"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('[data-uses]')].reduce((sum, cell) => sum + Number(cell.getAttribute('data-uses')), 0)));
  expect(parts).toEqual(whole);
  const series = await page.locator('[data-chart="split"] thead th').count();
  await expect(page.locator('[data-chart="split"] svg .chart-series .chart-line:not(.chart-key)')).toHaveCount(series - 1);
  await expect(page.locator('[data-chart="trend"] [data-chart-summary]')).toHaveText(
    new RegExp(`^Uses of “${WORD}” peaked in .+: \\d+ uses? in \\d+ articles?, [\\d.,]+ per 10,000 words\\.`),
  );
});

/** A downloaded CSV file's rows, its header row first. */
async function downloaded(download: Download): Promise<string[][]> {
  return parseCsv(readFileSync(await download.path(), 'utf8'));
}

test('each table of a trend downloads as CSV: a header row, a row per row of the table, the same uses', async ({ page }) => {
  await openTrend(page, `q=${WORD}&by=source`);
  await expect(page.locator('[data-chart="split"] svg')).toBeVisible();
  for (const [chart, name] of [
    ['trend', 'trend'],
    ['split', 'trend-by-source'],
  ] as const) {
    const block = page.locator(`[data-chart="${chart}"]`);
    const file = page.waitForEvent('download');
    await block.getByRole('button', { name: 'Download this table (CSV)' }).click();
    const download = await file;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^dossier-${name}-${WORD.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const rows = await downloaded(download);
    expect(rows[0]!.slice(0, 2)).toEqual(['period', 'label']);
    const periods = await block.locator('tr[data-period]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-period')));
    expect(rows.slice(1).map((row) => row[0])).toEqual(periods);
    // The uses in the file are the table's, period by period and series by series.
    const uses = await block
      .locator('tr[data-period]')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('[data-uses]')].map((cell) => Number(cell.getAttribute('data-uses')))));
    const usesColumns = rows[0]!.flatMap((column, at) => (column === 'uses' || column.endsWith(': uses') ? [at] : []));
    expect(rows.slice(1).map((row) => usesColumns.map((at) => Number(row[at])))).toEqual(uses);
  }
});

test('the concordance of a query links to its trend, and the trend back to its lines', async ({ page }) => {
  const lines = await concordanceLines(page, `/concordance/?q=${WORD}`);
  await page.getByRole('link', { name: 'See how its use changed over time' }).click();
  await expect(page).toHaveURL(new RegExp(`/trends/\\?q=${WORD}$`));
  await expect(page.locator('[data-trends-status]')).toHaveText(new RegExp(`^${lines} uses? of`));
  await page.getByRole('link', { name: new RegExp(`^Read the ${lines} lines? of .${WORD}. in the concordance$`) }).click();
  await expect(page).toHaveURL(new RegExp(`/concordance/\\?q=${WORD}$`));
  await expect(page.locator('[data-concordance-summary]')).toHaveText(new RegExp(`^${lines} uses? of`));
});

test('the time line places every dated article once, lists every undated one with its reason, and draws every citation', async ({ page }) => {
  await page.goto('/timeline/');
  const block = page.locator('[data-chart="articles"]');
  await expect(block.locator('caption')).toHaveText(/^Dated articles per (week|month)$/);
  await expect(page.locator('[data-chart="topics"] caption')).toHaveText(/^Dated articles per (week|month) and topic$/);
  const counts = await block.locator('tbody td[data-value]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(dated.length);
  await expect(block.locator('tbody a')).toHaveCount(dated.length);
  // The drawing shown has a dot per dated article, in the column of its row.
  await expect(block.locator('.chart-frame:visible circle')).toHaveCount(dated.length);
  const links = await block.locator('tbody a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')).sort());
  expect(links).toEqual(dated.map((article) => `/articles/${article.slug}/`).sort());
  await expect(page.locator('[data-undated] li')).toHaveCount(undated.length);
  for (const item of await page.locator('[data-undated] li').allInnerTexts()) expect(item).toMatch(/no date/);

  const all = citations();
  const datedSlugs = new Set(dated.map((article) => article.slug));
  const between = all.filter(([from, to]) => datedSlugs.has(from) && datedSlugs.has(to));
  await expect(page.locator('[data-chart="citations"] tbody tr')).toHaveCount(between.length);
  await expect(page.locator('[data-chart="citations"] .chart-frame:visible .chart-arc')).toHaveCount(between.length);
  await expect(page.locator('[data-undated-citations] li')).toHaveCount(all.length - between.length);
  // The topics' table: per period, the largest topics' counts (an article on two counts in both), never more than its articles.
  const topicRows = await page
    .locator('[data-chart="topics"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((cell) => Number(cell.getAttribute('data-value')))));
  topicRows.forEach((row, index) => expect(Math.max(0, ...row)).toBeLessThanOrEqual(counts[index]!));
});

test('each table of the time line is a CSV file linked under it: a header row and a row per row of the table', async ({ page }) => {
  await page.goto('/timeline/');
  for (const chart of ['articles', 'topics', 'citations']) {
    const link = page.locator(`[data-chart="${chart}"] a[data-timeline-csv]`);
    await expect(link).toHaveText('Download this table (CSV)');
    expect(await link.getAttribute('download')).toMatch(new RegExp(`^dossier-timeline-${chart}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.ok()).toBe(true);
    const rows = parseCsv(await response.text());
    const header = await page.locator(`[data-chart="${chart}"] thead th`).count();
    expect(rows[0]!.length, `${chart}: a column per column of the table, or more`).toBeGreaterThanOrEqual(header);
    expect(rows.length - 1, chart).toBe(await page.locator(`[data-chart="${chart}"] tbody tr`).count());
  }
  // The articles' file counts what the table counts, period by period.
  const counts = await page
    .locator('[data-chart="articles"] tbody td[data-value]')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
  const file = parseCsv(await (await page.request.get('/timeline/articles.csv')).text());
  expect(file.slice(1).map((row) => Number(row[file[0]!.indexOf('articles')]))).toEqual(counts);
});

for (const width of [360, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const url of ['/timeline/', `/trends/?q=${WORD}&by=topic`]) {
      test(`${url} at ${width}px, ${scheme}: no axe violation, no sideways scroll, one drawing per chart in view`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        if (url.startsWith('/trends/')) await expect(page.locator('[data-chart="split"] svg')).toBeVisible();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        for (const block of await page.locator('[data-chart]').all()) {
          await expect(block.locator('svg:visible')).toHaveCount(1);
          const box = (await block.locator('svg:visible').boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the time line is all there; trends say what they need and link the time line', async ({ page }) => {
    await page.goto('/timeline/');
    await expect(page.locator('[data-chart] table')).toHaveCount(3);
    await expect(page.locator('[data-chart="articles"] tbody a')).toHaveCount(dated.length);
    await page.goto('/trends/');
    await expect(page.locator('[data-trends-no-script]')).toBeVisible();
    await expect(page.locator('[data-trends-no-script] a[href="/timeline/"]')).toBeVisible();
  });
});
