/**
 * The search page: query, facets with counts, sort, results with highlighted excerpts and matching
 * sections, and the whole state in the URL (?q=iaea&topic=Enforcement&sort=date-desc) so a search
 * can be shared and Back works. An empty query with a filter browses the corpus.
 */
import { excerptNodes, pagefind, type FilterCounts, type Result, type SearchResponse } from './pagefind.ts';

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
  // With this script running, the controls appear and the "needs JavaScript" notice goes.
  root.hidden = false;
  document.querySelector<HTMLElement>('[data-search-no-script]')?.setAttribute('hidden', '');

  let state = readUrl();
  let generation = 0;
  let results: Result[] = [];
  let shown = 0;
  let typingTimer: number | undefined;

  const describe = (count: number): string => {
    const chosen = FILTERS.flatMap(({ name, label }) => (state.filters[name] ?? []).map((value) => `${label}: ${value}`));
    const scope = chosen.length > 0 ? ` in ${chosen.join(', ')}` : '';
    const what = state.term ? ` for “${state.term}”` : '';
    if (count === 0) return `No results${what}${scope}. Try fewer or different words, or remove a filter.`;
    return `${count} ${count === 1 ? 'result' : 'results'}${what}${scope}`;
  };

  const renderFilters = (counts: FilterCounts) => {
    const groups = FILTERS.map(({ name, label }) => {
      const values = Object.entries(counts[name] ?? {});
      for (const selected of state.filters[name] ?? []) if (!values.some(([value]) => value === selected)) values.push([selected, 0]);
      values.sort((a, b) => (name === 'year' ? (a[0] < b[0] ? 1 : -1) : b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
      const fieldset = element('fieldset', 'search-filter');
      fieldset.append(element('legend', undefined, label));
      for (const [value, count] of values) {
        const id = `filter-${name}-${value.replace(/[^a-z0-9]+/gi, '-')}`;
        const row = element('div', 'search-filter-option');
        const box = element('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = name;
        box.value = value;
        box.checked = (state.filters[name] ?? []).includes(value);
        const text = element('label', undefined, value);
        text.htmlFor = id;
        text.append(' ', element('span', 'count', `(${count})`));
        row.append(box, text);
        fieldset.append(row);
      }
      return fieldset;
    });
    filterBox.replaceChildren(...groups);
  };

  const renderResult = async (result: Result): Promise<HTMLLIElement> => {
    const data = await result.data();
    const item = element('li', 'search-result');
    const heading = element('h2', 'search-result-title');
    const link = element('a', undefined, data.meta['title'] ?? data.url);
    link.href = data.url;
    heading.append(link);
    const meta = element('p', 'search-result-meta', [data.meta['outlet'], data.meta['date']].filter(Boolean).join(' · '));
    const excerpt = element('p', 'search-result-excerpt');
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(heading, meta, excerpt);
    const sections = data.sub_results.filter((sub) => sub.url !== data.url).slice(0, 3);
    if (sections.length > 0) {
      const sub = element('ul', 'search-subresults');
      for (const section of sections) {
        const row = element('li');
        const sectionLink = element('a', undefined, section.title);
        sectionLink.href = section.url;
        const sectionExcerpt = element('span', 'search-subresult-excerpt');
        sectionExcerpt.append(...excerptNodes(section.excerpt));
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
    const api = await pagefind();
    // Loads the filter index; until then searches report no filter counts.
    const corpusFacets = await api.filters();
    const hasFilters = Object.keys(state.filters).length > 0;
    if (!state.term.trim() && !hasFilters) {
      // Nothing asked yet: offer the facets of the whole corpus to browse by.
      renderFilters(corpusFacets);
      list.replaceChildren();
      more.hidden = true;
      summary.textContent = 'Type to search, or choose a filter to browse.';
      return;
    }
    const filters = Object.fromEntries(FILTERS.filter(({ name }) => state.filters[name]).map(({ name, mode }) => [name, { [mode]: state.filters[name] }]));
    const response: SearchResponse | null = await api.search(state.term.trim() || null, {
      filters: filters as unknown as Record<string, string[]>,
      sort: SORTS[state.sort],
    });
    if (mine !== generation || !response) return;
    results = response.results;
    shown = 0;
    list.replaceChildren();
    renderFilters(response.filters);
    await showMore(mine);
    if (mine !== generation) return;
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
