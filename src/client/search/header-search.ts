/**
 * The header search box, an ARIA combobox. Without JavaScript it is a plain form that opens
 * /search/?q=. With it, results drop down as you type: "/" focuses the box, arrow keys move through
 * the results, Enter opens one, Escape closes the list, and the result count is announced.
 * This code is fetched when the box is first focused (site-search.ts, which also handles "/"); it starts
 * loading Pagefind at once and picks up whatever was typed while it loaded.
 * Results are hits only when their text holds the query exactly (hits.ts); when none does, the list says
 * "No article contains “banana”" and offers the near words Pagefind found as searches of their own.
 */
import { ExactCheck, toHit } from './hits.ts';
import { inferredMark } from './inferred-mark.ts';
import { pagefind } from './pagefind.ts';
import { parseQuery } from './query.ts';
import { searchPath } from '../../core/urls.ts';
import { languageAttributes } from '../../core/text-direction.ts';

/** Results shown in the dropdown; the last option opens the full search page. */
const SHOWN = 5;

function setUpHeaderSearch(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const listbox = root.querySelector<HTMLElement>('[role="listbox"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  let active = -1;
  let generation = 0;
  let timer: number | undefined;

  const options = () => [...listbox.querySelectorAll<HTMLAnchorElement>('[role="option"]')];

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  // The list opens from the box's left edge, or, where it would pass the window's right edge (the box at the end of
  // the header's row on a wide screen), from its right edge: it never widens the page.
  const open = () => {
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    listbox.classList.remove('search-dropdown-end');
    if (listbox.getBoundingClientRect().right > document.documentElement.clientWidth) listbox.classList.add('search-dropdown-end');
  };

  const select = (index: number) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, position) => option.setAttribute('aria-selected', String(position === active)));
    const chosen = all[active]!;
    input.setAttribute('aria-activedescendant', chosen.id);
    chosen.scrollIntoView({ block: 'nearest' });
  };

  // The list is busy from a keystroke until the results for everything typed are shown: a search still
  // running for an earlier prefix is dropped rather than shown, so a result chosen with the arrow keys is
  // not replaced under the reader's cursor a moment later.
  const busy = (on: boolean) => {
    if (on) listbox.setAttribute('aria-busy', 'true');
    else listbox.removeAttribute('aria-busy');
  };

  // Drops a search still to come or still running: each keystroke does, for the one before it, and Escape does, so
  // that its results do not open the list again.
  const cancel = () => {
    window.clearTimeout(timer);
    generation++;
    busy(false);
  };

  const run = async (term: string) => {
    const mine = ++generation;
    try {
      await show(term, mine);
    } finally {
      if (mine === generation) busy(false);
    }
  };

  const show = async (term: string, mine: number) => {
    if (parseQuery(term).term === '') {
      listbox.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const api = await pagefind();
    const query = parseQuery(term);
    const response = query.term ? await api.search(query.term) : null;
    if (mine !== generation || !response) return;
    // Only the pages that hold the query exactly (hits.ts): enough candidates are checked to fill the list, not all
    // of them, so the count is exact only when every one was checked.
    const check = new ExactCheck(response.results, query);
    await check.until(SHOWN + 1, () => mine !== generation);
    if (mine !== generation) return;
    const results = check.results;
    const hits = (await Promise.all(results.slice(0, SHOWN).map((result) => result.data()))).map((data) => toHit(data, query));
    if (mine !== generation) return;
    const items = hits.map((hit, index) => {
      const option = document.createElement('a');
      option.id = `site-search-option-${index}`;
      option.href = hit.href;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.className = 'search-option';
      const title = document.createElement('span');
      title.className = 'search-option-title';
      title.textContent = hit.title;
      Object.assign(title, languageAttributes(hit.lang));
      if (hit.inferred.title) title.append(...inferredMark('title'));
      const meta = document.createElement('span');
      meta.className = 'search-option-meta';
      meta.textContent = hit.byline;
      if (hit.inferred.date) meta.append(...inferredMark('date'));
      const excerpt = document.createElement('span');
      excerpt.className = 'search-option-excerpt';
      excerpt.append(...hit.excerpt);
      option.append(title, meta, excerpt);
      return option;
    });
    const total = results.length;
    const exact = check.complete;
    const several = query.phrases.length + query.words.length > 1;
    const none = `No article contains ${several ? 'all of ' : ''}${query.label}.`;
    // When no article holds the query, the near words Pagefind matched instead: each opens its own search.
    const nearWords = total === 0 ? check.nearWords(3) : [];
    const offers = nearWords.map((word, index) => {
      const option = document.createElement('a');
      option.id = `site-search-option-near-${index}`;
      option.href = searchPath({ q: word });
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.className = 'search-option search-option-near';
      option.textContent = `Search for “${word}” instead (a near word)`;
      return option;
    });
    const all = document.createElement('a');
    all.id = 'site-search-option-all';
    all.href = searchPath({ q: term });
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    all.className = 'search-option search-option-all';
    all.textContent = total === 0 ? `${none} Open the search page` : exact ? `See all ${total} results, with filters` : 'See all results, with filters';
    listbox.replaceChildren(...items, ...offers, all);
    // Results that come after the reader has left the box wait, closed, for the arrow keys to open them.
    if (root.contains(document.activeElement)) open();
    active = -1;
    input.removeAttribute('aria-activedescendant');
    status.textContent =
      total === 0
        ? `${none}${nearWords.length > 0 ? ` ${nearWords.length} near ${nearWords.length === 1 ? 'word' : 'words'} offered.` : ''}`
        : `${exact ? total : `More than ${SHOWN}`} ${total === 1 ? 'result' : 'results'}; ${Math.min(total, SHOWN)} shown. Use the arrow keys to choose.`;
  };

  input.addEventListener('input', () => {
    cancel();
    busy(true);
    timer = window.setTimeout(() => void run(input.value), 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (listbox.hidden) {
        if (options().length === 0) return;
        open();
      }
      event.preventDefault();
      select(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0 && !listbox.hidden) {
      event.preventDefault();
      options()[active]!.click();
    } else if (event.key === 'Escape') {
      cancel();
      if (!listbox.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {
        input.value = '';
        void run('');
      }
    }
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) close();
  });
  void pagefind();
  if (input.value) {
    busy(true);
    void run(input.value);
  }
}

const root = document.querySelector<HTMLElement>('[data-site-search]');
if (root) setUpHeaderSearch(root);
