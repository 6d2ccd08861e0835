/**
 * DOIs and arXiv ids (src/core/work-ids.ts): found in addresses and in text as a reader would read them, in one
 * spelling, and not found in numbers or addresses that are not identifiers.
 */
import { describe, expect, test } from 'vitest';
import { identifierInUrl, identifiersInText, identifierUrl } from '../../src/core/work-ids.ts';

const inText = (text: string, bare = false) => identifiersInText(text, { bare }).map(({ scheme, id, written }) => ({ scheme, id, written }));

describe('identifierInUrl', () => {
  test.each([
    ['https://arxiv.org/abs/2507.06379', 'arxiv', '2507.06379'],
    ['https://arxiv.org/pdf/2507.06379v2.pdf', 'arxiv', '2507.06379'],
    ['https://arxiv.org/html/2507.06379v1/', 'arxiv', '2507.06379'],
    ['https://www.alphaxiv.org/abs/2507.15916', 'arxiv', '2507.15916'],
    ['https://arxiv.org/abs/math.GT/0309136v1', 'arxiv', 'math.GT/0309136'],
    ['https://doi.org/10.1093/IA/iiae124', 'doi', '10.1093/ia/iiae124'],
    ['https://doi.org/10.48550/arXiv.2310.09217', 'arxiv', '2310.09217'],
  ])('%s -> %s %s', (href, scheme, id) => {
    expect(identifierInUrl(new URL(href))).toEqual({ scheme, id });
  });

  test.each([
    'https://arxiv.org/list/cs.AI/recent',
    'https://arxiv.org/abs/',
    'https://doi.org/',
    'https://doi.org/about',
    'https://example.com/abs/2507.06379',
  ])('no identifier in %s', (href) => {
    expect(identifierInUrl(new URL(href))).toBeNull();
  });

  test('an identifier’s own address', () => {
    expect(identifierUrl({ scheme: 'doi', id: '10.1/x' })).toBe('https://doi.org/10.1/x');
    expect(identifierUrl({ scheme: 'arxiv', id: '2507.06379' })).toBe('https://arxiv.org/abs/2507.06379');
  });
});

describe('identifiersInText', () => {
  test('a prefixed DOI and arXiv id anywhere, without the sentence’s punctuation', () => {
    expect(inText('See doi:10.1000/XYZ.1. And arXiv:2310.09217v2, then (doi: 10.1016/S0140-6736(20)30183-5).')).toEqual([
      { scheme: 'doi', id: '10.1000/xyz.1', written: '10.1000/XYZ.1' },
      { scheme: 'arxiv', id: '2310.09217', written: '2310.09217v2' },
      { scheme: 'doi', id: '10.1016/s0140-6736(20)30183-5', written: '10.1016/S0140-6736(20)30183-5' },
    ]);
  });

  test('a DOI written as its resolver’s address', () => {
    expect(inText('Available at https://doi.org/10.1093/ia/iiae124.')).toEqual([{ scheme: 'doi', id: '10.1093/ia/iiae124', written: '10.1093/ia/iiae124' }]);
  });

  test('a bare DOI counts only where bare ones are allowed (a note, a link’s text)', () => {
    expect(inText('Ho et al., 10.1093/ia/iiae124.')).toEqual([]);
    expect(inText('Ho et al., 10.1093/ia/iiae124.', true)).toEqual([{ scheme: 'doi', id: '10.1093/ia/iiae124', written: '10.1093/ia/iiae124' }]);
  });

  test.each([
    ['a bare number', 'It rose 2507.06379 times.'],
    ['a number after “arXiv” that is no id', 'arXiv 2026 was busy.'],
    ['a DOI prefix without a suffix', 'doi:10.1000/'],
    ['a decimal that looks like a DOI prefix', 'about 10.5 percent / year'],
  ])('nothing in %s', (_, text) => {
    expect(inText(text, true)).toEqual([]);
  });

  test('where each one is, as offsets into the text', () => {
    const text = 'Cited as arXiv:2507.06379.';
    const [found] = identifiersInText(text);
    expect(text.slice(found!.start, found!.end)).toBe('2507.06379');
  });
});
