/**
 * The tree of SVG elements every chart is made of (src/core/analysis/chart.ts), with numbers rounded to a tenth of a
 * pixel so the markup stays short and the same from build to build, and the rough width of a label for spacing. Pure.
 *   svgNode('line', { x1: 0, x2: 20.04 }) -> { tag: 'line', attrs: { x1: '0', x2: '20' }, children: [] }
 *   textWidth('Jan 2026') -> 56
 */

/** An SVG element: its tag, attributes, text (for <text> and <title>) and children. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  text?: string;
  children: SvgNode[];
}

export function svgNode(tag: string, attrs: Record<string, string | number>, children: SvgNode[] = [], text?: string): SvgNode {
  const strings = Object.fromEntries(Object.entries(attrs).map(([key, value]) => [key, typeof value === 'number' ? String(round(value)) : value]));
  return text === undefined ? { tag, attrs: strings, children } : { tag, attrs: strings, children, text };
}

export const round = (value: number) => Math.round(value * 10) / 10;

/** Approximate width of a label in the chart's font (13 px): for spacing ticks, never for layout that must be exact. */
export const textWidth = (text: string) => text.length * 7;
