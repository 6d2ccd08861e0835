/**
 * Render a generated MDX entry to HTML the way the site would, without Astro: compile with the MDX
 * compiler, run it with a tiny string JSX runtime, and the allow-listed components as plain markup.
 * Used to prove that hostile source text renders as literal text and runs nothing.
 */
import { evaluate } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';

type Props = Record<string, unknown> & { children?: unknown };
type Component = (props: Props) => string;

const Fragment = Symbol('Fragment');

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function children(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(children).join('');
  return typeof value === 'string' && !(value as string & { html?: true }).html ? escape(value) : String(value);
}

/** A rendered string that must not be escaped again. */
function html(value: string): string {
  return Object.assign(new String(value), { html: true }) as unknown as string;
}

function jsx(type: string | Component | typeof Fragment, props: Props): string {
  if (type === Fragment) return html(children(props.children));
  if (typeof type === 'function') return html(type(props));
  const attributes = Object.entries(props)
    .filter(([name, value]) => name !== 'children' && value !== undefined && value !== null)
    .map(([name, value]) => ` ${name === 'className' ? 'class' : name}="${escape(String(value))}"`)
    .join('');
  return html(`<${type}${attributes}>${children(props.children)}</${type}>`);
}

const components: Record<string, Component> = {
  Residue: (props) => `<span class="residue">${children(props.children)}</span>`,
  ResidueBlock: (props) => `<aside class="residue">${children(props.children)}</aside>`,
  Figure: (props) => `<figure><img src="${escape(String(props['src']))}">${children(props.children)}</figure>`,
};

/** Compile and run an entry; returns its body HTML. Throws if the MDX is not valid. */
export async function renderMdx(mdx: string): Promise<string> {
  const module = await evaluate(mdx, {
    Fragment,
    jsx,
    jsxs: jsx,
    remarkPlugins: [[remarkFrontmatter, ['yaml']], remarkGfm],
  } as unknown as Parameters<typeof evaluate>[1]);
  const Content = module.default as unknown as (props: { components: Record<string, Component> }) => string;
  return String(Content({ components }));
}
