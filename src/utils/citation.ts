/**
 * How an article is cited: Highwire `citation_*` meta tags, a formatted citation, BibTeX and CSL-JSON.
 * Pure functions of the article and the site's origin. A field that is not known is left out, never
 * guessed: an undated plain text is cited by its title, "n.d." and its address in Dossier.
 * citationText(plainText, site) -> "“Title.” n.d. Copy in Dossier: https://dossier.example/articles/title/."
 */
import type { Article } from '../schemas/article.ts';
import { formatDate } from './format.ts';
import { absoluteUrl, articleUrl, rawSourcePath } from '../core/urls.ts';

/** Name of the site, as a reader sees it and as tools (Zotero's `og:site_name`) record it. */
export const SITE_NAME = 'Dossier';

/** `[year, month, day]` of an ISO date or UTC timestamp, or null when undated. */
export function dateParts(publishedAt: string | null): [number, number, number] | null {
  if (publishedAt === null) return null;
  const [year, month, day] = publishedAt.slice(0, 10).split('-').map(Number);
  return [year!, month!, day!];
}

/** One `<meta name content>` pair. */
export interface MetaTag {
  name: string;
  content: string;
}

/**
 * Highwire Press tags for Zotero and Google Scholar; unknown author, date and outlet are left out.
 * The date is `YYYY/MM/DD` as Google Scholar asks; the public URL is the article's page here.
 */
export function highwireTags(article: Article, site: URL | string): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: article.title }];
  if (article.author !== null) tags.push({ name: 'citation_author', content: article.author });
  const parts = dateParts(article.publishedAt);
  if (parts) tags.push({ name: 'citation_publication_date', content: parts.map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0')).join('/') });
  if (article.outlet !== null) tags.push({ name: 'citation_journal_title', content: article.outlet });
  tags.push({ name: 'citation_public_url', content: articleUrl(article.slug, site) });
  return tags;
}

/** `text` closed with a full stop unless it already ends in one (or ? ! …). */
function closed(text: string): string {
  return /[.?!…]["'”’)\]]*$/.test(text) ? text : `${text}.`;
}

/**
 * A formatted citation (Chicago-like, notes-bibliography): author, “title,” outlet, date or "n.d.",
 * the original URL when known, and the copy in Dossier.
 * "Yathārth. “A Critical Assessment.” Yathārth, 14 January 2026. https://x.example/a. Copy in Dossier: https://dossier.example/articles/a/."
 */
export function citationText(article: Article, site: URL | string): string {
  const parts: string[] = [];
  if (article.author !== null) parts.push(closed(article.author));
  parts.push(`“${closed(article.title)}”`);
  parts.push(closed([article.outlet, article.publishedAt === null ? 'n.d.' : formatDate(article.publishedAt)].filter((part) => part !== null).join(', ')));
  if (article.url !== null) parts.push(`${article.url}.`);
  parts.push(`Copy in ${SITE_NAME}: ${articleUrl(article.slug, site)}.`);
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// BibTeX

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

/** A URL for a verbatim `url` field: characters that would unbalance the entry percent-encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Where the Dossier copy is, what it was made from, and what was inferred: for `note` fields. */
function provenanceNote(article: Article, site: URL | string): string {
  const inferred = article.origins.title === 'inferred' ? ' The source gives no headline; the title is its opening text.' : '';
  return `Copy in ${SITE_NAME}: ${articleUrl(article.slug, site)} (source file ${article.source.file}, SHA-256 ${article.source.sha256}).${inferred}`;
}

/**
 * One BibTeX `@misc` entry keyed by the slug. Title and author are brace-protected so their casing
 * and the byline reach the bibliography exactly as received; unknown fields are absent.
 */
export function toBibtex(article: Article, site: URL | string): string {
  const fields: [string, string][] = [['title', `{{${bibtexEscape(article.title)}}}`]];
  if (article.author !== null) fields.push(['author', `{{${bibtexEscape(article.author)}}}`]);
  if (article.outlet !== null) fields.push(['howpublished', `{${bibtexEscape(article.outlet)}}`]);
  const parts = dateParts(article.publishedAt);
  if (parts) {
    fields.push(['year', `{${parts[0]}}`], ['month', MONTHS[parts[1] - 1]!], ['date', `{${article.publishedAt!.slice(0, 10)}}`]);
  }
  fields.push(['url', `{${bibtexUrl(article.url ?? articleUrl(article.slug, site))}}`]);
  const note = provenanceNote(article, site);
  fields.push(['note', `{${bibtexEscape(note)}}`]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@misc{${article.slug},\n${body}\n}\n`;
}

/** A .bib file of several entries, with a comment line naming where it came from. */
export function toBibtexFile(articles: readonly Article[], site: URL | string): string {
  const header = `% ${SITE_NAME}: ${articles.length} ${articles.length === 1 ? 'entry' : 'entries'}, ${new URL('/', site).href}\n% Unknown authors, dates and outlets are left out, never guessed.\n\n`;
  return header + articles.map((article) => toBibtex(article, site)).join('\n');
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON

/** The subset of CSL-JSON (1.0.2) items this site writes. */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author?: { literal: string }[];
  'container-title'?: string;
  issued?: { 'date-parts': [[number, number, number]] };
  URL: string;
  source: string;
  note: string;
  custom: {
    dossierUrl: string;
    rawSourceUrl: string;
    sourceFile: string;
    sourceFormat: Article['source']['format'];
    sourceSha256: string;
    feedGuid: string | null;
    origins: Article['origins'];
    truncated: boolean;
  };
}

/**
 * One CSL-JSON item: the byline as a literal name (not split into given/family), the original URL
 * when known (else the Dossier page), no `issued` when undated (CSL processors then print "n.d.").
 */
export function toCsl(article: Article, site: URL | string): CslItem {
  const parts = dateParts(article.publishedAt);
  const dossierUrl = articleUrl(article.slug, site);
  return {
    id: article.slug,
    type: 'webpage',
    title: article.title,
    ...(article.author !== null && { author: [{ literal: article.author }] }),
    ...(article.outlet !== null && { 'container-title': article.outlet }),
    ...(parts && { issued: { 'date-parts': [parts] } }),
    URL: article.url ?? dossierUrl,
    source: SITE_NAME,
    note: provenanceNote(article, site),
    custom: {
      dossierUrl,
      rawSourceUrl: absoluteUrl(rawSourcePath(article.source.file), site),
      sourceFile: article.source.file,
      sourceFormat: article.source.format,
      sourceSha256: article.source.sha256,
      feedGuid: article.source.guid,
      origins: article.origins,
      truncated: article.truncated,
    },
  };
}
