/**
 * Web addresses as comparison keys (src/core/url-normalize.ts): the spellings of one page that an author may
 * link to compare equal, addresses of different pages never do, and the fragment is kept apart.
 */
import { describe, expect, test } from 'vitest';
import { normalizeUrl } from '../../src/core/url-normalize.ts';

const key = (href: string) => normalizeUrl(href)?.key;

describe('normalizeUrl', () => {
  test.each([
    ['scheme', 'http://example.com/p/essay', 'https://example.com/p/essay'],
    ['www.', 'https://www.example.com/p/essay', 'https://example.com/p/essay'],
    ['host case', 'https://EXAMPLE.com/p/essay', 'https://example.com/p/essay'],
    ['a trailing dot on the host', 'https://example.com./p/essay', 'https://example.com/p/essay'],
    ['the default port', 'https://example.com:443/p/essay', 'https://example.com/p/essay'],
    ['a trailing slash', 'https://example.com/p/essay/', 'https://example.com/p/essay'],
    ['the root with and without its slash', 'https://example.com/', 'https://example.com'],
    ['utm_* parameters', 'https://example.com/p/essay?utm_source=substack&utm_medium=email&UTM_Campaign=x', 'https://example.com/p/essay'],
    ['click ids', 'https://example.com/p/essay?fbclid=abc&gclid=def', 'https://example.com/p/essay'],
    ['the order of the other parameters', 'https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['a tracking parameter among others', 'https://example.com/a?utm_source=x&id=7', 'https://example.com/a?id=7'],
    ['an escaped unreserved character', 'https://example.com/%7Euser/a%2Db', 'https://example.com/~user/a-b'],
    ['the case of an escape', 'https://example.com/a%2fb', 'https://example.com/a%2Fb'],
    ['dot segments', 'https://example.com/p/../p/essay', 'https://example.com/p/essay'],
    ['white space around the address', '  https://example.com/p/essay\n', 'https://example.com/p/essay'],
    ['the fragment', 'https://example.com/p/essay#part-2', 'https://example.com/p/essay'],
    ['Substack’s reader address', 'https://open.substack.com/pub/someone/p/an-essay?r=2&utm_medium=ios', 'https://someone.substack.com/p/an-essay?r=2'],
    ['more click ids', 'https://example.com/a?igshid=1&yclid=2&twclid=3&_gl=4&mkt_tok=5', 'https://example.com/a'],
    ['arXiv: abs and pdf', 'https://arxiv.org/pdf/2507.06379', 'https://arxiv.org/abs/2507.06379'],
    ['arXiv: a pdf file of a version', 'http://arxiv.org/pdf/2507.06379v2.pdf', 'https://arxiv.org/abs/2507.06379'],
    ['arXiv: the html page of a version', 'https://arxiv.org/html/2507.06379v1', 'https://arxiv.org/abs/2507.06379'],
    ['arXiv: a version', 'https://arxiv.org/abs/2408.16074v2', 'https://arxiv.org/abs/2408.16074'],
    ['arXiv: www. and export.', 'https://export.arxiv.org/abs/2310.09217', 'https://www.arxiv.org/abs/2310.09217/'],
    ['arXiv: alphaXiv’s page of the paper', 'https://www.alphaxiv.org/abs/2507.15916', 'https://arxiv.org/abs/2507.15916'],
    ['arXiv: an old-style id', 'https://arxiv.org/pdf/hep-th/9901001v3', 'https://arxiv.org/abs/hep-th/9901001'],
    ['arXiv: its own DOI', 'https://doi.org/10.48550/arXiv.2507.06379', 'https://arxiv.org/abs/2507.06379'],
    ['DOI: the resolver', 'http://dx.doi.org/10.1093/ia/iiae124', 'https://doi.org/10.1093/ia/iiae124'],
    ['DOI: its case', 'https://doi.org/10.1093/IA/IIAE124', 'https://doi.org/10.1093/ia/iiae124'],
    ['DOI: percent-encoded', 'https://doi.org/10.1093%2Fia%2Fiiae124', 'https://doi.org/10.1093/ia/iiae124'],
    ['DOI: a tracking query', 'https://doi.org/10.1093/ia/iiae124?utm_source=x', 'https://doi.org/10.1093/ia/iiae124'],
    ['x.com: twitter.com', 'https://twitter.com/someone/status/1?s=20&t=abc', 'https://x.com/someone/status/1'],
  ])('one page whatever its %s', (_, a, b) => {
    expect(key(a)).toBeDefined();
    expect(key(a)).toBe(key(b));
  });

  test.each([
    ['another path', 'https://example.com/p/essay', 'https://example.com/p/essay-2'],
    ['a longer path', 'https://example.com/p/essay', 'https://example.com/p/essay/comments'],
    ['path case', 'https://example.com/p/Essay', 'https://example.com/p/essay'],
    ['another host', 'https://example.com/p/essay', 'https://example.org/p/essay'],
    ['a subdomain other than www.', 'https://blog.example.com/p/essay', 'https://example.com/p/essay'],
    ['another port', 'https://example.com:8443/p/essay', 'https://example.com/p/essay'],
    ['a query that names another page', 'https://example.com/?p=12', 'https://example.com/?p=13'],
    ['a parameter that is not tracking', 'https://example.com/a?id=7', 'https://example.com/a'],
    ['an escaped reserved character', 'https://example.com/a%2Fb', 'https://example.com/a/b'],
    ['another arXiv paper', 'https://arxiv.org/abs/2507.06379', 'https://arxiv.org/abs/2507.06380'],
    ['an arXiv listing, not a paper', 'https://arxiv.org/list/cs.AI/recent', 'https://arxiv.org/abs/2507.06379'],
    ['another DOI', 'https://doi.org/10.1093/ia/iiae124', 'https://doi.org/10.1093/ia/iiae125'],
    ['a share parameter on another host', 'https://example.com/a?s=20', 'https://example.com/a'],
    ['a DOI-looking path on a publisher', 'https://example.com/10.1093/ia/iiae124', 'https://doi.org/10.1093/ia/iiae124'],
  ])('different pages stay apart: %s', (_, a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  test('an identified work is keyed by its identifier; its fragment is kept apart', () => {
    expect(normalizeUrl('https://arxiv.org/pdf/2507.06379v2#page=3')).toEqual({ key: 'arxiv.org/abs/2507.06379', fragment: 'page=3' });
    expect(normalizeUrl('https://dx.doi.org/10.1000/ABC')).toEqual({ key: 'doi.org/10.1000/abc', fragment: null });
  });

  test('the key has no scheme, no www., no trailing slash and no fragment', () => {
    expect(normalizeUrl('http://www.Example.com/p/essay/?utm_source=x&b=2&a=1#part')).toEqual({ key: 'example.com/p/essay?a=1&b=2', fragment: 'part' });
  });

  test('the fragment is the id it names, decoded; none when empty', () => {
    expect(normalizeUrl('https://example.com/a#caf%C3%A9')?.fragment).toBe('café');
    expect(normalizeUrl('https://example.com/a#p-3f9a2c1')?.fragment).toBe('p-3f9a2c1');
    expect(normalizeUrl('https://example.com/a#')?.fragment).toBeNull();
    expect(normalizeUrl('https://example.com/a')?.fragment).toBeNull();
    expect(normalizeUrl('https://example.com/a#%E0%A4')?.fragment).toBe('%E0%A4');
  });

  test.each(['/articles/a/', '#p-3f9a2c1', 'mailto:someone@example.com', 'ftp://example.com/a', 'javascript:alert(1)', 'not a url', '', 'https://'])(
    'no key for what is not an absolute web address: %j',
    (href) => {
      expect(normalizeUrl(href)).toBeNull();
    },
  );
});
