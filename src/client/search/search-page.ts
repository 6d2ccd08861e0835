/**
 * The search page: query, facets with counts, sort, results with highlighted excerpts and matching
 * sections, and the whole state in the URL (?q=iaea&topic=Enforcement&sort=date-desc, src/client/url-state.ts)
 * so a search can be shared and Back works. An empty query with a filter browses the corpus.
 * A result is a hit only when its text holds the query exactly (hits.ts, exact.ts): where Pagefind found only
 * near words, the page says "No article contains “banana”" and offers those words as searches of their own.
 * Facets that scale (facets.ts): values with no result are hidden, each facet shows its first few values and the rest
 * behind "Show all N", a long one has a box to filter its values, and on a narrow screen the facets are one
 * disclosure above the results. Keyboard first: a skip link jumps over the facets to the results; the facets
 * are built once, in the corpus's order, and only their counts change, so nothing moves under the pointer or
 * loses focus; the count is announced (a polite live region) and the document title names the query.
 * Nothing moves while results render: the page's parts are in the HTML from the start, with their space kept.
 */
import { languageAttributes } from '../../core/text-direction.ts';
import { concordancePath } from '../../core/urls.ts';
import { element } from '../element.ts';
import { urlState } from '../url-state.ts';
import { FILTERS, searchFacets } from './facets.ts';
import { ExactCheck, hasTerms, toHit } from './hits.ts';
import { inferredMark } from './inferred-mark.ts';
import { pagefind, type Result, type SearchResponse } from './pagefind.ts';
import { parseQuery } from './query.ts';
import { yieldToMain } from './yield.ts';

const SORTS: Record<string, Record<string, 'asc' | 'desc'>> = { 'date-desc': { date: 'desc' }, 'date-asc': { date: 'asc' } };
const PAGE_SIZE = 10;
/** The width from which the facets sit beside the results, open (src/styles/global.css, .search-layout). */
const WIDE = '(min-width: 60rem)';

interface State {
  term: string;
  filters: Record<string, string[]>;
  sort: string;
}

function readState(params: URLSearchParams): State {
  const filters: Record<string, string[]> = {};
  for (const { name } of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  const sort = params.get('sort') ?? '';
  return { term: params.get('q') ?? '', filters, sort: sort in SORTS ? sort : '' };
}

function writeState({ term, filters, sort }: State): URLSearchParams {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const { name } of FILTERS) for (const value of filters[name] ?? []) params.append(name, value);
  if (sort) params.set('sort', sort);
  return params;
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

  const facets = searchFacets(filterBox, disclosureLabel);
  let results: Result[] = [];
  let shown = 0;
  let typingTimer: number | undefined;

  const baseTitle = document.title;

  const scopeText = (state: State) => {
    const chosen = FILTERS.flatMap(({ name, label }) => (state.filters[name] ?? []).map((value) => `${label}: ${value}`));
    return chosen.length > 0 ? ` in ${chosen.join(', ')}` : '';
  };

  const describe = (state: State, count: number): string => {
    const scope = scopeText(state);
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
        link.href = page.href({ ...page.state, term: word });
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
    page.go({ ...page.state, term: link.dataset['term']! });
    input.focus();
  });

  const renderResult = async (result: Result): Promise<HTMLLIElement> => {
    const hit = toHit(await result.data(), parseQuery(page.state.term));
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
        if (!page.isLatest(mine)) return;
        const item = await renderResult(result);
        if (!page.isLatest(mine)) return;
        list.append(item);
        shown++;
      }
      if (page.isLatest(mine)) more.hidden = shown >= results.length;
    })();
    return rendering;
  };

  const show = async (state: State, mine: number) => {
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
    if (!page.isLatest(mine)) return;
    if (!query.term && !hasFilters) {
      // Nothing asked yet: the facets of the whole corpus to browse by.
      if (!facets.built) facets.build(browseFacets!);
      facets.update(browseFacets!, state.filters);
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
    if (!page.isLatest(mine) || !response) return;
    // Only the pages that hold the query exactly (hits.ts): the first page is shown once enough candidates are
    // checked; the rest are checked after it, and the count and the facets are given when all are.
    const check = new ExactCheck(response.results, query);
    const cancelled = () => !page.isLatest(mine);
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
    if (!facets.built) facets.build(corpusFacets);
    facets.update(check.counts() ?? response.filters, state.filters);
    summary.textContent = describe(state, results.length);
    if (results.length === 0 && hasTerms(query)) offerNearWords(check.nearWords());
  };

  const page = urlState({ read: readState, write: writeState, show });
  input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => page.go({ ...page.state, term: input.value }), 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    page.go({ ...page.state, term: input.value });
  });
  sortSelect.addEventListener('change', () => page.go({ ...page.state, sort: sortSelect.value }));
  filterBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    const { state } = page;
    const current = new Set(state.filters[box.name] ?? []);
    if (box.checked) current.add(box.value);
    else current.delete(box.value);
    const filters = { ...state.filters, [box.name]: [...current] };
    if (current.size === 0) delete filters[box.name];
    page.go({ ...state, filters });
  });
  more.addEventListener('click', () => void showMore(page.generation));
  page.start();
}
