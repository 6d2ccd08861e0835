/**
 * The RSS feeds as a feed reader reads them: every fixture case's expected entries (tests/fixtures/<case>/expected/)
 * made into a feed by the site's own code (src/utils/feed.ts through @astrojs/rss) and parsed by a real feed parser
 * (rss-parser). The channel names its own address, its page, its language and its last change (the newest item's
 * date); every item has a title, a link and permanent guid, and its date, or no date and the note that it is
 * undated (docs/decisions/0003-undated-feed-items.md). The built feeds are read the same way in a browser test
 * (tests/e2e-fixture/feeds.spec.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { getRssString } from '@astrojs/rss';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/schemas/article.ts';
import { FEED_NAMESPACES, UNDATED_NOTE, feedChannel, feedItems } from '../../src/utils/feed.ts';
import { loadArticles } from '../helpers/entries.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const SITE = 'https://dossier.test/';
const articles: Article[] = readdirSync(fixtures)
  .map((name) => path.join(fixtures, name, 'expected'))
  .filter((dir) => existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.mdx')))
  .flatMap((dir) => loadArticles({ corpus: dir, entries: dir, dist: dir }));
const dateOf = (article: Article) => new Date(article.publishedAt!.length === 10 ? `${article.publishedAt}T00:00:00Z` : article.publishedAt!);

async function feedOf(list: readonly Article[]) {
  const xml = await getRssString({
    title: 'Dossier: test',
    description: 'The fixture entries.',
    site: SITE,
    xmlns: FEED_NAMESPACES,
    customData: feedChannel({ self: `${SITE}topics/x/rss.xml`, link: `${SITE}topics/x/`, articles: list }),
    items: feedItems(list),
  });
  return { xml, parsed: await new Parser({ customFields: { feed: ['language', 'lastBuildDate'] } }).parseString(xml) };
}

describe('the feeds, read by rss-parser', () => {
  test('the fixtures hold dated and undated articles', () => {
    expect(articles.some((article) => article.publishedAt === null)).toBe(true);
    expect(articles.some((article) => article.publishedAt !== null)).toBe(true);
  });

  test('the channel names itself, its page, its language and its newest item’s date', async () => {
    const { parsed } = await feedOf(articles);
    expect(parsed.feedUrl).toBe(`${SITE}topics/x/rss.xml`);
    expect(parsed.link).toBe(`${SITE}topics/x/`);
    expect(parsed['language']).toBe('en');
    const newest = Math.max(...articles.filter((article) => article.publishedAt !== null).map((article) => dateOf(article).getTime()));
    expect(parsed['lastBuildDate']).toBe(new Date(newest).toUTCString());
  });

  test('every item has a title, link and guid, and its date or the note that it has none', async () => {
    const { parsed } = await feedOf(articles);
    expect(parsed.items).toHaveLength(articles.length);
    parsed.items.forEach((item, index) => {
      const article = articles[index]!;
      expect(item.title).toBe(article.title);
      expect(item.link).toBe(`${SITE}articles/${article.slug}/`);
      expect(item.guid).toBe(item.link);
      if (article.publishedAt === null) {
        expect(item.pubDate, article.slug).toBeUndefined();
        expect(item.content, article.slug).toBe([UNDATED_NOTE, article.dek].filter(Boolean).join(' '));
      } else {
        expect(new Date(item.isoDate!).getTime(), article.slug).toBe(dateOf(article).getTime());
        expect(item.content ?? '', article.slug).not.toContain(UNDATED_NOTE);
      }
    });
  });

  test('a feed of undated items only has no lastBuildDate, and the same feed twice is the same bytes', async () => {
    const undated = articles.filter((article) => article.publishedAt === null);
    const { xml, parsed } = await feedOf(undated);
    expect(parsed['lastBuildDate']).toBeUndefined();
    expect((await feedOf(undated)).xml).toBe(xml);
  });
});
