// WCAG 2.2 AA: axe on every built page in both themes, plus what axe cannot see (keyboard, theme toggle,
// heading order, reflow at 360px). (Print, which needs an article with footnotes and external links, is tested on
// the fixture corpus: tests/e2e-fixture/print.spec.ts.)
import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const dist = path.resolve(import.meta.dirname, '../../dist');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCHEMES = ['light', 'dark'] as const;

/** Every HTML page of the built site as a URL path ("/", "/articles/x/", "/404.html"), sorted. */
function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) {
        if (item.name !== '_astro' && item.name !== 'pagefind') walk(full);
      } else if (item.name.endsWith('.html')) {
        const relative = path.relative(dist, full).split(path.sep).join('/');
        pages.push(item.name === 'index.html' ? `/${relative.slice(0, -'index.html'.length)}` : `/${relative}`);
      }
    }
  };
  walk(dist);
  return pages.sort();
}

const pages = builtPages();
if (pages.length < 10) throw new Error('a11y.spec: dist/ holds too few pages; run `npm run build` first.');
const articlePages = pages.filter((page) => page.startsWith('/articles/'));

/** Violations as lines a person can act on: rule, impact, summary, then each target with axe's reason. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} <${violation.helpUrl}>`,
        ...violation.nodes.map((node) => `  - ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`),
      ].join('\n'),
    )
    .join('\n');
}

/** Go to a built page, failing clearly if it is not there (dist/ rebuilt or half-built meanwhile). */
async function open(page: Page, pathname: string): Promise<void> {
  const response = await page.goto(pathname);
  expect(response?.status(), `GET ${pathname}`).toBe(200);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.length, `axe violations on ${page.url()}:\n${describe(violations)}`).toBe(0);
}

test.describe('axe: no WCAG 2.2 A/AA violations', () => {
  // axe's contrast and target-size checks take seconds on the long articles.
  test.describe.configure({ timeout: 90_000 });
  for (const scheme of SCHEMES) {
    for (const pathname of pages) {
      test(`${pathname} (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await open(page, pathname);
        await expectNoAxeViolations(page);
      });
    }
  }

  // Pages whose content the browser builds: checked with it built.
  for (const scheme of SCHEMES) {
    test(`/concordance/?q=oligopoly, its lines shown (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, '/concordance/?q=oligopoly');
      await expect(page.locator('[data-concordance-lines] tr').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  // The toggle's choice (data-theme) must give the same colours as the OS setting it overrides.
  for (const [os, chosen] of [
    ['light', 'dark'],
    ['dark', 'light'],
  ] as const) {
    test(`data-theme="${chosen}" on a ${os} OS matches the ${chosen} OS theme`, async ({ page }) => {
      const colours = () =>
        page.evaluate(() => {
          const style = getComputedStyle(document.documentElement);
          return ['--bg', '--fg', '--muted', '--faint', '--rule', '--accent', '--accent-fg', '--notice-bg', '--notice-fg', '--focus'].map(
            (name) => `${name}: ${style.getPropertyValue(name).trim()}`,
          );
        });
      await page.emulateMedia({ colorScheme: chosen });
      await page.goto('/');
      const expected = await colours();
      await page.emulateMedia({ colorScheme: os });
      await page.evaluate((theme) => (document.documentElement.dataset['theme'] = theme), chosen);
      expect(await colours()).toEqual(expected);
      await expectNoAxeViolations(page);
    });
  }
});

// On /about/, which every build has, and on an article page, the longest kind, where the corpus has one.
for (const pathname of ['/about/', ...articlePages.slice(0, 1)]) {
  test(`the first Tab on ${pathname} focuses a visible skip link, which moves focus to main`, async ({ page }) => {
    await open(page, pathname);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip).toBeFocused();
    await expect(skip).toHaveAccessibleName('Skip to content');
    await expect(skip).toBeInViewport({ ratio: 1 });
    const outline = await skip.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline, 'the focused skip link shows a focus outline').not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    // The next Tab continues inside main, not back at the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });
}

test('keyboard focus is visible on links and buttons in both themes', async ({ page }) => {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    for (let step = 0; step < 8; step++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return { tag: element.tagName, text: element.textContent?.trim() ?? '', outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(focus.outline, `${scheme}: focus outline on <${focus.tag}> "${focus.text}"`).not.toBe('none');
      expect(focus.width, `${scheme}: focus outline width on <${focus.tag}> "${focus.text}"`).toBeGreaterThanOrEqual(2);
    }
  }
});

test('the theme toggle is named, reports its state and remembers the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);

  // The choice holds on other pages too, and switching back is remembered as well.
  await page.goto('/topics/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});

test.describe('heading order in main content', () => {
  for (const pathname of articlePages) {
    test(pathname, async ({ page }) => {
      await page.goto(pathname);
      const headings = await page
        .locator('main')
        .locator('h1, h2, h3, h4, h5, h6')
        .evaluateAll((elements) => elements.map((element) => ({ level: Number(element.tagName[1]), text: element.textContent?.trim() ?? '' })));
      expect(headings[0]?.level, 'main starts with the h1').toBe(1);
      expect(
        headings.filter((heading) => heading.level === 1),
        'one h1',
      ).toHaveLength(1);
      const skips = headings.flatMap((heading, index) =>
        index > 0 && heading.level > headings[index - 1]!.level + 1
          ? [`h${headings[index - 1]!.level} "${headings[index - 1]!.text}" -> h${heading.level} "${heading.text}"`]
          : [],
      );
      expect(skips, 'skipped heading levels').toEqual([]);
      // Each footnotes section keeps its visible "Notes" heading at level 2 (an article of known footnotes:
      // tests/e2e-fixture/articles.spec.ts).
      const sections = await page.locator('main section.footnotes').count();
      const notes = page.locator('main section.footnotes > h2');
      await expect(notes).toHaveCount(sections);
      for (const heading of await notes.all()) {
        await expect(heading).toHaveText('Notes');
        await expect(heading).toBeVisible();
      }
    });
  }
});

test('at 360px no page scrolls sideways', async ({ page }) => {
  // Every page in one test: the time it may take grows with the corpus.
  test.setTimeout(30_000 + pages.length * 3_000);
  await page.setViewportSize({ width: 360, height: 800 });
  const wide: string[] = [];
  for (const pathname of pages) {
    await open(page, pathname);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) wide.push(`${pathname}: scrollWidth ${width}`);
  }
  expect(wide).toEqual([]);
});

test('at 360px the site links take two rows, so the page starts on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  const tops = await page
    .getByRole('navigation', { name: 'Site' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
  expect(new Set(tops).size).toBe(2);
});

// The research tools outnumber what two rows of links hold on a phone: one link, Tools, leads to them all.
test('the header’s Tools link lists every research tool and is the current link on each of them', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Tools' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Research tools' })).toBeVisible();
  const hrefs = await page.locator('.tool-list a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  for (const href of ['/concordance/', '/trends/', '/timeline/', '/compare-sources/', '/compare/', '/reuse/', '/references/']) expect(hrefs).toContain(href);
  for (const href of ['/research/', '/trends/', '/timeline/', '/compare-sources/', '/concordance/']) {
    await page.goto(href);
    await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Tools' })).toHaveAttribute('aria-current', 'page');
  }
});

test('the topics matrix sits in its own labelled, focusable region, scrollable if it must', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/topics/');
  const region = page.getByRole('region', { name: 'Matrix of topics by article' });
  await expect(region).toHaveAttribute('tabindex', '0');
  await expect(region.locator('table')).toHaveCount(1);
  expect(await region.evaluate((element) => getComputedStyle(element).overflowX)).toBe('auto');
});
