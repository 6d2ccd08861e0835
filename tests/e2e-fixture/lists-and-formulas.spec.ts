// Lists read as lists and formulas as formulas, measured in Chromium on the fixture corpus, at 1280 and 360 px:
// a list item whose text is one line is one line tall (its ¶ on that line); the Substack essay's LaTeX table is
// typeset by KaTeX (HTML and MathML, no TeX showing), scrolls in its own box when it is wider than the text, and
// keeps its LaTeX source one click away.
import { entryBody, loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
// The feed item whose body holds a Substack LaTeX block (its entry has a <Math> component).
const withFormula = articles.filter((article) => entryBody(article, FIXTURE_SITE).includes('<Math'));

for (const width of [1280, 360]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('a list item whose text fits on one line is one line tall', async ({ page }) => {
      let measured = 0;
      for (const article of articles) {
        await page.goto(`/articles/${article.slug}/`);
        const items = await page.locator('.prose li').evaluateAll((lis) =>
          lis.map((li) => {
            // The item's own text (not a nested list's, not the ¶ the site adds): how many lines it is laid out
            // on, counting the middles of its text boxes that lie more than half a line apart.
            const lineHeight = Number.parseFloat(getComputedStyle(li.querySelector('p') ?? li).lineHeight);
            const middles: number[] = [];
            const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.textContent!.trim() === '' || node.parentElement!.closest('li') !== li || node.parentElement!.closest('.permalink')) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const rect of range.getClientRects()) if (rect.width > 0) middles.push(rect.top + rect.height / 2);
            }
            middles.sort((a, b) => a - b);
            const lines = middles.filter((middle, index) => index === 0 || middle - middles[index - 1]! > lineHeight / 2).length;
            const nested = li.querySelector('ul, ol') !== null;
            return { text: li.textContent!.trim().slice(0, 50), lines, height: li.getBoundingClientRect().height, lineHeight, nested };
          }),
        );
        for (const item of items.filter((candidate) => candidate.lines === 1 && !candidate.nested)) {
          measured++;
          expect(item.height, `${article.slug}: "${item.text}" is ${item.height}px tall, its line ${item.lineHeight}px`).toBeLessThanOrEqual(
            item.lineHeight + 1,
          );
        }
      }
      // Not vacuous: the essays have many short items (fewer of them fit a line at 360 px).
      expect(measured).toBeGreaterThanOrEqual(width === 360 ? 5 : 10);
    });

    test('the LaTeX table is typeset at build time, not shown as TeX, and never widens the page', async ({ page }) => {
      expect(withFormula).toHaveLength(1);
      await page.goto(`/articles/${withFormula[0]!.slug}/`);
      const formula = page.locator('.prose div.math-display');
      await expect(formula).toHaveCount(1);
      await expect(formula.locator('.katex-html')).toBeVisible();
      await expect(formula.locator('math annotation[encoding="application/x-tex"]')).toHaveCount(1);
      await expect(formula.locator('.katex-html')).toContainText('Mechanism');
      // No TeX in what the page shows (the source is behind its disclosure, closed).
      expect(await page.locator('main').innerText()).not.toMatch(/\\(?:begin|end|text|hline)\b/);
      // KaTeX's fonts came from the site itself.
      expect(
        await page.evaluate(() => [...document.fonts].filter((font) => font.family.startsWith('KaTeX') && font.status === 'loaded').length),
      ).toBeGreaterThan(0);
      // The page never scrolls sideways; a formula wider than the text scrolls in its own box.
      const sizes = await page.evaluate(() => {
        const box = document.querySelector('.prose .math-formula')!;
        return {
          page: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth,
          box: box.clientWidth,
          content: box.scrollWidth,
          overflow: getComputedStyle(box).overflowX,
        };
      });
      expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
      expect(sizes.overflow).toBe('auto');
      if (width === 360) expect(sizes.content).toBeGreaterThan(sizes.box);
      // The LaTeX source as the feed gave it, one click away.
      const source = formula.locator('details.math-source');
      await source.locator('summary').click();
      await expect(source.locator('pre')).toBeVisible();
      await expect(source.locator('pre')).toContainText('\\begin{array}{c l l}');
      await expect(source.locator('pre')).toContainText('\\text{R&D needed}');
    });
  });
}
