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
import { yieldToMain } from './yield.ts';

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

/** Pagefind's module: the same for every bundle (the search page preloads it, src/pages/search/index.astro). */
export const PAGEFIND_MODULE = `${BUNDLE}pagefind.js`;
/** The bundle's entry (its languages, their index and WebAssembly), read before Pagefind reads it itself. */
export const PAGEFIND_ENTRY = `${BUNDLE}pagefind-entry.json`;

/** Pagefind, imported and configured once, searching every language index of the bundle. */
export function pagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    // The first group's module is the bundle's own pagefind.js whatever the languages: fetched beside the entry.
    const primary = import(/* @vite-ignore */ PAGEFIND_MODULE) as Promise<PagefindModule>;
    primary.catch(() => undefined); // awaited below; a failure is reported there, not as unhandled meanwhile
    const groups = await languageGroups(document.documentElement.lang.toLowerCase());
    preloadIndexes(groups);
    if (groups.length <= 1) return loadGroup(groups[0] ?? { wasm: '', languages: [], metas: [] }, primary);
    return combine(await Promise.all(groups.map((group, index) => loadGroup(group, index === 0 ? primary : undefined))));
  })();
  return loading;
}

/** Languages that share a WebAssembly (the same query stemming), largest first, with their metadata files. */
interface LanguageGroup {
  wasm: string;
  languages: string[];
  /** Each language's metadata file (`pagefind.en_a3eeb95547.pf_meta`), in the order of `languages`. */
  metas: string[];
}

/**
 * Asks the browser for the files Pagefind's instances fetch first, as soon as the entry names them: each group's
 * WebAssembly and each language's metadata. Pagefind reads the entry again before it asks for them (with a
 * cache-busting parameter), a round trip saved: they are on their way, and its requests take the preloaded responses
 * (`as="fetch"`, same-origin credentials: what its `fetch()` asks for).
 * [{ wasm: "en", languages: ["en"], metas: ["pagefind.en_a3eeb95547.pf_meta"] }] -> /pagefind/wasm.en.pagefind, /pagefind/pagefind.en_a3eeb95547.pf_meta
 */
function preloadIndexes(groups: readonly LanguageGroup[]): void {
  const files = groups.flatMap(({ wasm, metas }) => [`wasm.${wasm}.pagefind`, ...metas]);
  for (const file of files) {
    const href = `${BUNDLE}${file}`;
    if (document.head.querySelector(`link[rel="preload"][href="${CSS.escape(href)}"]`)) continue;
    document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
  }
}

/** The bundle's languages grouped by WebAssembly: the group of the page's own language first, then by size; none when
 * the bundle's entry cannot be read (Pagefind then says why). */
async function languageGroups(own: string): Promise<LanguageGroup[]> {
  type Index = { hash?: string; wasm?: string | null; page_count?: number };
  let languages: [string, Index][];
  try {
    const entry = (await (await fetch(PAGEFIND_ENTRY)).json()) as { languages?: Record<string, Index> };
    languages = Object.entries(entry.languages ?? {});
  } catch {
    return [];
  }
  languages.sort((a, b) => (b[0] === own ? 1 : 0) - (a[0] === own ? 1 : 0) || (b[1].page_count ?? 0) - (a[1].page_count ?? 0));
  const groups = new Map<string, [string, Index][]>();
  for (const language of languages) groups.set(language[1].wasm ?? 'unknown', [...(groups.get(language[1].wasm ?? 'unknown') ?? []), language]);
  // Pagefind's "unknown" WebAssembly stems nothing and its languages' indexes are not stemmed (Chinese, Hebrew, ...):
  // they join the first group, whose stemmer leaves their scripts alone and whose stems of a Latin word still find
  // the whole word (Pagefind matches a query word as a prefix). One WebAssembly less to load.
  const unknown = groups.get('unknown');
  const [first] = groups.keys();
  if (unknown !== undefined && first !== undefined && first !== 'unknown') {
    groups.get(first)!.push(...unknown);
    groups.delete('unknown');
  }
  return [...groups].map(([wasm, members]) => ({
    wasm,
    languages: members.map(([language]) => language),
    metas: members.flatMap(([, { hash }]) => (hash ? [`pagefind.${hash}.pf_meta`] : [])),
  }));
}

/** One instance of Pagefind for one group: its first language, the others merged in. The first group's instance is the
 * bundle's own module (`primary`, already on its way); each other is the same file under a query string, so the browser
 * gives it a module of its own. */
async function loadGroup({ wasm, languages: [first, ...rest] }: LanguageGroup, primary?: Promise<PagefindModule>): Promise<PagefindModule> {
  const module = await (primary ?? (import(/* @vite-ignore */ `${PAGEFIND_MODULE}?wasm=${encodeURIComponent(wasm)}`) as Promise<PagefindModule>));
  // The module's evaluation was one task; its set-up starts another.
  await yieldToMain();
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
