/** RSS items for @astrojs/rss from articles: undated articles carry no pubDate rather than a made-up one. */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Article } from '../schemas/article.ts';
import { articlePath } from '../core/urls.ts';

/** One feed item per article, linking to its page on this site. */
export function feedItems(articles: readonly Article[]): RSSFeedItem[] {
  return articles.map((article) => ({
    title: article.title,
    link: articlePath(article.slug),
    description: article.dek ?? undefined,
    pubDate: article.publishedAt === null ? undefined : new Date(article.publishedAt.length === 10 ? `${article.publishedAt}T00:00:00Z` : article.publishedAt),
    author: article.author ?? undefined,
    categories: [...article.topics],
  }));
}
