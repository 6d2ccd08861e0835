/**
 * Citations, with and without the site's public address (corpora ingested in memory): Highwire, Dublin Core
 * and Open Graph tags, BibTeX read back by Zotero's own parser (@retorquere/bibtex-parser) and CSL-JSON for
 * every article of the real corpus; the formatted citation and citeproc's rendering (citation-js) of articles of
 * the fixture corpus whose fields are known. Unknown fields must be absent, never guessed; inferred titles are in
 * [square brackets]; no Dossier address is given without a site; the item type follows the source.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/schemas/article.ts';
import { articleUrl } from '../../src/core/urls.ts';
import { citationKind, citationText, citedTitle, cslTitle, dublinCoreAndOpenGraphTags, highwireTags, toCsl, zoteroItemType } from '../../src/utils/citation.ts';
import { bibtexEscape, toBibtex, toBibtexFile } from '../../src/utils/citation-bibtex.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { formatDate } from '../../src/utils/format.ts';
import { slugifyName } from '../../src/core/slug.ts';
import { corpusTopics, FIXTURE_CORPUS, ingest } from '../helpers/ingest-corpus.ts';

// `.test` is reserved for testing (RFC 2606): an address no build would ever publish.
const site = new URL('https://dossier.test');
/** Both ways a build can go: with SITE_URL, and without (what `npm test` builds). */
const SITES = [
  ['with a site', site],
  ['without a site', undefined],
] as const;
const articles = ingest().entries.map((entry) => entry.article);
const fixture = ingest(FIXTURE_CORPUS).entries.map((entry) => entry.article);
// Of the fixture corpus: a plain text with neither author nor date, and the Substack feed's second item
// (byline, outlet, date and URL all given by the feed); a truncated text; an inferred title.
const plain = fixture.find((article) => article.source.format === 'text' && article.author === null && article.publishedAt === null)!;
const feed = fixture.find((article) => article.source.format === 'rss' && article.source.item === 2)!;
const truncated = fixture.find((article) => article.truncated)!;
const inferred = fixture.find((article) => article.origins.title === 'inferred')!;
const perArticle = articles.flatMap((article) => SITES.map(([label, value]) => [article.slug, label, article, value] as const));
/** A newspaper article (a host known to be one), made from the feed item. */
const newspaperArticle: Article = { ...feed, slug: 'news', outlet: 'The New York Times', url: 'https://www.nytimes.com/2026/01/14/world/a.html' };

function parseOne(bib: string) {
  // english: false keeps titles as written (no sentence-casing), so they can be compared exactly.
  const library = parseBibtex(bib, { english: false });
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0]!;
}

test('the corpus has articles to cite, and the fixture corpus every kind', () => {
  expect(articles.length).toBeGreaterThan(0);
  expect(plain).toBeDefined();
  expect(feed).toBeDefined();
  expect(feed.author).not.toBeNull();
  expect(feed.publishedAt).not.toBeNull();
  expect(truncated).toBeDefined();
  expect(inferred).toBeDefined();
});

describe('item type follows the source', () => {
  test.each([
    ['https://someone.substack.com/p/a', 'post-weblog'],
    ['https://medium.com/@someone/a', 'post-weblog'],
    ['https://www.nytimes.com/2026/01/14/a.html', 'article-newspaper'],
    ['https://www.wired.com/story/a/', 'article-magazine'],
    ['https://notsubstack.com/p/a', 'webpage'],
    ['https://blog.unknown-outlet.org/a', 'webpage'],
    [null, 'webpage'],
  ] as const)('%s -> %s', (url, kind) => {
    expect(citationKind({ url })).toBe(kind);
  });

  test('every article of the corpus gets a type from its own address', () => {
    for (const article of articles) expect(toCsl(article, site).type, article.slug).toBe(citationKind(article));
    // The Substack feed's items are blog posts; a text with no address is a web page.
    expect(citationKind(feed)).toBe('post-weblog');
    expect(citationKind(plain)).toBe('webpage');
  });
});

describe('Highwire citation_* tags', () => {
  test.each(perArticle)('%s, %s: known fields only, values as in the entry, never citation_journal_title', (_slug, _label, article, where) => {
    const tags = Object.fromEntries(highwireTags(article, where).map((tag) => [tag.key, tag.content]));
    const expected: Record<string, string> = { citation_title: citedTitle(article) };
    if (article.author !== null) expected['citation_author'] = article.author;
    // ISO 8601, as Zotero saves a date.
    if (article.publishedAt !== null) expected['citation_publication_date'] = article.publishedAt.slice(0, 10);
    if (where !== undefined) expected['citation_public_url'] = `https://dossier.test/articles/${article.slug}/`;
    expect(tags).toEqual(expected);
    expect(highwireTags(article, where).every((tag) => tag.attribute === 'name')).toBe(true);
  });
});

describe('Dublin Core and Open Graph tags', () => {
  test.each(articles.map((article) => [article.slug, article] as const))('%s: known fields only', (_slug, article) => {
    const tags = dublinCoreAndOpenGraphTags(article).map((tag) => [tag.attribute, tag.key, tag.content]);
    const expected: string[][] = [
      ['name', 'DC.title', citedTitle(article)],
      ['name', 'z.itemType', zoteroItemType(article)],
    ];
    if (article.author !== null) expected.push(['name', 'DC.creator', article.author]);
    if (article.publishedAt !== null) expected.push(['name', 'DC.date', article.publishedAt.slice(0, 10)]);
    if (article.outlet !== null) expected.push(['name', 'DC.publisher', article.outlet], ['name', 'prism.publicationName', article.outlet]);
    expected.push(['property', 'og:type', 'article']);
    if (article.dek !== null) expected.push(['property', 'og:description', article.dek]);
    if (article.publishedAt !== null) expected.push(['property', 'article:published_time', article.publishedAt]);
    if (article.author !== null) expected.push(['property', 'article:author', article.author]);
    expect(tags).toEqual(expected);
  });
});

describe('what Zotero saves (its Embedded Metadata translator reads z.itemType, prism.publicationName, citation_*)', () => {
  test.each([
    ['https://someone.substack.com/p/a', 'blogPost'],
    ['https://www.nytimes.com/2026/01/14/a.html', 'newspaperArticle'],
    ['https://www.wired.com/story/a/', 'magazineArticle'],
    [null, 'webpage'],
  ] as const)('%s -> %s', (url, type) => {
    expect(zoteroItemType({ url })).toBe(type);
  });

  test('every article of the corpus names its item type and its outlet as the blog, website or publication title', () => {
    for (const article of [...articles, ...fixture]) {
      const tags = dublinCoreAndOpenGraphTags(article);
      const value = (key: string) => tags.filter((tag) => tag.key === key).map((tag) => tag.content);
      expect(value('z.itemType'), article.slug).toEqual([zoteroItemType(article)]);
      expect(value('prism.publicationName')).toEqual(article.outlet === null ? [] : [article.outlet]);
      // No abstract where the source gives none (Zotero would take the page's description instead).
      expect(value('og:description')).toEqual(article.dek === null ? [] : [article.dek]);
    }
    // The seed's Substack items are blog posts; its texts with no address are web pages.
    expect(zoteroItemType(feed)).toBe('blogPost');
    expect(zoteroItemType(plain)).toBe('webpage');
  });

  test('no citation_author where the author is unknown, so Zotero invents none', () => {
    for (const article of [...articles, ...fixture]) {
      const authors = highwireTags(article, site).filter((tag) => tag.key === 'citation_author');
      expect(
        authors.map((tag) => tag.content),
        article.slug,
      ).toEqual(article.author === null ? [] : [article.author]);
    }
  });
});

describe('supplied titles', () => {
  test('in square brackets, without a closing full stop of their own that the style would double', () => {
    const rulebook = {
      title: 'OpenAI wants the UN for AI, and his company writing the rulebook.',
      origins: { ...inferred.origins, title: 'inferred' as const },
    };
    expect(citedTitle(rulebook)).toBe('[OpenAI wants the UN for AI, and his company writing the rulebook]');
    expect(citedTitle({ ...rulebook, title: 'Is it a race?' })).toBe('[Is it a race?]');
    expect(citedTitle({ ...rulebook, title: 'It goes on...' })).toBe('[It goes on...]');
    expect(cslTitle(rulebook)).toBe('[<span class="nocase">OpenAI wants the UN for AI, and his company writing the rulebook</span>]');
    expect(cslTitle({ ...rulebook, title: 'A <b> & C' })).toBe('[<span class="nocase">A &#60;b&#62; &#38; C</span>]');
    expect(cslTitle(feed)).toBe(feed.title);
  });
});

describe('formatted citation', () => {
  test('an undated plain text says what is known: [title], n.d., its copy in Dossier; nothing invented', () => {
    expect(citationText(plain, site)).toBe(`${citedTitle(plain)}. n.d. Copy in Dossier: https://dossier.test/articles/${plain.slug}/.`);
  });

  test('without a site it gives no Dossier address at all', () => {
    for (const article of articles) {
      const text = citationText(article, undefined);
      expect(text, article.slug).not.toContain('Copy in Dossier');
      expect(text).toBe(citationText(article, site).replace(/ Copy in Dossier: \S+\.$/, ''));
    }
  });

  test('a feed item gives author, title, date, original URL, then the copy in Dossier; the outlet is left out when it is the author', () => {
    expect(feed.outlet).toBe(feed.author); // the Substack feed is named after its author
    const title = feed.title.replace(/“([^”]*)”/g, '‘$1’');
    expect(citationText(feed, site)).toBe(
      `${feed.author}. “${title}${/[.?!]$/.test(title) ? '' : '.'}” ${formatDate(feed.publishedAt)}. ${feed.url}. Copy in Dossier: https://dossier.test/articles/${feed.slug}/.`,
    );
  });

  test('an outlet that is not the author is named after the title', () => {
    expect(citationText({ ...feed, outlet: 'A Different Outlet' }, site)).toContain(`” A Different Outlet, ${formatDate(feed.publishedAt)}. `);
  });

  test('no name is repeated and no double quotes nest, in any article', () => {
    for (const article of articles) {
      const text = citationText(article, site);
      if (article.author !== null) expect(text.split(article.author).length - 1, article.slug).toBe(1);
      const quoted = /“(.*)”/.exec(text)?.[1] ?? '';
      expect(quoted, article.slug).not.toMatch(/[“”"]/);
    }
    expect(citationText({ ...feed, title: 'On the “IAEA for AI” and "CERN" models' }, site)).toContain('“On the ‘IAEA for AI’ and ‘CERN’ models.”');
  });

  test('inferred titles are in square brackets, given titles in quotation marks', () => {
    for (const article of articles) {
      const text = citationText(article, site);
      if (article.origins.title === 'inferred') expect(text, article.slug).toContain(citedTitle(article));
      else expect(text, article.slug).toMatch(/“.+”/);
    }
  });

  test('a truncated text is cited as incomplete; a whole one is not', () => {
    for (const article of articles) expect(citationText(article, site).includes('Incomplete text.'), article.slug).toBe(article.truncated);
  });
});

describe('BibTeX', () => {
  test.each(perArticle)('%s, %s: parses, keyed by slug, of its type, with exactly the known fields', (_slug, _label, article, where) => {
    const entry = parseOne(toBibtex(article, where));
    expect(entry.type).toBe('online');
    expect(entry.key).toBe(article.slug);
    expect(entry.fields.title).toBe(citedTitle(article));
    expect(entry.fields.author?.map((creator) => creator.name ?? creator.lastName)).toEqual(article.author === null ? undefined : [article.author]);
    expect(entry.fields['organization']).toEqual(article.outlet === null ? undefined : [article.outlet]);
    expect(entry.fields['journal']).toBeUndefined();
    expect(entry.fields['year']).toBe(article.publishedAt?.slice(0, 4));
    expect(entry.fields['date']).toBe(article.publishedAt?.slice(0, 10));
    expect(entry.fields['month']).toBe(article.publishedAt === null ? undefined : String(Number(article.publishedAt.slice(5, 7))));
    expect(entry.fields['url']).toBe(article.url ?? (where && articleUrl(article.slug, where)));
    expect(entry.fields['note']).toContain(where === undefined ? 'Copy in Dossier (source file' : articleUrl(article.slug, where));
    expect(entry.fields['note']).toContain(article.source.file);
    expect(entry.fields['note']).toContain(article.source.sha256);
    expect(entry.fields['note'].includes('Incomplete text')).toBe(article.truncated);
  });

  test('a newspaper article is an @article in its paper', () => {
    const entry = parseOne(toBibtex(newspaperArticle, site));
    expect(entry.type).toBe('article');
    expect(entry.fields['journal']).toBe('The New York Times');
    expect(entry.fields['entrysubtype']).toBe('newspaper');
    expect(entry.fields['organization']).toBeUndefined();
  });

  test('TeX specials in a title or byline come back exactly as written', () => {
    const title = String.raw`50% of {AI} & $100 #1 under_score ~tilde ^caret back\slash “quotes” Yathārth`;
    const entry = parseOne(toBibtex({ ...feed, title, author: 'Jane Doe and John Roe' }, site));
    expect(entry.fields.title).toBe(title);
    // The byline is one literal name, not split at "and".
    expect(entry.fields.author).toEqual([{ name: 'Jane Doe and John Roe' }]);
    expect(bibtexEscape('a_b')).toBe('a\\_b');
  });

  test.each(SITES)('the corpus file holds every article once, %s', (_label, where) => {
    const file = toBibtexFile(articles, where);
    const library = parseBibtex(file, { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.key).sort()).toEqual(articles.map((article) => article.slug).sort());
    expect(file.includes('https://dossier.test/')).toBe(where !== undefined);
  });
});

describe('CSL-JSON', () => {
  test.each(perArticle)('%s, %s: known fields only', (_slug, _label, article, where) => {
    const item = JSON.parse(JSON.stringify(toCsl(article, where)));
    expect(item.id).toBe(article.slug);
    expect(item.type).toBe(citationKind(article));
    expect(item.title).toBe(cslTitle(article));
    expect(item.author).toEqual(article.author === null ? undefined : [{ literal: article.author }]);
    expect(item['container-title']).toBe(article.outlet ?? undefined);
    expect(item.issued).toEqual(article.publishedAt === null ? undefined : { 'date-parts': [article.publishedAt.slice(0, 10).split('-').map(Number)] });
    expect(item.URL).toBe(article.url ?? (where && articleUrl(article.slug, where)));
    expect(item.custom.sourceSha256).toBe(article.source.sha256);
    expect(item.custom.rawSourceUrl).toBe(where && `https://dossier.test/sources/raw/${article.source.file}`);
    expect(item.custom.dossierUrl).toBe(where && `https://dossier.test/articles/${article.slug}/`);
    expect(item.note.includes('Incomplete text')).toBe(article.truncated);
  });

  test.each(SITES)(
    'citation-js reads every item with its type and fields, %s',
    async (_label, where) => {
      const cite = await Cite.async(articles.map((article) => JSON.parse(JSON.stringify(toCsl(article, where)))));
      for (const article of articles) {
        const item = cite.data.find((candidate) => candidate.id === article.slug);
        expect(item, article.slug).toMatchObject({ type: citationKind(article), title: cslTitle(article) });
        expect(item?.['container-title']).toBe(article.outlet ?? undefined);
      }
    },
    60_000,
  );

  test('citeproc renders an undated plain text with "n.d." and the Dossier URL, and no invented author or outlet', async () => {
    const cite = await Cite.async([JSON.parse(JSON.stringify(toCsl(plain, site)))]);
    const apa = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(apa).toContain('(n.d.)');
    expect(apa).toContain(articleUrl(plain.slug, site));
    expect(apa).toContain(plain.title.slice(10, 50)); // citeproc curls the apostrophe before it
    expect(apa).not.toMatch(/unknown|Anonymous/i);
  }, 120_000); // citeproc loads its style and locale on first use (slow on a busy machine)

  test('citeproc renders a feed item as a blog post: author, date, title, blog, URL', async () => {
    const cite = await Cite.async([JSON.parse(JSON.stringify(toCsl(feed, site)))]);
    const apa = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    const date = new Date(feed.publishedAt!);
    const month = date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    expect(apa).toContain(`${feed.author}. (${date.getUTCFullYear()}, ${month} ${date.getUTCDate()}).`);
    expect(apa).toContain(`${feed.outlet}. ${feed.url}`);
  }, 120_000);

  test('citeproc renders a newspaper article in its paper', async () => {
    const cite = await Cite.async([JSON.parse(JSON.stringify(toCsl(newspaperArticle, site)))]);
    expect(cite.data[0].type).toBe('article-newspaper');
    const apa = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(apa).toContain(`The New York Times. ${newspaperArticle.url}`);
  }, 120_000);

  test('without a site citeproc prints no Dossier address for a text with no original URL', async () => {
    const cite = await Cite.async([JSON.parse(JSON.stringify(toCsl(plain, undefined)))]);
    const apa = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(apa).toContain('(n.d.)');
    expect(apa).not.toMatch(/https?:/);
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
