// Contents, on articles of known shape (the fixture corpus): the article with the most headings (a Substack essay,
// with footnotes) and one without headings, at 1280px and 360px (tests/e2e/contents.ts, the checks the project
// corpus's articles get); axe with the column marking a section, light and dark; and the column without JavaScript.
// These need an article with contents, which the fixture corpus always has; they fail if it has lost it.
import { articleHeadings, checkCollapsed, checkColumn, expectNoAxeViolations, hasContents } from '../e2e/contents.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = articleHeadings(FIXTURE_SITE).sort((a, b) => b.headings - a.headings || a.path.localeCompare(b.path));
const longest = articles[0];
const without = articles.find((article) => !hasContents(article.headings));

/** The article with the most contents. */
function longestArticle() {
  expect(longest !== undefined && hasContents(longest.headings), 'an article of the fixture corpus with contents').toBe(true);
  return longest!;
}

for (const width of [1280, 360]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 800 } });
    const check = width === 1280 ? checkColumn : checkCollapsed;

    test('the article with the most headings has contents that work', async ({ page }) => {
      const { path, headings } = longestArticle();
      await check(page, path, headings);
    });

    test('an article without headings has no contents', async ({ page }) => {
      expect(without, 'an article of the fixture corpus without headings').toBeDefined();
      await check(page, without!.path, without!.headings);
    });
  });
}

test.describe('at 1280px, a section being read', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: no violations with the column marking a section (${scheme})`, async ({ page }) => {
      const { path } = longestArticle();
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await expect(page.locator('[data-toc-column] [aria-current="true"]')).toHaveCount(1);
      await expectNoAxeViolations(page, `${path} (${scheme})`);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });

  test('the column is there and its links work', async ({ page }) => {
    const { path, headings } = longestArticle();
    await page.goto(path);
    const column = page.getByRole('navigation', { name: 'Contents' });
    await expect(column.getByRole('link')).toHaveCount(headings);
    const last = column.getByRole('link').last();
    await last.click();
    await expect(page.locator(`[id="${decodeURIComponent((await last.getAttribute('href'))!.slice(1))}"]`)).toBeInViewport();
    await expect(column).toBeInViewport({ ratio: 0.5 });
  });
});
