/**
 * Rehype plugin: the four components an entry may use (src/core/mdx-safety.ts allows no others),
 * turned into the reader's markup, and code blocks made focusable. Entries are never compiled to
 * JavaScript: a component is a fixed piece of markup with its attributes as plain strings.
 * <Residue rule="related-links">Read also: ...</Residue>
 *   -> <span class="residue" data-pagefind-ignore><span class="residue-label">[Not the author’s text: ...]</span> Read also: ...</span>
 * <Figure src="https://cdn.example/a.png" width="600" />
 *   -> <figure class="figure"><div class="figure-remote">...<a href="https://cdn.example/a.png" data-figure-load ...>Show the image</a>...</div>
 *      <p class="figure-unavailable" hidden>...</p>...</figure>
 * <Math display="block" tex="x^2" /> -> <div class="math math-display"><div class="math-formula" tabindex="0" ...><span class="katex-display">...</span></div>
 *   <details class="math-source"><summary>LaTeX source</summary><pre tabindex="0"><code>x^2</code></pre></details></div>
 * <pre> -> <pre tabindex="0"> (a keyboard can scroll a wide one sideways)
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { hasClass } from '../core/hast.ts';
import { typesetTex } from '../core/math.ts';
import { residueRuleLabel } from '../core/residue.ts';

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

/** Replace every component element with its markup; throw on a component this site does not know. */
export function rehypeArticleComponents() {
  return (tree: Root) => {
    replaceIn(tree);
  };
}

function replaceIn(parent: Root | Element | JsxElement): void {
  parent.children = parent.children.map((child) => {
    if (child.type === 'element' || child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') replaceIn(child);
    if (child.type === 'element' && child.tagName === 'pre') child.properties['tabIndex'] = 0;
    return child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement' ? toMarkup(child) : child;
  }) as typeof parent.children;
}

function toMarkup(node: JsxElement): Element {
  const attributes = attributesOf(node);
  const children = node.children as ElementContent[];
  switch (node.name) {
    case 'Residue':
      return element('span', { className: ['residue'], dataPagefindIgnore: '' }, [
        element('span', { className: ['residue-label'] }, [text(`[Not the author’s text: ${residueRuleLabel(attributes['rule'] ?? '')}]`)]),
        text(' '),
        ...children,
      ]);
    case 'ResidueBlock':
      return element('aside', { className: ['residue', 'residue-block'], dataPagefindIgnore: '', ariaLabel: 'Not the author’s text' }, [
        element('span', { className: ['residue-label'] }, [text(`Not the author’s text: ${residueRuleLabel(attributes['rule'] ?? '')}`)]),
        ...children,
      ]);
    case 'Figure':
      return figure(attributes, children);
    case 'Math':
      return formula(attributes['tex'] ?? '', attributes['display'] === 'block', node.type === 'mdxJsxFlowElement');
    default:
      throw new Error(`an entry uses the component <${node.name ?? ''}>, which the site does not know`);
  }
}

/**
 * A figure from a source: in place of the remote image, a box with its description and a link to show it, a note
 * shown if it then cannot load, and its caption. The image is not requested until the reader asks (FigureFallback's
 * script puts it in place on a click; without JavaScript the link opens it at its source): the page contacts no
 * other site by itself, and a source's image that is gone or blocked costs no failed request and no console error.
 */
function figure(attributes: Record<string, string>, caption: ElementContent[]): Element {
  const src = attributes['src'] ?? '';
  const alt = attributes['alt'];
  const hasCaption = caption.some((child) => child.type !== 'text' || child.value.trim() !== '');
  // Never alt="": the image carries content, and its alt is what shows in its place until (or unless) it loads.
  // The source gave no description: say what it is, and where its caption is if it has one.
  const altText = alt || (hasCaption ? 'Image from the source, captioned below' : 'Image from the source');
  const host = new URL(src).host;
  const placeholder = element('div', { className: ['figure-remote'] }, [
    element('p', { className: ['figure-alt'] }, [text(altText)]),
    element('p', { className: ['figure-load'] }, [
      element(
        'a',
        {
          href: src,
          rel: ['noopener', 'noreferrer'],
          dataFigureLoad: '',
          dataAlt: altText,
          ...(attributes['width'] !== undefined && { dataWidth: attributes['width'] }),
          ...(attributes['height'] !== undefined && { dataHeight: attributes['height'] }),
        },
        [text('Show the image')],
      ),
      text(` from ${host} (not loaded until you ask: it is on another site).`),
    ]),
  ]);
  // Shown by FigureFallback's script when the image, once asked for, fails to load (blocked, gone, offline).
  const unavailable = element('p', { className: ['figure-unavailable'], hidden: true }, [
    text(`The image could not be loaded from ${host}. `),
    element('a', { href: src, rel: ['noopener', 'noreferrer'] }, [text('Open it at its source')]),
    text('.'),
  ]);
  const note = hasCaption
    ? element('figcaption', {}, caption)
    : alt
      ? null
      : element('figcaption', { className: ['figure-note'] }, [text('Image from the source; it has no caption or description.')]);
  return element('figure', { className: ['figure'] }, note ? [placeholder, unavailable, note] : [placeholder, unavailable]);
}

/**
 * A formula, typeset by KaTeX at build time (HTML for the eye, MathML with the TeX as its annotation for screen
 * readers and search), so the page runs no script. A block formula scrolls sideways in its own box when it is
 * wider than the text, and shows its TeX, exactly as the source gave it, under "LaTeX source". The index reads
 * a formula once, as its TeX (the annotation): the glyphs and the MathML presentation are left out of it.
 * KaTeX writes `style` attributes (heights, offsets, widths); the article page allows exactly these values by
 * their hashes (see the article page and `inlineStyles` in src/utils/render-article.ts).
 * TeX KaTeX cannot read is shown as code, saying so; inline, the `<code>` alone.
 */
function formula(tex: string, display: boolean, block: boolean): Element {
  const typeset = typesetTex(tex, display);
  if (!typeset.ok) {
    const code = element('code', { className: ['math-unrendered'] }, [text(tex)]);
    if (!block) return code;
    return element('div', { className: ['math', 'math-unrendered'] }, [
      element('p', { className: ['math-note'], dataPagefindIgnore: '' }, [
        text(`This formula could not be typeset (${typeset.error}). Its LaTeX source, as given:`),
      ]),
      element('pre', { tabIndex: 0 }, [code]),
    ]);
  }
  const rendered = fromHtml(typeset.html, { fragment: true }).children as ElementContent[];
  visit({ type: 'root', children: rendered }, 'element', (node: Element) => {
    delete node.position;
    if (hasClass(node, 'katex-html')) node.properties['dataPagefindIgnore'] = '';
    if (node.tagName === 'semantics') {
      const [presentation, annotation] = node.children.filter((child): child is Element => child.type === 'element');
      if (presentation !== undefined) presentation.properties['dataPagefindIgnore'] = '';
      // The TeX as the source gave it, also when it was typeset as repaired.
      if (annotation?.tagName === 'annotation') annotation.children = [text(tex)];
    }
  });
  if (!block) return element('span', { className: display ? ['math', 'math-display'] : ['math', 'math-inline'] }, rendered);
  const summary = typeset.repaired ? 'LaTeX source, as given (its “&” in text typeset as an ampersand)' : 'LaTeX source';
  return element('div', { className: ['math', 'math-display'] }, [
    element('div', { className: ['math-formula'], tabIndex: 0, role: 'group', ariaLabel: 'Formula' }, rendered),
    element('details', { className: ['math-source'], dataPagefindIgnore: '' }, [
      element('summary', {}, [text(summary)]),
      element('pre', { tabIndex: 0 }, [element('code', { className: ['language-latex'] }, [text(tex)])]),
    ]),
  ]);
}

function attributesOf(node: JsxElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attribute of node.attributes) {
    // The ingest's gate allows only literal string attributes; anything else is refused here too.
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') {
      throw new Error(`an entry gives <${node.name ?? ''}> an attribute that is not a plain string`);
    }
    out[attribute.name] = attribute.value;
  }
  return out;
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}
