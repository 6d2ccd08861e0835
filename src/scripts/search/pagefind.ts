/**
 * The Pagefind search API, loaded on first use only (pages that never search load none of it).
 * The bundle is written by `scripts/index-search.ts` into /pagefind/, one index per language of the articles (each
 * page is indexed in its `<html lang>`: Chinese and Japanese segmented, each language stemmed by its own rules). One
 * Pagefind instance reads one language, so the first is the page's own language (else the largest index) and every
 * other language index of the bundle is merged into it (Pagefind's `mergeIndex` with a `language`): one box searches
 * every language, results merged by score, filter counts summed. Pagefind merges sorted results by score too, so a
 * sorted search over several languages is put back in order here, by each result's `date` filter (its date as
 * the site writes it, "4 March 2026"; "undated" sorts as the oldest, as the index's own sort key does).
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
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse | null>;
  debouncedSearch(term: string | null, options?: SearchOptions, ms?: number): Promise<SearchResponse | null>;
  filters(): Promise<FilterCounts>;
}

/** Words in an excerpt. */
export const EXCERPT_LENGTH = 24;

let loading: Promise<PagefindModule> | undefined;

/** Pagefind, imported and configured once, with every language index of the bundle merged in. */
export function pagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const bundle = '/pagefind/pagefind.js';
    const module = (await import(/* @vite-ignore */ bundle)) as PagefindModule;
    const languages = await bundleLanguages(new URL('/pagefind/pagefind-entry.json', location.href).href);
    const own = document.documentElement.lang.toLowerCase();
    const primary = languages.find((language) => language === own) ?? languages[0];
    // No highlightParam: Pagefind would add one parameter per word, splitting a phrase; result links are
    // built by searchHitPath instead, with a phrase as one term.
    await module.options({ excerptLength: EXCERPT_LENGTH, noWorker: true, ...(primary && { language: primary }) });
    await module.init();
    // The same bundle by its full address: Pagefind skips a merge whose path starts its primary's ("/pagefind/").
    const others = languages.filter((language) => language !== primary);
    await Promise.all(others.map((language) => module.mergeIndex(new URL('/pagefind/', location.href).href, { language })));
    return others.length === 0 ? module : { ...module, search: sortedSearch(module) };
  })();
  return loading;
}

/** The language indexes of the bundle, largest first; none when its entry cannot be read (Pagefind then says why). */
async function bundleLanguages(entryUrl: string): Promise<string[]> {
  try {
    const entry = (await (await fetch(entryUrl)).json()) as { languages?: Record<string, { page_count?: number }> };
    return Object.entries(entry.languages ?? {})
      .sort((a, b) => (b[1].page_count ?? 0) - (a[1].page_count ?? 0))
      .map(([language]) => language);
  } catch {
    return [];
  }
}

/** Search, and when sorted, order the results of all the languages by their date again (Pagefind merges by score). */
function sortedSearch(module: PagefindModule): PagefindModule['search'] {
  return async (term, options) => {
    const response = await module.search(term, options);
    const direction = options?.sort?.['date'];
    if (response === null || direction === undefined) return response;
    const dates = new Map(
      await Promise.all(
        response.results.map(async (result) => {
          const time = Date.parse(`${(await result.data()).filters['date']?.[0] ?? ''} UTC`);
          return [result, Number.isNaN(time) ? -Infinity : time] as const;
        }),
      ),
    );
    const sign = direction === 'asc' ? 1 : -1;
    const results = [...response.results].sort((a, b) => sign * (dates.get(a)! - dates.get(b)! || 0));
    return { ...response, results };
  };
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
