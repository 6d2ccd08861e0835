// The fixture site's RSS feeds (it is built with SITE_URL, so it has them) as a feed reader gets them: served as
// XML in UTF-8, parsed by a real feed parser (rss-parser), with what a reader needs on the channel (its own address,
// its page, language, last change) and on every item (title, link to a built page, permanent guid, the date or
// the note that there is none: docs/decisions/0003-undated-feed-items.md).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import { FIXTURE_SITE_URL } from '../../scripts/test/build-fixture-site.ts';
import { UNDATED_NOTE } from '../../src/utils/feed.ts';
import type { Article } from '../../src/schemas/article.ts';
import { loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
const site = new URL('/', FIXTURE_SITE_URL).href;
// Every feed the build wrote: the site's, and one per topic (those with articles), with its articles and page.
const feeds: { path: string; page: string; articles: Article[] }[] = [
  { path: '/rss.xml', page: '/', articles },
  ...(existsSync(path.join(FIXTURE_SITE.dist, 'topics')) ? readdirSync(path.join(FIXTURE_SITE.dist, 'topics')) : [])
    .filter((slug) => existsSync(path.join(FIXTURE_SITE.dist, 'topics', slug, 'rss.xml')))
    .map((slug) => ({ path: `/topics/${slug}/rss.xml`, page: `/topics/${slug}/`, articles: articles.filter((article) => article.topics.includes(slug)) })),
];
const dateOf = (article: Article) => new Date(article.publishedAt!.length === 10 ? `${article.publishedAt}T00:00:00Z` : article.publishedAt!);

test('the corpus has dated and undated articles and topic feeds, so every case below is exercised', () => {
  expect(articles.some((article) => article.publishedAt === null)).toBe(true);
  expect(articles.some((article) => article.publishedAt !== null)).toBe(true);
  expect(feeds.length).toBeGreaterThan(1);
});

for (const feed of feeds) {
  test(`${feed.path}: served as UTF-8 XML, and a feed parser finds what a reader needs`, async ({ request }) => {
    const response = await request.get(feed.path);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/(rss\+)?xml; charset=utf-8$/);
    const parsed = await new Parser({ customFields: { feed: ['language', 'lastBuildDate'] } }).parseString(await response.text());

    // The channel: its own address (atom:link rel="self"), the page it stands for, its language and last change.
    expect(parsed.feedUrl).toBe(new URL(feed.path, site).href);
    expect(parsed.link).toBe(new URL(feed.page, site).href);
    expect(parsed['language']).toBe('en');
    const dated = feed.articles.filter((article) => article.publishedAt !== null);
    const newest = dated.length === 0 ? undefined : new Date(Math.max(...dated.map((article) => dateOf(article).getTime())));
    expect(parsed['lastBuildDate']).toBe(newest?.toUTCString());

    // Every item: one per article, its title, a link to its built page (the guid), and its date or the note.
    expect(parsed.items.map((item) => item.link).sort()).toEqual(feed.articles.map((article) => new URL(`/articles/${article.slug}/`, site).href).sort());
    for (const item of parsed.items) {
      const article = feed.articles.find((candidate) => item.link === new URL(`/articles/${candidate.slug}/`, site).href)!;
      expect(item.title).toBe(article.title);
      expect(item.guid).toBe(item.link);
      expect(existsSync(path.join(FIXTURE_SITE.dist, new URL(item.link!).pathname, 'index.html')), `${item.link} is a built page`).toBe(true);
      if (article.publishedAt === null) {
        expect(item.pubDate, `${article.slug} is undated`).toBeUndefined();
        expect(item.content?.startsWith(UNDATED_NOTE), `${article.slug}: the note that it is undated`).toBe(true);
      } else {
        expect(new Date(item.isoDate!).getTime()).toBe(dateOf(article).getTime());
      }
    }
  });
}
