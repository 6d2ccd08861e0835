// Lists that stay usable at real variety, read from the built site (dist/) and the entries it was built from: no
// page that lists the corpus exceeds 200 KB of HTML (an article's own page is as long as its text), and the topic x
// source matrix's columns are the sources with the most topic-tagged articles, those without a topic summed apart.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { distFiles, distDir } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

/** The budget of a list page (docs/performance.md). */
const LIST_PAGE_BYTES = 200 * 1024;
const articles = loadArticles();

test('no HTML page that lists the corpus exceeds 200 KB', () => {
  const pages = distFiles().filter((file) => file.endsWith('.html'));
  const lists = pages.filter((file) => !/^articles\/[^/]+\/index\.html$/.test(file));
  expect(lists.length).toBeGreaterThan(0);
  const sizes = lists.map((file) => ({ file, bytes: statSync(path.join(distDir, file)).size })).sort((a, b) => b.bytes - a.bytes);
  test.info().annotations.push({ type: 'largest list page', description: `${sizes[0]!.file}: ${(sizes[0]!.bytes / 1024).toFixed(1)} KB` });
  expect(sizes.filter(({ bytes }) => bytes > LIST_PAGE_BYTES)).toEqual([]);
});

test('the topic x source matrix has a column for each source with the most topic-tagged articles, and sums those with none', async ({ page }) => {
  // Per outlet as the entries give it: articles, and those carrying a topic.
  const outlets = Map.groupBy(articles, (article) => article.outlet ?? '');
  const tagged = [...outlets.values()].map((list) => list.filter((article) => article.topics.length > 0).length);
  await page.goto('/topics/');
  const matrix = page.getByRole('region', { name: 'Matrix of topics by source' });
  const columns = await matrix.locator('th[data-source]').evaluateAll((cells) => cells.map((cell) => cell.querySelector('.meta')!.textContent!.trim()));
  const counts = columns.map((text) => Number(/^\((\d+) of \d+\)$/.exec(text)![1]));
  expect(counts.length).toBe(Math.min(10, tagged.filter((n) => n > 0).length));
  expect(counts.every((n) => n > 0)).toBe(true);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(counts).toEqual([...tagged].sort((a, b) => b - a).slice(0, counts.length));
  const untouched = tagged.filter((n) => n === 0).length;
  await expect(matrix.locator('th[data-untouched]')).toHaveCount(untouched > 0 ? 1 : 0);
  if (untouched > 0) await expect(matrix.locator('th[data-untouched]')).toContainText(`${untouched} source`);
  expect(readFileSync(path.join(distDir, 'topics/index.html')).length).toBeLessThan(LIST_PAGE_BYTES);
});
