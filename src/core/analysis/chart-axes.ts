/**
 * A chart's axes (src/core/analysis/chart.ts): the y axis's gridlines, ticks and label, the x axis of periods with as
 * many labels as fit, and the left margin the widest y tick needs. Pure.
 *   yAxis(scaleLinear().domain([0, 5]).range([236, 28]), 40, 628, 'Articles', String, true)
 *     -> <g class="chart-axis chart-axis-y"> a gridline and label at 0, 1, … 5, and 'Articles' above </g>
 */
import { scaleLinear, type scaleBand } from 'd3-scale';
import { round, svgNode, textWidth, type SvgNode } from './chart-svg.ts';

export const MARGIN = { top: 28, right: 12, bottom: 44 };

/** The y axis: gridlines and tick labels, and the axis's label above it. */
export function yAxis(
  y: ReturnType<typeof scaleLinear<number, number>>,
  left: number,
  right: number,
  label: string,
  format: (value: number) => string,
  counts = false,
): SvgNode {
  // A count has no fractions: its ticks are whole numbers only.
  const ticks = y.ticks(5).filter((tick) => !counts || Number.isInteger(tick));
  return svgNode('g', { class: 'chart-axis chart-axis-y' }, [
    ...ticks.map((tick) =>
      svgNode('g', { transform: `translate(0,${round(y(tick))})` }, [
        svgNode('line', { class: tick === 0 ? 'chart-baseline' : 'chart-grid', x1: left, x2: right, y1: 0, y2: 0 }),
        svgNode('text', { x: left - 6, y: 0, dy: '0.32em', 'text-anchor': 'end' }, [], format(tick)),
      ]),
    ),
    svgNode('text', { class: 'chart-axis-label', x: 0, y: 14, 'text-anchor': 'start' }, [], label),
  ]);
}

/** The x axis of periods: as many labels as fit, evenly spaced, and the axis's label under them. */
export function xAxis(x: ReturnType<typeof scaleBand<number>>, labels: readonly string[], baseline: number, width: number, label: string): SvgNode {
  const widest = Math.max(...labels.map(textWidth), 1) + 12;
  const fit = Math.max(1, Math.floor((x.range()[1]! - x.range()[0]!) / widest));
  const step = Math.ceil(labels.length / fit);
  return svgNode('g', { class: 'chart-axis chart-axis-x' }, [
    ...labels.flatMap((text, index) =>
      index % step === 0
        ? [
            svgNode('g', { transform: `translate(${round(x(index)! + x.bandwidth() / 2)},${baseline})` }, [
              svgNode('line', { class: 'chart-tick', x1: 0, x2: 0, y1: 0, y2: 5 }),
              svgNode('text', { x: 0, y: 18, 'text-anchor': 'middle' }, [], text),
            ]),
          ]
        : [],
    ),
    svgNode('text', { class: 'chart-axis-label', x: width / 2, y: baseline + 38, 'text-anchor': 'middle' }, [], label),
  ]);
}

/** Where the plot starts: room for the widest y tick label. */
export function leftMargin(max: number, format: (value: number) => string): number {
  const ticks = scaleLinear().domain([0, max]).nice().ticks(5);
  return Math.max(...ticks.map((tick) => textWidth(format(tick))), 14) + 14;
}
