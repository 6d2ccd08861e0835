// A way around long articles: from 1100px a contents column that stays in view and marks the section being read;
// below that the contents collapsed above the text; at 360px the text starts on the first screen. Every article
// of the corpus, whatever it holds (those with fewer than two headings have no contents).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { toString } from 'hast-util-to-string';
import { distPages, elements } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const paths = articles.map((article) => `/articles/${article.slug}/`);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// axe runs on every page at 1280px in tests/e2e/a11y.spec.ts; here in the states that test does not see: every
// article at 360px with its contents open, and the article with the longest contents with a section marked.
const longest = distPages()
  .filter((page) => page.url.startsWith('/articles/'))
  .map((page) => {
    const column = elements(page, (node) => node.properties['dataTocColumn'] !== undefined)[0];
    return { url: page.url, links: column ? toString(column).length : 0 };
  })
  .filter((page) => page.links > 0)
  .sort((a, b) => b.links - a.links)[0]?.url;

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.map((violation) => `${label}: ${violation.id} ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
}

/** The link a reader expects marked: the first heading in the top third of the window, or else the last one above it. */
const expectedCurrent = (page: Page) =>
  page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc-column] a')];
    const top = (link: HTMLAnchorElement) => document.getElementById(decodeURIComponent(link.hash.slice(1)))!.getBoundingClientRect().top;
    const current = links.find((link) => top(link) > -1 && top(link) <= innerHeight / 3) ?? links.filter((link) => top(link) <= -1).at(-1);
    return current?.getAttribute('href') ?? null;
  });

test.describe('at 1280px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const path of paths) {
    test(`${path}: the contents column stays in view to the end and marks the section being read`, async ({ page }) => {
      await page.goto(path);
      const column = page.getByRole('navigation', { name: 'Contents' });
      if ((await column.count()) === 0) {
        await expect(page.locator('.toc')).toHaveCount(0);
        return;
      }
      await expect(column).toHaveAttribute('data-toc-column', '');
      await expect(page.locator('.toc-inline')).toBeHidden();
      // Beside the text, not above it.
      const [columnBox, textBox] = [await column.boundingBox(), await page.locator('.prose').boundingBox()];
      expect(columnBox!.x + columnBox!.width).toBeLessThan(textBox!.x);
      const links = column.getByRole('link');
      const count = await links.count();
      for (const fraction of [0.5, 0.9]) {
        await page.evaluate((at) => window.scrollTo(0, at * (document.documentElement.scrollHeight - innerHeight)), fraction);
        await expect(column).toBeInViewport({ ratio: 0.5 });
        const expected = await expectedCurrent(page);
        if (expected !== null) await expect(column.locator('[aria-current="true"]')).toHaveAttribute('href', expected);
      }
      // A contents link, followed: its heading at the top, its section marked, one link marked.
      const middle = links.nth(Math.floor(count / 2));
      await middle.click();
      await expect(page.locator(`[id="${decodeURIComponent((await middle.getAttribute('href'))!.slice(1))}"]`)).toBeInViewport();
      await expect(middle).toHaveAttribute('aria-current', 'true');
      await expect(column.locator('[aria-current]')).toHaveCount(1);
      // Back at the top, no section is being read yet, or the first.
      await page.evaluate(() => window.scrollTo(0, 0));
      const top = await expectedCurrent(page);
      if (top === null) await expect(column.locator('[aria-current]')).toHaveCount(0);
      else await expect(column.locator('[aria-current="true"]')).toHaveAttribute('href', top);
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: no violations with the column marking a section (${scheme})`, async ({ page }) => {
      test.skip(longest === undefined, 'no article has contents');
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(longest!);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await expect(page.locator('[data-toc-column] [aria-current="true"]')).toHaveCount(1);
      await expectNoAxeViolations(page, `${longest} (${scheme})`);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });

  test('the column is there and its links work', async ({ page }) => {
    let tested = 0;
    for (const candidate of paths) {
      await page.goto(candidate);
      const column = page.getByRole('navigation', { name: 'Contents' });
      if ((await column.count()) === 0) continue;
      const last = column.getByRole('link').last();
      await last.click();
      await expect(page.locator(`[id="${decodeURIComponent((await last.getAttribute('href'))!.slice(1))}"]`)).toBeInViewport();
      await expect(column).toBeInViewport({ ratio: 0.5 });
      tested++;
    }
    test.skip(tested === 0, 'no article of the corpus has contents');
  });
});

test.describe('at 360px', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  for (const path of paths) {
    test(`${path}: the text starts on the first screen; the contents are collapsed above it`, async ({ page }) => {
      await page.goto(path);
      const first = page.locator('.prose .para').first();
      const box = await first.boundingBox();
      expect(box!.y, 'top of the first paragraph of the text').toBeLessThan(800);
      await expect(page.locator('.toc-column')).toBeHidden();
      const contents = page.getByRole('navigation', { name: 'Contents' });
      if ((await contents.count()) === 0) return;
      const details = contents.locator('details');
      await expect(details).not.toHaveAttribute('open');
      await expect(contents.getByRole('link').first()).toBeHidden();
      // Opened, it lists the headings, and a link goes to its heading.
      await contents.locator('summary').click();
      const link = contents.getByRole('link').last();
      await link.click();
      await expect(page.locator(`[id="${decodeURIComponent((await link.getAttribute('href'))!.slice(1))}"]`)).toBeInViewport();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    for (const path of paths) {
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
