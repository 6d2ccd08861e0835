// Quiet pages: one page of every type (every article with a figure), opened with remote requests blocked as on a
// machine without the network, scrolled to the end, and left to settle, writes nothing to the console as an error
// and throws nothing. (Lighthouse's best-practices score counts console errors; a source's image that is gone must
// not cost one: src/components/FigureFallback.astro.)
import { loadArticles, entryBody } from '../helpers/entries.ts';
import { distPages } from '../helpers/dist.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const withFigure = articles.filter((article) => /<Figure\b/.test(entryBody(article)));
const [first, second] = articles;

// A page's type: its path with every segment after the first as a star ("/topics/enforcement/" -> "/topics/STAR/").
const typeOf = (url: string) => url.replace(/^(\/[^/]+\/)(.+)$/, (_, head: string, rest: string) => head + rest.replace(/[^/]+/g, '*'));
const byType = new Map<string, string>();
for (const { url } of distPages()) if (!byType.has(typeOf(url))) byType.set(typeOf(url), url);
const urls = [
  ...new Set([
    ...byType.values(),
    ...withFigure.map((article) => `/articles/${article.slug}/`),
    // The pages whose scripts do the most with a query.
    '/search/?q=iaea',
    '/concordance/?q=iaea',
    ...(first && second ? [`/compare/?a=${first.slug}&b=${second.slug}`] : []),
  ]),
];

test('there are pages of several types, and an article with a figure, to open', () => {
  expect(byType.size).toBeGreaterThan(5);
  expect(withFigure.length, 'the corpus has a remote figure (the case this guards)').toBeGreaterThan(0);
});

for (const url of urls) {
  test(`${url}: no console error and no uncaught exception`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    const response = await page.goto(url);
    expect(response?.status(), `GET ${url}`).toBeLessThan(400);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}

test('the concordance’s lines arrive without moving what is on the screen (layout shift under 0.1)', async ({ page }) => {
  await page.goto('/concordance/?q=iaea');
  await expect(page.locator('[data-concordance-lines] tr').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
  expect(shift).toBeLessThan(0.1);
});
