// Every article of the corpus opens and reads completely: title, metadata, body, every word of its source.
// (Footnotes, residue and figures, which need a known shape, are tested on the fixture corpus: tests/e2e-fixture/.)
import { loadArticles } from '../helpers/entries.ts';
import { sourceWords, words } from '../helpers/source-words.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();

test('the home page lists every article of the corpus under its title', async ({ page }) => {
  expect(articles.length).toBeGreaterThan(0);
  await page.goto('/');
  for (const article of articles) {
    // By address, not by name: two sources may give the same title.
    await expect(page.locator(`main a[href="/articles/${article.slug}/"]`).first()).toHaveText(article.title);
  }
});

for (const article of articles) {
  test.describe(`${article.source.file}${article.source.item ? ` item ${article.source.item}` : ''}`, () => {
    test('opens with its title, metadata and body', async ({ page }) => {
      await page.goto(`/articles/${article.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
      await expect(page).toHaveTitle(new RegExp(`^${RegExp.escape(article.title)}`));
      const byline = page.locator('.article-header .credits');
      await expect(byline).toContainText(article.outlet ?? 'unknown outlet');
      if (article.publishedAt === null) await expect(byline).toContainText('undated');
      await expect(page.locator('.prose').first()).not.toBeEmpty();
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
