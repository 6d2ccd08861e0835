// A way around long articles, on every article of the project corpus whatever it holds: from 1100px a contents
// column that stays in view and marks the section being read; below that the contents collapsed above the text; at
// 360px the text starts on the first screen. An article whose text has fewer than two headings has no contents, and
// that is checked too. The checks are in tests/e2e/contents.ts; the states that need an article with contents
// (axe with a section marked, the column without JavaScript) are tested on the fixture corpus, which always has one
// (tests/e2e-fixture/contents.spec.ts).
import { articleHeadings, checkCollapsed, checkColumn, expectNoAxeViolations } from './contents.ts';
import { test } from './fixtures.ts';

const articles = articleHeadings();

test.describe('at 1280px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const { path, headings } of articles) {
    test(`${path}: the contents column stays in view to the end and marks the section being read`, async ({ page }) => {
      await checkColumn(page, path, headings);
    });
  }
});

test.describe('at 360px', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  for (const { path, headings } of articles) {
    test(`${path}: the text starts on the first screen; the contents are collapsed above it`, async ({ page }) => {
      await checkCollapsed(page, path, headings);
    });
  }

  // axe runs on every page at 1280px in tests/e2e/a11y.spec.ts; here at 360px with the contents open.
  for (const scheme of ['light', 'dark'] as const) {
    for (const { path } of articles) {
      test(`axe: ${path} has no violations, its contents open (${scheme})`, async ({ page }) => {
        test.setTimeout(90_000);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        const summary = page.locator('.toc-inline summary');
        if ((await summary.count()) > 0) await summary.click();
        await expectNoAxeViolations(page, `${path} at 360px (${scheme})`);
      });
    }
  }
});
