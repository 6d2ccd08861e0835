/**
 * An article as a biblatex entry, and several as a .bib file: the same kind, title, address and provenance note as
 * the other citations (citation.ts), TeX specials escaped, capitalised words brace-protected, unknown fields absent.
 * toBibtex(article, site) -> "@online{slug,\n  title = {{The} {Rulebook} for {AI}},\n  author = {{Jane Doe}},\n  …\n}\n"
 */
import type { Article } from '../schemas/article.ts';
import { citationKind, citedTitle, citedUrl, dateParts, provenanceNote, SITE_NAME } from './citation.ts';

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field value: TeX specials escaped, whitespace collapsed; Unicode kept (UTF-8 .bib). */
export function bibtexEscape(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}&%$#_~^]/g, (char) => BIBTEX_SPECIALS[char]!);
}

/**
 * A title as a biblatex field value whose casing survives every reader: each word with a capital letter in braces
 * (`The Rulebook for AI` -> `{The} {Rulebook} for {AI}`). Not `{{…}}` around the whole title: BibTeX parsers
 * that read the outer braces as an old habit (@retorquere/bibtex-parser, so Zotero's import) sentence-case it.
 * TeX commands from `bibtexEscape` are lower case, so they are never wrapped.
 */
function bibtexTitle(title: string): string {
  return bibtexEscape(title).replace(/[\p{L}\p{M}\p{N}'’]*\p{Lu}[\p{L}\p{M}\p{N}'’]*/gu, '{$&}');
}

/** A URL for a verbatim `url` field: characters that would unbalance the entry percent-encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * One biblatex entry keyed by the slug: `@online` for a blog post or web page (the outlet as `organization`),
 * `@article` with `journal` and `entrysubtype` for a newspaper or magazine article. The title's capitalised words
 * are brace-protected (`bibtexTitle`) and the byline is one literal name in double braces, so both reach the
 * bibliography exactly as received; `urldate` is the build's date (`accessed`, when given) beside the address;
 * unknown fields are absent.
 */
export function toBibtex(article: Article, site: URL | undefined, accessed?: string): string {
  const kind = citationKind(article);
  const periodical = kind === 'article-newspaper' || kind === 'article-magazine';
  const fields: [string, string][] = [['title', `{${bibtexTitle(citedTitle(article))}}`]];
  if (article.author !== null) fields.push(['author', `{{${bibtexEscape(article.author)}}}`]);
  if (article.outlet !== null) fields.push([periodical ? 'journal' : 'organization', `{${bibtexEscape(article.outlet)}}`]);
  if (periodical) fields.push(['entrysubtype', kind === 'article-newspaper' ? '{newspaper}' : '{magazine}']);
  const parts = dateParts(article.publishedAt);
  if (parts) {
    fields.push(['year', `{${parts[0]}}`], ['month', MONTHS[parts[1] - 1]!], ['date', `{${article.publishedAt!.slice(0, 10)}}`]);
  }
  const url = citedUrl(article, site);
  if (url !== null) fields.push(['url', `{${bibtexUrl(url)}}`]);
  if (url !== null && accessed !== undefined) fields.push(['urldate', `{${accessed}}`]);
  fields.push(['note', `{${bibtexEscape(provenanceNote(article, site))}}`]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@${periodical ? 'article' : 'online'}{${article.slug},\n${body}\n}\n`;
}

/** A .bib file of several entries, with a comment line naming where it came from; `accessed` as in `toBibtex`. */
export function toBibtexFile(articles: readonly Article[], site: URL | undefined, accessed?: string): string {
  const count = `${articles.length} ${articles.length === 1 ? 'entry' : 'entries'}`;
  const from = site === undefined ? `${count} (this build has no public address)` : `${count}, ${new URL('/', site).href}`;
  const header = `% ${SITE_NAME}: ${from}\n% Unknown authors, dates and outlets are left out, never guessed.\n\n`;
  const when = accessed === undefined ? '' : `% urldate is the date of this build (${accessed}), when this copy was made.\n`;
  return header.replace(/\n\n$/, `\n${when}\n`) + articles.map((article) => toBibtex(article, site, accessed)).join('\n');
}
