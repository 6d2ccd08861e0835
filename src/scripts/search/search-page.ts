/**
 * The search page: query, facets with counts, sort, results with highlighted excerpts and matching
 * sections, and the whole state in the URL (?q=iaea&topic=Enforcement&sort=date-desc) so a search
 * can be shared and Back works. An empty query with a filter browses the corpus.
 * Keyboard first: a skip link jumps over the facets to the results; the facets are built once, in the
 * corpus's order, and only their counts change, so nothing moves under the pointer or loses focus; the
 * count is announced (a polite live region) and the document title names the query.
 */
import { languageAttributes } from '../../core/text-direction.ts';
import { concordancePath } from '../../core/urls.ts';
import { PhraseCheck, toHit } from './hits.ts';
import { inferredMark } from './inferred-mark.ts';
import { pagefind, type FilterCounts, type Result, type SearchResponse } from './pagefind.ts';
import { parseQuery } from './query.ts';

/** The filters the index carries (src/components/SearchMeta.astro), in display order. Topics narrow
 * (an article must carry every chosen topic); the others widen within their group. */
const FILTERS = [
  { name: 'topic', label: 'Topic', mode: 'all' },
  { name: 'outlet', label: 'Outlet', mode: 'any' },
  { name: 'format', label: 'Format', mode: 'any' },
  { name: 'year', label: 'Year', mode: 'any' },
] as const;
const SORTS: Record<string, Record<string, 'asc' | 'desc'>> = { 'date-desc': { date: 'desc' }, 'date-asc': { date: 'asc' } };
const PAGE_SIZE = 10;

interface State {
  term: string;
  filters: Record<string, string[]>;
  sort: string;
}

function readUrl(): State {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const { name } of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  const sort = params.get('sort') ?? '';
  return { term: params.get('q') ?? '', filters, sort: sort in SORTS ? sort : '' };
}

function toUrl({ term, filters, sort }: State): string {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const { name } of FILTERS) for (const value of filters[name] ?? []) params.append(name, value);
  if (sort) params.set('sort', sort);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function setUpSearchPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const summary = root.querySelector<HTMLElement>('[data-search-summary]')!;
  const filterBox = root.querySelector<HTMLElement>('[data-search-filters]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  // "See every use in context": the concordance of the query's words (src/pages/concordance/).
  const concordance = root.querySelector<HTMLElement>('[data-search-concordance]')!;
  // With this script running, the controls appear and the "needs JavaScript" notice goes.
  root.hidden = false;
  document.querySelector<HTMLElement>('[data-search-no-script]')?.setAttribute('hidden', '');

  let state = readUrl();
  let generation = 0;
  let results: Result[] = [];
  let shown = 0;
  let typingTimer: number | undefined;

  const baseTitle = document.title;

  const describe = (count: number): string => {
    const chosen = FILTERS.flatMap(({ name, label }) => (state.filters[name] ?? []).map((value) => `${label}: ${value}`));
    const scope = chosen.length > 0 ? ` in ${chosen.join(', ')}` : '';
    const query = parseQuery(state.term);
    const lonePhrase = query.phrases.length === 1 && query.words.length === 0;
    const what = query.label ? ` for ${lonePhrase ? 'the phrase ' : ''}${query.label}` : '';
    if (count === 0) return `No results${what}${scope}. Try fewer or different words, or remove a filter.`;
    return `${count} ${count === 1 ? 'result' : 'results'}${what}${scope}`;
  };

  /** Facet value -> its checkbox and count, built once from the whole corpus's facets. */
  const options = new Map<string, { box: HTMLInputElement; count: HTMLElement; row: HTMLElement }>();
  const key = (name: string, value: string) => `${name}\u0000${value}`;

  const buildFilters = (corpus: FilterCounts) => {
    const groups = FILTERS.map(({ name, label }) => {
      // The corpus's order, fixed for the page's life: most articles first (years newest first).
      const values = Object.entries(corpus[name] ?? {});
      values.sort((a, b) => (name === 'year' ? (a[0] < b[0] ? 1 : -1) : b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
      const fieldset = element('fieldset', 'search-filter');
      fieldset.append(element('legend', undefined, label));
      for (const [value] of values) {
        const id = `filter-${name}-${value.replace(/[^a-z0-9]+/gi, '-')}`;
        const row = element('div', 'search-filter-option');
        const box = element('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = name;
        box.value = value;
        const text = element('label', undefined, value);
        text.htmlFor = id;
        const count = element('span', 'count');
        text.append(' ', count);
        row.append(box, text);
        fieldset.append(row);
        options.set(key(name, value), { box, count, row });
      }
      return fieldset;
    });
    filterBox.replaceChildren(...groups);
  };

  /** Counts and checks updated in place; a value with no result here stays where it is, dimmed. */
  const updateFilters = (counts: FilterCounts) => {
    for (const [id, option] of options) {
      const [name, value] = id.split('\u0000') as [string, string];
      const count = counts[name]?.[value] ?? 0;
      option.count.textContent = `(${count})`;
      option.row.classList.toggle('is-empty', count === 0);
      option.box.checked = (state.filters[name] ?? []).includes(value);
    }
  };

  const renderResult = async (result: Result): Promise<HTMLLIElement> => {
    const hit = toHit(await result.data(), parseQuery(state.term));
    const item = element('li', 'search-result');
    const heading = element('h2', 'search-result-title');
    const link = Object.assign(element('a', undefined, hit.title), languageAttributes(hit.lang));
    link.href = hit.href;
    heading.append(link, ...(hit.inferred.title ? inferredMark('title') : []));
    const meta = element('p', 'search-result-meta', hit.byline);
    if (hit.inferred.date) meta.append(...inferredMark('date'));
    const excerpt = Object.assign(element('p', 'search-result-excerpt'), languageAttributes(hit.lang));
    excerpt.append(...hit.excerpt);
    item.append(heading, meta, excerpt);
    if (hit.sections.length > 0) {
      const sub = element('ul', 'search-subresults');
      for (const section of hit.sections) {
        const row = element('li');
        const sectionLink = element('a', undefined, section.title);
        sectionLink.href = section.href;
        const sectionExcerpt = element('span', 'search-subresult-excerpt');
        sectionExcerpt.append(...section.excerpt);
        row.append(sectionLink, ' ', sectionExcerpt);
        sub.append(row);
      }
      item.append(sub);
    }
    return item;
  };

  const showMore = async (mine: number) => {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const items = await Promise.all(next.map(renderResult));
    if (mine !== generation) return;
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const run = async (push: 'push' | 'none') => {
    const mine = ++generation;
    if (push === 'push') {
      const url = toUrl(state);
      if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    }
    input.value = state.term;
    sortSelect.value = state.sort;
    const query = parseQuery(state.term);
    document.title = query.label ? `${query.label} – ${baseTitle}` : baseTitle;
    concordance.hidden = query.highlights.length === 0;
    concordance.querySelector('a')!.href = concordancePath(state.term.trim());
    const api = await pagefind();
    // Loads the filter index; until then searches report no filter counts.
    const corpusFacets = await api.filters();
    if (options.size === 0) buildFilters(corpusFacets);
    const hasFilters = Object.keys(state.filters).length > 0;
    if (!query.term && !hasFilters) {
      // Nothing asked yet: the facets of the whole corpus to browse by.
      updateFilters(corpusFacets);
      list.replaceChildren();
      more.hidden = true;
      summary.textContent = 'Type to search, or choose a filter to browse.';
      return;
    }
    const filters = Object.fromEntries(FILTERS.filter(({ name }) => state.filters[name]).map(({ name, mode }) => [name, { [mode]: state.filters[name] }]));
    const response: SearchResponse | null = await api.search(query.term || null, {
      filters: filters as unknown as Record<string, string[]>,
      sort: SORTS[state.sort],
    });
    if (mine !== generation || !response) return;
    // With a phrase, only the pages that contain it (hits.ts): the first page is shown once enough candidates are
    // checked; the rest are checked after it, and the count and the facets are given when all are.
    const check = new PhraseCheck(response.results, query);
    const cancelled = () => mine !== generation;
    await check.until(PAGE_SIZE + 1, cancelled);
    if (cancelled()) return;
    results = check.results;
    shown = 0;
    list.replaceChildren();
    await showMore(mine);
    if (cancelled()) return;
    if (!check.complete) {
      summary.textContent = `More than ${PAGE_SIZE} results; checking the other candidates for the exact phrase…`;
      await check.until(Infinity, cancelled);
      if (cancelled()) return;
      results = check.results;
      more.hidden = shown >= results.length;
    }
    updateFilters(check.counts() ?? response.filters);
    summary.textContent = describe(results.length);
  };

  input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => {
      state = { ...state, term: input.value };
      void run('push');
    }, 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    state = { ...state, term: input.value };
    void run('push');
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value };
    void run('push');
  });
  filterBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const current = new Set(state.filters[box.name] ?? []);
    if (box.checked) current.add(box.value);
    else current.delete(box.value);
    const filters = { ...state.filters, [box.name]: [...current] };
    if (current.size === 0) delete filters[box.name];
    state = { ...state, filters };
    void run('push');
  });
  more.addEventListener('click', () => void showMore(generation));
  window.addEventListener('popstate', () => {
    state = readUrl();
    void run('none');
  });

  void run('none');
}
