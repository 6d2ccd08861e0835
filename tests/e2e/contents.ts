// The contents of an article as a reader meets them, checked the same way on any corpus (tests/e2e/contents.spec.ts,
// every article of the project corpus; tests/e2e-fixture/contents.spec.ts, articles of known shape): an article
// whose text has at least two h2/h3 headings has contents, in a column from 1100px that stays in view and marks
// the section being read, collapsed above the text below that; an article with fewer has none, at any width.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { distPages, elements } from '../helpers/dist.ts';
import type { Site } from '../helpers/sites.ts';
import { expect } from './fixtures.ts';

/** Each article page of a built site with the number of h2/h3 headings in its text, read from the built HTML. */
export function articleHeadings(site?: Site): { path: string; headings: number }[] {
  return distPages(site)
    .filter((page) => /^\/articles\/[^/]+\/$/.test(page.url))
    .map((page) => {
      const texts = elements(page, (node) => Array.isArray(node.properties['className']) && node.properties['className'].includes('prose'));
      const headings = texts.flatMap((text) =>
        elements({ ...page, tree: { type: 'root', children: [text] } }, (node) => node.tagName === 'h2' || node.tagName === 'h3'),
      );
      return { path: page.url, headings: headings.length };
    });
}

/** Whether an article with this many headings in its text has contents. */
export const hasContents = (headings: number) => headings >= 2;

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
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

/** At 1280px: the contents column beside the text stays in view to the end and marks the section being read; none without headings. */
export async function checkColumn(page: Page, path: string, headings: number): Promise<void> {
  await page.goto(path);
  const column = page.getByRole('navigation', { name: 'Contents' });
  if (!hasContents(headings)) {
    await expect(column).toHaveCount(0);
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
  expect(count, 'a link for each heading').toBe(headings);
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
}

/** At 360px: the text starts on the first screen; the contents are collapsed above it and open to links that work; none without headings. */
export async function checkCollapsed(page: Page, path: string, headings: number): Promise<void> {
  await page.goto(path);
  const first = page.locator('.prose .para').first();
  const box = await first.boundingBox();
  expect(box!.y, 'top of the first paragraph of the text').toBeLessThan(800);
  await expect(page.locator('.toc-column')).toBeHidden();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  if (!hasContents(headings)) {
    await expect(contents).toHaveCount(0);
    await expect(page.locator('.toc')).toHaveCount(0);
    return;
  }
  const details = contents.locator('details');
  await expect(details).not.toHaveAttribute('open');
  await expect(contents.getByRole('link').first()).toBeHidden();
  // Opened, it lists the headings, and a link goes to its heading.
  await contents.locator('summary').click();
  await expect(contents.getByRole('link')).toHaveCount(headings);
  const link = contents.getByRole('link').last();
  await link.click();
  await expect(page.locator(`[id="${decodeURIComponent((await link.getAttribute('href'))!.slice(1))}"]`)).toBeInViewport();
}
