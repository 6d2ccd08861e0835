/**
 * Citations (corpora ingested in memory): Highwire tags, BibTeX read back by Zotero's own parser
 * (@retorquere/bibtex-parser) and CSL-JSON for every article of the real corpus; the formatted citation and
 * citeproc's rendering of two articles of the fixture corpus whose fields are known. Unknown fields must be
 * absent, never guessed; plain texts cite as title + "n.d.".
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/schemas/article.ts';
import { articleUrl } from '../../src/core/urls.ts';
import { bibtexEscape, citationText, highwireTags, toBibtex, toBibtexFile, toCsl } from '../../src/utils/citation.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { slugifyName } from '../../src/core/slug.ts';
import { corpusTopics, FIXTURE_CORPUS, ingest } from '../helpers/ingest-corpus.ts';

const site = new URL('https://dossier.example');
const articles = ingest().entries.map((entry) => entry.article);
const fixture = ingest(FIXTURE_CORPUS).entries.map((entry) => entry.article);
// Of the fixture corpus: a plain text with neither author nor date, and the Substack feed's second item
// (byline, outlet, date and URL all given by the feed).
const plain = fixture.find((article) => article.source.format === 'text' && article.author === null && article.publishedAt === null)!;
const feed = fixture.find((article) => article.source.format === 'rss' && article.source.item === 2)!;

function parseOne(bib: string) {
  // english: false keeps titles as written (no sentence-casing), so they can be compared exactly.
  const library = parseBibtex(bib, { english: false });
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0]!;
}

test('the corpus has articles to cite, and the fixture corpus both kinds', () => {
  expect(articles.length).toBeGreaterThan(0);
  expect(plain).toBeDefined();
  expect(feed).toMatchObject({ author: 'Yathārth', outlet: 'Yathārth', publishedAt: '2026-01-14T01:30:38Z' });
});

describe('Highwire citation_* tags', () => {
  test.each(articles.map((article) => [article.slug, article] as const))('%s: known fields only, values as in the entry', (_slug, article) => {
    const tags = Object.fromEntries(highwireTags(article, site).map((tag) => [tag.name, tag.content]));
    const expected: Record<string, string> = { citation_title: article.title, citation_public_url: `https://dossier.example/articles/${article.slug}/` };
    if (article.author !== null) expected['citation_author'] = article.author;
    if (article.outlet !== null) expected['citation_journal_title'] = article.outlet;
    if (article.publishedAt !== null) expected['citation_publication_date'] = article.publishedAt.slice(0, 10).replaceAll('-', '/');
    expect(tags).toEqual(expected);
  });
});

describe('formatted citation', () => {
  test('a plain text says what is known: title, n.d., its copy in Dossier; nothing invented', () => {
    expect(citationText(plain, site)).toBe(`“${plain.title.replace(/\.?$/, '.')}” n.d. Copy in Dossier: https://dossier.example/articles/${plain.slug}/.`);
  });

  test('a feed item gives author, title, outlet, date, original URL, then the copy in Dossier', () => {
    expect(citationText(feed, site)).toBe(
      `${feed.author}. “${feed.title}.” ${feed.outlet}, 14 January 2026. ${feed.url}. Copy in Dossier: https://dossier.example/articles/${feed.slug}/.`,
    );
  });
});

describe('BibTeX', () => {
  test.each(articles.map((article) => [article.slug, article] as const))('%s: parses, keyed by slug, with exactly the known fields', (_slug, article) => {
    const entry = parseOne(toBibtex(article, site));
    expect(entry.type).toBe('misc');
    expect(entry.key).toBe(article.slug);
    expect(entry.fields.title).toBe(article.title);
    expect(entry.fields.author?.map((creator) => creator.name ?? creator.lastName)).toEqual(article.author === null ? undefined : [article.author]);
    expect(entry.fields['howpublished']).toBe(article.outlet ?? undefined);
    expect(entry.fields['year']).toBe(article.publishedAt?.slice(0, 4));
    expect(entry.fields['date']).toBe(article.publishedAt?.slice(0, 10));
    expect(entry.fields['month']).toBe(article.publishedAt === null ? undefined : String(Number(article.publishedAt.slice(5, 7))));
    expect(entry.fields['url']).toBe(article.url ?? articleUrl(article.slug, site));
    expect(entry.fields['note']).toContain(articleUrl(article.slug, site));
    expect(entry.fields['note']).toContain(article.source.file);
    expect(entry.fields['note']).toContain(article.source.sha256);
  });

  test('TeX specials in a title or byline come back exactly as written', () => {
    const title = String.raw`50% of {AI} & $100 #1 under_score ~tilde ^caret back\slash “quotes” Yathārth`;
    const entry = parseOne(toBibtex({ ...feed, title, author: 'Jane Doe and John Roe' }, site));
    expect(entry.fields.title).toBe(title);
    // The byline is one literal name, not split at "and".
    expect(entry.fields.author).toEqual([{ name: 'Jane Doe and John Roe' }]);
    expect(bibtexEscape('a_b')).toBe('a\\_b');
  });

  test('the corpus file holds every article once', () => {
    const library = parseBibtex(toBibtexFile(articles, site), { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.key).sort()).toEqual(articles.map((article) => article.slug).sort());
  });
});

describe('CSL-JSON', () => {
  test.each(articles.map((article) => [article.slug, article] as const))('%s: known fields only', (_slug, article) => {
    const item = JSON.parse(JSON.stringify(toCsl(article, site)));
    expect(item.id).toBe(article.slug);
    expect(item.title).toBe(article.title);
    expect(item.author).toEqual(article.author === null ? undefined : [{ literal: article.author }]);
    expect(item['container-title']).toBe(article.outlet ?? undefined);
    expect(item.issued).toEqual(article.publishedAt === null ? undefined : { 'date-parts': [article.publishedAt.slice(0, 10).split('-').map(Number)] });
    expect(item.URL).toBe(article.url ?? articleUrl(article.slug, site));
    expect(item.custom.sourceSha256).toBe(article.source.sha256);
    expect(item.custom.rawSourceUrl).toBe(`https://dossier.example/sources/raw/${article.source.file}`);
  });

  test('citeproc renders an undated plain text with "n.d." and the Dossier URL, and no invented author or outlet', async () => {
    const cite = await Cite.async([JSON.parse(JSON.stringify(toCsl(plain, site)))]);
    const apa = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(apa).toContain('(n.d.)');
    expect(apa).toContain(articleUrl(plain.slug, site));
    expect(apa).toContain(plain.title.slice(10, 50)); // citeproc curls the apostrophe before it
    expect(apa).not.toMatch(/unknown|Anonymous/i);
  }, 120_000); // citeproc loads its style and locale on first use (slow on a busy machine)

  test('citeproc renders a feed item with its author, year and outlet', async () => {
    const cite = await Cite.async([JSON.parse(JSON.stringify(toCsl(feed, site)))]);
    const apa = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(apa).toContain(`${feed.author}. (2026, January 14).`);
    expect(apa).toContain(feed.url!);
  }, 120_000);
});

describe('outlet slugs never take /sources/raw/', () => {
  test('an outlet named "Raw" gets another slug', () => {
    expect(slugifyName('Raw')).toBe('raw-outlet');
    expect(slugifyName('  RAW! ')).toBe('raw-outlet');
    expect(slugifyName('Raw Story')).toBe('raw-story');
    const withRaw: Article = { ...feed, slug: 'x', outlet: 'Raw' };
    const index = buildCorpusIndex([withRaw], corpusTopics());
    expect(index.sources.map((group) => group.slug)).toEqual(['raw-outlet']);
  });
});
