/**
 * How an article is cited: Highwire `citation_*` meta tags, a formatted citation and CSL-JSON (BibTeX in
 * citation-bibtex.ts, from the same kind, title, address and note).
 * Pure functions of the article and the site's public origin, `undefined` when the build has none
 * (no SITE_URL): then no Dossier address is given at all, rather than a made-up one. A field that is not
 * known is left out, never guessed; a title the ingest took from the text is in square brackets, as
 * catalogues mark a supplied title.
 * citationText(undatedText, site) -> "[Opening words of the text]. n.d. Copy in Dossier: https://<SITE_URL>/articles/slug/."
 */
import type { Article } from '../schemas/article.ts';
import { formatDate } from './format.ts';
import { absoluteUrl, articleUrl, rawSourcePath } from '../core/urls.ts';

/** Name of the site, as a reader sees it and as the citations' notes name the copy. */
export const SITE_NAME = 'Dossier';

/** `[year, month, day]` of an ISO date or UTC timestamp, or null when undated. */
export function dateParts(publishedAt: string | null): [number, number, number] | null {
  if (publishedAt === null) return null;
  const [year, month, day] = publishedAt.slice(0, 10).split('-').map(Number);
  return [year!, month!, day!];
}

/**
 * What a reference manager should file an article as (a CSL item type), decided from what the source says
 * and never guessed: a blog post when its address is on a blogging or newsletter platform, a newspaper or
 * magazine article when its address is an outlet known to be one, otherwise a web page (true of every text
 * read on the web). A feed alone does not make a blog: newspapers publish feeds too.
 */
export type CitationKind = 'post-weblog' | 'article-newspaper' | 'article-magazine' | 'webpage';

/** Hosts (and their subdomains) whose pages are known to be of one kind; extend as sources arrive. */
const KNOWN_HOSTS: Record<string, Exclude<CitationKind, 'webpage'>> = {
  'substack.com': 'post-weblog',
  'medium.com': 'post-weblog',
  'wordpress.com': 'post-weblog',
  'blogspot.com': 'post-weblog',
  'ghost.io': 'post-weblog',
  'beehiiv.com': 'post-weblog',
  'tumblr.com': 'post-weblog',
  'nytimes.com': 'article-newspaper',
  'washingtonpost.com': 'article-newspaper',
  'wsj.com': 'article-newspaper',
  'ft.com': 'article-newspaper',
  'theguardian.com': 'article-newspaper',
  'thehindu.com': 'article-newspaper',
  'theatlantic.com': 'article-magazine',
  'newyorker.com': 'article-magazine',
  'wired.com': 'article-magazine',
  'technologyreview.com': 'article-magazine',
  'foreignpolicy.com': 'article-magazine',
};

/** The item type of an article, from its original address: `https://x.substack.com/p/a` -> "post-weblog". */
export function citationKind(article: Pick<Article, 'url'>): CitationKind {
  let host = article.url === null ? '' : new URL(article.url).hostname.toLowerCase();
  while (host !== '') {
    const kind = KNOWN_HOSTS[host];
    if (kind) return kind;
    host = host.includes('.') ? host.slice(host.indexOf('.') + 1) : '';
  }
  return 'webpage';
}

/** A supplied title's own closing full stop, comma, colon or semicolon, which the style's punctuation after it would double. */
function withoutClosingStop(title: string): string {
  return title.replace(/(?<![.…])[.,:;]$/u, '');
}

/**
 * The title as every citation format gives it: a title the ingest took from the text is a supplied title, in square
 * brackets as catalogues and Zotero's users mark one, without its own closing full stop (the style puts one after the
 * bracket: "[… the rulebook]." and never "[… the rulebook.].").
 */
export function citedTitle(article: Pick<Article, 'title' | 'origins'>): string {
  return article.origins.title === 'inferred' ? `[${withoutClosingStop(article.title)}]` : article.title;
}

/** Zotero's item type for each kind, as Zotero's Embedded Metadata translator reads it from `z.itemType`. */
const ZOTERO_ITEM_TYPE: Record<CitationKind, string> = {
  'post-weblog': 'blogPost',
  'article-newspaper': 'newspaperArticle',
  'article-magazine': 'magazineArticle',
  webpage: 'webpage',
};

/** The Zotero item type of an article: `https://x.substack.com/p/a` -> "blogPost"; no known address -> "webpage". */
export function zoteroItemType(article: Pick<Article, 'url'>): string {
  return ZOTERO_ITEM_TYPE[citationKind(article)];
}

/** The outlet when it names someone other than the author (a one-person blog is named after its author). */
function distinctOutlet(article: Pick<Article, 'author' | 'outlet'>): string | null {
  return article.outlet !== null && article.outlet !== article.author ? article.outlet : null;
}

/** One `<meta>` tag: `name` (Highwire, Dublin Core) or `property` (Open Graph) and its content. */
export interface MetaTag {
  attribute: 'name' | 'property';
  key: string;
  content: string;
}

const named = (key: string, content: string): MetaTag => ({ attribute: 'name', key, content });

/**
 * Highwire Press tags for Zotero and Google Scholar; unknown author and date are left out (with no
 * `citation_author`, Zotero would take a name from the page instead: ArticleHeader has no byline class to offer).
 * No `citation_journal_title`: none of these texts is a journal article, and Zotero files any page with one as a
 * journal article. The date is ISO 8601 (`YYYY-MM-DD`), as Zotero saves it; the public URL is the article's page
 * here, given only when the site's address is known.
 */
export function highwireTags(article: Article, site: URL | undefined): MetaTag[] {
  const tags: MetaTag[] = [named('citation_title', citedTitle(article))];
  if (article.author !== null) tags.push(named('citation_author', article.author));
  if (article.publishedAt !== null) tags.push(named('citation_publication_date', article.publishedAt.slice(0, 10)));
  if (site !== undefined) tags.push(named('citation_public_url', articleUrl(article.slug, site)));
  return tags;
}

/**
 * Dublin Core (`DC.*`), PRISM, Zotero and Open Graph (`og:type`, `article:*`) tags: only the fields that are known.
 * `z.itemType` is the item type in Zotero's own vocabulary (its `z:` namespace, which its Embedded Metadata translator
 * reads before anything else; without it, any page with `citation_title` is saved as a journal article). Not
 * `DC.type`: Zotero would also copy it into the item's "Website Type" field. `prism.publicationName` is the outlet,
 * which Zotero saves as the blog, website or publication title; `og:description` is the source's own dek, Zotero's
 * abstract, and absent when it gives none (not `DC.description`, which Zotero copies into "Extra" as well).
 */
export function dublinCoreAndOpenGraphTags(article: Article): MetaTag[] {
  const tags: MetaTag[] = [named('DC.title', citedTitle(article)), named('z.itemType', zoteroItemType(article))];
  if (article.author !== null) tags.push(named('DC.creator', article.author));
  if (article.publishedAt !== null) tags.push(named('DC.date', article.publishedAt.slice(0, 10)));
  if (article.outlet !== null) tags.push(named('DC.publisher', article.outlet), named('prism.publicationName', article.outlet));
  tags.push({ attribute: 'property', key: 'og:type', content: 'article' });
  if (article.dek !== null) tags.push({ attribute: 'property', key: 'og:description', content: article.dek });
  if (article.publishedAt !== null) tags.push({ attribute: 'property', key: 'article:published_time', content: article.publishedAt });
  if (article.author !== null) tags.push({ attribute: 'property', key: 'article:author', content: article.author });
  return tags;
}

/** `text` closed with a full stop unless it already ends in one (or ? ! …). */
function closed(text: string): string {
  return /[.?!…]["'”’)\]]*$/.test(text) ? text : `${text}.`;
}

/** Double quotation marks inside a quoted title made single, as Chicago nests them: “a “b” c” -> “a ‘b’ c”. */
function nestedQuotes(title: string): string {
  return title.replace(/“([^“”]*)”/g, '‘$1’').replace(/"([^"]*)"/g, '‘$1’');
}

/**
 * A formatted citation (Chicago-like, notes-bibliography): author, “title” (or [supplied title]), the
 * outlet when it is not the author's own name, date or "n.d.", the original URL when known, "Incomplete
 * text." when the source ends mid-sentence, and the copy in Dossier when the site's address is known.
 * "Ann Lee. “On the ‘IAEA for AI’ Model.” Lee's Letters, 14 January 2026. https://lee.substack.com/p/a. Copy in Dossier: https://<SITE_URL>/articles/a/."
 */
export function citationText(article: Article, site: URL | undefined): string {
  const parts: string[] = [];
  if (article.author !== null) parts.push(closed(article.author));
  parts.push(article.origins.title === 'inferred' ? closed(citedTitle(article)) : `“${closed(nestedQuotes(article.title))}”`);
  parts.push(
    closed([distinctOutlet(article), article.publishedAt === null ? 'n.d.' : formatDate(article.publishedAt)].filter((part) => part !== null).join(', ')),
  );
  if (article.url !== null) parts.push(`${article.url}.`);
  if (article.truncated) parts.push('Incomplete text.');
  if (site !== undefined) parts.push(`Copy in ${SITE_NAME}: ${articleUrl(article.slug, site)}.`);
  return parts.join(' ');
}

/** Where the Dossier copy is, what it was made from, what was inferred, whether it is whole: for `note` fields. */
export function provenanceNote(article: Article, site: URL | undefined): string {
  const where = site === undefined ? '' : `: ${articleUrl(article.slug, site)}`;
  const inferred = article.origins.title === 'inferred' ? ' The source gives no headline; the title in square brackets is its opening text.' : '';
  const incomplete = article.truncated ? ' Incomplete text: the source as received ends mid-sentence.' : '';
  return `Copy in ${SITE_NAME}${where} (source file ${article.source.file}, SHA-256 ${article.source.sha256}).${inferred}${incomplete}`;
}

/** The address to cite: the original when known, else the copy in Dossier when the site's address is known. */
export function citedUrl(article: Article, site: URL | undefined): string | null {
  return article.url ?? (site === undefined ? null : articleUrl(article.slug, site));
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON

/** The subset of CSL-JSON (1.0.2) items this site writes. */
export interface CslItem {
  id: string;
  type: CitationKind;
  title: string;
  author?: { literal: string }[];
  'container-title'?: string;
  issued?: { 'date-parts': [[number, number, number]] };
  /** The build's date: when this copy was made (citeproc prints "Retrieved …" / "Accessed …"). */
  accessed?: { 'date-parts': [[number, number, number]] };
  URL?: string;
  source: string;
  note: string;
  custom: {
    /** The copy in Dossier and the raw file, absent when the build has no public address. */
    dossierUrl?: string;
    rawSourceUrl?: string;
    sourceFile: string;
    sourceFormat: Article['source']['format'];
    sourceSha256: string;
    feedGuid: string | null;
    origins: Article['origins'];
    truncated: boolean;
  };
}

/**
 * A title for CSL-JSON: a supplied title's words kept as written by citeproc's `<span class="nocase">` (the
 * rich-text markup CSL processors and Zotero read), inside its brackets, so a style that title-cases titles
 * (Chicago) cannot make "[The Rulebook for AI Is Not Written Yet]" of the opening words. A headline the source gave
 * is left to the style, like any other title.
 * "[<span class=\"nocase\">OpenAI's CEO wants the UN for AI</span>]"
 */
export function cslTitle(article: Pick<Article, 'title' | 'origins'>): string {
  if (article.origins.title !== 'inferred') return article.title;
  const words = withoutClosingStop(article.title).replace(/[&<>]/g, (char) => ({ '&': '&#38;', '<': '&#60;', '>': '&#62;' })[char]!);
  return `[<span class="nocase">${words}</span>]`;
}

/**
 * One CSL-JSON item of the article's kind (`citationKind`): the byline as a literal name (not split into
 * given/family), the original URL when known (else the Dossier page, when the site's address is known), no
 * `issued` when undated (CSL processors then print "n.d."), `accessed` the build's date (`YYYY-MM-DD`, when given)
 * wherever there is an address, so no style prints "Retrieved" without a date.
 */
export function toCsl(article: Article, site: URL | undefined, accessed?: string): CslItem {
  const parts = dateParts(article.publishedAt);
  const url = citedUrl(article, site);
  const accessedParts = accessed === undefined || url === null ? null : dateParts(accessed);
  return {
    id: article.slug,
    type: citationKind(article),
    title: cslTitle(article),
    ...(article.author !== null && { author: [{ literal: article.author }] }),
    ...(article.outlet !== null && { 'container-title': article.outlet }),
    ...(parts && { issued: { 'date-parts': [parts] } }),
    ...(accessedParts && { accessed: { 'date-parts': [accessedParts] } }),
    ...(url !== null && { URL: url }),
    source: SITE_NAME,
    note: provenanceNote(article, site),
    custom: {
      ...(site !== undefined && { dossierUrl: articleUrl(article.slug, site), rawSourceUrl: absoluteUrl(rawSourcePath(article.source.file), site) }),
      sourceFile: article.source.file,
      sourceFormat: article.source.format,
      sourceSha256: article.source.sha256,
      feedGuid: article.source.guid,
      origins: article.origins,
      truncated: article.truncated,
    },
  };
}
