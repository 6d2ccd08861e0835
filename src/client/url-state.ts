/**
 * A page whose whole state is in its URL (the search page, the concordance): the state read from the address, each
 * change shown as a history entry of its own (none when the address is already the one shown), Back and Forward
 * showing the state of their entry, and runs numbered so that work finishing after a newer run started is dropped
 * (a slow fetch for "worl" never overwrites the results for "world"). Hand-written: it is these twenty lines, which
 * both pages had a copy of.
 * urlState({ read: (p) => ({ q: p.get('q') ?? '' }), write: ({ q }) => new URLSearchParams(q ? { q } : {}), show })
 *   on /concordance/?q=order, .start() -> show({ q: 'order' }, 1); .go({ q: 'world' }) -> /concordance/?q=world, show({ q: 'world' }, 2)
 */

export interface UrlState<S> {
  /** The state shown, or being shown. */
  readonly state: S;
  /** The number of the latest run. */
  readonly generation: number;
  /** Whether run `run` is still the latest: checked after each await, so a stale run stops. */
  isLatest(run: number): boolean;
  /** Show `next`, as a new history entry when its address is not the one shown. */
  go(next: S): void;
  /** The address of a state on this page: '/search/?q=world'. */
  href(state: S): string;
  /** Show the address's state (once the page's listeners are in place). */
  start(): void;
}

export function urlState<S>({
  read,
  write,
  show,
}: {
  /** The state in the address's query string (whatever it holds, a state the page can show). */
  read: (params: URLSearchParams) => S;
  /** The query string of a state (defaults left out, so a plain page has a plain address). */
  write: (state: S) => URLSearchParams;
  /** Show a state; `run` is its number, for isLatest. */
  show: (state: S, run: number) => Promise<void>;
}): UrlState<S> {
  const href = (state: S) => {
    const query = write(state).toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  let state = read(new URLSearchParams(location.search));
  let generation = 0;
  const run = (push: boolean) => {
    const mine = ++generation;
    if (push) {
      const url = href(state);
      if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    }
    void show(state, mine);
  };
  window.addEventListener('popstate', () => {
    state = read(new URLSearchParams(location.search));
    run(false);
  });
  const controller: UrlState<S> = {
    get state() {
      return state;
    },
    get generation() {
      return generation;
    },
    isLatest: (mine) => mine === generation,
    go(next) {
      state = next;
      run(true);
    },
    href,
    start: () => run(false),
  };
  return controller;
}
