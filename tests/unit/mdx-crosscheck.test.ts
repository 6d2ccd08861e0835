/**
 * The inert renderer stays true to MDX: every fixture entry (tests/fixtures/<case>/expected/*.mdx) is rendered
 * by the site's renderer (src/utils/render-article.ts, which never compiles it) and compiled and run by
 * @mdx-js/mdx with remark-gfm, and the two HTML trees must be the same once the site's own additions are
 * taken out of both: paragraph ids and permalinks, heading ids, the rel and loading attributes on remote
 * links and images, focusable code blocks, the search index's exclusions (data-pagefind-ignore); and the white
 * space between table parts, which MDX leaves out. A typeset formula (KaTeX's markup, tested in
 * render-article.test.ts) stands as one placeholder element with its display on both sides.
 * Topic links are off (no topics given to the renderer).
 * The components are written here again as plain functions making the markup the renderer documents, and MDX
 * runs on a small JSX runtime that builds hast, so both sides are serialized by hast-util-to-html.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { describe, expect, test } from 'vitest';
import { residueRuleLabel } from '../../src/core/residue.ts';
import { renderArticle } from '../../src/utils/render-article.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

/** Every expected entry of the fixture corpus, as [case/file, text]. */
const entries: [string, string][] = readdirSync(fixtures)
  .sort()
  .flatMap((name) => {
    const expected = path.join(fixtures, name, 'expected');
    let files: string[];
    try {
      files = readdirSync(expected)
        .filter((file) => file.endsWith('.mdx'))
        .sort();
    } catch {
      return [];
    }
    return files.map((file): [string, string] => [`${name}/${file}`, readFileSync(path.join(expected, file), 'utf8')]);
  });

// A JSX runtime whose elements are hast nodes: `jsx('p', { class: 'x', children })` -> { type: 'element', ... }.
// MDX is compiled with elementAttributeNameCase 'html', so props are HTML attribute names; serializing with
// hast-util-to-html and parsing again gives them their hast property names, as on the renderer's side.
type Child = RootContent | Root | string | number | boolean | null | undefined | Child[];
const Fragment = Symbol('Fragment');

function flatten(children: Child): ElementContent[] {
  if (children === null || children === undefined || typeof children === 'boolean') return [];
  if (Array.isArray(children)) return children.flatMap(flatten);
  if (typeof children === 'string' || typeof children === 'number') return [{ type: 'text', value: String(children) }];
  if (children.type === 'root') return children.children as ElementContent[];
  return [children as ElementContent];
}

type Component = (props: Record<string, unknown> & { children?: Child }) => Child;

function jsx(type: string | symbol | Component, props: Record<string, unknown> & { children?: Child }): Child {
  if (type === Fragment) return { type: 'root', children: flatten(props.children) };
  if (typeof type === 'function') return type(props);
  const { children, ...attributes } = props;
  return { type: 'element', tagName: String(type), properties: attributes as Properties, children: flatten(children) };
}

const runtime = { Fragment, jsx, jsxs: jsx };

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

// The four components an entry may use, with the markup the renderer gives them
// (src/plugins/rehype-article-components.ts, documented in tests/unit/render-article.test.ts); a formula as a placeholder.
const components: Record<string, Component> = {
  Residue: ({ rule, children }) =>
    element('span', { class: 'residue', 'data-pagefind-ignore': '' }, [
      element('span', { class: 'residue-label' }, [text(`[Not the author’s text: ${residueRuleLabel(String(rule ?? ''))}]`)]),
      text(' '),
      ...flatten(children),
    ]),
  ResidueBlock: ({ rule, children }) =>
    element('aside', { class: 'residue residue-block', 'data-pagefind-ignore': '', 'aria-label': 'Not the author’s text' }, [
      element('span', { class: 'residue-label' }, [text(`Not the author’s text: ${residueRuleLabel(String(rule ?? ''))}`)]),
      ...flatten(children),
    ]),
  Figure: ({ src, alt, width, height, children }) => {
    const caption = flatten(children);
    const hasCaption = caption.some((child) => child.type !== 'text' || child.value.trim() !== '');
    const altText = typeof alt === 'string' && alt !== '' ? alt : hasCaption ? 'Image from the source, captioned below' : 'Image from the source';
    const image = element('div', { class: 'figure-remote' }, [
      element('p', { class: 'figure-alt' }, [text(altText)]),
      element('p', { class: 'figure-load' }, [
        element(
          'a',
          {
            href: String(src),
            'data-figure-load': '',
            'data-alt': altText,
            ...(width !== undefined && { 'data-width': String(width) }),
            ...(height !== undefined && { 'data-height': String(height) }),
          },
          [text('Show the image')],
        ),
        text(` from ${new URL(String(src)).host} (not loaded until you ask: it is on another site).`),
      ]),
    ]);
    const unavailable = element('p', { class: 'figure-unavailable', hidden: true }, [
      text(`The image could not be loaded from ${new URL(String(src)).host}. `),
      element('a', { href: String(src) }, [text('Open it at its source')]),
      text('.'),
    ]);
    const note = hasCaption
      ? element('figcaption', {}, caption)
      : alt
        ? null
        : element('figcaption', { class: 'figure-note' }, [text('Image from the source; it has no caption or description.')]);
    return element('figure', { class: 'figure' }, note ? [image, unavailable, note] : [image, unavailable]);
  },
  Math: ({ display }) => element('formula', { display: String(display) }, []),
};

/** The entry compiled and run by MDX, rendered to HTML. */
async function renderWithMdx(mdx: string): Promise<string> {
  const { default: Content } = await evaluate(mdx, {
    ...runtime,
    remarkPlugins: [remarkFrontmatter, remarkGfm],
    // The site's footnote wording (src/utils/render-article.ts): configuration of remark-rehype, not a difference.
    remarkRehypeOptions: { footnoteLabel: 'Notes', footnoteBackLabel: (index: number) => `Back to reference ${index + 1}` },
    elementAttributeNameCase: 'html',
  } as Parameters<typeof evaluate>[1]);
  const tree = (Content as unknown as Component)({ components });
  return toHtml({ type: 'root', children: flatten(tree) });
}

const REMOTE = /^(?:https?:)?\/\//i;
const HEADING = /^h[1-6]$/;
// MDX drops white space between table parts (hast-util-to-estree, for React); a browser renders none there either.
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** The HTML parsed, without what the site adds to an article body, serialized again. */
function withoutSiteAdditions(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const strip = (parent: Root | Element): void => {
    parent.children = parent.children.filter((child) => {
      if (child.type === 'text' && parent.type === 'element' && TABLE_PARTS.has(parent.tagName)) return child.value.trim() !== '';
      if (child.type !== 'element') return true;
      const classes = (child.properties['className'] as string[] | undefined) ?? [];
      if (classes.includes('math')) {
        // rehype-article-components' typeset formula -> the placeholder the MDX side's Math makes
        Object.assign(child, { tagName: 'formula', properties: { display: classes.includes('math-inline') ? 'inline' : 'block' }, children: [] });
        return true;
      }
      delete child.properties['dataPagefindIgnore']; // rehype-search-scope, rehype-article-components
      if (child.tagName === 'a' && classes.includes('permalink')) return false; // rehype-paragraph-permalinks
      if (classes.includes('para')) {
        // remark-paragraph-ids
        delete child.properties['id'];
        const rest = classes.filter((name) => name !== 'para');
        if (rest.length > 0) child.properties['className'] = rest;
        else delete child.properties['className'];
      }
      delete child.properties['dataPagefindIgnore']; // rehype-search-scope
      if (HEADING.test(child.tagName)) delete child.properties['id']; // rehype-slug
      if (child.tagName === 'pre') delete child.properties['tabIndex']; // rehype-article-components
      if (child.tagName === 'a' && REMOTE.test(String(child.properties['href'] ?? ''))) delete child.properties['rel']; // rehype-external-resources
      if (child.tagName === 'img' && REMOTE.test(String(child.properties['src'] ?? ''))) {
        for (const name of ['loading', 'decoding', 'referrerPolicy']) delete child.properties[name];
      }
      strip(child);
      return true;
    });
  };
  strip(tree);
  return toHtml(tree);
}

describe('the inert renderer matches MDX on every fixture entry', () => {
  test('there are fixture entries to compare', () => {
    expect(entries.length).toBeGreaterThan(10);
  });

  test.each(entries)('%s', async (label, mdx) => {
    // The renderer first: it refuses an entry that is not inert, so MDX only ever runs checked text.
    const inert = await renderArticle(mdx, { label, topics: [] });
    const compiled = await renderWithMdx(mdx);
    expect(withoutSiteAdditions(inert.html)).toBe(withoutSiteAdditions(compiled));
  });
});
