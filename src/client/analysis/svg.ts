/**
 * A chart's tree of SVG elements (src/core/analysis/chart.ts) as DOM nodes: createElementNS, setAttribute and
 * textContent, so no text of the data is ever read as markup. The browser's twin of SvgTree.astro.
 * renderSvg({ tag: 'text', attrs: { x: '4' }, text: 'Mar 2026', children: [] }) -> <text x="4">Mar 2026</text>
 */
import type { SvgNode } from '../../core/analysis/chart.ts';

const SVG = 'http://www.w3.org/2000/svg';

export function renderSvg(node: SvgNode): SVGElement {
  const element = document.createElementNS(SVG, node.tag) as SVGElement;
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value);
  if (node.text !== undefined) element.textContent = node.text;
  for (const child of node.children) element.append(renderSvg(child));
  return element;
}
