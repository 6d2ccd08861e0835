/** The search query: phrases and words, the term Pagefind gets, the reader's label, phrase checks, anchors, hit links. */
import { describe, expect, test } from 'vitest';
import { searchHitPath } from '../../src/core/urls.ts';
import { anchorAt, containsPhrases, contentWords, findPhrase, parseQuery, phraseSpan } from '../../src/scripts/search/query.ts';

describe('parseQuery', () => {
  test.each([
    ['iaea', { phrases: [], words: ['iaea'], term: 'iaea', label: '“iaea”' }],
    ['"world order"', { phrases: ['world order'], words: [], term: '"world order"', label: '“world order”' }],
    ['“world  order”', { phrases: ['world order'], words: [], term: '"world order"', label: '“world order”' }],
    ['"world order" iaea', { phrases: ['world order'], words: ['iaea'], term: 'world order iaea', label: '“world order” iaea' }],
    ['"world order', { phrases: ['world order'], words: [], term: '"world order"', label: '“world order”' }],
    ['""', { phrases: [], words: [], term: '', label: '' }],
    ['  ', { phrases: [], words: [], term: '', label: '' }],
  ])('%s', (raw, expected) => {
    expect(parseQuery(raw)).toMatchObject(expected);
  });

  test('a phrase is highlighted as one term', () => {
    expect(parseQuery('"world order" iaea').highlights).toEqual(['world order', 'iaea']);
  });
});

describe('phrases', () => {
  test('content words line up with Pagefind word locations', () => {
    expect(contentWords('The “World Order”. — Élan')).toEqual(['the', 'world', 'order', '', 'elan']);
  });

  test.each([
    ['a US-led world order and', 'world order', 2],
    ['world — order', 'world order', 0],
    ['the world orders', 'world order', -1],
    ['compute threshold limits', 'compute thresholds', -1],
    ['order world', 'world order', -1],
  ])('%s / %s -> %i', (content, phrase, location) => {
    expect(findPhrase(contentWords(content), phrase)).toBe(location);
  });

  test('a phrase spans its words and the punctuation between them', () => {
    const words = contentWords('a world — order b');
    expect(phraseSpan(words, 1, 'world order')).toBe(3);
  });

  test('every phrase must occur, in the body or in a metadata field', () => {
    expect(containsPhrases(['a world order here', 'The Title'], ['world order', 'the title'])).toBe(true);
    expect(containsPhrases(['a world order here', 'The Title'], ['world order', 'title page'])).toBe(false);
  });
});

describe('anchorAt', () => {
  const anchors = [
    { element: 'h2', id: 'why', location: 0 },
    { element: 'p', id: 'p-3f9a2c1', location: 3 },
    { element: 'a', id: 'user-content-fnref-1', location: 5 },
    { element: 'li', id: 'user-content-fn-1', location: 9 },
  ];
  test.each([
    [0, 'why'],
    [4, 'p-3f9a2c1'],
    [6, 'p-3f9a2c1'],
    [10, 'user-content-fn-1'],
  ])('location %i -> %s', (location, id) => {
    expect(anchorAt(anchors, location)).toBe(id);
  });
  test('before the first block there is none', () => {
    expect(anchorAt([{ element: 'p', id: 'p-1234567', location: 4 }], 2)).toBeUndefined();
  });
});

test('searchHitPath: the page, a phrase as one highlight term, the paragraph', () => {
  expect(searchHitPath('/articles/a-title/', ['world order', 'iaea'], 'p-3f9a2c1')).toBe('/articles/a-title/?highlight=world%20order&highlight=iaea#p-3f9a2c1');
  expect(searchHitPath('/articles/a-title/', [])).toBe('/articles/a-title/');
});
