/**
 * The trends page's tables: a trend's data as the table under its chart (each period's uses, articles, words and
 * rate, each row opening that period's lines in the concordance; or, split, each series' rate and uses per period),
 * and the same rows as a CSV file's header and rows (src/core/analysis/csv.ts). DOM methods only.
 *   overallCsv(trend) -> { header: ['period', 'label', 'uses', …], rows: [['2026-03', 'Mar 2026', 4, 2, 3120, 12.8205], …, ['undated', 'Undated', 1, …]] }
 */
import type { CsvValue } from '../../core/analysis/csv.ts';
import { periodLabel } from '../../core/analysis/periods.ts';
import { formatRate, PER_WORDS, type Trend, type TrendPoint } from '../../core/analysis/trends.ts';
import { formatCount, plural } from '../../core/count.ts';
import { concordancePath } from '../../core/urls.ts';

export const PER = `per ${formatCount(PER_WORDS)} words`;
export const GRAIN_NOUN = { week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' } as const;

/** A table as a CSV file holds it: its header row and one row per row of the table. */
export interface CsvTable {
  header: string[];
  rows: CsvValue[][];
}

/** The CSV's name for a rate's column: 'uses_per_10000_words'. */
const RATE_COLUMN = `uses_per_${PER_WORDS}_words`;

/** Four decimals in a CSV: enough to sort and check by, without float noise. */
const round = (n: number) => Math.round(n * 10000) / 10000;

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The period of each row of the overall table, and its label: the periods in order, then the undated row. */
const overallRows = (trend: Trend) => [
  ...trend.series[0]!.points.map((point, index) => ({ key: trend.periods[index]!.key, label: periodLabel(trend.periods[index]!.key, trend.grain), point })),
  { key: 'undated', label: 'Undated', point: trend.undated },
];

export function overallTable(q: string, trend: Trend): HTMLTableElement {
  const row = ({ key, label, point }: { key: string; label: string; point: TrendPoint }, index: number) => {
    const href = key === 'undated' ? concordancePath(q, { undated: true }) : concordancePath(q, trend.periods[index]!);
    return element(
      'tr',
      { 'data-period': key },
      element('th', { scope: 'row' }, label),
      element('td', { class: 'count', 'data-uses': String(point.uses) }, formatCount(point.uses)),
      element('td', { class: 'count' }, formatCount(point.articles)),
      element('td', { class: 'count' }, formatCount(point.words)),
      element('td', { class: 'count', 'data-rate': String(point.rate) }, point.words > 0 ? formatRate(point.rate) : '–'),
      element('td', {}, point.uses > 0 ? element('a', { href }, plural(point.uses, 'line')) : ''),
    );
  };
  const rows = overallRows(trend).map(row);
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
        element('th', { scope: 'col' }, GRAIN_NOUN[trend.grain]),
        element('th', { scope: 'col', class: 'count' }, 'Uses'),
        element('th', { scope: 'col', class: 'count' }, 'Articles using it'),
        element('th', { scope: 'col', class: 'count' }, 'Words'),
        element('th', { scope: 'col', class: 'count' }, `Uses ${PER}`),
        element('th', { scope: 'col' }, 'Concordance'),
      ),
    ),
    element('tbody', {}, ...rows.slice(0, -1)),
    element('tfoot', {}, rows.at(-1)!),
  );
}

/** The overall table as CSV: a row per period, then the undated row; a rate is empty where the period has no words. */
export function overallCsv(trend: Trend): CsvTable {
  return {
    header: ['period', 'label', 'uses', 'articles_using_it', 'words', RATE_COLUMN],
    rows: overallRows(trend).map(({ key, label, point }) => [key, label, point.uses, point.articles, point.words, point.words > 0 ? round(point.rate) : null]),
  };
}

export function splitTable(trend: Trend, by: 'source' | 'topic'): HTMLTableElement {
  return element(
    'table',
    { class: 'chart-table', 'data-chart-table': '' },
    element('caption', {}, `Uses ${PER} (and uses) per ${trend.grain} and ${by}`),
    element(
      'thead',
      {},
      element(
        'tr',
        {},
        element('th', { scope: 'col' }, GRAIN_NOUN[trend.grain]),
        ...trend.series.map((series) => element('th', { scope: 'col', class: 'count' }, series.name)),
      ),
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
}

/** The split table as CSV: a row per period, and for each series its uses, its words and its rate. */
export function splitCsv(trend: Trend): CsvTable {
  return {
    header: ['period', 'label', ...trend.series.flatMap((series) => [`${series.name}: uses`, `${series.name}: words`, `${series.name}: ${RATE_COLUMN}`])],
    rows: trend.periods.map((period, index) => [
      period.key,
      periodLabel(period.key, trend.grain),
      ...trend.series.flatMap((series) => {
        const point = series.points[index]!;
        return [point.uses, point.words, point.words > 0 ? round(point.rate) : null];
      }),
    ]),
  };
}
