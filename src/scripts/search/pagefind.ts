/**
 * The Pagefind search API, loaded on first use only (pages that never search load none of it).
 * The bundle is written by `scripts/index-search.ts` into /pagefind/.
 */

/** One matching section of a result page (a heading with an id). */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}

/** A loaded search result. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
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

/** Query parameter that carries the search terms to the result page for highlighting. */
export const HIGHLIGHT_PARAM = 'highlight';

let loading: Promise<PagefindModule> | undefined;

/** Pagefind, imported and configured once. */
export function pagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const bundle = '/pagefind/pagefind.js';
    const module = (await import(/* @vite-ignore */ bundle)) as PagefindModule;
    await module.options({ highlightParam: HIGHLIGHT_PARAM, excerptLength: 24, noWorker: true });
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
