/** Slugs: readable for titles in any script (transliterated), stable for Latin ones, unique for outlets. */
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/schemas/article.ts';
import { slugify, slugifyName } from '../../src/core/slug.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';

describe('slugify', () => {
  test.each([
    ['A Critical Assessment of the “IAEA for AI” Model', 'a-critical-assessment-of-the-iaea-for-ai-model'],
    ['Sam Altman’s push for an agency', 'sam-altmans-push-for-an-agency'],
    ['Straße der Zukunft', 'strasse-der-zukunft'],
    ['L’agence et le contrôle', 'lagence-et-le-controle'],
    ['Новости искусственного интеллекта', 'novosti-iskusstvennogo-intellekta'],
    ['Τεχνητή νοημοσύνη', 'tehniti-noimosyni'],
    ['人工智能的国际监管', 'ren-gong-zhi-neng-de-guo-ji-jian-guan'],
    ['한국어 기사', 'hangugeo-gisa'],
    ['!!!', 'article'],
  ])('%s -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('long titles are cut at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('outlet slugs', () => {
  test('non-Latin outlet names give readable slugs', () => {
    expect(slugifyName('Коммерсантъ')).toBe('kommersant');
    expect(slugifyName('新华社')).toBe('xin-hua-she');
  });

  test('two outlets whose names give the same slug never share a page', () => {
    const article = (slug: string, outlet: string) => ({ slug, title: slug, outlet, publishedAt: null, topics: [], passages: [] }) as unknown as Article;
    const { sources } = buildCorpusIndex([article('a', 'Café'), article('b', 'Cafe'), article('c', '!!!'), article('d', '???')], []);
    const slugs = sources.map((group) => group.slug);
    expect(new Set(slugs).size).toBe(sources.length);
    expect(sources.find((group) => group.name === 'Cafe')?.slug).toBe('cafe');
  });
});
