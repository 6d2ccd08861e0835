// Comparing two articles of a known shape (the fixture corpus): its two Substack essays side by side show the topics
// both carry in rows, each with both articles' passages, the topics only one carries, and the works both cite; the
// article page leads there; without a script the page explains itself and links the articles; axe finds nothing,
// light and dark; two of its plain texts share a passage, shown side by side.
import AxeBuilder from '@axe-core/playwright';
import type { Article } from '../../src/schemas/article.ts';
import { loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { fetchReuse } from '../e2e/exports.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
// The Substack feed's two items: both cite the same arXiv papers and share topics.
const essays = articles.filter((article) => article.url !== null && new URL(article.url).hostname.endsWith('.substack.com'));

/** The two Substack essays; a test fails, never skips, when the fixture corpus has lost one. */
function essayPair(): [Article, Article] {
  expect(essays, 'the fixture corpus has two Substack essays').toHaveLength(2);
  return [essays[0]!, essays[1]!];
}
const comparison = () => {
  const [a, b] = essayPair();
  return `/compare/?a=${a.slug}&b=${b.slug}`;
};

test('the two Substack essays: the topics both carry side by side, each with its passages', async ({ page }) => {
  const [a, b] = essayPair();
  const both = a.topics.filter((topic) => b.topics.includes(topic));
  expect(both.length, 'topics both essays carry').toBeGreaterThan(0);
  await page.goto(comparison());
  await expect(page.getByRole('heading', { name: `Topics both treat (${both.length})` })).toBeVisible();
  const rows = page.locator('.compare-row');
  expect((await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-topic')))).sort()).toEqual([...both].sort());
  for (const topic of both) {
    const row = page.locator(`.compare-row[data-topic="${topic}"]`);
    const cells = row.locator('.compare-cell');
    expect(await cells.evaluateAll((items) => items.map((item) => item.getAttribute('data-article')))).toEqual([a.slug, b.slug]);
    for (const [index, article] of [a, b].entries()) {
      const expected = article.passages.filter((passage) => passage.topics.includes(topic)).length;
      await expect(cells.nth(index)).toContainText(`${expected} ${expected === 1 ? 'passage' : 'passages'}`);
      // Each passage quotes its paragraph exactly and links to it.
      const quoted = cells.nth(index).locator('blockquote').first();
      if (expected > 0) {
        const cite = (await quoted.getAttribute('cite'))!;
        const id = cite.split('#')[1]!;
        expect(article.passages.find((passage) => passage.id === id)?.text).toBe(await quoted.innerText());
      }
    }
  }
  // Side by side at a desktop width: the two columns of a row start at the same height.
  const first = rows.first().locator('.compare-cell');
  const [left, right] = [await first.nth(0).boundingBox(), await first.nth(1).boundingBox()];
  expect(left!.x).toBeLessThan(right!.x);
  expect(Math.abs(left!.y - right!.y)).toBeLessThan(2);
  // The topics only one carries.
  const onlyA = a.topics.filter((topic) => !b.topics.includes(topic));
  const onlyB = b.topics.filter((topic) => !a.topics.includes(topic));
  expect(await page.locator(`[data-only="${a.slug}"] .compare-only-topic`).count()).toBe(onlyA.length);
  expect(await page.locator(`[data-only="${b.slug}"] .compare-only-topic`).count()).toBe(onlyB.length);
});

test('the works both cite are the ones /references/ lists with both as citing articles', async ({ page, request }) => {
  const [a, b] = essayPair();
  const data = (await (await request.get('/references.json')).json()) as { works: { id: string; citedBy: { slug: string }[] }[] };
  const expected = data.works.filter((work) => [a.slug, b.slug].every((slug) => work.citedBy.some((citing) => citing.slug === slug))).map((work) => work.id);
  expect(expected.length, 'works both essays cite').toBeGreaterThan(0);
  await page.goto(comparison());
  await expect(page.getByRole('heading', { name: `Works both cite (${expected.length})` })).toBeVisible();
  const listed = await page
    .locator('.compare-shared-works [data-shared-work]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-shared-work')));
  expect(listed.sort()).toEqual([...expected].sort());
  // Highlighted in each article's own list too.
  for (const slug of [a.slug, b.slug]) await expect(page.locator(`.compare-cell[data-article="${slug}"] .shared-work`)).toHaveCount(expected.length);
});

test('each article page offers to compare it, and the link opens the comparison', async ({ page }) => {
  const [a] = essayPair();
  await page.goto(`/articles/${a.slug}/`);
  const section = page.getByRole('region', { name: 'Compare with…' });
  await expect(section).toBeVisible();
  const link = section.locator('a[data-compare-with]').first();
  const other = (await link.getAttribute('data-compare-with'))!;
  await link.click();
  await expect(page).toHaveURL(`/compare/?a=${a.slug}&b=${other}`);
  await expect(page.locator(`[data-compare-article="${other}"]`)).toBeVisible();
});

test('the topics matrix has a form that opens the comparison', async ({ page }) => {
  const [a, b] = essayPair();
  await page.goto('/topics/');
  const form = page.getByRole('form', { name: 'Compare two articles' });
  await form.getByLabel('First article').selectOption(a.slug);
  await form.getByLabel('Second article').selectOption(b.slug);
  await form.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(comparison());
  await expect(page.locator('.compare-row').first()).toBeVisible();
});

test('an unknown or missing article is said, and the picker stays', async ({ page }) => {
  await page.goto('/compare/?a=no-such-article&b=nor-this-one');
  await expect(page.locator('[data-compare-status]')).toContainText('No article here is called');
  await page.goto('/compare/');
  await expect(page.locator('[data-compare-status]')).toHaveText('Choose two articles to compare.');
});

test('without a script the page explains itself and links every article', async ({ browser }) => {
  const [a, b] = essayPair();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(comparison());
  await expect(page.locator('[data-compare-static]')).toContainText('needs JavaScript');
  await page.locator('.compare-all summary').click();
  for (const article of [a, b]) await expect(page.locator(`.compare-all a[href="/articles/${article.slug}/"]`)).toBeVisible();
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the comparison (${scheme}) has no WCAG 2.2 A/AA violation`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(comparison());
    await expect(page.locator('.compare-row').first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('two articles that share a passage show both versions side by side, each linking to its paragraph', async ({ page, request }) => {
  const { clusters } = await fetchReuse(request);
  const cluster = clusters.find((item: { versions: { slug: string }[] }) => new Set(item.versions.map((version) => version.slug)).size >= 2);
  expect(cluster, 'two articles of the fixture corpus share a passage').toBeDefined();
  const [first, second] = cluster.versions as { slug: string; paragraph: string; text: string }[];
  await page.goto(`/compare/?a=${first!.slug}&b=${second!.slug}`);
  await expect(page.getByRole('heading', { name: /^Passages both carry \(\d+\)$/ })).toBeVisible();
  const pair = page.locator('[data-shared-pair]').filter({ hasText: first!.text }).first();
  await expect(pair.locator('blockquote').nth(0)).toContainText(first!.text);
  await expect(pair.locator('blockquote').nth(1)).toContainText(second!.text);
  await expect(pair.locator('blockquote').nth(0).getByRole('link')).toHaveAttribute('href', `/articles/${first!.slug}/#${first!.paragraph}`);
  await expect(pair.locator('blockquote').nth(1).getByRole('link')).toHaveAttribute('href', `/articles/${second!.slug}/#${second!.paragraph}`);
});
