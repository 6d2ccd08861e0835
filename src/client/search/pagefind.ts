/**
 * The Pagefind search API, loaded on first use only (pages that never search load none of it).
 * The bundle is written by `scripts/search-index/index-search.ts` into /pagefind/, one index per language of the articles (each
 * page is indexed in its `<html lang>`: Chinese and Japanese segmented, each language stemmed by its own rules).
 * A Pagefind instance reads one language and stems the query with its own WebAssembly, which the module holds once,
 * so the languages are grouped by the WebAssembly their index names (English, Russian, Arabic ... each their own; the
 * languages Pagefind does not stem join the first group). Each group is one instance of the module (the same file
 * imported under its own query string), its largest language first (the page's own in its group) and the others
 * merged into it (`mergeIndex` with a `language`, as Pagefind's multisite search does). One box searches them all:
 * results merged by score, filter counts summed; a date-sorted search is put back in date order, as merging by score
 * would undo it. A bundle of one language (the seeds) loads what it did before, and its entry file once more.
 * [{ en: wasm "en" }, { ru: wasm "ru" }, { zh: wasm null }, { he: wasm null }] -> instances: en + zh + he; ru
 */

/** An element with an id in a page's indexed text, at a word location of its content. */
interface PageAnchor {
  element: string;
  id: string;
  location: number;
}

/** One matching section of a result page (a heading with an id; the page itself has no anchor). */
interface SubResult {
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
  /** Pagefind's relevance; results of several languages are merged by it. */
  score?: number;
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

interface SearchOptions {
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

/** Where the bundle is. */
const BUNDLE = '/pagefind/';

/** Pagefind, imported and configured once, searching every language index of the bundle. */
export function pagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const groups = await languageGroups(document.documentElement.lang.toLowerCase());
    if (groups.length <= 1) return loadGroup(groups[0] ?? { wasm: '', languages: [] }, 0);
    return combine(await Promise.all(groups.map((group, index) => loadGroup(group, index))));
  })();
  return loading;
}

/** Languages that share a WebAssembly (the same query stemming), largest first. */
interface LanguageGroup {
  wasm: string;
  languages: string[];
}

/** The bundle's languages grouped by WebAssembly: the group of the page's own language first, then by size; none when
 * the bundle's entry cannot be read (Pagefind then says why). */
async function languageGroups(own: string): Promise<LanguageGroup[]> {
  let languages: [string, { wasm?: string | null; page_count?: number }][];
  try {
    const entry = (await (await fetch(`${BUNDLE}pagefind-entry.json`)).json()) as { languages?: Record<string, { wasm?: string | null; page_count?: number }> };
    languages = Object.entries(entry.languages ?? {});
  } catch {
    return [];
  }
  languages.sort((a, b) => (b[0] === own ? 1 : 0) - (a[0] === own ? 1 : 0) || (b[1].page_count ?? 0) - (a[1].page_count ?? 0));
  const groups = new Map<string, string[]>();
  for (const [language, { wasm }] of languages) groups.set(wasm ?? 'unknown', [...(groups.get(wasm ?? 'unknown') ?? []), language]);
  // Pagefind's "unknown" WebAssembly stems nothing and its languages' indexes are not stemmed (Chinese, Hebrew, ...):
  // they join the first group, whose stemmer leaves their scripts alone and whose stems of a Latin word still find
  // the whole word (Pagefind matches a query word as a prefix). One WebAssembly less to load.
  const unknown = groups.get('unknown');
  const [first] = groups.keys();
  if (unknown !== undefined && first !== undefined && first !== 'unknown') {
    groups.get(first)!.push(...unknown);
    groups.delete('unknown');
  }
  return [...groups].map(([wasm, members]) => ({ wasm, languages: members }));
}

/** One instance of Pagefind for one group: its first language, the others merged in. The first group's instance is the
 * bundle's own module; each other is the same file under a query string, so the browser gives it a module of its own. */
async function loadGroup({ wasm, languages: [first, ...rest] }: LanguageGroup, index: number): Promise<PagefindModule> {
  const url = index === 0 ? `${BUNDLE}pagefind.js` : `${BUNDLE}pagefind.js?wasm=${encodeURIComponent(wasm)}`;
  const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
  // No highlightParam: Pagefind would add one parameter per word, splitting a phrase; result links are
  // built by searchHitPath instead, with a phrase as one term.
  await module.options({ excerptLength: EXCERPT_LENGTH, noWorker: true });
  // Pagefind 1.6 takes an instance's language from <html lang> when it is created (init), whatever its options say;
  // creation is synchronous up to its first await, so the group's language is set for that moment only.
  const root = document.documentElement;
  const own = root.lang;
  if (first !== undefined) root.lang = first;
  const started = module.init();
  root.lang = own;
  await started;
  // The bundle by its full address: Pagefind skips a merge whose path starts its own ("/pagefind/").
  const bundle = new URL(BUNDLE, location.href).href;
  await Promise.all(rest.map((language) => module.mergeIndex(bundle, { language })));
  return module;
}

/** Several instances as one: each searched, results merged by score, counts summed, a date sort restored. */
function combine(modules: readonly PagefindModule[]): PagefindModule {
  const search: PagefindModule['search'] = async (term, options) => {
    const responses = await Promise.all(modules.map((module) => module.search(term, options)));
    if (responses.some((response) => response === null)) return null;
    const all = responses as SearchResponse[];
    const results = all.flatMap((response) => response.results).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    const direction = options?.sort?.['date'];
    return {
      results: direction === undefined ? results : await sortByDate(results, direction),
      unfilteredResultCount: all.reduce((sum, response) => sum + response.unfilteredResultCount, 0),
      filters: sumCounts(all.map((response) => response.filters)),
      totalFilters: sumCounts(all.map((response) => response.totalFilters)),
    };
  };
  return {
    options: async (options) => void (await Promise.all(modules.map((module) => module.options(options)))),
    init: async () => void (await Promise.all(modules.map((module) => module.init()))),
    mergeIndex: (indexPath, options) => modules[0]!.mergeIndex(indexPath, options),
    search,
    debouncedSearch: async (term, options, ms = 300) => {
      const mine = ++debounced;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return mine === debounced ? search(term, options) : null;
    },
    filters: async () => sumCounts(await Promise.all(modules.map((module) => module.filters()))),
  };
}

let debounced = 0;

/** Filter counts of several instances, added up. */
function sumCounts(counts: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const filters of counts) {
    for (const [filter, values] of Object.entries(filters)) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}

/** Results in date order, by each one's `date` filter (its date as the site writes it, "4 March 2026"); "undated"
 * sorts as the oldest, as the index's own sort key does. Loads every result's data: only for a sorted search across
 * several languages. */
async function sortByDate(results: readonly Result[], direction: 'asc' | 'desc'): Promise<Result[]> {
  const dates = new Map(
    await Promise.all(
      results.map(async (result) => {
        const time = Date.parse(`${(await result.data()).filters['date']?.[0] ?? ''} UTC`);
        return [result, Number.isNaN(time) ? -Infinity : time] as const;
      }),
    ),
  );
  const sign = direction === 'asc' ? 1 : -1;
  return [...results].sort((a, b) => sign * (dates.get(a)! - dates.get(b)! || 0));
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
