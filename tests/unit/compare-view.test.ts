import { describe, expect, test } from 'vitest';
import { slugFrom } from '../../src/scripts/compare-view.ts';

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
