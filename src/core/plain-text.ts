/**
 * Plain text of a syntax tree (mdast or hast), as a reader reads it: the one function every text derived from
 * a tree goes through (passages, word counts, titles and deks read from feeds, headings, exports, the checks).
 * A block boundary or a line break is a space, an inline boundary is nothing, so two blocks never run together
 * and no space appears inside a word where the source has none; runs of HTML white space are one space; the
 * ends are trimmed. Other white space (a no-break space) is kept as it is.
 * paragraph("actually feasible.", break, "I think") -> "actually feasible. I think"
 * <h2>Why</h2><p>Both <em>can</em>end.</p> -> "Why Both canend."
 */
import type { Element as HastElement, Nodes as HastNodes } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';

type AnyNode = MdastNodes | HastNodes;

/** Options for `plainText`. */
export interface PlainTextOptions {
  /** Leave out a node and everything in it (e.g. residue, or a rendering that repeats a source). */
  skip?: (node: AnyNode) => boolean;
}

/** mdast nodes that are blocks: their edges separate words. */
const MDAST_BLOCKS = new Set([
  'blockquote',
  'code',
  'footnoteDefinition',
  'heading',
  'list',
  'listItem',
  'mdxJsxFlowElement',
  'paragraph',
  'table',
  'tableRow',
  'tableCell',
  'thematicBreak',
]);

/** mdast nodes that are not text a reader sees: metadata, code that never runs here, raw markup. */
const MDAST_SILENT = new Set(['definition', 'html', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'toml', 'yaml']);

/** HTML elements whose edges separate words (the block and table elements of HTML's rendering). */
export const HTML_BLOCKS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** HTML elements whose content is not text: code, styles, templates, the document's head. */
const HTML_SILENT = new Set(['head', 'noscript', 'script', 'style', 'template']);

/** The plain text of `node` (see the module comment). */
export function plainText(node: AnyNode, options: PlainTextOptions = {}): string {
  const out = new TextOut();
  walk(node, out, options);
  return out.text();
}

/** Collects text; a separator becomes one space, only between two words with no white space already there. */
class TextOut {
  private parts: string[] = [];
  private pending = false;

  separate(): void {
    this.pending = true;
  }

  add(value: string): void {
    if (value === '') return;
    const last = this.parts.at(-1);
    if (this.pending && last !== undefined && !/[ \t\n\f\r]$/.test(last) && !/^[ \t\n\f\r]/.test(value)) this.parts.push(' ');
    this.pending = false;
    this.parts.push(value);
  }

  text(): string {
    return this.parts
      .join('')
      .replace(/[ \t\n\f\r]+/g, ' ')
      .replace(/^ | $/g, '');
  }
}

function walk(node: AnyNode, out: TextOut, options: PlainTextOptions): void {
  if (options.skip?.(node)) return;
  if (node.type === 'element') return walkElement(node, out, options);
  if (node.type === 'break') return out.separate();
  if (MDAST_SILENT.has(node.type) || node.type === 'comment' || node.type === 'doctype') return;
  if (node.type === 'image' || node.type === 'imageReference') return out.add(node.alt ?? '');
  const block = MDAST_BLOCKS.has(node.type);
  if (block) out.separate();
  // The Math component's text is its TeX source, which it carries as an attribute.
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Math') {
    const tex = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'tex')?.value;
    out.add(typeof tex === 'string' ? tex : '');
  } else if ('children' in node) {
    for (const child of node.children as AnyNode[]) walk(child, out, options);
  } else if ('value' in node && typeof node.value === 'string') {
    out.add(node.value);
  }
  if (block) out.separate();
}

function walkElement(node: HastElement, out: TextOut, options: PlainTextOptions): void {
  if (HTML_SILENT.has(node.tagName)) return;
  if (node.tagName === 'br') return out.separate();
  // MathML: a formula's text is its TeX annotation where it has one (KaTeX writes it), not its glyphs.
  if (node.tagName === 'semantics') {
    const tex = node.children.find(
      (child): child is HastElement => child.type === 'element' && child.tagName === 'annotation' && child.properties['encoding'] === 'application/x-tex',
    );
    if (tex !== undefined) return walk({ ...tex, tagName: 'span' }, out, options);
  }
  const block = HTML_BLOCKS.has(node.tagName);
  if (block) out.separate();
  for (const child of node.children) walk(child, out, options);
  if (block) out.separate();
}
