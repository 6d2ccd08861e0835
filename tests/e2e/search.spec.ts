// Search over the whole corpus: every article is found by its title, a facet browses the corpus, an unmatched
// query says so, pages that do not search load no search code, and without JavaScript the box still leads to
// search. Search finds the authors' words only, whole words and phrases as phrases (never a near word passed off
// as a hit), and opens at the paragraph: the expected results are derived from the built pages. The page stays
// still while results render, and on a phone its first result is on the first screen. (Queries whose results must be known run on the fixture corpus:
// tests/e2e-fixture/search.spec.ts.)
import type { Page } from '@playwright/test';
import { toString } from 'hast-util-to-string';
import { distPages, elements } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { corpusTopics } from '../helpers/ingest-corpus.ts';
import { hasExactTerm, hasPhrase, indexedArticles, plainWords, type IndexedArticle } from '../helpers/indexed-text.ts';
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

test('with an empty query, a facet browses the corpus: the format most articles have finds exactly them', async ({ page }) => {
  // Each article page's format filter, as Pagefind reads it from the built page (src/components/SearchMeta.astro).
  const formats = new Map<string, string[]>();
  for (const built of distPages().filter((one) => /^\/articles\/[^/]+\/$/.test(one.url))) {
    const filter = elements(built, (node) => node.properties['dataPagefindFilter'] === 'format');
    expect(filter, `${built.url}: one format filter`).toHaveLength(1);
    const label = toString(filter[0]!).trim();
    formats.set(label, [...(formats.get(label) ?? []), built.url]);
  }
  const [label, paths] = [...formats].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]!;
  expect([...formats.values()].flat().length, 'article pages with a format').toBe(articles.length);
  await page.goto('/search/');
  await page
    .getByRole('group', { name: 'Format' })
    .getByRole('checkbox', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) })
    .check();
  await expect(page).toHaveURL(`/search/?${new URLSearchParams({ format: label })}`);
  expect((await allResultPaths(page)).sort()).toEqual([...paths].sort());
});

test('a query with no match says so', async ({ page }) => {
  await page.goto('/search/?q=xylophonequagmire');
  await expect(summary(page)).toContainText('No article contains “xylophonequagmire”');
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
const containing = (phrase: string) => indexed.filter((page) => searchedTexts(page).some((text) => hasExactTerm(text, phrase)));
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
  // Every value in the DOM, shown or not (a value with no result here is hidden, never moved).
  const topicNames = async () =>
    (await page.getByRole('group', { name: 'Topic' }).locator('label').allTextContents()).map((label) => label.trim().replace(/\s*\(\d+\)$/, ''));
  await page.goto(searchFor(longestWord(commonPhrase!)));
  await resultTitles(page);
  const first = await topicNames();
  expect(first.length).toBeGreaterThan(1);
  await page.goto(searchFor(chipOnlyWord!.word));
  await expect(summary(page)).toContainText(/result|No article/, { timeout: 15_000 });
  expect(await topicNames()).toEqual(first);
  // The last topic with a result here, checked by keyboard, once its facet shows every value.
  const showAll = page.getByRole('group', { name: 'Topic' }).getByRole('button', { name: /^Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  // Check the last topic by keyboard: the box is the same element, still focused, still last.
  const last = page.getByRole('group', { name: 'Topic' }).getByRole('checkbox').filter({ visible: true }).last();
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
  // The whole word, also before an apostrophe or a hyphen ("IAEA's", "IAEA-style"); chips are not text.
  const saying = indexed.filter((article) => searchedTexts(article).some((text) => plainWords(text).includes('iaea')));
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

// ---- Near words are never hits; the page holds still; on a phone the results come first. ----

const corpusWords = new Set(indexed.flatMap((page) => searchedTexts(page).flatMap(plainWords)));
const saying = (term: string) => indexed.filter((page) => searchedTexts(page).some((text) => hasExactTerm(text, term)));

/**
 * A word absent from the corpus for which Pagefind still returns pages (by its stemming or prefix matching):
 * corpus words with their last letter changed, the first that Pagefind's own API answers, asked in the page.
 */
async function absentWithNearWords(page: Page): Promise<string> {
  const candidates = [...corpusWords]
    .filter((word) => /^[a-z]{7,}$/.test(word))
    .sort()
    .map((word) => `${word.slice(0, -1)}qz`)
    .filter((word) => !corpusWords.has(word))
    .slice(0, 60);
  await page.goto('/search/');
  const absent = await page.evaluate(async (words) => {
    const bundle = '/pagefind/pagefind.js';
    const pagefind = (await import(bundle)) as { init(): Promise<void>; search(term: string): Promise<{ results: unknown[] }> };
    await pagefind.init();
    for (const word of words) if ((await pagefind.search(word)).results.length > 0) return word;
    return undefined;
  }, candidates);
  expect(absent, 'Pagefind returns pages for some word the corpus does not hold').toBeDefined();
  return absent!;
}

test('a word no article holds finds nothing, says so, and offers the near words Pagefind found as searches of their own', async ({ page }) => {
  const absent = await absentWithNearWords(page);
  expect(saying(absent)).toEqual([]);
  await page.goto(searchFor(absent));
  await expect(summary(page)).toHaveText(`No article contains “${absent}”.`);
  await expect(resultLinks(page)).toHaveCount(0);
  const offers = page.locator('[data-search-near] a');
  await expect(offers.first()).toBeVisible();
  const words = await offers.allInnerTexts();
  for (const word of words) {
    expect(
      plainWords(word).every((part) => corpusWords.has(part)),
      `${word} is a word of the corpus`,
    ).toBe(true);
    expect(plainWords(word)).not.toEqual([absent]);
  }
  // An offered word is a search of its own, whose results are exactly the articles that hold it.
  await offers.first().click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(words[0]);
  expect((await resultTitles(page)).sort()).toEqual(saying(words[0]!).map(titleOf).sort());
});

test('the header box follows the same rule: a near word is offered, never listed as a result', async ({ page }) => {
  const absent = await absentWithNearWords(page);
  await page.goto('/');
  await page.keyboard.press('/');
  await page.keyboard.type(absent);
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await expect(listbox).toBeVisible();
  await expect(listbox).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('[data-search-status]')).toContainText(`No article contains “${absent}”.`);
  await expect(listbox.locator('.search-option-near').first()).toHaveText(/^Search for “.+” instead \(a near word\)$/);
  await expect(listbox.locator('.search-option:not(.search-option-near):not(.search-option-all)')).toHaveCount(0);
});

/** A corpus word that Pagefind's stemming or prefix matching also finds in other forms: some page has only a longer word starting with it. */
const wordWithKin = (() => {
  const candidates = [...corpusWords].filter((word) => /^[a-z]{5,}$/.test(word)).sort();
  for (const word of candidates) {
    const holders = saying(word);
    const kinOnly = indexed.filter(
      (page) => !holders.includes(page) && searchedTexts(page).some((text) => plainWords(text).some((other) => other !== word && other.startsWith(word))),
    );
    if (holders.length > 0 && kinOnly.length > 0) return { word, holders, kinOnly };
  }
  return undefined;
})();

test('a present word finds exactly the articles that hold it whole, not those with only a longer word, and marks only it', async ({ page }) => {
  expect(wordWithKin, 'some corpus word is the start of another, longer one').toBeDefined();
  const { word, holders } = wordWithKin!;
  await page.goto(searchFor(word));
  expect((await resultTitles(page)).sort()).toEqual(holders.map(titleOf).sort());
  for (const mark of await page.locator('.search-result mark').allInnerTexts()) expect(plainWords(mark)).toEqual([word]);
  // And on the article the search opens, only the word itself is marked.
  await resultLinks(page).first().click();
  await expect(page.locator('article mark').first()).toBeVisible();
  for (const mark of await page.locator('article mark').allInnerTexts()) expect(plainWords(mark)).toEqual([word]);
});

test('a phrase matches with its words adjacent, not with the same words apart', async ({ page }) => {
  const [first, second] = commonPhrase!.split(' ') as [string, string];
  const reversed = `${second} ${first}`;
  await page.goto(searchFor(`"${reversed}"`));
  const expected = saying(reversed);
  if (expected.length === 0) await expect(summary(page)).toHaveText(`No article contains “${reversed}”.`);
  else expect((await resultTitles(page)).sort()).toEqual(expected.map(titleOf).sort());
});

test('the search page asks for each of Pagefind’s files once: what it fetches early is what the search uses, nothing in vain', async ({ page }) => {
  // src/pages/search/index.astro preloads Pagefind's module and entry, src/client/search/pagefind.ts the WebAssembly and
  // metadata the entry names: a preload the search's own request did not take would be fetched twice, or never used.
  const requested: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/pagefind/')) requested.push(`${url.pathname}${url.search}`);
  });
  const unused: string[] = [];
  page.on('console', (message) => {
    if (/preload/i.test(message.text())) unused.push(message.text());
  });
  await page.goto(searchFor(longestWord(commonPhrase!)));
  await resultTitles(page);
  await page.waitForLoadState('networkidle');
  const twice = requested.filter((url, index) => requested.indexOf(url) !== index);
  expect(twice, 'requested more than once').toEqual([]);
  for (const file of [/^\/pagefind\/pagefind\.js$/, /^\/pagefind\/wasm\.\w+\.pagefind$/, /^\/pagefind\/pagefind\.[\w-]+\.pf_meta$/, /^\/pagefind\/index\//]) {
    expect(
      requested.some((url) => file.test(url)),
      `${file} requested`,
    ).toBe(true);
  }
  // Chromium warns about a preload left unused a few seconds after the load event.
  await page.waitForTimeout(3500);
  expect(unused).toEqual([]);
});

for (const width of [360, 1280]) {
  test(`at ${width} px the search page holds still while results render (layout shift under 0.1)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript(() => {
      const store = window as unknown as { shift: number };
      store.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) store.shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(searchFor(longestWord(commonPhrase!)));
    await resultTitles(page);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.1);
  });
}

test('on a phone the results come first: the facets are one closed disclosure and the first result is on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(searchFor(longestWord(commonPhrase!)));
  await resultTitles(page);
  const topics = page.getByRole('group', { name: 'Topic' });
  await expect(topics).toBeHidden();
  const first = (await resultLinks(page).first().boundingBox())!;
  expect(first.y + first.height).toBeLessThanOrEqual(740);
  await page.getByText('Filters', { exact: true }).click();
  await expect(topics).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
