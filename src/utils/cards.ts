/** The data of article cards (ArticleCards.astro): each article with the first four of its topics. */
import type { Article } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';
import type { CorpusIndex } from './corpus-index.ts';

/** How many topics a card names. */
const CARD_TOPICS = 4;

export function cards(index: CorpusIndex, articles: readonly Article[]): { article: Article; topics: Topic[] }[] {
  return articles.map((article) => ({ article, topics: article.topics.slice(0, CARD_TOPICS).flatMap((slug) => index.topicBySlug.get(slug)?.topic ?? []) }));
}
