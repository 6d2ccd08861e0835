// Inferred is marked wherever the site shows a title, on the whole project corpus whatever it holds: every link
// that shows an article's title, and the article's own heading, carry the mark (src/components/InferredMark.astro)
// exactly when the entry's `origins` say the title was inferred. How the mark looks, and search results and the
// header search's list, are tested on the fixture corpus, which always has both kinds of title
// (tests/e2e-fixture/inferred.spec.ts).
import { toString } from 'hast-util-to-string';
import { distPages, elements } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { isTitleMark, shownTitles, within, wronglyMarked } from '../helpers/title-marks.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const pages = distPages();

test('every link that shows a title carries the mark exactly when the title was inferred; every title is shown in one', () => {
  const shown = shownTitles(pages, articles);
  expect(wronglyMarked(shown)).toEqual([]);
  expect(new Set(shown.map((place) => place.article.slug))).toEqual(new Set(articles.map((article) => article.slug)));
});

test('each article page marks its title in its heading exactly when it was inferred', () => {
  for (const article of articles) {
    const page = pages.find((candidate) => candidate.url === `/articles/${article.slug}/`)!;
    const h1 = elements(page, (node) => node.tagName === 'h1')[0]!;
    expect(toString(h1).trim(), article.slug).toBe(article.title);
    expect(within(h1, isTitleMark).length, article.slug).toBe(article.origins.title === 'inferred' ? 1 : 0);
  }
});
