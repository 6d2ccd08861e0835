/** The search query: phrases and words, the term Pagefind gets, the reader's label, anchors, hit links; and how far a query's candidates are checked, and the near words they offer. */
import { describe, expect, test } from 'vitest';
import { searchHitPath } from '../../src/core/urls.ts';
import { ExactCheck } from '../../src/client/search/hits.ts';
import type { ResultData } from '../../src/client/search/pagefind.ts';
import { anchorAt, parseQuery } from '../../src/client/search/query.ts';

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

describe('ExactCheck', () => {
  // Candidates as Pagefind returns them for "world order": every third page has the phrase word for word, the
  // others only its words apart (stems match, the phrase does not).
  const pages = Array.from({ length: 40 }, (_, i) => ({
    url: `/articles/a-${i}/`,
    content: i % 3 === 0 ? 'a new world order for the age' : 'the world has no order yet',
    locations: [],
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
    const check = new ExactCheck(results, query);
    await check.until(3);
    expect(check.results.map((result) => Number(result.id))).toEqual([0, 3, 6, 9].slice(0, check.results.length));
    expect(check.results.length).toBeGreaterThanOrEqual(3);
    expect(loaded.length).toBeLessThan(results.length);
    expect(loaded.length % ExactCheck.BATCH).toBe(0);
    expect(check.complete).toBe(false);
    expect(check.counts()).toBeUndefined();
  });

  test('once every candidate is checked: exactly the pages with the phrase, and their facet counts', async () => {
    const { results, loaded } = candidates();
    const check = new ExactCheck(results, query);
    await check.until(Infinity);
    expect(check.complete).toBe(true);
    expect(check.results.map((result) => pages[Number(result.id)]!.url)).toEqual(truly.map((page) => page.url));
    expect(new Set(loaded).size).toBe(loaded.length);
    const even = truly.filter((page) => page.filters.topic[0] === 'Even').length;
    expect(check.counts()).toEqual({ topic: { Even: even, Odd: truly.length - even } });
  });

  test('words are checked too: a page with only a near word is no hit, and its word is offered instead', async () => {
    const near = [
      { url: '/articles/b-0/', content: 'They were banning it', locations: [2], filters: {}, meta: {} },
      { url: '/articles/b-1/', content: 'Two bans, and banning.', locations: [1, 3], filters: {}, meta: {} },
      { url: '/articles/b-2/', content: 'A Banana split', locations: [1], filters: {}, meta: { title: 'x' } },
    ];
    const results = near.map((page, i) => ({ id: String(i), data: async () => page as unknown as ResultData }));
    const check = new ExactCheck(results, parseQuery('banana'));
    await check.until(Infinity);
    expect(check.results.map((result) => result.id)).toEqual(['2']);
    expect(check.nearWords()).toEqual(['banning', 'bans']);
  });

  test('without words (browsing by facet) nothing is loaded: every result is kept, and Pagefind’s counts stand', async () => {
    const { results, loaded } = candidates();
    const check = new ExactCheck(results, parseQuery(''));
    await check.until(Infinity);
    expect(check.results).toHaveLength(results.length);
    expect(loaded).toEqual([]);
    expect(check.counts()).toBeUndefined();
  });
});
