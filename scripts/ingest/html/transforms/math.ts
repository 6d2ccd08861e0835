/**
 * Mathematics in feed HTML -> formula elements the `Math` handler (to-mdast-handlers.ts) turns into
 * `<Math display tex>`: Substack's LaTeX blocks (`div.latex-rendered`, the TeX in the JSON `data-attrs`), and
 * TeX between `\(...\)` (inline), `\[...\]` or `$$...$$` (display) in text, kept only when KaTeX reads it
 * (src/core/math.ts), so prose with two dollar signs stays prose. Text in code, preformatted or keyboard elements
 * is never read as TeX. After conversion, liftLoneFormulas makes a paragraph that is one formula the formula
 * itself, as the MDX reads it back.
 * <p>Energy \(E = mc^2\).</p> -> <p>Energy <math-formula data-tex="E = mc^2" data-display="inline"></math-formula>.</p>
 */
import type { Element, ElementContent, Parents as HastParents, Root as HastRoot } from 'hast';
import type { Parent, Root as MdastRoot, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { TEX_DELIMITERS, typesetTex } from '../../../../src/core/math.ts';
import { getConversion } from '../conversion.ts';
import { createTextNode, hasClass, parseDataAttrs, replaceElements } from '../hast.ts';
import { MATH_FORMULA } from '../to-mdast-handlers.ts';

/** Elements whose text is code or literal input, never TeX to typeset. */
const LITERAL = new Set(['code', 'kbd', 'pre', 'samp', 'textarea', 'title', MATH_FORMULA]);

/** Turns `div.latex-rendered` into a display formula holding its source expression verbatim. */
export function convertLatexBlocks() {
  return (tree: HastRoot, file: VFile) => {
    const { notes, notices } = getConversion(file);
    let count = 0;
    replaceElements(
      tree,
      (node) => hasClass(node, 'div', 'latex-rendered'),
      (node) => {
        const expression = parseDataAttrs(node)?.persistentExpression;
        if (typeof expression !== 'string' || expression.trim() === '') {
          notes.add('unreadable LaTeX block');
          return node.children;
        }
        count++;
        const typeset = typesetTex(expression, true);
        if (!typeset.ok) notices.push(`LaTeX block ${count} cannot be typeset (${typeset.error}): shown as its source`);
        else if (typeset.repaired) notices.push(`LaTeX block ${count} is typeset with "&" in its text read as an ampersand`);
        return [formula(expression, true)];
      },
    );
  };
}

/** Turns TeX between the delimiters of TEX_DELIMITERS in text into formula elements, where KaTeX reads it. */
export function convertTexDelimiters() {
  return (tree: HastRoot) => {
    const walk = (parent: HastParents): void => {
      parent.children = parent.children.flatMap((child): ElementContent[] => {
        if (child.type === 'element') {
          if (!LITERAL.has(child.tagName)) walk(child);
          return [child];
        }
        return child.type === 'text' ? splitFormulas(child.value) : [child as ElementContent];
      }) as typeof parent.children;
    };
    walk(tree);
  };
}

/** A text's runs of prose and formulas; a delimited run KaTeX cannot read stays text, delimiters and all. */
function splitFormulas(text: string): ElementContent[] {
  const out: ElementContent[] = [];
  let cursor = 0;
  let prose = '';
  while (cursor < text.length) {
    const found = nextFormula(text, cursor);
    if (found === null) break;
    prose += text.slice(cursor, found.start);
    const tex = text.slice(found.start + found.open.length, found.end);
    if (tex.trim() !== '' && typesetTex(tex, found.display).ok) {
      if (prose !== '') out.push(createTextNode(prose));
      prose = '';
      out.push(formula(tex, found.display));
    } else prose += text.slice(found.start, found.end + found.close.length);
    cursor = found.end + found.close.length;
  }
  prose += text.slice(cursor);
  if (prose !== '') out.push(createTextNode(prose));
  return out;
}

/** The first delimited run at or after `from`: where it opens, where its closing delimiter starts. */
function nextFormula(text: string, from: number): { start: number; end: number; open: string; close: string; display: boolean } | null {
  let best: { start: number; end: number; open: string; close: string; display: boolean } | null = null;
  for (const { open, close, display } of TEX_DELIMITERS) {
    const start = text.indexOf(open, from);
    if (start === -1 || (best !== null && start >= best.start)) continue;
    const end = text.indexOf(close, start + open.length);
    if (end !== -1) best = { start, end, open, close, display };
  }
  return best;
}

/** A formula element; its TeX is also its text, so the white space around it is kept as around any word. */
function formula(tex: string, display: boolean): Element {
  return { type: 'element', tagName: MATH_FORMULA, properties: { dataTex: tex, dataDisplay: display ? 'block' : 'inline' }, children: [createTextNode(tex)] };
}

/**
 * An mdast pass: a paragraph that holds one formula and nothing else becomes that formula as a block, which is
 * how MDX reads `<Math ... />` alone on its line back, so the entry the ingest checks is the one the site reads.
 * paragraph(<Math display="block" tex="x" />) -> <Math display="block" tex="x" />
 */
export function liftLoneFormulas() {
  return (tree: MdastRoot) => {
    const walk = (parent: Parent): void => {
      parent.children = parent.children.map((child) => {
        if ('children' in child) walk(child as Parent);
        if (child.type !== 'paragraph') return child;
        const content = child.children.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
        const only = content.length === 1 ? content[0]! : null;
        if (only?.type !== 'mdxJsxTextElement' || only.name !== 'Math') return child;
        const block: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'Math', attributes: only.attributes, children: [] };
        return block as RootContent;
      }) as Parent['children'];
    };
    walk(tree);
  };
}
