/**
 * How the pages that list the corpus are cut so that none grows with it: the home page's articles, the
 * sources, one source's articles, the raw files, a topic's articles (and its passages.json parts) are shown
 * a page at a time. One place for the sizes, so a page, its neighbours' links and the exports agree.
 * slicePage([a, b, c, d, e], 2, 2) -> [c, d]; pageCount(5, 2) -> 3; pageOfIndex(4, 2) -> 3; pagerPages(50, 334) -> [1, 48, 49, 50, 51, 52, 334]
 */

/** Items per page of each list. */
export const PAGE_SIZE = {
  /** Article cards on the home page and /articles/page/<n>/. */
  articles: 30,
  /** Sources on /sources/ and /sources/page/<n>/. */
  sources: 50,
  /** Titles listed under each source on /sources/ (its own page lists them all, a page at a time). */
  sourcePreview: 5,
  /** Articles of one source on /sources/<slug>/. */
  sourceArticles: 100,
  /** Raw files on /sources/raw/. */
  raw: 100,
  /** Articles, with their passages, on a topic page and in each part of its passages.json. */
  topicArticles: 10,
  /** Shared passages on /reuse/ and /reuse/page/<n>/. */
  reusePassages: 20,
  /** Versions of one shared passage shown there (all of them are in /reuse.json and marked on their articles). */
  reuseVersions: 6,
  /** Citing articles of one work on /references/ (all of them are in /references.json, and list it under Works cited). */
  workCiting: 20,
} as const;

/** How many pages `total` items fill (at least one, so an empty list still has its page). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items of page `page` (1-based). */
export function slicePage<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** The page (1-based) that holds the item at `index` (0-based). */
export function pageOfIndex(index: number, size: number): number {
  return Math.floor(index / size) + 1;
}

/** Page numbers 2..last, for the routes that serve every page after the first. */
export function laterPages(total: number, size: number): number[] {
  return Array.from({ length: pageCount(total, size) - 1 }, (_, i) => i + 2);
}

/** The page numbers a pager links: the first, the last and the two on either side of the current one, in order. */
export function pagerPages(current: number, last: number): number[] {
  return [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
}
