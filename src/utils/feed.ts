/**
 * What the RSS feeds say, for @astrojs/rss: one item per article, and the channel's own elements a feed reader
 * looks for (its address, language, when it last changed, the page it stands for).
 * Undated articles carry no pubDate rather than a made-up one (docs/decisions/0003-undated-feed-items.md).
 *   feedChannel({ self: 'https://x.example/rss.xml', link: 'https://x.example/', articles })
 *     -> '<atom:link href="https://x.example/rss.xml" rel="self" type="application/rss+xml"/><link>https://x.example/</link>
 *         <language>en</language><lastBuildDate>Mon, 02 Mar 2026 13:53:04 GMT</lastBuildDate>'
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { XMLBuilder } from 'fast-xml-parser';
import type { Article } from '../schemas/article.ts';
import { articlePath } from '../core/urls.ts';

/** The namespace of `atom:link`, for @astrojs/rss's `xmlns` option. */
export const FEED_NAMESPACES = { atom: 'http://www.w3.org/2005/Atom' };

/** The feeds' language: the site's own words (titles of the site, its notes) are English, as its pages say (`<html lang="en">`). */
const FEED_LANGUAGE = 'en';

/** One feed item per article, linking to its page on this site. */
export function feedItems(articles: readonly Article[]): RSSFeedItem[] {
  return articles.map((article) => {
    const pubDate = publishedDate(article);
    return {
      title: article.title,
      link: articlePath(article.slug),
      // Undated: said in the summary a reader shows, since the reader will date the item by when it first saw it.
      description: pubDate ? (article.dek ?? undefined) : [UNDATED_NOTE, article.dek].filter(Boolean).join(' '),
      pubDate,
      author: article.author ?? undefined,
      categories: [...article.topics],
    };
  });
}

/** The site's note on an undated item, before the source's own standfirst (if any). */
export const UNDATED_NOTE = 'Undated: the source gives no date.';

/**
 * The channel elements @astrojs/rss has no option for, as its `customData` (an XML string it parses back into the
 * channel; the builder escapes every value). `link` replaces the site address @astrojs/rss puts there.
 * `lastBuildDate` is the newest item's date, not the clock: the build stays byte-for-byte reproducible, and the
 * channel changes when a newer item arrives. A feed with no dated item has none.
 */
export function feedChannel(options: { self: string; link: string; articles: readonly Article[] }): string {
  const newest = options.articles
    .map(publishedDate)
    .filter((date) => date !== undefined)
    .reduce<Date | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);
  const channel = {
    'atom:link': { '@_href': options.self, '@_rel': 'self', '@_type': 'application/rss+xml' },
    link: options.link,
    language: FEED_LANGUAGE,
    ...(newest && { lastBuildDate: newest.toUTCString() }),
  };
  return new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true }).build(channel) as string;
}

/** The article's date as a Date (a calendar date at midnight UTC), or undefined when undated. */
function publishedDate(article: Article): Date | undefined {
  const { publishedAt } = article;
  if (publishedAt === null) return undefined;
  return new Date(publishedAt.length === 10 ? `${publishedAt}T00:00:00Z` : publishedAt);
}
