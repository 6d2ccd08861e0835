/**
 * The works cited (src/utils/works-cited.ts), from bodies rendered as the site renders them: one work whatever
 * address or spelling names it, each citing article once with each of its citing paragraphs, labels as given,
 * works of the corpus marked, and what cites nothing (an image link, a note number, a remark) left out.
 */
import { describe, expect, test } from 'vitest';
import { renderArticle } from '../../src/utils/render-article.ts';
import { byName, groupWorksCited, workDomains, type BodyCitations } from '../../src/utils/works-cited.ts';
import { feedArticle } from '../helpers/article.ts';

const article = (slug: string, url: string | null) => feedArticle(slug, { url });

const a = article('a', 'https://a.example/p/a');
const b = article('b', 'https://b.example/p/b');
const c = article('c', null);
const articles = [a, b, c];

const bodies: Record<string, string> = {
  a: [
    'The [four-institution framework](https://arxiv.org/html/2507.06379v1) and [MAGIC](https://arxiv.org/abs/2310.09217?utm_source=x).[^1]',
    '',
    'As [b argues](https://www.b.example/p/b/), and see [my own](https://a.example/p/a) and [3](https://a.example/publish/post/1#footnote-anchor-3).',
    '',
    '[![](https://img.example/x.png)](https://img.example/x.png)',
    '',
    '[^1]: Ho et al. “[Four institutions for governing frontier AI](https://arxiv.org/abs/2507.06379).” arXiv:2507.06379.',
    '',
  ].join('\n'),
  b: [
    'A paper, arXiv:2507.06379v2, and a report (doi:10.1093/IA/iiae124).[^1][^2]',
    '',
    '[^1]: [Four institutions for governing frontier AI](https://arxiv.org/pdf/2507.06379v3.pdf)',
    '',
    '[^2]: I disagree with this, as said before.',
    '',
  ].join('\n'),
  c: [
    'Read the [Oxford piece](https://doi.org/10.1093/ia/IIAE124) and [a post](https://thezvi.substack.com/p/a?r=abc&utm_medium=web).',
    '',
    '<ResidueBlock rule="feed-boilerplate">',
    '  Get the show on [iTunes](https://podcasts.apple.com/show/1).',
    '</ResidueBlock>',
    '',
  ].join('\n'),
};

async function citations(): Promise<Map<string, BodyCitations>> {
  const out = new Map<string, BodyCitations>();
  for (const [slug, body] of Object.entries(bodies)) {
    const { links, mentions } = await renderArticle(body, { label: `${slug}.mdx`, topics: [] });
    out.set(slug, { links, mentions });
  }
  return out;
}

describe('groupWorksCited', async () => {
  const { works, byArticle } = groupWorksCited(articles, await citations());
  const work = (key: string) => works.find((candidate) => candidate.key === key);

  test('one work whatever address names it, cited by each article once', () => {
    const paper = work('arxiv.org/abs/2507.06379');
    expect(paper?.identifier).toEqual({ scheme: 'arxiv', id: '2507.06379' });
    expect(paper?.url).toBe('https://arxiv.org/abs/2507.06379');
    expect(paper?.citing.map((citing) => citing.article.slug)).toEqual(['a', 'b']);
    expect(paper?.addresses).toEqual(['https://arxiv.org/html/2507.06379v1', 'https://arxiv.org/abs/2507.06379', 'https://arxiv.org/pdf/2507.06379v3.pdf']);
  });

  test('each citing paragraph once, with its place: a note that links the paper and writes its id cites it once', () => {
    const paper = work('arxiv.org/abs/2507.06379')!;
    const [ofA, ofB] = paper.citing;
    expect(ofA!.places.map((place) => place.place)).toEqual(['para. 1', 'note 1']);
    expect(ofB!.places.map((place) => place.place)).toEqual(['note 1', 'para. 1']);
    expect(ofA!.places[0]!.anchor).toMatch(/^p-/);
    expect(ofB!.places[0]!.anchor).toBe('user-content-fn-1');
  });

  test('the label is one it is cited by, the most often given', () => {
    const paper = work('arxiv.org/abs/2507.06379')!;
    expect(paper.label).toBe('Four institutions for governing frontier AI');
    expect(paper.labels.map((label) => label.label)).toContain('four-institution framework');
  });

  test('a DOI in text and at its resolver is one work, labelled by the link’s text rather than the DOI as written', () => {
    const report = work('doi.org/10.1093/ia/iiae124');
    expect(report?.citing.map((citing) => citing.article.slug)).toEqual(['b', 'c']);
    expect(report?.labels.map((label) => label.label).sort()).toEqual(['10.1093/IA/iiae124', 'Oxford piece']);
    expect(report?.label).toBe('Oxford piece');
    expect(report?.domain).toBe('doi.org');
  });

  test('an article of the corpus is marked as such', () => {
    expect(work('b.example/p/b')?.inCorpus?.slug).toBe('b');
    expect(work('thezvi.substack.com/p/a?r=abc')?.inCorpus).toBeNull();
  });

  test('no work from an image link, a note number, the article’s own address, a remark or a link in residue', () => {
    expect(works.map((candidate) => candidate.key).sort()).toEqual(
      ['arxiv.org/abs/2310.09217', 'arxiv.org/abs/2507.06379', 'b.example/p/b', 'doi.org/10.1093/ia/iiae124', 'thezvi.substack.com/p/a?r=abc'].sort(),
    );
  });

  test('most cited first, then by name; each article’s works in the order it cites them', () => {
    expect(works.slice(0, 2).map((candidate) => candidate.citing.length)).toEqual([2, 2]);
    expect(works.slice(0, 2).map((candidate) => candidate.label)).toEqual(['Four institutions for governing frontier AI', 'Oxford piece']);
    expect([...works].sort(byName).map((candidate) => candidate.label)).toEqual([
      'a post',
      'b argues',
      'Four institutions for governing frontier AI',
      'MAGIC',
      'Oxford piece',
    ]);
    expect(byArticle.get('a')?.map((candidate) => candidate.key)).toEqual(['arxiv.org/abs/2507.06379', 'arxiv.org/abs/2310.09217', 'b.example/p/b']);
    expect(byArticle.get('c')?.length).toBe(2);
  });

  test('domains with their counts, most first', () => {
    expect(workDomains(works)[0]).toEqual({ domain: 'arxiv.org', count: 2 });
  });

  test('stable row ids', () => {
    expect(work('b.example/p/b')?.id).toMatch(/^work-[0-9a-f]{12}$/);
  });
});
