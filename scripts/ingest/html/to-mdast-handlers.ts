/**
 * hast-util-to-mdast handlers for what hast cannot express: the footnote elements markFootnotes makes, the
 * formula elements of transforms/math.ts as `<Math display tex>` JSX, and single-image figures as `<Figure>`
 * JSX with the caption as children.
 * <figure><img src="https://x.org/a.png" alt="A"><figcaption>C</figcaption></figure>
 *   -> <Figure src="https://x.org/a.png" alt="A">C</Figure>
 */
import type { Element } from 'hast';
import type { BlockContent, FootnoteDefinition, FootnoteReference, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { select, selectAll } from 'hast-util-select';
import type { Options as RehypeRemarkOptions } from 'rehype-remark';
import { hasTextOutside } from './hast.ts';
import { toSafeHttpUrl } from './urls.ts';

type Handle = NonNullable<NonNullable<RehypeRemarkOptions['handlers']>[string]>;
type State = Parameters<Handle>[0];

// Custom element names only our own transforms create (sanitize drops unknown tags beforehand).
export const FOOTNOTE_REFERENCE = 'footnote-reference';
export const FOOTNOTE_DEFINITION = 'footnote-definition';
export const MATH_FORMULA = 'math-formula';

/** The handlers rehype-remark runs with. */
export const toMdastHandlers: Record<string, Handle> = {
  [FOOTNOTE_REFERENCE]: convertFootnoteReference,
  [FOOTNOTE_DEFINITION]: convertFootnoteDefinition,
  figure: convertFigure,
  [MATH_FORMULA]: convertFormula,
};

/** Maps a formula element to `<Math display="block|inline" tex="..." />`, inline where it stands (a paragraph
 * that is one formula becomes the formula as a block afterwards: liftLoneFormulas). */
function convertFormula(state: State, node: Element): MdxJsxTextElement {
  const display = node.properties.dataDisplay === 'block' ? 'block' : 'inline';
  const attributes = [createJsxAttribute('display', display), createJsxAttribute('tex', String(node.properties.dataTex))];
  const result: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'Math', attributes, children: [] };
  state.patch(node, result);
  return result;
}

/** Maps a marked footnote anchor to an mdast footnote reference. */
function convertFootnoteReference(state: State, node: Element): FootnoteReference {
  const label = String(node.properties.dataIdentifier);
  const result: FootnoteReference = { type: 'footnoteReference', identifier: label.toLowerCase(), label };
  state.patch(node, result);
  return result;
}

/** Maps a marked footnote body to an mdast footnote definition. */
function convertFootnoteDefinition(state: State, node: Element): FootnoteDefinition {
  const label = String(node.properties.dataIdentifier);
  const children = state.toFlow(state.all(node)) as FootnoteDefinition['children'];
  const result: FootnoteDefinition = { type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children };
  state.patch(node, result);
  return result;
}

/** Maps a single-image figure to `<Figure src alt width height>caption</Figure>`; anything else stays flow content. */
function convertFigure(state: State, node: Element): MdxJsxFlowElement | RootContent[] {
  const images = selectAll('img', node);
  const caption = select('figcaption', node);
  const src = images.length === 1 ? toSafeHttpUrl(images[0]!.properties.src, null) : null;
  // Text outside the caption would be lost in the component, so such figures are unwrapped instead.
  if (!src || hasTextOutside(node, caption)) return state.toFlow(state.all(node));
  const img = images[0]!;
  const attributes: MdxJsxAttribute[] = [createJsxAttribute('src', src)];
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt.trim() : '';
  if (alt) attributes.push(createJsxAttribute('alt', alt));
  for (const name of ['width', 'height']) {
    const size = Number(img.properties[name]);
    // Substack writes fractional sizes ("386.13…"); HTML sizes are integers.
    if (Number.isFinite(size) && size >= 1) attributes.push(createJsxAttribute(name, String(Math.round(size))));
  }
  const children = caption ? (state.toFlow(state.all(caption)) as BlockContent[]) : [];
  const result: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'Figure', attributes, children };
  state.patch(node, result);
  return result;
}

function createJsxAttribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}
