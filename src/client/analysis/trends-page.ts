/**
 * The trends page: reads the query and the split from the URL (?q=IAEA&by=source), fetches the concordance's facts
 * file (each article's day, outlet, words and topics) and the shard of each query word, finds every use
 * (src/core/concordance.ts) and draws its trend (src/core/analysis/trends.ts) at the width of the page, with a
 * sentence computed from it and its data as a table; each bar and each row opens the concordance's lines of that
 * period. Each query is a history entry, so a trend can be shared and Back works. DOM methods only.
 */
import { periodChart, type SvgNode } from '../../core/analysis/chart.ts';
import { periodLabel, periodName } from '../../core/analysis/periods.ts';
import {
  formatRate,
  PER_WORDS,
  trendArticles,
  trendOf,
  trendSummary,
  type ArticleFacts,
  type Split,
  type Trend,
  type TrendPoint,
} from '../../core/analysis/trends.ts';
import { CONCORDANCE_DATA, shardOf, type ConcordanceShard } from '../../core/concordance/format.ts';
import { findOccurrences } from '../../core/concordance/lookup.ts';
import { parseConcordanceQuery } from '../../core/concordance/words.ts';
import { formatCount, plural } from '../../core/count.ts';
import { concordancePath } from '../../core/urls.ts';
import { renderSvg } from './svg.ts';

interface State {
  q: string;
  by: Split;
}

const isSplit = (value: string | null): value is 'source' | 'topic' => value === 'source' || value === 'topic';

function readUrl(): State {
  const params = new URLSearchParams(location.search);
  const by = params.get('by');
  return { q: params.get('q') ?? '', by: isSplit(by) ? by : 'none' };
}

function toUrl({ q, by }: State): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (by !== 'none') params.set('by', by);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

const PER = `per ${formatCount(PER_WORDS)} words`;
const GRAIN_NOUN = { week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' } as const;

/** A point's rate to draw, or null where the period has no words (no article): a gap, not a zero. */
const measured = (point: TrendPoint) => (point.words > 0 ? point.rate : null);

/** True for a series with a dated article: one whose articles are all undated has nothing to draw. */
const hasDatedWords = (series: { points: TrendPoint[] }) => series.points.some((point) => point.words > 0);

/** The words of a point, for a tooltip or a cell: '42 uses in 12 articles, 3.1 per 10,000 words'. */
const described = (point: TrendPoint) => `${plural(point.uses, 'use')} in ${plural(point.articles, 'article')}, ${formatRate(point.rate)} ${PER}`;

export function setUpTrends(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const split = form.querySelector<HTMLSelectElement>('select[name="by"]')!;
  const status = root.querySelector<HTMLElement>('[data-trends-status]')!;
  const charts = root.querySelector<HTMLElement>('[data-trends-charts]')!;
  performance.mark('trends-script');
  root.hidden = false;
  document.querySelector('[data-trends-no-script]')?.setAttribute('hidden', '');

  const baseTitle = document.title;
  let state = readUrl();
  let generation = 0;
  let manifest: Promise<ArticleFacts> | undefined;
  const shards = new Map<number, Promise<ConcordanceShard>>();
  // The facts file alone (each article's day, outlet, words, topics): a trend needs no title.
  const load = () => (manifest ??= fetchJson<ArticleFacts>(`${CONCORDANCE_DATA}/facts.json`));
  const loadShard = (index: number) => {
    let shard = shards.get(index);
    if (shard === undefined) shards.set(index, (shard = fetchJson<ConcordanceShard>(`${CONCORDANCE_DATA}/w/${index}.json`)));
    return shard;
  };

  /** What is drawn, kept to draw again at a new width. */
  let drawn: Array<{ frame: HTMLElement; draw: (width: number) => SvgNode }> = [];
  const redraw = () => {
    for (const { frame, draw } of drawn) frame.replaceChildren(renderSvg(draw(Math.max(280, Math.min(900, frame.clientWidth)))));
  };
  let lastWidth = 0;
  new ResizeObserver(() => {
    if (charts.clientWidth !== lastWidth) {
      lastWidth = charts.clientWidth;
      redraw();
    }
  }).observe(charts);

  const linkOf = (q: string, trend: Trend, index: number) => concordancePath(q, trend.periods[index]!);

  /** A chart block: heading, sentence, drawing, note, table. */
  const block = (id: string, title: string, summary: string, draw: (width: number) => SvgNode, note: string, table: HTMLElement) => {
    const frame = element('div', { class: 'chart-frame-live' });
    drawn.push({ frame, draw });
    return element(
      'section',
      { class: 'chart-block', 'aria-labelledby': `${id}-title`, 'data-chart': id },
      element('h2', { id: `${id}-title` }, title),
      element('p', { class: 'chart-summary', 'data-chart-summary': '' }, summary),
      frame,
      element('p', { class: 'chart-note' }, note),
      element('div', { class: 'chart-table-scroll', role: 'region', 'aria-label': `${title}, as a table`, tabindex: '0' }, table),
    );
  };

  const overallTable = (q: string, trend: Trend) => {
    const noun = GRAIN_NOUN[trend.grain];
    const only = trend.series[0]!;
    const row = (label: string, point: TrendPoint, href: string | undefined, period: string) =>
      element(
        'tr',
        { 'data-period': period },
        element('th', { scope: 'row' }, label),
        element('td', { class: 'count', 'data-uses': String(point.uses) }, formatCount(point.uses)),
        element('td', { class: 'count' }, formatCount(point.articles)),
        element('td', { class: 'count' }, formatCount(point.words)),
        element('td', { class: 'count', 'data-rate': String(point.rate) }, point.words > 0 ? formatRate(point.rate) : '–'),
        element('td', {}, point.uses > 0 && href ? element('a', { href }, plural(point.uses, 'line')) : ''),
      );
    return element(
      'table',
      { class: 'chart-table', 'data-chart-table': '' },
      element('caption', {}, `Uses per ${trend.grain}, with the articles' words`),
      element(
        'thead',
        {},
        element(
          'tr',
          {},
          element('th', { scope: 'col' }, noun),
          element('th', { scope: 'col', class: 'count' }, 'Uses'),
          element('th', { scope: 'col', class: 'count' }, 'Articles using it'),
          element('th', { scope: 'col', class: 'count' }, 'Words'),
          element('th', { scope: 'col', class: 'count' }, `Uses ${PER}`),
          element('th', { scope: 'col' }, 'Concordance'),
        ),
      ),
      element(
        'tbody',
        {},
        ...only.points.map((point, index) =>
          row(periodLabel(trend.periods[index]!.key, trend.grain), point, linkOf(q, trend, index), trend.periods[index]!.key),
        ),
      ),
      element('tfoot', {}, row('Undated', trend.undated, concordancePath(q, { undated: true }), 'undated')),
    );
  };

  const splitTable = (trend: Trend, by: 'source' | 'topic') => {
    const noun = GRAIN_NOUN[trend.grain];
    return element(
      'table',
      { class: 'chart-table', 'data-chart-table': '' },
      element('caption', {}, `Uses ${PER} (and uses) per ${trend.grain} and ${by}`),
      element(
        'thead',
        {},
        element('tr', {}, element('th', { scope: 'col' }, noun), ...trend.series.map((series) => element('th', { scope: 'col', class: 'count' }, series.name))),
      ),
      element(
        'tbody',
        {},
        ...trend.periods.map((period, index) =>
          element(
            'tr',
            { 'data-period': period.key },
            element('th', { scope: 'row' }, periodLabel(period.key, trend.grain)),
            ...trend.series.map((series) => {
              const point = series.points[index]!;
              return element(
                'td',
                { class: 'count', 'data-uses': String(point.uses), 'data-rate': String(point.rate) },
                point.words > 0 ? `${formatRate(point.rate)} (${formatCount(point.uses)})` : '–',
              );
            }),
          ),
        ),
      ),
    );
  };

  const run = async (push: 'push' | 'none') => {
    const mine = ++generation;
    if (push === 'push') {
      const url = toUrl(state);
      if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    }
    input.value = state.q;
    split.value = state.by === 'none' ? '' : state.by;
    const query = parseConcordanceQuery(state.q);
    document.title = query.label ? `Trend of ${query.label} – ${baseTitle}` : baseTitle;
    drawn = [];
    if (query.words.length === 0) {
      status.textContent = 'Type a word or a phrase to see how often it is used over time.';
      charts.replaceChildren();
      return;
    }
    status.textContent = `Counting the uses of ${query.label}…`;
    try {
      const facts = await load();
      const loaded = new Map<string, readonly number[] | undefined>();
      await Promise.all([...new Set(query.words)].map(async (word) => loaded.set(word, (await loadShard(shardOf(word, facts.shards)))[word])));
      if (mine !== generation) return;
      const occurrences = findOccurrences(query.words, (word) => loaded.get(word));
      const articles = trendArticles(facts);
      const overall = trendOf(articles, occurrences);
      status.textContent = `${plural(overall.total.uses, 'use')} of ${query.label} in ${plural(overall.total.articles, 'article')}.`;
      if (overall.total.uses === 0) {
        charts.replaceChildren();
        return;
      }
      const labels = overall.periods.map((period) => periodLabel(period.key, overall.grain));
      const xLabel = `${GRAIN_NOUN[overall.grain]} of publication`;
      const yLabel = `Uses ${PER}`;
      const only = overall.series[0]!;
      const undatedNote =
        overall.undated.uses > 0
          ? ` ${plural(overall.undated.uses, 'use')} in ${plural(overall.undated.articles, 'undated article')} ${overall.undated.uses === 1 ? 'is' : 'are'} not drawn: they are in the table's last row.`
          : '';
      const blocks = [
        block(
          'trend',
          `Uses of ${query.label} over time`,
          trendSummary(overall, query.label),
          (width) =>
            periodChart({
              kind: 'bars',
              labels,
              series: [
                {
                  name: 'All articles',
                  values: only.points.map(measured),
                  titles: only.points.map((point, at) => `${periodName(overall.periods[at]!.key, overall.grain)}: ${described(point)}`),
                  hrefs: only.points.map((_, at) => linkOf(state.q, overall, at)),
                },
              ],
              yLabel,
              xLabel,
              format: formatRate,
              width,
              height: 300,
            }),
          `Each bar: the uses in the articles dated in that ${overall.grain}, divided by all their words, times ${formatCount(PER_WORDS)} (none where no article is dated in it). Select a bar, or a row's link, for its lines in the concordance.${undatedNote}`,
          overallTable(state.q, overall),
        ),
      ];
      if (state.by !== 'none') {
        const by = state.by;
        // A series whose articles are all undated has nothing to draw: it is named under the chart instead.
        const whole = trendOf(articles, occurrences, by);
        const parts = { ...whole, series: whole.series.filter(hasDatedWords) };
        const left = whole.series.filter((series) => !hasDatedWords(series)).map((series) => series.name);
        const leftNote = left.length > 0 ? ` Not drawn, as none of its articles is dated: ${left.join(', ')}.` : '';
        blocks.push(
          block(
            'split',
            `Uses of ${query.label} by ${by}`,
            splitSummary(parts, query.label),
            (width) =>
              periodChart({
                kind: 'lines',
                labels,
                series: parts.series.map((series) => ({
                  name: series.name,
                  values: series.points.map(measured),
                  titles: series.points.map((point, at) => `${series.name}, ${periodName(parts.periods[at]!.key, parts.grain)}: ${described(point)}`),
                })),
                yLabel,
                xLabel,
                format: formatRate,
                width,
                height: 320,
              }),
            (by === 'source'
              ? `Each line: a source's uses in a ${parts.grain}, per ${formatCount(PER_WORDS)} of that source's words then; the sources with the most uses, the others together. A gap: no article of it that ${parts.grain}.`
              : `Each line: the uses in the articles on a topic in a ${parts.grain}, per ${formatCount(PER_WORDS)} of their words; an article on two topics counts in both. A gap: no article on it that ${parts.grain}.`) +
              leftNote,
            splitTable(parts, by),
          ),
        );
      }
      charts.replaceChildren(...blocks);
      lastWidth = charts.clientWidth;
      redraw();
      performance.mark('trends-chart');
    } catch (error) {
      if (mine !== generation) return;
      status.textContent = 'The trend could not be loaded. Reload the page to try again.';
      console.error(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { q: input.value.trim(), by: isSplit(split.value) ? split.value : 'none' };
    void run('push');
  });
  split.addEventListener('change', () => {
    state = { ...state, by: isSplit(split.value) ? split.value : 'none' };
    void run('push');
  });
  window.addEventListener('popstate', () => {
    state = readUrl();
    void run('none');
  });
  void run('none');
}

/** Which series uses it most, per words: 'Of the sources, Yathārth uses “IAEA” most: 4.2 per 10,000 words over all its dated articles.' */
function splitSummary(trend: Trend, label: string): string {
  const totals = trend.series
    .map((series) => {
      const uses = series.points.reduce((sum, point) => sum + point.uses, 0);
      const words = series.points.reduce((sum, point) => sum + point.words, 0);
      return { name: series.name, uses, rate: words > 0 ? (uses * PER_WORDS) / words : 0 };
    })
    .filter((series) => series.uses > 0)
    .sort((a, b) => b.rate - a.rate);
  const top = totals[0];
  if (!top) return `No dated article uses ${label}.`;
  return `${top.name} uses ${label} most: ${formatRate(top.rate)} ${PER} over its dated articles (${plural(top.uses, 'use')}).`;
}
