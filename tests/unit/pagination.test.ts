/**
 * Lists that stay small: how pages are cut (src/utils/pagination.ts), which page numbers a pager offers, and
 * that a topic's passages.json parts together hold every passage once, in the topic pages' order.
 */
import { describe, expect, test } from 'vitest';
import { passagesExportSchema } from '../../src/schemas/corpus-export.ts';
import { buildPassagesExport } from '../../src/utils/corpus-export.ts';
import { laterPages, packPages, PAGE_SIZE, pageCount, pageOfIndex, pagerPages, slicePage, splitGroup } from '../../src/utils/pagination.ts';
import { rankTopic, topicArticlePlace, topicPages } from '../../src/utils/topic-passages.ts';
import { listPagePath, sourcePath, topicPassagesPath, topicPath } from '../../src/core/urls.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { corpusTopics, ingest } from '../helpers/ingest-corpus.ts';

describe('cutting a list into pages', () => {
  test('pages hold every item once, in order', () => {
    const items = Array.from({ length: 95 }, (_, i) => i);
    const pages = Array.from({ length: pageCount(items.length, 30) }, (_, i) => slicePage(items, i + 1, 30));
    expect(pages.map((page) => page.length)).toEqual([30, 30, 30, 5]);
    expect(pages.flat()).toEqual(items);
    expect(items.every((item) => pages[pageOfIndex(item, 30) - 1]!.includes(item))).toBe(true);
    expect(laterPages(items.length, 30)).toEqual([2, 3, 4]);
  });

  test('groups of any length are packed into pages of at most the budget, every item once and in order', () => {
    // Sizes like a corpus's sources: mostly one-article texts, some feeds, one feed longer than a page.
    const sizes = [1, 1, 40, 1, 0, 3, 1, 520, 1, 1, 149, 150, 2, 1];
    const groups = sizes.map((size, g) => ({ name: `g${g}`, items: Array.from({ length: size }, (_, i) => `g${g}-${i}`) }));
    for (const budget of [1, 2, 10, 150]) {
      const parts = groups.flatMap((group) => splitGroup(group, group.items, Math.max(1, budget - 1)));
      const pages = packPages(parts, (part) => 1 + part.items.length, budget);
      expect(pages.flat().flatMap((part) => part.items)).toEqual(groups.flatMap((group) => group.items));
      for (const page of pages) {
        const weight = page.reduce((sum, part) => sum + 1 + part.items.length, 0);
        expect(page.length === 1 || weight <= budget, `budget ${budget}`).toBe(true);
      }
      // Each part says which items of its group it holds.
      for (const part of pages.flat()) expect(part.group.items.slice(part.from - 1, part.from - 1 + part.items.length)).toEqual(part.items);
      // A group without items is still listed (a source that became no article).
      expect(pages.flat().some((part) => part.group.name === 'g4' && part.of === 0)).toBe(true);
    }
    expect(packPages([], () => 1, 10)).toEqual([[]]);
  });

  test('an empty list still has its first page, and no later ones', () => {
    expect(pageCount(0, 30)).toBe(1);
    expect(laterPages(0, 30)).toEqual([]);
  });

  test('a pager offers the first, the last and the pages near the current one, never all of them', () => {
    expect(pagerPages(1, 1)).toEqual([1]);
    expect(pagerPages(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerPages(50, 334)).toEqual([1, 48, 49, 50, 51, 52, 334]);
    expect(pagerPages(334, 334)).toEqual([1, 332, 333, 334]);
  });

  test('page addresses: the first page is the list itself', () => {
    expect(listPagePath('articles', 1)).toBe('/');
    expect(listPagePath('articles', 2)).toBe('/articles/page/2/');
    expect(listPagePath('sources', 3)).toBe('/sources/page/3/');
    expect(listPagePath('raw', 2)).toBe('/sources/raw/page/2/');
    expect(sourcePath('the-outlet', 2)).toBe('/sources/the-outlet/2/');
    expect(topicPath('a-topic', 'article-x', 3)).toBe('/topics/a-topic/3/#article-x');
    expect(topicPassagesPath('a-topic')).toBe('/topics/a-topic/passages.json');
    expect(topicPassagesPath('a-topic', 2)).toBe('/topics/a-topic/passages/2.json');
  });
});

describe('a topic with more articles than one page holds', () => {
  // The real corpus, copied under other slugs until its most common topic fills more than two pages.
  const real = ingest().entries.map((entry) => entry.article);
  const copies = Math.ceil((PAGE_SIZE.topicArticles * 2 + 7) / real.length);
  const articles = Array.from({ length: copies }, (_, copy) => real.map((article) => ({ ...article, slug: `${article.slug}-${copy}`, url: null }))).flat();
  const index = buildCorpusIndex(articles, corpusTopics());
  const entry = [...index.topics].sort((a, b) => b.articles.length - a.articles.length)[0]!;
  const ranked = rankTopic(entry);

  test('its passages.json parts hold every passage once, in the order of its pages; the first lists them all, each links its neighbours', () => {
    const first = passagesExportSchema.parse(buildPassagesExport(entry, undefined, 1));
    const parts = Array.from({ length: first.part.of }, (_, i) => passagesExportSchema.parse(buildPassagesExport(entry, undefined, i + 1)));
    expect(first.part.of).toBe(topicPages(entry).length);
    expect(first.part.of).toBeGreaterThan(1);
    expect(first.parts).toEqual(parts.map((_, i) => topicPassagesPath(entry.topic.slug, i + 1)));
    for (const [i, part] of parts.entries()) {
      if (i > 0) expect(part.parts).toBeUndefined();
      expect(part.part.first).toBe(topicPassagesPath(entry.topic.slug, 1));
      expect(part.part.previous).toBe(i === 0 ? null : topicPassagesPath(entry.topic.slug, i));
      expect(part.part.next).toBe(i === parts.length - 1 ? null : topicPassagesPath(entry.topic.slug, i + 2));
      expect(part.part.page).toBe(topicPath(entry.topic.slug, undefined, i + 1));
      expect(part.passages).toHaveLength(part.part.passageCount);
      expect(part.passageCount).toBe(first.passageCount);
    }
    const all = parts.flatMap((part) => part.passages.map((passage) => `${passage.article.slug}#${passage.id}`));
    expect(all).toEqual(ranked.flatMap(({ article, passages }) => passages.map((passage) => `${article.slug}#${passage.id}`)));
    expect(all).toHaveLength(first.passageCount);
  });

  test('each article is found on the page of the topic that shows it', () => {
    const pages = topicPages(entry);
    for (const { article } of ranked) {
      const place = topicArticlePlace(entry, article.slug);
      expect(place.anchor).toBe(`article-${article.slug}`);
      expect(pages[place.page - 1]!.map((item) => item.article.slug)).toContain(article.slug);
    }
  });

  test('a topic page holds at most its number of articles and about its number of passages; an article with more has a page of its own', () => {
    const pages = topicPages(entry);
    expect(pages.flat()).toEqual(ranked);
    for (const page of pages) {
      const passages = page.reduce((sum, { passages }) => sum + passages.length, 0);
      expect(page.length).toBeLessThanOrEqual(PAGE_SIZE.topicArticles);
      if (page.length > 1) expect(passages).toBeLessThanOrEqual(PAGE_SIZE.topicPassages);
    }
    // Packed, not cut short: a page ends only where the next article would not fit.
    for (const [i, page] of pages.slice(0, -1).entries()) {
      const passages = page.reduce((sum, { passages }) => sum + Math.max(1, passages.length), 0);
      const next = Math.max(1, pages[i + 1]![0]!.passages.length);
      expect(page.length === PAGE_SIZE.topicArticles || passages + next > PAGE_SIZE.topicPassages).toBe(true);
    }
  });
});
