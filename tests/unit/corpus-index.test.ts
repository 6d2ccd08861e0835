/** Derived corpus data: related-articles ranking, co-occurrence, neighbours, sources. */
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/schemas/article.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { UNKNOWN_SOURCE_SLUG } from '../../src/core/slug.ts';
import { testArticle } from '../helpers/article.ts';

/** A text source carrying these topics. */
const article = (slug: string, topics: string[], extra: Partial<Article> = {}) => testArticle(slug, { topics, ...extra });

function topic(slug: string): Topic {
  return { slug, label: slug.toUpperCase(), description: 'd', terms: [slug], strong: [] };
}

const topics = ['common', 'rare', 'mid'].map(topic);

describe('related articles', () => {
  test('shared rare topics outrank shared common ones; topics everyone has count for nothing', () => {
    const index = buildCorpusIndex(
      [
        article('a', ['common', 'rare']),
        article('b', ['common', 'rare']),
        article('c', ['common', 'mid']),
        article('d', ['common', 'mid']),
        article('e', ['common']),
      ],
      topics,
    );
    const related = index.related.get('a')!;
    expect(related.map((entry) => entry.article.slug)).toEqual(['b']);
    expect(related[0]!.shared.map((entry) => entry.slug)).toEqual(['rare', 'common']);
  });

  test('more weight wins, ties go to the newer article', () => {
    const index = buildCorpusIndex(
      [
        article('a', ['rare', 'mid']),
        article('b', ['rare'], { publishedAt: '2026-01-01' }),
        article('c', ['rare'], { publishedAt: '2026-02-01' }),
        article('d', ['rare', 'mid']),
        article('e', ['common']),
      ],
      topics,
    );
    expect(index.related.get('a')!.map((entry) => entry.article.slug)).toEqual(['d', 'c', 'b']);
  });
});

describe('topics, neighbours and sources', () => {
  const index = buildCorpusIndex(
    [
      article('old', ['common', 'rare'], { publishedAt: '2025-01-01', outlet: 'Yathārth' }),
      article('new', ['common', 'mid'], { publishedAt: '2026-01-01', outlet: 'Yathārth' }),
      article('undated', ['common', 'mid']),
    ],
    topics,
  );

  test('topics by article count, with co-occurring topics', () => {
    expect(index.topics.map((entry) => entry.topic.slug)).toEqual(['common', 'mid', 'rare']);
    expect(index.topicBySlug.get('mid')!.related).toEqual([{ topic: topics[0], shared: 2 }]);
  });

  test('articles newest first, undated last; neighbours run oldest to newest, then undated', () => {
    expect(index.articles.map((entry) => entry.slug)).toEqual(['new', 'old', 'undated']);
    expect(index.neighbours.get('old')).toEqual({ previous: null, next: index.articles[0] });
    expect(index.neighbours.get('undated')!.previous?.slug).toBe('new');
  });

  test('sources by outlet, unknown outlets grouped last', () => {
    expect(index.sources.map((group) => [group.slug, group.name, group.articles.length])).toEqual([
      ['yatharth', 'Yathārth', 2],
      [UNKNOWN_SOURCE_SLUG, 'Unknown outlet', 1],
    ]);
  });
});
