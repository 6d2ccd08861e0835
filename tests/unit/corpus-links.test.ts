/**
 * The corpus link graph (src/utils/corpus-links.ts) and the rehype plugin that records and rewrites a body's
 * links (src/plugins/rehype-outbound-links.ts): a link to another article's original address, however it is
 * spelled, goes to its copy here with the original one click away; the cited article knows each citing
 * paragraph, quoted exactly; links that name no article, or the article itself, are left as they are.
 */
import { describe, expect, test } from 'vitest';
import { addressBook, articleAddresses } from '../../src/utils/corpus-links.ts';
import { renderArticle } from '../../src/utils/render-article.ts';
import { feedArticle as article } from '../helpers/article.ts';
import { linkGraph } from '../helpers/link-graph.ts';

const a = article('a', { url: 'https://a.example/p/a' });
const b = article('b', { url: 'https://x.example/p/b' });
// Known by its feed guid only.
const c = article('c', { source: { file: 'feed.xml', format: 'rss', sha256: '0'.repeat(64), guid: 'https://feed.example/items/c', item: 2 } });
const articles = [a, b, c];

const bodies = {
  a: [
    'See [the essay](http://www.x.example/p/b/?utm_source=feed#why-it-matters) and [again](https://x.example/p/b).',
    '',
    'Also [c](https://feed.example/items/c#nowhere), and [elsewhere](https://x.example/p/other).[^1]',
    '',
    '[^1]: First in [b](https://x.example/p/b/).',
    '',
  ].join('\n'),
  b: ['## Why it matters', '', 'Its [comments](https://x.example/p/b/comments) and [itself](https://x.example/p/b).', ''].join('\n'),
  c: 'No links at all.\n',
};

const render = (slug: keyof typeof bodies, corpusLinks?: Record<string, string>) => renderArticle(bodies[slug], { label: slug, topics: [], corpusLinks });
const rendered = new Map(await Promise.all((['a', 'b', 'c'] as const).map(async (slug) => [slug, await render(slug)] as const)));
const graph = linkGraph(articles, rendered);

describe('the addresses an article is known by', () => {
  test('its URL, and its feed guid when that is a web address', () => {
    expect(articleAddresses(b)).toEqual(['https://x.example/p/b']);
    expect(articleAddresses(c)).toEqual(['https://feed.example/items/c']);
    expect(articleAddresses(article('d', { source: { ...c.source, guid: 'tag:feed.example,2026:d' } }))).toEqual([]);
  });

  test('an address two articles share names neither', () => {
    const twin = article('twin', { url: 'https://x.example/p/b/' });
    expect(addressBook([a, b, twin]).has('x.example/p/b')).toBe(false);
    expect(addressBook([a, b]).get('x.example/p/b')).toBe('b');
  });
});

describe('the link graph', () => {
  test('every spelling of another article’s address goes to its copy; the fragment stays only when the copy has that id', () => {
    expect(graph.corpusLinks.get('a')).toEqual({
      'http://www.x.example/p/b/?utm_source=feed#why-it-matters': '/articles/b/#why-it-matters',
      'https://x.example/p/b': '/articles/b/',
      'https://x.example/p/b/': '/articles/b/',
      'https://feed.example/items/c#nowhere': '/articles/c/',
    });
  });

  test('a link to the article itself, or to another page of its site, is left alone', () => {
    expect(graph.corpusLinks.has('b')).toBe(false);
    expect(graph.cites.has('b')).toBe(false);
  });

  test('the cited article knows each citing paragraph once, in reading order, with its anchor, place and exact text', () => {
    const [first, , second] = rendered.get('a')!.links;
    expect(first!.anchor).toMatch(/^p-[0-9a-f]{7}$/);
    expect(second!.anchor).toMatch(/^p-[0-9a-f]{7}$/);
    expect(graph.citedBy.get('b')).toEqual([
      {
        article: a,
        paragraphs: [
          { anchor: first!.anchor, place: 'para. 1', text: 'See the essay and again.' },
          // A link in a footnote: the note is the paragraph; its back link is the site's, not the author's.
          { anchor: 'user-content-fn-1', place: 'note 1', text: 'First in b.' },
        ],
      },
    ]);
    // The footnote number is the site's too: left out of the quote.
    expect(graph.citedBy.get('c')).toEqual([{ article: a, paragraphs: [{ anchor: second!.anchor, place: 'para. 2', text: 'Also c, and elsewhere.' }] }]);
    expect(graph.cites.get('a')!.map(({ article }) => article.slug)).toEqual(['b', 'c']);
  });

  test('articles that cite nothing and are cited by nothing have no entries', () => {
    expect(graph.cites.has('c')).toBe(false);
    expect(graph.citedBy.has('a')).toBe(false);
  });
});

describe('the rewritten body', () => {
  test('the link goes to the copy here; the original follows, one click away, said to a screen reader, out of search', async () => {
    const { html } = await render('a', graph.corpusLinks.get('a'));
    expect(html).toContain(
      '<a href="/articles/b/#why-it-matters" class="corpus-link">the essay</a><span class="original-link" data-pagefind-ignore=""> <a href="http://www.x.example/p/b/?utm_source=feed#why-it-matters" rel="noopener noreferrer">original<span class="sr-only"> on x.example</span></a></span>',
    );
    expect(html).toContain('<a href="https://x.example/p/other" rel="noopener noreferrer">elsewhere</a>');
    expect(html.match(/class="corpus-link"/g)).toHaveLength(4);
  });

  test('its recorded links and ids are those of the body as written', async () => {
    const again = await render('a', graph.corpusLinks.get('a'));
    expect(again.links).toEqual(rendered.get('a')!.links);
    expect(again.anchors).toEqual(rendered.get('a')!.anchors);
  });

  test('without in-corpus links a body is rendered as before: no link rewritten', () => {
    expect(rendered.get('a')!.html).not.toContain('corpus-link');
    expect(rendered.get('a')!.html).not.toContain('original-link');
  });
});
