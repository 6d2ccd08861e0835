/**
 * The Pagefind search API, loaded on first use only (pages that never search load none of it).
 * The bundle is written by `scripts/index-search.ts` into /pagefind/.
 */

/** An element with an id in a page's indexed text, at a word location of its content. */
export interface PageAnchor {
  element: string;
  id: string;
  location: number;
}

/** One matching section of a result page (a heading with an id; the page itself has no anchor). */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: PageAnchor;
}

/** A loaded search result. */
export interface ResultData {
  /** The page's path (no highlight parameters: those are ours, src/core/urls.ts searchHitPath). */
  url: string;
  /** The indexed text, whitespace-separated words; `locations` index into it. */
  content: string;
  /** `content` with < and > escaped, as excerpts are cut from it. */
  raw_content?: string;
  excerpt: string;
  plain_excerpt: string;
  /** Word locations of the matches in `content`. */
  locations: number[];
  anchors: PageAnchor[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: SubResult[];
}

/** A result before its data is loaded. */
export interface Result {
  id: string;
  data: () => Promise<ResultData>;
}

/** Filter name -> value -> number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchResponse {
  results: Result[];
  unfilteredResultCount: number;
  /** Counts of each filter value among the results. */
  filters: FilterCounts;
  /** Counts of each filter value among the results, ignoring the filters in force. */
  totalFilters: FilterCounts;
}

export interface SearchOptions {
  filters?: Record<string, string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse | null>;
  debouncedSearch(term: string | null, options?: SearchOptions, ms?: number): Promise<SearchResponse | null>;
  filters(): Promise<FilterCounts>;
}

/** Words in an excerpt. */
export const EXCERPT_LENGTH = 24;

let loading: Promise<PagefindModule> | undefined;

/** Pagefind, imported and configured once. */
export function pagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const bundle = '/pagefind/pagefind.js';
    const module = (await import(/* @vite-ignore */ bundle)) as PagefindModule;
    // No highlightParam: Pagefind would add one parameter per word, splitting a phrase; result links are
    // built by searchHitPath instead, with a phrase as one term.
    await module.options({ excerptLength: EXCERPT_LENGTH, noWorker: true });
    await module.init();
    return module;
  })();
  return loading;
}

/** Render a Pagefind excerpt (text with <mark> around matches) as DOM nodes, keeping only text and marks. */
export function excerptNodes(excerpt: string): Node[] {
  const body = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}
