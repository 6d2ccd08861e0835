// Print on an article of a known shape (the fixture corpus): no site chrome, black on white, external link URLs.
import { expect, test } from '../e2e/fixtures.ts';

test('print: an article without site chrome, with external link URLs', async ({ page }) => {
  // The Substack feed's first item: footnotes and links to other sites.
  const article = '/articles/the-collapse-of-strategic-voluntary-ai-governance/';
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.goto(article);
  for (const selector of ['.site-header', '.site-footer', 'nav', 'button', '.related', '.article-nav', '.toc', '.permalink']) {
    for (const element of await page.locator(selector).all()) await expect(element, selector).toBeHidden();
  }
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.prose')).toBeVisible();
  // Black on white, whatever the screen theme.
  const colours = await page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color }));
  expect(colours).toEqual({ bg: 'rgb(255, 255, 255)', fg: 'rgb(0, 0, 0)' });
  // External links print their address after the text; internal and footnote links do not.
  const external = page.locator('article a[href^="http"]').first();
  await expect(external).toBeAttached();
  const after = await external.evaluate((element) => getComputedStyle(element, '::after').content);
  expect(after).toContain('http');
  const footnote = page.locator('a[data-footnote-ref]').first();
  if ((await footnote.count()) > 0) {
    expect(await footnote.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('none');
  }
});
