/**
 * The trends page: reads the query and the split from the URL (?q=IAEA&by=source), finds every use of it
 * (trends-data.ts) and draws its trend (src/core/analysis/trends.ts) at the width of the page, with a sentence
 * computed from it, its data as a table with a CSV download (trends-tables.ts), and a link to its lines in the
 * concordance; each bar and each row opens the concordance's lines of that period. Each query is a history entry,
 * so a trend can be shared and Back works. DOM methods only.
 *   /trends/?q=IAEA&by=source -> 'Uses of “IAEA” over time' (bars, table, CSV) and 'Uses of “IAEA” by source' (lines)
 */
import { periodChart, type SvgNode } from '../../core/analysis/chart.ts';
import { csvFileName, toCsv } from '../../core/analysis/csv.ts';
import { periodLabel, periodName } from '../../core/analysis/periods.ts';
import { formatRate, PER_WORDS, trendOf, trendSummary, type Split, type Trend, type TrendPoint } from '../../core/analysis/trends.ts';
import { parseConcordanceQuery } from '../../core/concordance/words.ts';
import { formatCount, plural } from '../../core/count.ts';
import { concordancePath } from '../../core/urls.ts';
import { downloadCsv } from './download.ts';
import { renderSvg } from './svg.ts';
import { trendData } from './trends-data.ts';
import { element, GRAIN_NOUN, overallCsv, overallTable, PER, splitCsv, splitTable, type CsvTable } from './trends-tables.ts';

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
  const corpusDate = root.dataset['corpusDate'] ?? '';
  let generation = 0;
  const data = trendData();

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

  /** A chart block: heading, sentence, drawing, note, table, and the table's CSV download. */
  const block = (id: string, title: string, summary: string, draw: (width: number) => SvgNode, note: string, table: HTMLElement, csv: CsvTable) => {
    const frame = element('div', { class: 'chart-frame-live' });
    drawn.push({ frame, draw });
    const download = element('button', { type: 'button', class: 'analysis-download', 'data-trends-download': id }, 'Download this table (CSV)');
    const name = csvFileName(id === 'trend' ? 'trend' : `trend by ${state.by}`, state.q, corpusDate);
    download.addEventListener('click', () => downloadCsv(name, toCsv(csv.header, csv.rows)));
    return element(
      'section',
      { class: 'chart-block', 'aria-labelledby': `${id}-title`, 'data-chart': id },
      element('h2', { id: `${id}-title` }, title),
      element('p', { class: 'chart-summary', 'data-chart-summary': '' }, summary),
      frame,
      element('p', { class: 'chart-note' }, note),
      element('div', { class: 'chart-table-scroll', role: 'region', 'aria-label': `${title}, as a table`, tabindex: '0' }, table),
      download,
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
      const { articles, occurrences } = await data.find(query.words);
      if (mine !== generation) return;
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
      // Back to the lines themselves: every use of the query, in context, in the concordance.
      const lines = element(
        'p',
        { class: 'chart-note', 'data-trends-concordance': '' },
        element('a', { href: concordancePath(state.q) }, `Read the ${plural(overall.total.uses, 'line')} of ${query.label} in the concordance`),
      );
      const blocks = [
        lines,
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
          overallCsv(overall),
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
            splitCsv(parts),
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
