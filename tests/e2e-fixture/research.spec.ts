// Research tools on articles of a known shape (the fixture corpus): the formatted citation of a plain text and of a
// feed item, paragraph citation (with and without JavaScript), footnote and citation popovers.
import AxeBuilder from '@axe-core/playwright';
import { citedTitle } from '../../src/utils/citation.ts';
import { formatDate } from '../../src/utils/format.ts';
import { distPages, elements } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
const home = distPages(FIXTURE_SITE).find((page) => page.url === '/')!;
// A plain text with neither author nor date; the Substack feed's second item (byline, outlet, date 14 January 2026).
const plain = articles.find((article) => article.source.format === 'text' && article.author === null && article.publishedAt === null)!;
const feed = articles.find((article) => article.source.format === 'rss' && article.source.item === 2)!;
/** The public origin the build used (SITE_URL, set for this site by scripts/test/build-fixture-site.ts), read from a canonical link. */
const canonical = elements(home, (node) => node.tagName === 'link' && String(node.properties['rel']) === 'canonical')[0]?.properties['href'];
const site = canonical === undefined ? null : new URL(String(canonical)).origin;
/** The article's public address, or null when the build has none. */
const publicUrl = (slug: string) => (site === null ? null : `${site}/articles/${slug}/`);
/** The address a citation gives for the page open at `url`: its public one, or where it is open without SITE_URL. */
const pageAddress = (url: string) => publicUrl(new URL(url).pathname.split('/')[2]!) ?? url.split(/[?#]/)[0]!;
/** The article citation the page copies: the one shown, plus the page's address when the build has none. */
async function pageCitation(page: import('@playwright/test').Page): Promise<string> {
  const text = (await page.locator('[data-cite]').innerText()).trim();
  return site === null ? `${text} Copy in Dossier: ${pageAddress(page.url())}.` : text;
}

test('both kinds of article are there to check', () => {
  expect(plain).toBeDefined();
  expect(feed).toBeDefined();
});

test('the Cite block shows what is known: nothing invented for a plain text, byline, outlet and date for a feed item', async ({ page }) => {
  expect(site, 'the fixture site is built with SITE_URL').not.toBeNull();
  for (const article of [plain, feed]) {
    await page.goto(`/articles/${article.slug}/`);
    const cite = page.getByRole('region', { name: 'Cite this article' });
    const text = (await cite.locator('[data-cite]').innerText()).trim();
    // An inferred title is supplied, as catalogues mark it: in square brackets (without its own closing full stop).
    if (article.origins.title === 'inferred') expect(text).toContain(citedTitle(article));
    // A title quoted in the citation has its own double quotes turned to single ones (a quotation within a quotation).
    else expect(text).toContain(`“${article.title.replaceAll('“', '‘').replaceAll('”', '’')}`);
    expect(text).toContain(`Copy in Dossier: ${publicUrl(article.slug)}`);
    if (article === plain) {
      expect(text).toContain('n.d.');
      expect(text).not.toMatch(/unknown|Anonymous/i);
    } else {
      expect(text.startsWith(`${article.author}.`)).toBe(true);
      // The outlet only when it is not the author's own name: never the same name twice.
      if (article.outlet === article.author) expect(text.split(article.author!).length - 1).toBe(1);
      else expect(text).toContain(`${article.outlet}, ${formatDate(article.publishedAt)}.`);
    }
    expect(text.includes('Incomplete text.')).toBe(article.truncated);
    expect(await cite.getByRole('link', { name: 'BibTeX' }).getAttribute('href')).toBe(`/articles/${article.slug}/citation.bib`);
    expect(await cite.getByRole('link', { name: 'CSL-JSON' }).getAttribute('href')).toBe(`/articles/${article.slug}/citation.json`);
  }
});

test.describe('paragraph citation with JavaScript', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the ¶ permalink goes to its paragraph and offers "copy citation": citation, paragraph URL, text link', async ({ page }) => {
    await page.goto(`/articles/${feed.slug}/`);
    const paragraph = page.locator('.prose p.para').nth(3);
    const id = (await paragraph.getAttribute('id'))!;
    const permalink = paragraph.locator('a.permalink');
    await paragraph.hover();
    await permalink.click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(page.locator(':target')).toHaveAttribute('id', id);
    const dialog = page.getByRole('dialog', { name: 'Cite this paragraph' });
    await expect(dialog).toBeVisible();
    // Near the permalink, not in the middle of the screen.
    const [linkBox, dialogBox] = [await permalink.boundingBox(), await dialog.boundingBox()];
    expect(Math.abs(dialogBox!.y - (linkBox!.y + linkBox!.height))).toBeLessThan(24);
    const copyButton = dialog.getByRole('button', { name: 'Copy citation' });
    await expect(copyButton).toBeFocused();
    await copyButton.click();
    await expect(dialog.getByRole('status')).toHaveText('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const address = pageAddress(page.url());
    const citation = await pageCitation(page);
    // Its number among the paragraphs with a ¶, in reading order.
    const number = await permalink.evaluate((link) => [...document.querySelectorAll('.prose a.permalink')].indexOf(link) + 1);
    const lines = copied.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${RegExp.escape(citation.replace(/\.$/, `, para. ${number}.`))} Accessed \\d{1,2} [A-Z][a-z]+ \\d{4}\\.$`));
    expect(lines[0]).toContain(`Copy in Dossier: ${address}, para. ${number}.`);
    expect(lines[1]).toBe(`Paragraph ${number}: ${address}#${id}`);
    expect(lines[2]).toMatch(new RegExp(`^Text link: ${RegExp.escape(address)}#${id}:~:text=[^,\\s]+(,[^,\\s]+)?$`));
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${address}#${id}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(permalink).toBeFocused();
  });

  test('the text link of a paragraph lands on that paragraph, even when its id no longer resolves', async ({ page }) => {
    await page.goto(`/articles/${plain.slug}/`);
    const paragraphs = page.locator('.prose p.para');
    const count = await paragraphs.count();
    for (const index of [Math.floor((count * 2) / 3), count - 1]) {
      await page.goto(`/articles/${plain.slug}/`);
      const paragraph = paragraphs.nth(index);
      const id = (await paragraph.getAttribute('id'))!;
      await paragraph.locator('a.permalink').click();
      const text = await page.getByRole('dialog', { name: 'Cite this paragraph' }).locator('textarea').inputValue();
      const link = text.split('\n')[2]!.replace(/^Text link: /, '');
      expect(link.startsWith(`${pageAddress(page.url())}#${id}:~:text=`)).toBe(true);
      // As if the paragraph's id had changed: only the text directive can find it.
      await page.goto('/');
      await page.goto(`/articles/${plain.slug}/#gone${link.slice(link.indexOf(':~:'))}`);
      await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300);
    }
  });

  test('the article’s Copy citation button copies the citation with the date read', async ({ page }) => {
    await page.goto(`/articles/${plain.slug}/`);
    const cite = page.getByRole('region', { name: 'Cite this article' });
    await cite.getByRole('button', { name: 'Copy citation' }).click();
    await expect(cite.getByRole('status')).toHaveText('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/ n\.d\. Copy in Dossier: .+\. Accessed \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    expect(copied).toContain(`Copy in Dossier: ${pageAddress(page.url())}.`);
  });
});

test('on a 360px screen the popovers stay inside the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/articles/${feed.slug}/`);
  const targets = [page.locator('.prose p.para a.permalink').nth(5), page.locator('a[data-footnote-ref]').nth(1), page.locator('a[data-footnote-ref]').last()];
  for (const target of targets) {
    await target.scrollIntoViewIfNeeded();
    await target.click();
    const box = (await page.getByRole('dialog').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
});

test('with the keyboard: Enter on a footnote reference or a ¶ opens its popover, Escape returns focus; axe passes while open', async ({ page }) => {
  test.setTimeout(60_000); // axe is slow on a busy machine
  await page.goto(`/articles/${feed.slug}/`);
  for (const target of [page.locator('a[data-footnote-ref]').nth(2), page.locator('.prose p.para a.permalink').nth(2)]) {
    await target.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const focused = await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null);
    expect(focused, 'focus is inside the popover').toBe(true);
    const { violations } = await new AxeBuilder({ page }).include('[role=dialog]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(target).toBeFocused();
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the ¶ permalink still goes to its paragraph; no copy button is shown', async ({ page }) => {
    await page.goto(`/articles/${plain.slug}/`);
    const paragraph = page.locator('.prose p.para').nth(2);
    const id = (await paragraph.getAttribute('id'))!;
    await paragraph.hover();
    await paragraph.locator('a.permalink').click();
    await expect(page.locator(':target')).toHaveAttribute('id', id);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy citation' })).toBeHidden();
  });
});
