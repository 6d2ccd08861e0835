// The reading room over the whole corpus: every article reaches the topic pages it is filed under, feeds and the
// sitemap list every article, a useful 404. (Following one question across critiques, which needs a known shape,
// is tested on the fixture corpus: tests/e2e-fixture/reading-room.spec.ts.)
import { distPages, elements } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { corpusTopics } from '../helpers/ingest-corpus.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const topics = corpusTopics();
const pages = new Map(distPages().map((page) => [page.url, page]));
const hrefs = (url: string) =>
  new Set(elements(pages.get(url)!, (node) => node.tagName === 'a').map((node) => String(node.properties['href'] ?? '').split('#')[0]));

test('every article links to the pages of its topics, and each of them links back', () => {
  const missing: string[] = [];
  for (const article of articles) {
    const own = `/articles/${article.slug}/`;
    for (const topic of article.topics) {
      const topicUrl = `/topics/${topic}/`;
      if (!hrefs(own).has(topicUrl)) missing.push(`${own} does not link to ${topicUrl}`);
      else if (!pages.has(topicUrl) || !hrefs(topicUrl).has(own)) missing.push(`${topicUrl} does not link to ${own}`);
    }
  }
  expect(missing).toEqual([]);
});

test('feeds and sitemap are served when the build has a public address (SITE_URL)', async ({ page, request }) => {
  await page.goto('/');
  // Without SITE_URL there is no address for them to give, so they are left out (tests/e2e/research.spec.ts checks that).
  test.skip((await page.locator('link[rel=canonical]').count()) === 0, 'built without SITE_URL: no feeds, no sitemap');
  const rss = await request.get('/rss.xml');
  expect(rss.ok()).toBe(true);
  expect((await rss.text()).match(/<item>/g)).toHaveLength(articles.length);
  // Every topic an article is filed under has its own feed, of those articles. (What a feed reader finds in them is
  // tested on the fixture corpus, which has topic feeds: tests/e2e-fixture/feeds.spec.ts.)
  for (const topic of topics) {
    const filed = articles.filter((article) => article.topics.includes(topic.slug)).length;
    if (filed === 0) continue;
    const topicRss = await request.get(`/topics/${topic.slug}/rss.xml`);
    expect(topicRss.ok(), topic.slug).toBe(true);
    const text = await topicRss.text();
    const label = topic.label.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    expect(text, topic.slug).toContain(`<title>Dossier: ${label}</title>`);
    expect(text.match(/<item>/g) ?? [], topic.slug).toHaveLength(filed);
  }
  expect((await request.get('/sitemap-index.xml')).ok()).toBe(true);
});

test('an unknown address shows a useful 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('main').getByRole('link', { name: 'Topics' })).toBeVisible();
});
