// Every article opens and reads completely: title, body, every word of its source, footnotes both ways.
import { loadArticles } from '../helpers/entries.ts';
import { sourceWords, words } from '../helpers/source-words.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();

test('the corpus yields six articles, listed on the home page', async ({ page }) => {
  expect(articles).toHaveLength(6);
  await page.goto('/');
  for (const article of articles) {
    await expect(page.getByRole('link', { name: article.title, exact: true })).toHaveAttribute('href', `/articles/${article.slug}/`);
  }
});

for (const article of articles) {
  test.describe(`${article.source.file}${article.source.item ? ` item ${article.source.item}` : ''}`, () => {
    test('opens with its title, metadata and body', async ({ page }) => {
      await page.goto(`/articles/${article.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
      await expect(page).toHaveTitle(new RegExp(`^${RegExp.escape(article.title)}`));
      const byline = page.locator('.byline');
      await expect(byline).toContainText(article.outlet ?? 'unknown outlet');
      if (article.publishedAt === null) await expect(byline).toContainText('undated');
      const paragraphs = page.locator('.prose p');
      expect(await paragraphs.count()).toBeGreaterThan(3);
      if (article.truncated) await expect(page.getByText('The source text ends here, mid-sentence.')).toBeVisible();
    });

    test('shows every word of its source', async ({ page }) => {
      await page.goto(`/articles/${article.slug}/`);
      const shown = words(await page.locator('article').innerText());
      const missing = [...sourceWords(article)].filter((word) => !shown.has(word));
      expect(missing, 'source words missing from the page').toEqual([]);
    });
  });
}

test.describe('footnotes without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('footnote references and back-links go back and forth', async ({ page }) => {
    const feedItem = articles.find((article) => article.source.format === 'rss');
    expect(feedItem).toBeDefined();
    await page.goto(`/articles/${feedItem!.slug}/`);
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

test('with JavaScript a footnote opens next to its reference, closes with Escape, and links back and forth to the list', async ({ page }) => {
  const feedItem = articles.find((article) => article.source.format === 'rss');
  await page.goto(`/articles/${feedItem!.slug}/`);
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

test('figures show their caption even when the remote image cannot load', async ({ page }) => {
  const feedItem = articles.find((article) => article.source.format === 'rss' && article.source.item === 1);
  await page.goto(`/articles/${feedItem!.slug}/`);
  const figure = page.locator('figure').first();
  await expect(figure.locator('figcaption')).toContainText('In theory, global AI safety is a shared goal.');
  await expect(figure.locator('img')).toHaveAttribute('referrerpolicy', 'no-referrer');
  // The remote image is blocked in tests: a short note with a link takes the place of an empty box.
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.getByText('The image could not be loaded from substackcdn.com.')).toBeVisible();
  await expect(figure.locator('img')).toBeHidden();
});
