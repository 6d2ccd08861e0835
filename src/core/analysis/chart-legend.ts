/**
 * A chart's legend (src/core/analysis/chart.ts): the series' names laid out in rows that fit the width, and each
 * drawn with its key, a swatch for an area or a line for a line. Pure.
 *   legendLayout(['IAEA', 'UN'], 640) -> [[['IAEA', 0], ['UN', 1]]]
 *   legend([[['IAEA', 0]]], 280, false) -> [<g class="chart-legend"><g class="chart-series chart-series-0"> line, 'IAEA' </g></g>]
 */
import { svgNode, textWidth, type SvgNode } from './chart-svg.ts';

/** The series' names in rows that fit the width: each row a list of [name, series number]. */
export function legendLayout(names: readonly string[], width: number): Array<Array<[string, number]>> {
  const rows: Array<Array<[string, number]>> = [[]];
  let used = 0;
  names.forEach((name, index) => {
    const need = textWidth(name) + 34;
    if (used > 0 && used + need > width) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push([name, index]);
    used += need;
  });
  return rows;
}

/** The legend: each series' key (a swatch for an area, its dashed line for a line) and name. */
export function legend(rows: ReadonlyArray<ReadonlyArray<[string, number]>>, top: number, swatch: boolean): SvgNode[] {
  return rows.map((row, line) => {
    let at = 0;
    return svgNode(
      'g',
      { class: 'chart-legend', transform: `translate(0,${top + line * 20})` },
      row.map(([name, number]) => {
        const item = svgNode('g', { class: `chart-series chart-series-${number}`, transform: `translate(${at},0)` }, [
          swatch
            ? svgNode('rect', { class: 'chart-area', x: 4, y: -6, width: 12, height: 12 })
            : svgNode('line', { class: 'chart-line chart-key', x1: 0, x2: 20, y1: 0, y2: 0 }),
          svgNode('text', { x: 26, y: 0, dy: '0.32em' }, [], name),
        ]);
        at += textWidth(name) + 34;
        return item;
      }),
    );
  });
}
