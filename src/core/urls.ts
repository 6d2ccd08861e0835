/**
 * Every path of the site, built in one place: pages, anchors, per-article and per-topic downloads, raw
 * sources and search. Paths are site-relative with the trailing slash the site uses (`trailingSlash: 'always'`);
 * `absoluteUrl` makes one absolute against the deployed origin.
 * articlePath('a-title', 'p-3f9a2c1') -> "/articles/a-title/#p-3f9a2c1"
 */

/** `/articles/<slug>/`, with `#<anchor>` when given. */
export function articlePath(slug: string, anchor?: string): string {
  return withAnchor(`/articles/${slug}/`, anchor);
}

/** Absolute URL of an article's page on the deployed site. */
export function articleUrl(slug: string, site: URL | string): string {
  return absoluteUrl(articlePath(slug), site);
}

/** An article's citation download: `/articles/<slug>/citation.bib` or `.../citation.json` (CSL-JSON). */
export function citationPath(slug: string, format: 'bib' | 'json'): string {
  return `/articles/${slug}/citation.${format}`;
}

/** `/topics/<slug>/`, with `#<anchor>` when given; page `n` of its articles is `/topics/<slug>/<n>/`. */
export function topicPath(slug: string, anchor?: string, page = 1): string {
  return withAnchor(page === 1 ? `/topics/${slug}/` : `/topics/${slug}/${page}/`, anchor);
}

/** `/topics/<slug>/rss.xml`: the feed of one topic. */
export function topicFeedPath(slug: string): string {
  return `/topics/${slug}/rss.xml`;
}

/** `/corpus/<n>.json`: part `n` of /corpus.json's article list. */
export function corpusPartPath(part: number): string {
  return `/corpus/${part}.json`;
}

/** `/topics/<slug>/passages.json`: the topic's passages (those of its first page); part `n` is `/topics/<slug>/passages/<n>.json`. */
export function topicPassagesPath(slug: string, part = 1): string {
  return part === 1 ? `/topics/${slug}/passages.json` : `/topics/${slug}/passages/${part}.json`;
}

/** `/sources/<slug>/`: the articles of one outlet; page `n` of them is `/sources/<slug>/<n>/`. */
export function sourcePath(slug: string, page = 1): string {
  return page === 1 ? `/sources/${slug}/` : `/sources/${slug}/${page}/`;
}

/**
 * Page `n` of a list that starts at `first` (`/`, `/sources/`, `/sources/raw/`): the first page is `first`
 * itself, the others `<list>/page/<n>/` (`/articles/page/2/` for the home page's articles).
 */
export function listPagePath(list: 'articles' | 'sources' | 'raw', page: number): string {
  const first = { articles: '/', sources: '/sources/', raw: '/sources/raw/' }[list];
  const rest = { articles: '/articles/', sources: '/sources/', raw: '/sources/raw/' }[list];
  return page === 1 ? first : `${rest}page/${page}/`;
}

/** Site path of a raw source as received (`/sources/raw/<file>`), the file name percent-encoded. */
export function rawSourcePath(file: string): string {
  return `/sources/raw/${encodeURIComponent(file)}`;
}

/** `/search/` with a query and/or topic and outlet filters (by label and name, as the search page's facets name them). */
export function searchPath(options: { q?: string; topic?: string; outlet?: string } = {}): string {
  // encodeURIComponent rather than URLSearchParams: a space is %20, as a reader types it, not +.
  const query = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query === '' ? '/search/' : `/search/?${query}`;
}

/** `/concordance/`, with the word or phrase to show every use of (`?q=`), and a date range (`&from=&to=`, or `&dated=no`). */
export function concordancePath(q?: string, range?: { from?: string; to?: string; undated?: boolean }): string {
  if (!q) return '/concordance/';
  const dates = range?.undated ? '&dated=no' : `${range?.from ? `&from=${range.from}` : ''}${range?.to ? `&to=${range.to}` : ''}`;
  return `/concordance/?q=${encodeURIComponent(q)}${dates}`;
}

/** `/timeline/`: the debate over time. */
export function timelinePath(): string {
  return '/timeline/';
}

/** `/trends/`, with a word or phrase (`?q=`) and how to split it (`&by=source` or `&by=topic`). */
export function trendsPath(q?: string, by?: 'source' | 'topic'): string {
  if (!q) return '/trends/';
  return `/trends/?q=${encodeURIComponent(q)}${by ? `&by=${by}` : ''}`;
}

/** `/about/` (the method page), with `#<anchor>` when given. */
export function aboutPath(anchor?: string): string {
  return withAnchor('/about/', anchor);
}

/** `/reuse/` (the passages several articles share) or its page `page`, `/reuse/page/<n>/`, with `#<cluster id>` when given. */
export function reusePath(anchor?: string, page = 1): string {
  return withAnchor(page === 1 ? '/reuse/' : `/reuse/page/${page}/`, anchor);
}

/** `/reuse/<cluster id>/`: one shared passage's own page, whose address stays while passages move from page to page of /reuse/. */
export function reusePassagePath(id: string): string {
  return `/reuse/${id}/`;
}

/** `/reuse/<n>.json`: the shared passages of page `n` of /reuse/, every version of each. */
export function reusePartPath(part: number): string {
  return `/reuse/${part}.json`;
}

/** `/about/curators/`: the curator's guide. */
export function curatorsGuidePath(): string {
  return '/about/curators/';
}

/** The id of a source's warnings on the coverage page: its file name with every other character than a-z, 0-9 and - spelled as its code. */
export function coverageSourceId(file: string): string {
  return `warnings-${file.replace(/[^a-z0-9-]/g, (char) => `_${char.codePointAt(0)!.toString(16)}_`)}`;
}

/** Query parameter that carries search terms to an article page, where they are marked in the text. */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Where a search result opens: the page, the terms to mark there (a phrase is one term, so it is marked
 * whole) and the paragraph that matched.
 * searchHitPath('/articles/a-title/', ['world order'], 'p-3f9a2c1') -> "/articles/a-title/?highlight=world%20order#p-3f9a2c1"
 */
export function searchHitPath(path: string, terms: readonly string[], anchor?: string): string {
  const query = terms.map((term) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(term)}`).join('&');
  return withAnchor(query === '' ? path : `${path}?${query}`, anchor);
}

/** A site path made absolute against the site's origin. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** A site path made absolute when the public origin is known; the path as it is when not (no SITE_URL). */
export function siteUrl(path: string, site: URL | undefined): string {
  return site === undefined ? path : absoluteUrl(path, site);
}

function withAnchor(path: string, anchor: string | undefined): string {
  return anchor === undefined ? path : `${path}#${anchor}`;
}
