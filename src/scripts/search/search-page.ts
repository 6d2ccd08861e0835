/**
 * The search page: query, facets with counts, sort, results with highlighted excerpts and matching
 * sections, and the whole state in the URL (?q=iaea&topic=Enforcement&sort=date-desc) so a search
 * can be shared and Back works. An empty query with a filter browses the corpus.
 * A result is a hit only when its text holds the query exactly (hits.ts, exact.ts): where Pagefind found only
 * near words, the page says "No article contains “banana”" and offers those words as searches of their own.
 * Facets that scale: values with no result are hidden, each facet shows its first few values and the rest
 * behind "Show all N", a long one has a box to filter its values, and on a narrow screen the facets are one
 * disclosure above the results. Keyboard first: a skip link jumps over the facets to the results; the facets
 * are built once, in the corpus's order, and only their counts change, so nothing moves under the pointer or
 * loses focus; the count is announced (a polite live region) and the document title names the query.
 * Nothing moves while results render: the page's parts are in the HTML from the start, with their space kept.
 */
import { languageAttributes } from '../../core/text-direction.ts';
import { concordancePath } from '../../core/urls.ts';
import { foldCharacters } from './exact.ts';
import { ExactCheck, hasTerms, toHit } from './hits.ts';
import { inferredMark } from './inferred-mark.ts';
import { pagefind, type FilterCounts, type Result, type SearchResponse } from './pagefind.ts';
import { parseQuery } from './query.ts';
import { yieldToMain } from './yield.ts';

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
/** Values a facet shows before "Show all N". */
const FEW = 5;
/** A facet with more values than this in the corpus gets a box to filter them. */
const FILTER_BOX_FROM = 8;
/** The width from which the facets sit beside the results, open (src/styles/global.css, .search-layout). */
const WIDE = '(min-width: 60rem)';

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
  // The near words Pagefind matched when no article holds the query, offered as searches of their own.
  const near = root.querySelector<HTMLElement>('[data-search-near]')!;
  // The facets' disclosure: closed on a narrow screen, where the results come first; always open beside them.
  const disclosure = root.querySelector<HTMLDetailsElement>('[data-search-filters-box]')!;
  const disclosureLabel = disclosure.querySelector<HTMLElement>('[data-search-filters-label]')!;
  const wide = window.matchMedia(WIDE);
  const syncDisclosure = () => {
    if (wide.matches) disclosure.open = true;
  };
  syncDisclosure();
  wide.addEventListener('change', syncDisclosure);

  let state = readUrl();
  let generation = 0;
  let results: Result[] = [];
  let shown = 0;
  let typingTimer: number | undefined;

  const baseTitle = document.title;

  const scopeText = () => {
    const chosen = FILTERS.flatMap(({ name, label }) => (state.filters[name] ?? []).map((value) => `${label}: ${value}`));
    return chosen.length > 0 ? ` in ${chosen.join(', ')}` : '';
  };

  const describe = (count: number): string => {
    const scope = scopeText();
    const query = parseQuery(state.term);
    const lonePhrase = query.phrases.length === 1 && query.words.length === 0;
    const what = query.label ? ` for ${lonePhrase ? 'the phrase ' : ''}${query.label}` : '';
    if (count === 0 && hasTerms(query)) {
      const several = query.phrases.length + query.words.length > 1;
      return `No article${scope ? ` ${scope.trim()}` : ''} contains ${several ? 'all of ' : ''}${query.label}.`;
    }
    if (count === 0) return `No results${what}${scope}. Try fewer or different words, or remove a filter.`;
    return `${count} ${count === 1 ? 'result' : 'results'}${what}${scope}`;
  };

  /** The near words as links that search for each (with the filters in force), or advice when there are none. */
  const offerNearWords = (words: string[]) => {
    if (words.length === 0) {
      near.replaceChildren('Try fewer or different words, or remove a filter.');
    } else {
      const links = words.flatMap((word, index) => {
        const link = element('a', 'search-near-word', word);
        link.href = toUrl({ ...state, term: word });
        link.dataset['term'] = word;
        return index === 0 ? [link] : [', ', link];
      });
      near.replaceChildren(`Near words found instead, each a search of its own: `, ...links, '.');
    }
    near.hidden = false;
  };
  near.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-term]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    state = { ...state, term: link.dataset['term']! };
    void run('push');
    input.focus();
  });

  /** One facet: its values in the corpus's order, whether "Show all" is open, and its filter box if it is long. */
  interface Group {
    name: string;
    label: string;
    fieldset: HTMLFieldSetElement;
    rows: Array<{ value: string; folded: string; row: HTMLElement; box: HTMLInputElement; count: HTMLElement; shown: boolean }>;
    toggle: HTMLButtonElement;
    filter?: HTMLInputElement;
    none: HTMLElement;
    expanded: boolean;
  }
  const groups: Group[] = [];

  const buildFilters = (corpus: FilterCounts) => {
    for (const { name, label } of FILTERS) {
      // The corpus's order, fixed for the page's life: most articles first (years newest first).
      const values = Object.entries(corpus[name] ?? {});
      values.sort((a, b) => (name === 'year' ? (a[0] < b[0] ? 1 : -1) : b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
      const fieldset = element('fieldset', 'search-filter');
      fieldset.append(element('legend', undefined, label));
      const listId = `filter-${name}-values`;
      const group: Group = {
        name,
        label,
        fieldset,
        rows: [],
        toggle: element('button', 'search-filter-toggle'),
        none: element('p', 'search-filter-none'),
        expanded: false,
      };
      if (values.length > FILTER_BOX_FROM) {
        const filter = element('input', 'search-filter-find');
        filter.type = 'search';
        filter.setAttribute('aria-label', `Filter the ${label.toLowerCase()} values`);
        filter.placeholder = `Filter ${values.length} ${label.toLowerCase()} values`;
        filter.setAttribute('aria-controls', listId);
        filter.autocomplete = 'off';
        filter.addEventListener('input', () => layoutGroup(group));
        fieldset.append(filter);
        group.filter = filter;
      }
      const list = element('div', 'search-filter-values');
      list.id = listId;
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
        list.append(row);
        group.rows.push({ value, folded: foldCharacters(value), row, box, count, shown: false });
      }
      group.none.hidden = true;
      group.toggle.type = 'button';
      group.toggle.setAttribute('aria-controls', listId);
      group.toggle.addEventListener('click', () => {
        group.expanded = !group.expanded;
        layoutGroup(group);
      });
      fieldset.append(list, group.none, group.toggle);
      groups.push(group);
    }
    filterBox.replaceChildren(...groups.map((group) => group.fieldset));
  };

  /**
   * Which values a facet shows: those with a result here (and any checked), matching its filter box; the
   * first FEW of them unless "Show all" is open or the box is used. The order never changes.
   */
  const layoutGroup = (group: Group) => {
    const find = foldCharacters(group.filter?.value.trim() ?? '');
    const candidates = group.rows.filter((row) => (row.shown || row.box.checked) && (!find || row.folded.includes(find)));
    const all = group.expanded || find !== '';
    for (const row of group.rows) {
      const index = candidates.indexOf(row);
      row.row.hidden = !(index >= 0 && (all || index < FEW || row.box.checked));
    }
    const total = group.rows.filter((row) => row.shown || row.box.checked).length;
    group.fieldset.hidden = total === 0;
    group.none.hidden = !(find && candidates.length === 0);
    group.none.textContent = `No ${group.label.toLowerCase()} value matches “${group.filter?.value.trim() ?? ''}”.`;
    group.toggle.hidden = find !== '' || total <= FEW;
    group.toggle.textContent = group.expanded ? `Show the first ${FEW}` : `Show all ${total}`;
    group.toggle.setAttribute('aria-expanded', String(group.expanded));
    group.toggle.setAttribute(
      'aria-label',
      group.expanded ? `Show the first ${FEW} ${group.label.toLowerCase()} values` : `Show all ${total} ${group.label.toLowerCase()} values`,
    );
  };

  /** Counts and checks updated in place; a value with no result here is hidden, unless checked. */
  const updateFilters = (counts: FilterCounts) => {
    let chosen = 0;
    for (const group of groups) {
      for (const row of group.rows) {
        const count = counts[group.name]?.[row.value] ?? 0;
        row.count.textContent = `(${count})`;
        row.shown = count > 0;
        row.box.checked = (state.filters[group.name] ?? []).includes(row.value);
        if (row.box.checked) chosen++;
      }
      layoutGroup(group);
    }
    disclosureLabel.textContent = chosen > 0 ? `Filters (${chosen} chosen)` : 'Filters';
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

  /** The page of results being rendered (settled when none is): "Show more" pressed meanwhile waits for it. */
  let rendering: Promise<void> = Promise.resolve();

  /**
   * The next page of results, each rendered in a task of its own and shown as soon as it is ready: the first is on
   * screen before the others are worked out, and no long task holds up a keystroke. They come in below it, in the
   * room the list keeps, so nothing moves.
   */
  const showMore = (mine: number): Promise<void> => {
    const before = rendering;
    rendering = (async () => {
      await before.catch(() => undefined);
      for (const result of results.slice(shown, shown + PAGE_SIZE)) {
        await yieldToMain();
        if (mine !== generation) return;
        const item = await renderResult(result);
        if (mine !== generation) return;
        list.append(item);
        shown++;
      }
      if (mine === generation) more.hidden = shown >= results.length;
    })();
    return rendering;
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
    // Kept in its place, only out of sight, so that nothing below it moves when it comes.
    concordance.classList.toggle('is-unused', query.highlights.length === 0);
    concordance.querySelector('a')!.href = concordancePath(state.term.trim());
    const api = await pagefind();
    // The corpus's facets (every filter chunk). A browse counts Pagefind's own facet counts, which need every chunk
    // loaded before it searches; a search with words counts its facets over its exact hits (hits.ts), so the chunks
    // wait until its first results are found: the query's index chunk and fragments come first.
    const hasFilters = Object.keys(state.filters).length > 0;
    const browseFacets = hasTerms(query) ? undefined : await api.filters();
    if (mine !== generation) return;
    if (!query.term && !hasFilters) {
      // Nothing asked yet: the facets of the whole corpus to browse by.
      if (groups.length === 0) buildFilters(browseFacets!);
      updateFilters(browseFacets!);
      list.replaceChildren();
      more.hidden = true;
      near.hidden = true;
      summary.textContent = 'Type to search, or choose a filter to browse.';
      return;
    }
    const filters = Object.fromEntries(FILTERS.filter(({ name }) => state.filters[name]).map(({ name, mode }) => [name, { [mode]: state.filters[name] }]));
    const response: SearchResponse | null = await api.search(query.term || null, {
      filters: filters as unknown as Record<string, string[]>,
      sort: SORTS[state.sort],
    });
    if (mine !== generation || !response) return;
    // Only the pages that hold the query exactly (hits.ts): the first page is shown once enough candidates are
    // checked; the rest are checked after it, and the count and the facets are given when all are.
    const check = new ExactCheck(response.results, query);
    const cancelled = () => mine !== generation;
    await check.until(PAGE_SIZE + 1, cancelled);
    if (cancelled()) return;
    const facetsLoading = browseFacets ? Promise.resolve(browseFacets) : api.filters();
    facetsLoading.catch(() => undefined); // awaited below unless a newer search replaces this one
    results = check.results;
    shown = 0;
    list.replaceChildren();
    near.hidden = true;
    await showMore(mine);
    if (cancelled()) return;
    if (!check.complete) {
      summary.textContent = `More than ${PAGE_SIZE} results; checking the other candidates for the exact ${query.phrases.length > 0 ? 'phrase' : 'words'}…`;
      await check.until(Infinity, cancelled);
      if (cancelled()) return;
      results = check.results;
      more.hidden = shown >= results.length;
    }
    const corpusFacets = await facetsLoading;
    if (cancelled()) return;
    // The facets are built with their first counts, in one go, so that no value shows and then hides.
    if (groups.length === 0) buildFilters(corpusFacets);
    updateFilters(check.counts() ?? response.filters);
    summary.textContent = describe(results.length);
    if (results.length === 0 && hasTerms(query)) offerNearWords(check.nearWords());
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
    if (box.type !== 'checkbox') return;
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
