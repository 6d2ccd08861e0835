// Each article page speaks its article's language: <html lang> (what Pagefind indexes it by) and the article element
// carry the entry's `lang`, dir="rtl" where its script is written right to left; the site's words around it stay English.
import { loadArticles } from '../helpers/entries.ts';
import { textDirection } from '../../src/core/text-direction.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();

for (const article of articles) {
  test(`${article.source.file}${article.source.item ? ` item ${article.source.item}` : ''}: lang and dir of ${article.lang ?? 'an unknown language'}`, async ({
    page,
  }) => {
    await page.goto(`/articles/${article.slug}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', article.lang ?? 'en');
    const element = page.locator('article.article');
    if (article.lang == null) {
      await expect(element).not.toHaveAttribute('lang');
      return;
    }
    await expect(element).toHaveAttribute('lang', article.lang);
    if (textDirection(article.lang) === 'rtl') await expect(element).toHaveAttribute('dir', 'rtl');
    else await expect(element).not.toHaveAttribute('dir');
    // The byline and the provenance are the site's own words.
    await expect(page.locator('.credits')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.article-furniture')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('[data-fact="language"] dd')).toContainText(`(${article.lang})`);
  });
}
