// The two Substack essays of the fixture corpus: "The Collapse of ‘Strategic’ Voluntary AI Governance!?" links, in
// its first paragraph and in its first note, to the Substack address of "A Critical Assessment of the “IAEA for AI”
// Model". Both links go to the copy here, the original one click away (and printed); the cited essay quotes both.
import { expect, test } from '../e2e/fixtures.ts';

const collapse = '/articles/the-collapse-of-strategic-voluntary-ai-governance/';
const assessment = '/articles/a-critical-assessment-of-the-iaea-for-ai-model/';
const original = 'https://rudraaaspeaks.substack.com/p/a-critical-assessment-of-the-iaea';

test('the Collapse essay’s link to the other essay opens its copy here; the original is the link after it', async ({ page }) => {
  await page.goto(collapse);
  const prose = page.locator('.prose');
  const link = prose.getByRole('link', { name: 'A Critical Assessment of the “IAEA for AI” Model', exact: true });
  await expect(link).toHaveAttribute('href', assessment);
  const originalLink = prose.getByRole('link', { name: 'original on rudraaaspeaks.substack.com' });
  await expect(originalLink).toHaveCount(2);
  await expect(originalLink.first()).toHaveAttribute('href', original);
  await expect(originalLink.first()).toBeVisible();
  // No link in the body goes to the other essay's Substack address but these two.
  await expect(prose.locator(`a[href^="${original}"]`)).toHaveCount(2);
  await link.click();
  await expect(page).toHaveURL(assessment);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A Critical Assessment of the “IAEA for AI” Model');
});

test('in print the original address follows the link', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto(collapse);
  const originalLink = page.locator('.prose .original-link a').first();
  await expect(originalLink).toBeVisible();
  expect(await originalLink.evaluate((element) => getComputedStyle(element, '::after').content)).toBe(`" (${original})"`);
});

test('the cited essay shows who cites it: the Collapse essay, its first paragraph and its first note, quoted and linked', async ({ page }) => {
  await page.goto(assessment);
  const section = page.getByRole('region', { name: 'Cited in this reading room by one article' });
  await expect(section.getByRole('link', { name: 'The Collapse of ‘Strategic’ Voluntary AI Governance!?' })).toHaveAttribute('href', collapse);
  await expect(section).toContainText('Yathārth · 2 March 2026');
  const quotes = section.locator('blockquote');
  await expect(quotes).toHaveCount(2);
  await expect(quotes.first()).toHaveText(/^For the past couple of months I’ve been very keen and excited about international coordination for AI Safety,/);
  await expect(quotes.first()).toContainText('(my previous work on A Critical Assessment of the “IAEA for AI” Model which aimed to assess');
  await expect(quotes.nth(1)).toHaveText('A Critical Assessment of the “IAEA-for-AI” Model');

  await section.getByRole('link', { name: 'Read it in context (note 1)' }).click();
  await expect(page).toHaveURL(`${collapse}#user-content-fn-1`);
  await expect(page.locator('#user-content-fn-1')).toBeInViewport();
  await page.goBack();
  await section.getByRole('link', { name: 'Read it in context (para. 1)' }).click();
  const paragraph = page.locator(':target');
  await expect(paragraph).toBeInViewport();
  const text = await paragraph.evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('.permalink, .original-link').forEach((node) => node.remove());
    return copy.textContent!.trim();
  });
  expect(text.startsWith('For the past couple of months')).toBe(true);
  // Quoted whole: the paragraph's text as on the Collapse page, without its ¶ and "original".
  await page.goBack();
  await expect(quotes.first()).toHaveText(text);
});

test('an essay no other article links to shows no such section', async ({ page }) => {
  await page.goto(collapse);
  await expect(page.locator('.cited-by')).toHaveCount(0);
});
