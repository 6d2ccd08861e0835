import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sharedPassages } from '../../src/client/compare-sections.ts';
import { slugFrom } from '../../src/client/compare-view.ts';
import { COMPARE_DATA_VERSION, type CompareData } from '../../src/utils/compare-data.ts';

describe('the compare form on a large corpus takes an article address or slug', () => {
  test('an address, a site path or a slug names the same article', () => {
    for (const value of ['a-title', ' a-title ', '/articles/a-title/', '/articles/a-title/#p-3f9a2c1', 'http://localhost:4321/articles/a-title/?x=1'])
      expect(slugFrom(value)).toBe('a-title');
  });

  test('anything else is left as given, for the page to say no article is called that', () => {
    expect(slugFrom('')).toBe('');
    expect(slugFrom('Not a slug')).toBe('Not a slug');
  });
});

describe('the shared passages of two articles', () => {
  const data = (slug: string, shared: CompareData['shared']): CompareData => ({
    schemaVersion: COMPARE_DATA_VERSION,
    slug,
    path: `/articles/${slug}/`,
    title: slug,
    titleInferred: false,
    byline: '',
    topics: [],
    works: [],
    shared,
  });

  test('each version of a with each version of b of the same cluster; a cluster only one has is not shared', () => {
    const a = data('a', [
      { cluster: 'r-1', paragraph: 'p-1', text: 'an American oligopoly that includes his own company' },
      { cluster: 'r-2', paragraph: 'p-2', text: 'only a and c' },
    ]);
    const b = data('b', [{ cluster: 'r-1', paragraph: 'p-9', text: 'an American oligopoly that includes Altman’s own company' }]);
    expect(sharedPassages(a, b)).toEqual([
      { a: 'p-1', b: 'p-9', textA: 'an American oligopoly that includes his own company', textB: 'an American oligopoly that includes Altman’s own company' },
    ]);
  });

  test('the view reads the data version the build writes', () => {
    const source = readFileSync(new URL('../../src/client/compare-view.ts', import.meta.url), 'utf8');
    expect(source).toContain(`data.schemaVersion === ${COMPARE_DATA_VERSION}`);
  });
});
