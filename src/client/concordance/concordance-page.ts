/**
 * The concordance page: reads the query and the order from the URL (?q=oligopoly&sort=before), fetches the
 * index's list of articles and the shard of each query word, finds every occurrence (src/core/concordance/lookup.ts),
 * and shows them as table rows, 25 at a time: only the text files (16 blocks each) that the shown lines come
 * from are fetched, the next ones on "Show more lines". Each query or order is a history entry
 * (src/client/url-state.ts), so a concordance can be shared and Back works. Sorting is by the column headers'
 * buttons (aria-sort on the sorted column) or the form's select; the count is a polite live region and the
 * document title names the query. A date range in the URL (`&from=2026-03-01&to=2026-03-31`, or `&dated=no`;
 * src/core/analysis/date-range.ts) keeps the lines of the articles dated in it: what a point of a trend (/trends/) opens.
 */
import { describeDateRange, hasDateRange, inDateRange, readDateRange, writeDateRange, type DateRange } from '../../core/analysis/date-range.ts';
import { formatCount, plural } from '../../core/count.ts';
import { CONCORDANCE_DATA, shardOf, textChunk, type ConcordanceManifest, type ConcordanceShard, type ConcordanceText } from '../../core/concordance/format.ts';
import { countOccurrences, findOccurrences, isSort, lineAt, sortOccurrences, type ConcordanceSort, type Occurrence } from '../../core/concordance/lookup.ts';
import { parseConcordanceQuery, tokenize, type Token } from '../../core/concordance/words.ts';
import { articlePath, trendsPath } from '../../core/urls.ts';
import { languageAttributes } from '../../core/text-direction.ts';
import { describeFilters, filterOccurrences, hasFilters, readFilters, writeFilters, type ConcordanceFilters } from '../../core/analysis/concordance-filters.ts';
import type { ConcordanceAnalysis } from './concordance-analysis.ts';
import { element } from '../element.ts';
import { inferredMark } from '../search/inferred-mark.ts';
import { urlState } from '../url-state.ts';

/** Lines shown at first and added by each "Show more lines". */
const PAGE_SIZE = 25;

const SORT_LABELS: Record<ConcordanceSort, string> = {
  article: 'by article',
  date: 'by date, newest first',
  before: 'by the word before',
  after: 'by the word after',
};
const ARIA_SORT: Record<ConcordanceSort, 'ascending' | 'descending'> = { article: 'ascending', date: 'descending', before: 'ascending', after: 'ascending' };

interface State {
  q: string;
  sort: ConcordanceSort;
  /** Source, topic, year, near a word (src/core/analysis/concordance-filters.ts); a new query keeps none. */
  filters: ConcordanceFilters;
  /** Only the lines of articles dated in it (`&from=&to=`, or `&dated=no`): what a point of a trend opens. */
  range: DateRange;
}

function readState(params: URLSearchParams): State {
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', sort: isSort(sort) ? sort : 'article', filters: readFilters(params), range: readDateRange(params) };
}

function writeState({ q, sort, filters, range }: State): URLSearchParams {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (sort !== 'article') params.set('sort', sort);
  writeFilters(filters, params);
  writeDateRange(params, range);
  return params;
}

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

export interface Block {
  id: string;
  text: string;
  tokens: Token[];
}

export function setUpConcordance(root: HTMLElement, analysis?: ConcordanceAnalysis): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const summary = root.querySelector<HTMLElement>('[data-concordance-summary]')!;
  const scroll = root.querySelector<HTMLElement>('[data-concordance-scroll]')!;
  const caption = root.querySelector<HTMLElement>('[data-concordance-caption]')!;
  const body = root.querySelector<HTMLElement>('[data-concordance-lines]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-concordance-more]')!;
  const counts = root.querySelector<HTMLElement>('[data-concordance-counts]')!;
  const trend = root.querySelector<HTMLElement>('[data-concordance-trend]')!;
  const perArticle = root.querySelector<HTMLElement>('[data-concordance-per-article]')!;
  const perSource = root.querySelector<HTMLElement>('[data-concordance-per-source]')!;
  performance.mark('concordance-script');
  root.hidden = false;
  document.querySelector<HTMLElement>('[data-concordance-no-script]')?.setAttribute('hidden', '');

  const baseTitle = document.title;
  let lines: Occurrence[] = [];
  let shown = 0;
  let length = 1;
  let manifest: Promise<ConcordanceManifest> | undefined;
  const shards = new Map<number, Promise<ConcordanceShard>>();
  const texts = new Map<string, Promise<Block[]>>();

  const loadManifest = () => (manifest ??= fetchJson<ConcordanceManifest>(`${CONCORDANCE_DATA}/articles.json`));
  const loadShard = (index: number) => {
    let shard = shards.get(index);
    if (shard === undefined) shards.set(index, (shard = fetchJson<ConcordanceShard>(`${CONCORDANCE_DATA}/w/${index}.json`)));
    return shard;
  };
  /** A text file's blocks, fetched once: `<article>-<chunk>`. */
  const loadText = (name: string) => {
    let text = texts.get(name);
    if (text === undefined) {
      text = fetchJson<ConcordanceText>(`${CONCORDANCE_DATA}/t/${name}.json`).then((blocks) =>
        blocks.map(([id, value]) => ({ id, text: value, tokens: tokenize(value) })),
      );
      texts.set(name, text);
    }
    return text;
  };
  const fileOf = (line: Occurrence) => `${line.article}-${textChunk(line.block).chunk}`;

  const row = (occurrence: Occurrence, blocks: Block[], index: ConcordanceManifest): HTMLTableRowElement => {
    const article = index.articles[occurrence.article]!;
    const block = blocks[textChunk(occurrence.block).offset]!;
    const line = lineAt(block.text, block.tokens, occurrence.token, length);
    const tr = element('tr');
    const left = element('td', 'concordance-left');
    left.append(element('span', undefined, line.left));
    const match = element('td', 'concordance-match');
    const link = element('a', undefined, line.match);
    link.href = articlePath(article.slug, block.id);
    match.append(link);
    const right = element('td', 'concordance-right');
    right.append(element('span', undefined, line.right));
    const title = element('td', 'concordance-article', article.title);
    if (article.titleInferred) title.append(...inferredMark('title'));
    const date = element('td', 'concordance-date', article.date);
    if (article.dateInferred) date.append(...inferredMark('date'));
    // The article's words in its language (a Chinese line is shaped as Chinese); the alignment stays the table's.
    const { lang } = languageAttributes(article.lang);
    if (lang !== undefined) for (const cell of [left, match, right]) cell.lang = lang;
    Object.assign(title, languageAttributes(article.lang));
    tr.append(left, match, right, title, date);
    return tr;
  };

  const showMore = async (mine: number) => {
    const index = await loadManifest();
    const next = lines.slice(shown, shown + PAGE_SIZE);
    const blocks = new Map<string, Block[]>();
    await Promise.all([...new Set(next.map(fileOf))].map(async (name) => blocks.set(name, await loadText(name))));
    if (!page.isLatest(mine)) return;
    body.append(...next.map((line) => row(line, blocks.get(fileOf(line))!, index)));
    shown += next.length;
    more.hidden = shown >= lines.length;
    more.textContent = `Show more lines (${formatCount(shown)} of ${formatCount(lines.length)} shown)`;
  };

  const renderCounts = (index: ConcordanceManifest) => {
    const { articles, sources } = countOccurrences(lines, index.articles);
    perArticle.replaceChildren(
      ...articles.map(({ article, count }) => {
        const tr = element('tr');
        const name = Object.assign(element('td', undefined, index.articles[article]!.title), languageAttributes(index.articles[article]!.lang));
        if (index.articles[article]!.titleInferred) name.append(...inferredMark('title'));
        tr.append(name, element('td', 'count', String(count)));
        return tr;
      }),
    );
    perSource.replaceChildren(
      ...sources.map(({ outlet, count, articles: inArticles }) => {
        const tr = element('tr');
        tr.append(element('td', undefined, outlet ?? 'Unknown outlet'), element('td', 'count', String(inArticles)), element('td', 'count', String(count)));
        return tr;
      }),
    );
  };

  const markSort = (state: State) => {
    sortSelect.value = state.sort;
    for (const th of root.querySelectorAll<HTMLElement>('th[data-sort-column]')) {
      if (th.dataset['sortColumn'] === state.sort) th.setAttribute('aria-sort', ARIA_SORT[state.sort]);
      else th.removeAttribute('aria-sort');
    }
  };

  const show = async (state: State, mine: number) => {
    input.value = state.q;
    markSort(state);
    const query = parseConcordanceQuery(state.q);
    document.title = query.label ? `${query.label} – ${baseTitle}` : baseTitle;
    analysis?.clear();
    trend.hidden = true;
    if (query.words.length === 0) {
      summary.textContent = 'Type a word or a phrase to see every use of it in context.';
      scroll.hidden = true;
      counts.hidden = true;
      more.hidden = true;
      body.replaceChildren();
      return;
    }
    summary.textContent = `Finding every use of ${query.label}…`;
    try {
      const index = await loadManifest();
      const loaded = new Map<string, readonly number[] | undefined>();
      const { filters } = state;
      const near = filters.near === null ? [] : parseConcordanceQuery(filters.near).words.slice(0, 1);
      await Promise.all(
        [...new Set([...query.words, ...near])].map(async (word) => {
          loaded.set(word, (await loadShard(shardOf(word, index.shards)))[word]);
        }),
      );
      if (!page.isLatest(mine)) return;
      length = query.words.length;
      const found = findOccurrences(query.words, (word) => loaded.get(word)).filter((line) =>
        inDateRange(index.articles[line.article]?.iso ?? null, state.range),
      );
      // The query's trend: all its uses over time, whatever the filters narrow the lines to.
      trend.querySelector('a')!.href = trendsPath(state.q);
      trend.hidden = found.length === 0;
      lines = sortOccurrences(
        hasFilters(filters)
          ? filterOccurrences(
              found,
              length,
              index.articles,
              { ...filters, near: near[0] ?? null },
              near.length > 0 ? findOccurrences(near, (word) => loaded.get(word)) : [],
            )
          : found,
        state.sort,
        index.articles,
      );
      shown = 0;
      body.replaceChildren();
      const articleCount = new Set(lines.map((line) => line.article)).size;
      const narrowed = [describeFilters(filters), hasDateRange(state.range) ? `in ${describeDateRange(state.range)}` : ''].filter(Boolean).join(' ');
      const what = `${query.words.length > 1 ? 'the phrase ' : ''}${query.label}${narrowed ? ` ${narrowed}` : ''}`;
      if (lines.length === 0) {
        summary.textContent = `No use of ${what} in the articles.`;
        scroll.hidden = true;
        counts.hidden = true;
        more.hidden = true;
        return;
      }
      const described = `${plural(lines.length, 'use')} of ${what} in ${plural(articleCount, 'article')}`;
      caption.textContent = `${described}, ${SORT_LABELS[state.sort]}`;
      await showMore(mine);
      if (!page.isLatest(mine)) return;
      scroll.hidden = false;
      summary.textContent = described;
      // For the benchmark (scripts/bench/measure-concordance.ts): when the first lines were in the page.
      performance.mark('concordance-lines');
      // The counts once the first lines are painted: for a common word they list every article.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (!page.isLatest(mine)) return;
      renderCounts(index);
      counts.hidden = false;
      analysis?.show({
        query,
        lines,
        length,
        index,
        loadText: (line) => loadText(fileOf(line)).then((blocks) => blocks[textChunk(line.block).offset]!),
        filtered: hasFilters(filters) || hasDateRange(state.range),
      });
    } catch (error) {
      if (!page.isLatest(mine)) return;
      summary.textContent = 'The concordance could not be loaded. Reload the page to try again.';
      console.error(error);
    }
  };

  const page = urlState({ read: readState, write: writeState, show });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    // The filters and the date range stay while the query does (a sort, a resubmit); a new query starts unfiltered.
    const same = q === page.state.q;
    const none = new URLSearchParams();
    page.go({
      q,
      sort: sortSelect.value as ConcordanceSort,
      filters: same ? page.state.filters : readFilters(none),
      range: same ? page.state.range : readDateRange(none),
    });
  });
  sortSelect.addEventListener('change', () => {
    page.go({ ...page.state, sort: isSort(sortSelect.value) ? sortSelect.value : 'article' });
  });
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-sort]')) {
    button.addEventListener('click', () => {
      const sort = button.dataset['sort'] ?? null;
      if (!isSort(sort) || sort === page.state.sort) return;
      page.go({ ...page.state, sort });
    });
  }
  more.addEventListener('click', () => void showMore(page.generation));
  page.start();
}
