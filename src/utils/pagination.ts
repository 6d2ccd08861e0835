/**
 * How the pages that list the corpus are cut so that none grows with it: the home page's articles, the
 * sources, one source's articles, the raw files, a topic's articles (and its passages.json parts) are shown
 * a page at a time. One place for the sizes, so a page, its neighbours' links and the exports agree.
 * Lists whose items differ in weight (a source with one article, a feed with thousands) are packed into pages
 * of about the same number of lines instead (packPages, splitGroup).
 * slicePage([a, b, c, d, e], 2, 2) -> [c, d]; pageCount(5, 2) -> 3; pageOfIndex(4, 2) -> 3; pagerPages(50, 334) -> [1, 48, 49, 50, 51, 52, 334]
 * packPages([a(3), b(2), c(4)], weight, 5) -> [[a, b], [c]]; partRange(articles 151-300 of 1204, 'articles') -> ' (articles 151–300 of 1,204)'
 */
import { formatCount } from '../core/count.ts';

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
  /** Lines of /sources/raw/ a page: a file's heading and one per article it became (rawSourcePages). */
  rawLines: 150,
  /** Articles, with their passages, on a topic page and in each part of its passages.json: at most this many... */
  topicArticles: 10,
  /** ...and about this many passages (an article with more has a page of its own): ten articles of twenty passages
   * each made a page of 227 KB at 10,000 generated articles. */
  topicPassages: 60,
  /** Shared passages on /reuse/ and /reuse/page/<n>/. */
  reusePassages: 20,
  /** Versions of one shared passage shown there (all of them are in its page's /reuse/<n>.json and marked on their articles). */
  reuseVersions: 6,
  /** Articles in each part of /corpus.json's list (`/corpus/<n>.json`). */
  corpusArticles: 100,
  /** Citing articles of one work on /references/ (all of them are in /references.json, and list it under Works cited). */
  workCiting: 8,
  /** Citing articles of one work on its own page, /references/work/<id>/ (the rest counted, all in /references.json). */
  workCitingOwn: 100,
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

/** Part of a group (a source's articles, a rule's articles, a source's warnings): `items`, from item `from` (1-based) of `of`. */
export interface Part<G, T> {
  group: G;
  items: T[];
  from: number;
  of: number;
}

/** "(articles 151–300 of 1,204)" for a part of a group that continues over pages; nothing for a whole group. */
export function partRange(part: Part<unknown, unknown>, what: string): string {
  return part.items.length === part.of
    ? ''
    : ` (${what} ${formatCount(part.from)}–${formatCount(part.from + part.items.length - 1)} of ${formatCount(part.of)})`;
}

/** A group cut into parts of at most `size` items (a group without items is one empty part). */
export function splitGroup<G, T>(group: G, items: readonly T[], size: number): Part<G, T>[] {
  if (items.length === 0) return [{ group, items: [], from: 1, of: 0 }];
  const parts: Part<G, T>[] = [];
  for (let start = 0; start < items.length; start += size) parts.push({ group, items: items.slice(start, start + size), from: start + 1, of: items.length });
  return parts;
}

/** Rows in order on pages of at most `budget` weight and `maxRows` rows (a heavier row has a page of its own); at least one page. */
export function packPages<T>(rows: readonly T[], weight: (row: T) => number, budget: number, maxRows = Infinity): T[][] {
  const pages: T[][] = [[]];
  let used = 0;
  for (const row of rows) {
    const w = weight(row);
    if (used > 0 && (used + w > budget || pages.at(-1)!.length >= maxRows)) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(row);
    used += w;
  }
  return pages;
}
