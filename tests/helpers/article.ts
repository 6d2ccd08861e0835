/**
 * One article entry for unit tests that build their own small corpus: every field the schema asks for, set to
 * the plainest value (nothing known, nothing inferred but the title and topics), with what a test is about given
 * over it. A plain-text source by default; `feedArticle` for an item of a feed.
 *
 *   testArticle('a', { topics: ['nuclear'] })
 *   -> { slug: 'a', title: 'a', author: null, …, source: { file: 'a.txt', format: 'text', … }, topics: ['nuclear'], … }
 *   feedArticle('b', { url: 'https://x.example/p/b' })
 *   -> { slug: 'b', title: 'Title b', url: 'https://x.example/p/b', source: { file: 'feed.xml', format: 'rss', item: 1, … }, … }
 */
import type { Article } from '../../src/schemas/article.ts';

/** A plain text without headline, byline, date or address: its title (the slug) inferred. */
export function testArticle(slug: string, extra: Partial<Article> = {}): Article {
  return {
    slug,
    title: slug,
    dek: null,
    author: null,
    outlet: null,
    url: null,
    publishedAt: null,
    origins: { title: 'inferred', dek: 'unknown', author: 'unknown', outlet: 'unknown', url: 'unknown', publishedAt: 'unknown', topics: 'inferred' },
    source: { file: `${slug}.txt`, format: 'text', sha256: '0'.repeat(64), guid: null, item: null },
    topics: [],
    passages: [],
    wordCount: 100,
    readingMinutes: 1,
    truncated: false,
    residue: [],
    image: null,
    warnings: [],
    ...extra,
  };
}

/** The first item of an RSS feed (feed.xml) that gives its title (`Title <slug>`) and, when set in `extra`, its address. */
export function feedArticle(slug: string, extra: Partial<Article> = {}): Article {
  return testArticle(slug, {
    title: `Title ${slug}`,
    origins: { title: 'feed', dek: 'unknown', author: 'unknown', outlet: 'unknown', url: 'feed', publishedAt: 'unknown', topics: 'inferred' },
    source: { file: 'feed.xml', format: 'rss', sha256: '0'.repeat(64), guid: null, item: 1 },
    ...extra,
  });
}
