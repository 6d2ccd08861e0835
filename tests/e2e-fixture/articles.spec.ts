// Reading an article of a known shape (the fixture corpus): footnotes both ways, with and without JavaScript, listed
// under a visible "Notes"; residue labelled as not the author's; a figure whose remote image cannot load.
import { loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
// The Substack feed: item 1 has 17 footnotes and a captioned figure from substackcdn.com, item 2 has 10.
const feedItem = articles.find((article) => article.source.format === 'rss')!;
const firstFeedItem = articles.find((article) => article.source.format === 'rss' && article.source.item === 1)!;

test.describe('footnotes without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('footnote references and back-links go back and forth', async ({ page }) => {
    expect(feedItem).toBeDefined();
    await page.goto(`/articles/${feedItem.slug}/`);
    const references = page.locator('a[data-footnote-ref]');
    expect(await references.count()).toBeGreaterThanOrEqual(10);
    const first = references.first();
    await first.click();
    const target = page.locator(':target');
    await expect(target).toHaveAttribute('id', /fn-1$/);
    await expect(target).toBeInViewport();
    await target.locator('a[data-footnote-backref]').click();
    await expect(page.locator(':target')).toHaveAttribute('id', /fnref-1$/);
    await expect(first).toBeInViewport();
  });
});

test('the notes are under a visible level-2 heading “Notes”', async ({ page }) => {
  expect(feedItem).toBeDefined();
  await page.goto(`/articles/${feedItem.slug}/`);
  const heading = page.locator('main section.footnotes > h2');
  await expect(heading).toHaveCount(1);
  await expect(heading).toHaveText('Notes');
  await expect(heading).toBeVisible();
  expect(await page.locator('main section.footnotes li').count()).toBeGreaterThanOrEqual(10);
});

test('with JavaScript a footnote opens next to its reference, closes with Escape, and links back and forth to the list', async ({ page }) => {
  await page.goto(`/articles/${feedItem.slug}/`);
  const first = page.locator('a[data-footnote-ref]').first();
  const noteText = (await page.locator('section.footnotes li').first().innerText()).replace(/\s*↩\s*$/, '').trim();
  await first.click();
  const popover = page.getByRole('dialog', { name: 'Note 1' });
  await expect(popover).toBeVisible();
  await expect(popover).toBeFocused();
  await expect(popover).toContainText(noteText);
  await expect(page).not.toHaveURL(/#/);
  const [refBox, popBox] = [await first.boundingBox(), await popover.boundingBox()];
  expect(Math.abs(popBox!.y - (refBox!.y + refBox!.height))).toBeLessThan(24);
  expect(popBox!.x).toBeGreaterThanOrEqual(0);
  expect(popBox!.x + popBox!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(first).toBeFocused();

  // The popover links to the note in the list, whose back-link returns to the reference.
  await first.click();
  await popover.getByRole('link', { name: 'Show note 1 in the list of notes' }).click();
  await expect(popover).toBeHidden();
  const target = page.locator(':target');
  await expect(target).toHaveAttribute('id', /fn-1$/);
  await expect(target).toBeInViewport();
  await target.locator('a[data-footnote-backref]').click();
  await expect(page.locator(':target')).toHaveAttribute('id', /fnref-1$/);
  await expect(first).toBeInViewport();
});

test('residue is shown, labelled as not the author’s text', async ({ page }) => {
  const withResidue = articles.find((article) => article.residue.length > 0);
  expect(withResidue).toBeDefined();
  await page.goto(`/articles/${withResidue!.slug}/`);
  const residue = page.locator('.residue').first();
  await expect(residue).toBeVisible();
  await expect(residue).toContainText('Not the author’s text');
  await expect(residue).toContainText(withResidue!.residue[0]!.text);
});

test('figures show their caption; the remote image loads only when asked, and gives way to a note when it cannot', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('substackcdn.com')) requested.push(request.url());
  });
  await page.goto(`/articles/${firstFeedItem.slug}/`);
  const figure = page.locator('figure').first();
  await expect(figure.locator('figcaption')).toContainText('In theory, global AI safety is a shared goal.');
  // Until the reader asks, nothing is fetched from the other site: a box with the description and a link.
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('img')).toHaveCount(0);
  expect(requested).toEqual([]);
  await figure.getByRole('link', { name: 'Show the image' }).click();
  await expect(figure.locator('img')).toHaveAttribute('referrerpolicy', 'no-referrer');
  expect(requested).toHaveLength(1);
  // The remote image is blocked in tests: a short note with a link takes the place of an empty box, and has the focus.
  await expect(figure.getByText('The image could not be loaded from substackcdn.com.')).toBeVisible();
  await expect(figure.locator('img')).toBeHidden();
  await expect(figure.getByRole('link', { name: 'Open it at its source' })).toBeFocused();
});

test.describe('a figure without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('“Show the image” is a link to the image at its source', async ({ page }) => {
    await page.goto(`/articles/${firstFeedItem.slug}/`);
    const link = page.locator('figure').first().getByRole('link', { name: 'Show the image' });
    await expect(link).toHaveAttribute('href', /^https:\/\/substackcdn\.com\//);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });
});
