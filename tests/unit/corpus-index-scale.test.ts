/**
 * The corpus index at scale: the grouped related-articles ranking and the co-occurrence counts give
 * exactly what the pairwise definitions give (kept here as the reference), on random corpora with
 * tied dates, undated articles and repeated titles. (How long it takes is a figure of `npm run bench`, not a test.)
 */
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/schemas/article.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { buildCorpusIndex, newestFirst, RELATED_LIMIT, type TopicEntry } from '../../src/utils/corpus-index.ts';
import { seededRandom } from '../../scripts/lib/seeded-random.ts';
import { testArticle } from '../helpers/article.ts';

const topicList: Topic[] = Array.from({ length: 12 }, (_, index) => ({
  slug: `t${index}`,
  label: `Topic ${index}`,
  description: 'd',
  terms: ['x'],
  strong: [],
}));

function corpus(size: number, seed: number): Article[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, (_, index) => {
    // Skewed topic popularity, 0-6 topics each; a few dates and titles repeat so every tie-break is exercised.
    const topics = topicList.filter((_, rank) => random() < 0.7 / (rank + 1) + 0.05).map((topic) => topic.slug);
    const day = Math.floor(random() * 20);
    return testArticle(`a${index}`, {
      title: `Title ${Math.floor(random() * size * 0.8)}`,
      publishedAt: random() < 0.2 ? null : `2025-01-${String(day + 1).padStart(2, '0')}`,
      topics,
    });
  });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The pairwise definition (the implementation before the scale work). */
function referenceRelated(articles: readonly Article[], topicBySlug: ReadonlyMap<string, TopicEntry>) {
  const weight = (slug: string) => Math.log(articles.length / (topicBySlug.get(slug)?.articles.length ?? articles.length));
  const related = new Map<string, { slug: string; score: number; shared: string[] }[]>();
  for (const article of articles) {
    const ranked = articles
      .filter((other) => other !== article)
      .map((other) => {
        const shared = article.topics.filter((slug) => other.topics.includes(slug) && topicBySlug.has(slug));
        shared.sort((a, b) => weight(b) - weight(a) || compare(a, b));
        return { article: other, score: shared.reduce((sum, slug) => sum + weight(slug), 0), shared };
      })
      .filter((candidate) => candidate.score > 0)
      .sort((a, b) => b.score - a.score || b.shared.length - a.shared.length || newestFirst(a.article, b.article));
    related.set(
      article.slug,
      ranked.slice(0, RELATED_LIMIT).map(({ article: other, score, shared }) => ({ slug: other.slug, score, shared })),
    );
  }
  return related;
}

describe('corpus index at scale', () => {
  test.each([
    [40, 1],
    [300, 2],
    [600, 3],
  ])('related articles of %i articles match the pairwise ranking (seed %i)', (size, seed) => {
    const index = buildCorpusIndex(corpus(size, seed), topicList);
    const expected = referenceRelated(index.articles, index.topicBySlug);
    for (const article of index.articles) {
      const actual = index.related
        .get(article.slug)!
        .map(({ article: other, score, shared }) => ({ slug: other.slug, score, shared: shared.map((topic) => topic.slug) }));
      expect(actual, article.slug).toEqual(expected.get(article.slug));
    }
  });

  test('topic co-occurrence counts articles carrying both topics', () => {
    const index = buildCorpusIndex(corpus(500, 4), topicList);
    for (const entry of index.topics) {
      const expected = index.topics
        .filter((other) => other !== entry)
        .map((other) => ({ topic: other.topic, shared: other.articles.filter((article) => entry.articles.includes(article)).length }))
        .filter((relation) => relation.shared > 0)
        .sort((a, b) => b.shared - a.shared || compare(a.topic.label, b.topic.label));
      expect(entry.related).toEqual(expected);
    }
  });
});
