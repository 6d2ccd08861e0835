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

/** `/topics/<slug>/`, with `#<anchor>` when given. */
export function topicPath(slug: string, anchor?: string): string {
  return withAnchor(`/topics/${slug}/`, anchor);
}

/** `/topics/<slug>/rss.xml`: the feed of one topic. */
export function topicFeedPath(slug: string): string {
  return `/topics/${slug}/rss.xml`;
}

/** `/topics/<slug>/passages.json`: the topic's passages. */
export function topicPassagesPath(slug: string): string {
  return `/topics/${slug}/passages.json`;
}

/** `/sources/<slug>/`: the articles of one outlet. */
export function sourcePath(slug: string): string {
  return `/sources/${slug}/`;
}

/** Site path of a raw source as received (`/sources/raw/<file>`), the file name percent-encoded. */
export function rawSourcePath(file: string): string {
  return `/sources/raw/${encodeURIComponent(file)}`;
}

/** `/search/` with a query and/or a topic filter (by label, as the search page's facet names it). */
export function searchPath(options: { q?: string; topic?: string } = {}): string {
  // encodeURIComponent rather than URLSearchParams: a space is %20, as a reader types it, not +.
  const query = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query === '' ? '/search/' : `/search/?${query}`;
}

/** `/about/` (the method page), with `#<anchor>` when given. */
export function aboutPath(anchor?: string): string {
  return withAnchor('/about/', anchor);
}

/** `/reuse/` (the passages several articles share), with `#<cluster id>` when given. */
export function reusePath(anchor?: string): string {
  return withAnchor('/reuse/', anchor);
}

/** `/about/curators/`: the curator's guide. */
export function curatorsGuidePath(): string {
  return '/about/curators/';
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
