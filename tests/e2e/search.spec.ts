// Search over the whole corpus: every article is found by its title, a facet browses the corpus, an unmatched
// query says so, pages that do not search load no search code, and without JavaScript the box still leads to
// search. Search finds the authors' words only, phrases as phrases, and opens at the paragraph: the expected
// results are derived from the built pages. (Queries whose results must be known run on the fixture corpus:
// tests/e2e-fixture/search.spec.ts.)
import type { Page } from '@playwright/test';
import { loadArticles } from '../helpers/entries.ts';
import { corpusTopics } from '../helpers/ingest-corpus.ts';
import { hasPhrase, indexedArticles, plainWords, type IndexedArticle } from '../helpers/indexed-text.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();

const summary = (page: Page) => page.locator('[data-search-summary]');
const resultLinks = (page: Page) => page.locator('.search-result-title a');

/** The titles of the results shown, once the search has found at least one (a "No results" summary fails). */
async function resultTitles(page: Page): Promise<string[]> {
  await expect(summary(page)).toHaveText(/^\d+ results?\b/);
  return (await resultLinks(page).allInnerTexts()).map((title) => title.trim());
}

/** The addresses of every result, pressing "Show more results" until all are shown. */
async function allResultPaths(page: Page): Promise<string[]> {
  await resultTitles(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  const total = Number(/^(\d+)/.exec((await summary(page).innerText()).trim())![1]);
  while ((await resultLinks(page).count()) < total) {
    await more.click();
  }
  await expect(resultLinks(page)).toHaveCount(total);
  return (await resultLinks(page).evaluateAll((links) => links.map((link) => link.getAttribute('href')!))).map(
    (href) => new URL(href, 'http://site.test').pathname,
  );
}

for (const article of articles) {
  test(`searching for its title finds ${article.slug}`, async ({ page }) => {
    // Quotation marks would make the title a phrase search; the words are what a reader types.
    const query = article.title
      .replace(/["“”„«»]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    expect(await allResultPaths(page)).toContain(`/articles/${article.slug}/`);
  });
}

test('with an empty query, a facet browses the corpus', async ({ page }) => {
  const plainTexts = articles.filter((article) => article.source.format === 'text');
  test.skip(plainTexts.length === 0, 'the corpus has no plain text');
  await page.goto('/search/');
  await page
    .getByRole('group', { name: 'Format' })
    .getByRole('checkbox', { name: /Plain text/ })
    .check();
  await expect(page).toHaveURL(/\/search\/\?format=Plain\+text$/);
  expect((await allResultPaths(page)).sort()).toEqual(plainTexts.map((article) => `/articles/${article.slug}/`).sort());
});

test('a query with no match says so', async ({ page }) => {
  await page.goto('/search/?q=xylophonequagmire');
  await expect(summary(page)).toContainText('No results for “xylophonequagmire”');
  await expect(resultLinks(page)).toHaveCount(0);
});

test('pages that do not search load no search script', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`/articles/${articles[0]!.slug}/`);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header box still searches and the search page says what to do', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Search the corpus' }).fill('iaea');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=iaea$/);
    await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'topics', exact: true })).toHaveAttribute('href', '/topics/');
  });
});

// ---- Search finds the authors' words only, phrases as phrases, and opens at the paragraph. ----
// Everything below is derived from the built pages (tests/helpers/indexed-text.ts) and the entries.

const indexed = indexedArticles();
const articleAt = new Map(articles.map((article) => [`/articles/${article.slug}/`, article]));
const titleOf = (page: IndexedArticle) => articleAt.get(page.url)!.title;
/** What Pagefind searches on a page: its indexed text and the given metadata (src/components/SearchMeta.astro). */
const searchedTexts = (page: IndexedArticle): string[] => {
  const article = articleAt.get(page.url)!;
  return [page.text, article.title, article.dek ?? '', article.author ?? '', article.outlet ?? ''];
};
const containing = (phrase: string) => indexed.filter((page) => searchedTexts(page).some((text) => hasPhrase(text, phrase)));
const alphabetic = (token: string) => /^\p{L}+$/u.test(token);

/** Two plain words, each of five letters or more, side by side in the most articles (at least two). */
const commonPhrase = (() => {
  const seen = new Map<string, Set<string>>();
  for (const page of indexed) {
    const tokens = page.text.split(/\s+/);
    for (let index = 0; index + 1 < tokens.length; index++) {
      const pair = tokens.slice(index, index + 2);
      if (!pair.every((token) => alphabetic(token) && token.length >= 5)) continue;
      const phrase = pair.join(' ').toLowerCase();
      if (!seen.has(phrase)) seen.set(phrase, new Set());
      seen.get(phrase)!.add(page.url);
    }
  }
  const ranked = [...seen].filter(([, pages]) => pages.size >= 2).sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[0];
})();

/** Three plain words found in one paragraph of the corpus and nowhere else, from a paragraph late in a long article. */
const uniquePhrase = (() => {
  const longest = [...indexed].sort((a, b) => b.paragraphs.length - a.paragraphs.length)[0]!;
  const late = longest.paragraphs.slice(Math.floor(longest.paragraphs.length * 0.6));
  for (const paragraph of late) {
    const tokens = paragraph.text.split(/\s+/);
    for (let index = 0; index + 2 < tokens.length; index++) {
      const triple = tokens.slice(index, index + 3);
      if (!triple.every((token) => alphabetic(token) && token.length >= 4)) continue;
      const phrase = triple.join(' ');
      const pages = containing(phrase);
      const inParagraphs = indexed.flatMap((page) => page.paragraphs).filter((other) => hasPhrase(other.text, phrase));
      if (pages.length === 1 && inParagraphs.length === 1) return { phrase, page: longest, paragraph };
    }
  }
  return undefined;
})();

/** A word of a topic label on an article's chips that the article's searched text never uses (nor a word starting like it). */
const chipOnlyWord = (() => {
  for (const page of [...indexed].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    const used = searchedTexts(page).flatMap(plainWords);
    for (const label of page.chipLabels) {
      for (const word of plainWords(label)) {
        if (word.length < 6) continue;
        const stem = word.slice(0, word.length - 3);
        if (!used.some((other) => other.startsWith(stem))) return { word, label, page };
      }
    }
  }
  return undefined;
})();

/** A footnote reference with two plain words before it and one after, in the same sentence. */
const footnoteGap = (() => {
  for (const page of indexed) {
    for (const [before, after] of page.footnoteGaps) {
      const left = before.trim().split(/\s+/).slice(-2);
      const right = after.trim().split(/\s+/).slice(0, 1);
      const words = [...left, ...right].map(plainWords);
      if (left.length === 2 && right.length === 1 && /^\s/.test(after) && words.every((word) => word.length === 1 && alphabetic(word[0]!))) {
        return { page, phrase: words.flat().join(' '), last: words[1]![0]!, next: words[2]![0]! };
      }
    }
  }
  return undefined;
})();

const searchFor = (term: string) => `/search/?q=${encodeURIComponent(term)}`;
const longestWord = (phrase: string) => [...phrase.split(' ')].sort((a, b) => b.length - a.length)[0]!;

test('every result of a quoted phrase contains the phrase, and every article that contains it is a result', async ({ page }) => {
  expect(commonPhrase, 'the corpus has a phrase shared by two articles').toBeDefined();
  await page.goto(searchFor(`"${commonPhrase}"`));
  const titles = await resultTitles(page);
  expect(titles.sort()).toEqual(containing(commonPhrase!).map(titleOf).sort());
  // Each excerpt shows the phrase, marked whole.
  for (const excerpt of await page.locator('.search-result-excerpt').all()) {
    expect(hasPhrase(await excerpt.innerText(), commonPhrase!)).toBe(true);
    const marks = (await excerpt.locator('mark').allInnerTexts()).map((mark) => plainWords(mark).join(' '));
    expect(marks).toContain(commonPhrase);
  }
  await expect(summary(page)).toHaveText(new RegExp(`^${titles.length} results? for the phrase “${RegExp.escape(commonPhrase!)}”$`));
});

test('a word only a topic chip carries does not find the article', async ({ page }) => {
  expect(chipOnlyWord, 'some article carries a topic whose label word it never uses').toBeDefined();
  const { word, page: article } = chipOnlyWord!;
  await page.goto(searchFor(word));
  await expect(summary(page)).toContainText(/result/, { timeout: 15_000 });
  expect(await resultLinks(page).allInnerTexts()).not.toContain(titleOf(article));
  // Nor are chips ever marked on an article page.
  await page.goto(`${article.url}?highlight=${encodeURIComponent(chipOnlyWord!.label)}`);
  await expect(page.locator('.topic-list mark')).toHaveCount(0);
});

test('footnote numbers are not in the index: the words around a reference match as a phrase, with no digit between', async ({ page }) => {
  expect(footnoteGap, 'the corpus has a footnote reference inside a sentence').toBeDefined();
  const { phrase, last, next } = footnoteGap!;
  await page.goto(searchFor(`"${phrase}"`));
  const titles = await resultTitles(page);
  expect(titles).toContain(titleOf(footnoteGap!.page));
  for (const excerpt of await page.locator('.search-result-excerpt').allInnerTexts()) {
    expect(excerpt).not.toMatch(new RegExp(`${RegExp.escape(last)}\\P{L}*\\s*\\d+\\s+${RegExp.escape(next)}`, 'iu'));
  }
});

test('a phrase result opens at its paragraph, in view, with the phrase marked there', async ({ page }) => {
  expect(uniquePhrase, 'the corpus has a phrase found in one paragraph only').toBeDefined();
  const { phrase, paragraph } = uniquePhrase!;
  await page.goto(searchFor(`"${phrase}"`));
  expect(await resultTitles(page)).toEqual([titleOf(uniquePhrase!.page)]);
  await resultLinks(page).first().click();
  await expect(page).toHaveURL(new RegExp(`#${paragraph.id}$`));
  const target = page.locator(`[id="${paragraph.id}"]`);
  await expect(target).toBeInViewport();
  await expect(target.locator('mark').first()).toBeVisible();
  expect(plainWords((await target.locator('mark').allInnerTexts()).join(' ')).join(' ')).toBe(plainWords(phrase).join(' '));
  await expect(page.locator('article mark')).toHaveCount(await target.locator('mark').count());
});

test('the document title names the query, and the summary quotes it once', async ({ page }) => {
  await page.goto('/search/');
  const base = await page.title();
  const word = longestWord(commonPhrase!);
  await page.goto(searchFor(word));
  await resultTitles(page);
  await expect(page).toHaveTitle(`“${word}” – ${base}`);
  await page.goto(searchFor(`"${commonPhrase}"`));
  await resultTitles(page);
  await expect(page).toHaveTitle(`“${commonPhrase}” – ${base}`);
  await expect(summary(page)).not.toContainText('"');
});

test('the result count is announced politely', async ({ page }) => {
  await page.goto(searchFor(longestWord(commonPhrase!)));
  const titles = await resultTitles(page);
  await expect(summary(page)).toHaveAttribute('aria-live', 'polite');
  await expect(summary(page)).toContainText(`${titles.length} result`);
});

test('a skip link, before the facets, takes the keyboard to the results', async ({ page }) => {
  await page.goto(searchFor(longestWord(commonPhrase!)));
  await resultTitles(page);
  await page.getByRole('searchbox', { name: 'Search every article' }).focus();
  const skip = page.getByRole('link', { name: 'Skip to results' });
  let reached = false;
  for (let presses = 0; presses < 5 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await skip.evaluate((link) => link === document.activeElement);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox'), 'no facet before the skip link').toBe(false);
  }
  expect(reached).toBe(true);
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#search-results')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(resultLinks(page).first()).toBeFocused();
});

test('facets hold still: the same order for every query, and a checked box keeps its place and focus', async ({ page }) => {
  const topicNames = async () =>
    (await page.getByRole('group', { name: 'Topic' }).locator('label').allInnerTexts()).map((label) => label.replace(/\s*\(\d+\)$/, ''));
  await page.goto(searchFor(longestWord(commonPhrase!)));
  await resultTitles(page);
  const first = await topicNames();
  expect(first.length).toBeGreaterThan(1);
  await page.goto(searchFor(chipOnlyWord!.word));
  await expect(summary(page)).toContainText(/result/, { timeout: 15_000 });
  expect(await topicNames()).toEqual(first);
  // Check the last topic by keyboard: the box is the same element, still focused, still last.
  const last = page.getByRole('group', { name: 'Topic' }).getByRole('checkbox').last();
  await last.evaluate((box) => box.setAttribute('data-probe', 'kept'));
  await last.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/topic=/);
  await expect(summary(page)).toContainText('Topic:');
  await expect(page.locator('[data-probe="kept"]')).toBeFocused();
  await expect(page.locator('[data-probe="kept"]')).toBeChecked();
  expect(await topicNames()).toEqual(first);
});

test('"IAEA" finds exactly the articles whose own text says IAEA, and no other', async ({ page }) => {
  await page.goto('/search/?q=IAEA');
  const titles = await resultTitles(page);
  // Pagefind matches words that start with the term ("IAEA's", "IAEA-style"); chips are not text.
  const saying = indexed.filter((article) => searchedTexts(article).some((text) => plainWords(text).some((word) => word.startsWith('iaea'))));
  expect(titles.sort()).toEqual(saying.map(titleOf).sort());
  await expect(page.locator('.search-result-excerpt mark').first()).toHaveText(/iaea/i);
});

test('a cell of the topic x source matrix opens in search exactly that source’s articles on that topic', async ({ page }) => {
  await page.goto('/topics/');
  const cells = page.locator('table.source-matrix td a');
  const hrefs = await cells.evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(0);
  // Three cells are enough to show the link works; each is checked against the entries.
  for (const href of hrefs.slice(0, 3)) {
    const params = new URL(href, 'http://site.test').searchParams;
    const [topicLabel, outlet] = [params.get('topic')!, params.get('outlet')!];
    const topic = corpusTopics().find((candidate) => candidate.label === topicLabel)!;
    const expected = articles.filter((article) => (article.outlet ?? 'Unknown outlet') === outlet && article.topics.includes(topic.slug));
    await expect(page.locator(`table.source-matrix td a[href="${href}"]`)).toHaveText(String(expected.length));
    await page.goto(href);
    expect((await allResultPaths(page)).sort()).toEqual(expected.map((article) => `/articles/${article.slug}/`).sort());
    await page.goto('/topics/');
  }
});
