/** The search query: phrases and words, the term Pagefind gets, the reader's label, phrase checks, anchors, hit links; and how far a phrase's candidates are checked. */
import { describe, expect, test } from 'vitest';
import { searchHitPath } from '../../src/core/urls.ts';
import { PhraseCheck } from '../../src/scripts/search/hits.ts';
import type { ResultData } from '../../src/scripts/search/pagefind.ts';
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

describe('PhraseCheck', () => {
  // Candidates as Pagefind returns them for "world order": every third page has the phrase word for word, the
  // others only its words apart (stems match, the phrase does not).
  const pages = Array.from({ length: 40 }, (_, i) => ({
    url: `/articles/a-${i}/`,
    content: i % 3 === 0 ? 'a new world order for the age' : 'the world has no order yet',
    filters: { topic: [i % 2 === 0 ? 'Even' : 'Odd'] },
    meta: {},
  }));
  const candidates = () => {
    const loaded: number[] = [];
    const results = pages.map((page, i) => ({ id: String(i), data: async () => (loaded.push(i), page as unknown as ResultData) }));
    return { results, loaded };
  };
  const query = parseQuery('"world order"');
  const truly = pages.filter((page) => page.content.includes('world order'));

  test('loads only as many candidates as it takes to fill a list, in Pagefind’s order', async () => {
    const { results, loaded } = candidates();
    const check = new PhraseCheck(results, query);
    await check.until(3);
    expect(check.results.map((result) => Number(result.id))).toEqual([0, 3, 6, 9].slice(0, check.results.length));
    expect(check.results.length).toBeGreaterThanOrEqual(3);
    expect(loaded.length).toBeLessThan(results.length);
    expect(loaded.length % PhraseCheck.BATCH).toBe(0);
    expect(check.complete).toBe(false);
    expect(check.counts()).toBeUndefined();
  });

  test('once every candidate is checked: exactly the pages with the phrase, and their facet counts', async () => {
    const { results, loaded } = candidates();
    const check = new PhraseCheck(results, query);
    await check.until(Infinity);
    expect(check.complete).toBe(true);
    expect(check.results.map((result) => pages[Number(result.id)]!.url)).toEqual(truly.map((page) => page.url));
    expect(new Set(loaded).size).toBe(loaded.length);
    const even = truly.filter((page) => page.filters.topic[0] === 'Even').length;
    expect(check.counts()).toEqual({ topic: { Even: even, Odd: truly.length - even } });
  });

  test('without a phrase nothing is loaded: every result is kept, and Pagefind’s counts stand', async () => {
    const { results, loaded } = candidates();
    const check = new PhraseCheck(results, parseQuery('world order'));
    await check.until(Infinity);
    expect(check.results).toHaveLength(results.length);
    expect(loaded).toEqual([]);
    expect(check.counts()).toBeUndefined();
  });
});
