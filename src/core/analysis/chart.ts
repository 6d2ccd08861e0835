/**
 * Charts as a tree of SVG elements, from data: scales and ticks from d3-scale, paths from d3-shape. The same tree is
 * rendered as Astro markup at build time (src/components/charts/SvgTree.astro) and with createElementNS and
 * textContent in the browser (src/client/analysis/svg.ts), never as a string of HTML. Colours are classes the
 * site's stylesheet (src/styles/charts.css) maps to its custom properties, so a chart follows light, dark and
 * print. Every chart is drawn at the width it is given, so its text stays the size of the page's. Pure. Here the
 * marks of each chart; the tree's nodes are in chart-svg.ts, the axes in chart-axes.ts, the legend in chart-legend.ts.
 * periodChart({ kind: 'bars', labels: ['Jan 2026', 'Feb 2026'], series: [{ name: 'All', values: [2, 5] }], ... })
 *   -> { tag: 'svg', attrs: { viewBox: '0 0 640 280', … }, children: [axes, bars] }
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { area, curveMonotoneX, line, stack } from 'd3-shape';
import { leftMargin, MARGIN, xAxis, yAxis } from './chart-axes.ts';
import { legend, legendLayout } from './chart-legend.ts';
import { round, svgNode, textWidth, type SvgNode } from './chart-svg.ts';

export type { SvgNode } from './chart-svg.ts';

/** One series of a chart over periods: a value per period (null: nothing to measure, as a rate of no words; a gap
 * in a line, never a zero), each optionally a link and a tooltip. */
interface ChartSeries {
  name: string;
  values: Array<number | null>;
  hrefs?: Array<string | undefined>;
  titles?: string[];
}

export interface PeriodChartInput {
  /** 'bars' for one series, 'lines' for several that overlap, 'stack' for parts of a whole (an area per series, stacked). */
  kind: 'bars' | 'lines' | 'stack';
  /** The periods' short names, in order. */
  labels: string[];
  series: ChartSeries[];
  /** What the y axis counts and how it is normalised: 'Uses per 10,000 words'. */
  yLabel: string;
  /** What the x axis is: 'Month of publication'. */
  xLabel: string;
  format: (value: number) => string;
  /** True when the values are counts: whole-number ticks only. */
  counts?: boolean;
  width: number;
  height: number;
}

/** A chart of values over periods: bars, lines or stacked areas, with a legend for several series. */
export function periodChart(input: PeriodChartInput): SvgNode {
  const { kind, labels, series, width, height, format } = input;
  const stacked =
    kind === 'stack'
      ? stack<number>()
          .keys(series.map((_, index) => String(index)))
          .value((period, key) => series[Number(key)]!.values[period] ?? 0)(labels.map((_, index) => index))
      : [];
  const max =
    kind === 'stack'
      ? Math.max(0, ...stacked.flatMap((layer) => layer.map((point) => point[1])))
      : Math.max(0, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0)));
  const left = leftMargin(max || 1, format);
  const legendRows =
    series.length > 1
      ? legendLayout(
          series.map((entry) => entry.name),
          width,
        )
      : [];
  const bottom = height - MARGIN.bottom - legendRows.length * 20;
  const x = scaleBand<number>()
    .domain(labels.map((_, index) => index))
    .range([left, width - MARGIN.right])
    .paddingInner(kind === 'bars' ? 0.2 : 0)
    .paddingOuter(kind === 'bars' ? 0.1 : 0);
  const y = scaleLinear()
    .domain([0, max || 1])
    .nice()
    .range([bottom, MARGIN.top]);
  const centre = (index: number) => x(index)! + x.bandwidth() / 2;
  const marks: SvgNode[] = [];
  if (kind === 'bars') {
    const only = series[0]!;
    only.values.forEach((value, index) => {
      const bar = svgNode(
        'rect',
        { class: 'chart-bar chart-series-0', x: x(index)!, y: y(value ?? 0), width: Math.max(1, x.bandwidth()), height: Math.max(0, bottom - y(value ?? 0)) },
        only.titles?.[index] ? [svgNode('title', {}, [], only.titles[index])] : [],
      );
      const href = only.hrefs?.[index];
      marks.push(href ? svgNode('a', { href, tabindex: '-1' }, [bar]) : bar);
    });
  } else if (kind === 'lines') {
    series.forEach((entry, number) => {
      const path = line<number | null>()
        .defined((value) => value !== null)
        .x((_, index) => centre(index))
        .y((value) => y(value!))(entry.values);
      marks.push(
        svgNode('g', { class: `chart-series chart-series-${number}` }, [
          svgNode('path', { class: 'chart-line', d: path ?? '' }),
          ...entry.values.flatMap((value, index) =>
            value === null
              ? []
              : [
                  svgNode(
                    'circle',
                    { class: 'chart-dot', cx: centre(index), cy: y(value), r: 3.5 },
                    entry.titles?.[index] ? [svgNode('title', {}, [], entry.titles[index])] : [],
                  ),
                ],
          ),
        ]),
      );
    });
  } else {
    stacked.forEach((layer, number) => {
      const path = area<(typeof layer)[number]>()
        .curve(curveMonotoneX)
        .x((_, index) => centre(index))
        .y0((point) => y(point[0]))
        .y1((point) => y(point[1]))(layer);
      marks.push(svgNode('path', { class: `chart-area chart-series-${number}`, d: path ?? '' }, [svgNode('title', {}, [], series[number]!.name)]));
    });
  }
  return svgNode('svg', { class: `chart chart-${kind}`, viewBox: `0 0 ${width} ${height}`, width, height, 'aria-hidden': 'true', focusable: 'false' }, [
    yAxis(y, left, width - MARGIN.right, input.yLabel, format, input.counts),
    svgNode('g', { class: 'chart-marks' }, marks),
    xAxis(x, labels, bottom, width, input.xLabel),
    ...legend(legendRows, bottom + 50, kind === 'stack'),
  ]);
}

/** One dot of a time line: an article, its tooltip and link. */
export interface TimelineDot {
  title: string;
  href: string;
}

/** The smallest radius a dot is drawn at; below it, a period's articles are a bar. */
const MIN_DOT_RADIUS = 3;

/**
 * Every dated article as a dot in its period's column, stacked from the baseline, each a link to the article with
 * its title as tooltip; the dots shrink to fit the fullest period. When they would be smaller than MIN_DOT_RADIUS,
 * each period is a bar of its count instead (a thousand dots a screen are neither readable nor light).
 */
export function dotTimeline(input: { labels: string[]; columns: TimelineDot[][]; xLabel: string; width: number; height: number }): SvgNode {
  const { labels, columns, width, height } = input;
  const max = Math.max(1, ...columns.map((column) => column.length));
  const left = leftMargin(max, String);
  const bottom = height - MARGIN.bottom;
  const x = scaleBand<number>()
    .domain(labels.map((_, index) => index))
    .range([left, width - MARGIN.right])
    .paddingInner(0.15);
  const y = scaleLinear().domain([0, max]).nice().range([bottom, MARGIN.top]);
  const radius = Math.min(6, (bottom - y(1)) / 2 - 0.5, x.bandwidth() / 2 - 0.5);
  const marks =
    radius >= MIN_DOT_RADIUS
      ? columns.flatMap((column, index) =>
          column.map((dot, place) =>
            svgNode('a', { href: dot.href, tabindex: '-1' }, [
              svgNode('circle', { class: 'chart-dot chart-series-0', cx: x(index)! + x.bandwidth() / 2, cy: y(place + 0.5), r: radius }, [
                svgNode('title', {}, [], dot.title),
              ]),
            ]),
          ),
        )
      : columns.map((column, index) =>
          svgNode(
            'rect',
            { class: 'chart-bar chart-series-0', x: x(index)!, y: y(column.length), width: Math.max(1, x.bandwidth()), height: bottom - y(column.length) },
            [svgNode('title', {}, [], `${labels[index]}: ${column.length === 1 ? '1 article' : `${column.length} articles`}`)],
          ),
        );
  return svgNode(
    'svg',
    {
      class: `chart ${radius >= MIN_DOT_RADIUS ? 'chart-dots' : 'chart-bars'}`,
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    [
      yAxis(y, left, width - MARGIN.right, 'Articles', String, true),
      svgNode('g', { class: 'chart-marks' }, marks),
      xAxis(x, labels, bottom, width, input.xLabel),
    ],
  );
}

/** An article on the citation line: its place in time (ms), its tooltip and link. */
export interface CitationNode {
  time: number;
  title: string;
  href: string;
}

/**
 * Who cites whom, in date order: each article that cites or is cited as a dot on a line of time (labelled with the
 * first day of each period in `ticks`), and each citation an arc over the line from the citing article to the cited
 * one, with an arrowhead at the cited end.
 */
export function citationArcs(input: {
  nodes: CitationNode[];
  links: Array<[from: number, to: number]>;
  ticks: Array<{ time: number; label: string }>;
  xLabel: string;
  width: number;
  height: number;
}): SvgNode {
  const { nodes, links, width, height } = input;
  // One arrowhead per drawing: a page draws the chart at several widths, and an id is the page's, not the drawing's.
  const arrow = `chart-arrow-${width}`;
  const left = 16;
  const baseline = height - MARGIN.bottom;
  const times = nodes.map((entry) => entry.time);
  const x = scaleLinear()
    .domain([Math.min(...times, ...input.ticks.map((tick) => tick.time)), Math.max(...times, ...input.ticks.map((tick) => tick.time))])
    .range([left + 6, width - MARGIN.right - 6]);
  const widest = Math.max(...input.ticks.map((tick) => textWidth(tick.label)), 1) + 12;
  const every = Math.ceil(input.ticks.length / Math.max(1, Math.floor((width - left) / widest)));
  const arcs = links.map(([from, to]) => {
    const a = x(nodes[from]!.time);
    const b = x(nodes[to]!.time);
    const r = Math.max(Math.abs(b - a) / 2, 4);
    const lift = Math.min(r, baseline - MARGIN.top);
    // An elliptical arc from the citing article to the cited one, always over the line.
    return svgNode(
      'path',
      {
        class: 'chart-arc',
        d: `M${round(a)},${baseline}A${round(r)},${round(lift)} 0 0 ${a < b ? 1 : 0} ${round(b === a ? a + 8 : b)},${baseline}`,
        'marker-end': `url(#${arrow})`,
      },
      [svgNode('title', {}, [], `${nodes[from]!.title} cites ${nodes[to]!.title}`)],
    );
  });
  return svgNode('svg', { class: 'chart chart-arcs', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-hidden': 'true', focusable: 'false' }, [
    svgNode('defs', {}, [
      svgNode('marker', { id: arrow, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [
        svgNode('path', { class: 'chart-arrowhead', d: 'M0,0L10,5L0,10z' }),
      ]),
    ]),
    svgNode('g', { class: 'chart-axis chart-axis-x' }, [
      svgNode('line', { class: 'chart-baseline', x1: left, x2: width - MARGIN.right, y1: baseline, y2: baseline }),
      ...input.ticks.flatMap((tick, index) =>
        index % every === 0
          ? [
              svgNode('g', { transform: `translate(${round(x(tick.time))},${baseline})` }, [
                svgNode('line', { class: 'chart-tick', x1: 0, x2: 0, y1: 0, y2: 5 }),
                svgNode('text', { x: 0, y: 18, 'text-anchor': 'middle' }, [], tick.label),
              ]),
            ]
          : [],
      ),
      svgNode('text', { class: 'chart-axis-label', x: width / 2, y: baseline + 38, 'text-anchor': 'middle' }, [], input.xLabel),
    ]),
    svgNode('g', { class: 'chart-marks' }, [
      ...arcs,
      ...nodes.map((entry) =>
        svgNode('a', { href: entry.href, tabindex: '-1' }, [
          svgNode('circle', { class: 'chart-dot chart-series-0', cx: x(entry.time), cy: baseline, r: 4.5 }, [svgNode('title', {}, [], entry.title)]),
        ]),
      ),
    ]),
  ]);
}
