// The authored pages /about/ and /about/curators/: they load, show what the code and taxonomy say (read here
// from the same sources, never written in), pass axe in both themes, and the footer and topic pages reach them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'yaml';
import { describeEvidence } from '../../src/core/topic-evidence.ts';
import { describeRules } from '../../src/core/topic-rules.ts';
import { SHOWN_PASSAGES } from '../../src/utils/topic-passages.ts';
import { BLOCK_RESIDUE_RULES, RESIDUE_RULES } from '../../src/core/residue.ts';

/** Every residue rule the about pages list: sentence rules, then block rules. */
const ALL_RULES = [...RESIDUE_RULES, ...BLOCK_RESIDUE_RULES];
import { catalogEntrySchema } from '../../src/schemas/catalog.ts';
import { topicsFileSchema } from '../../src/schemas/topic.ts';
import { residueRuleLabel } from '../../src/core/residue.ts';
import { loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');
const topics = topicsFileSchema.parse(parse(readFileSync(path.join(root, 'corpus/topics.yaml'), 'utf8')));
const articles = loadArticles();
const ABOUT_PAGES = ['/about/', '/about/curators/'];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

test('/about/ counts the corpus as it is built', async ({ page }) => {
  await page.goto('/about/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About this reading room');
  const files = new Set(articles.map((article) => article.source.file)).size;
  await expect(page.locator('[data-count="articles"]')).toHaveText(plural(articles.length, 'article', 'articles'));
  await expect(page.locator('[data-count="sources"]')).toHaveText(plural(files, 'source file', 'source files'));
  await expect(page.locator('[data-count="topics"]')).toHaveText(plural(topics.length, 'topic', 'topics'));
});

test('/about/ shows every residue rule, the classifier rules and every topic with its terms', async ({ page }) => {
  await page.goto('/about/');
  const rules = page.locator('table.residue-rules tbody tr');
  await expect(rules).toHaveCount(ALL_RULES.length);
  for (const [index, rule] of ALL_RULES.entries()) {
    await expect(rules.nth(index).locator('th code')).toHaveText(rule.id);
    await expect(rules.nth(index)).toContainText(residueRuleLabel(rule.id));
    await expect(rules.nth(index)).toContainText(rule.description);
  }
  await expect(page.locator('.topic-rules:not(.topic-evidence) li')).toHaveText(describeRules());
  // How topic pages rank and mark passages, when a mention links, and stances: under "Topic pages".
  await expect(page.locator('#topic-pages ~ .topic-evidence li')).toHaveText(describeEvidence(SHOWN_PASSAGES));
  const shown = page.locator('.topic-terms > li');
  await expect(shown).toHaveCount(topics.length);
  const byLabel = [...topics].sort((a, b) => a.label.localeCompare(b.label, 'en'));
  for (const [index, topic] of byLabel.entries()) {
    const item = shown.nth(index);
    await expect(item.locator('h3')).toHaveText(topic.label);
    for (const term of [...topic.terms, ...topic.strong]) await expect(item.locator('code', { hasText: term }).first()).toBeVisible();
  }
});

test('/about/curators/ shows the residue rule ids and links back to how topics are assigned', async ({ page }) => {
  await page.goto('/about/curators/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Curator’s guide');
  await expect(page.locator('table.residue-rules tbody th code')).toHaveText(ALL_RULES.map((rule) => rule.id));
  for (const field of Object.keys(catalogEntrySchema.shape)) {
    await expect(page.locator(`[data-field="${field}"]`).first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'About page' }).click();
  await expect(page).toHaveURL(/\/about\/#topics$/);
  await expect(page.locator('#topics')).toBeInViewport();
});

test('the footer of every page type reaches both about pages', async ({ page }) => {
  for (const start of ['/', `/articles/${articles[0]!.slug}/`, '/topics/']) {
    await page.goto(start);
    const footer = page.locator('.site-footer');
    await footer.getByRole('link', { name: 'About this reading room' }).click();
    await expect(page).toHaveURL(/\/about\/$/);
    await page.goBack();
    await footer.getByRole('link', { name: 'Curator’s guide' }).click();
    await expect(page).toHaveURL(/\/about\/curators\/$/);
  }
});

test('each topic page links to how topics are assigned', async ({ page }) => {
  const carried = topics.filter((topic) => articles.some((article) => article.topics.includes(topic.slug)));
  expect(carried.length).toBeGreaterThan(0);
  for (const topic of carried) {
    await page.goto(`/topics/${topic.slug}/`);
    await expect(page.getByRole('link', { name: 'How topics are assigned' })).toHaveAttribute('href', '/about/#topics');
  }
  await page.getByRole('link', { name: 'How topics are assigned' }).click();
  await expect(page).toHaveURL(/\/about\/#topics$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Topics' })).toBeInViewport();
});

test.describe('axe: no WCAG 2.2 A/AA violations on the about pages', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const pathname of ABOUT_PAGES) {
      test(`${pathname} (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        const response = await page.goto(pathname);
        expect(response?.status(), `GET ${pathname}`).toBe(200);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        const summary = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        expect(summary, `axe violations on ${pathname}`).toEqual([]);
      });
    }
  }
});

test('at 360px the about pages do not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const pathname of ABOUT_PAGES) {
    await page.goto(pathname);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), pathname).toBeLessThanOrEqual(360);
  }
});
