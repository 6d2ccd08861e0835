import type { Element, ElementContent, Nodes as HastNodes, Parents as HastParents, Root as HastRoot, Text as HastText } from 'hast';
import type { BlockContent, FootnoteDefinition, FootnoteReference, Nodes as MdastNode, Parent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';

/** Result of converting one feed item's HTML body. */
export interface ConvertedHtml {
  /** mdast with standard, GFM and `<Figure>` JSX nodes only. */
  tree: Root;
  /** Human-readable notes of what was dropped, e.g. "subscribe widget", "2 image buttons". */
  removed: string[];
  /** The first figure's image, if any. */
  image: { src: string; alt: string | null } | null;
}

/** Options for `convertHtml`. */
export interface ConvertHtmlOptions {
  /** Absolute http(s) URL that relative links and images are resolved against; without it they become text. */
  baseUrl?: string;
}

type Handle = NonNullable<NonNullable<RehypeRemarkOptions['handlers']>[string]>;
type State = Parameters<Handle>[0];

/** Collects removal notes, merging repeats into counts ("2 image buttons"). */
interface Notes {
  add(singular: string, plural?: string): void;
  list(): string[];
}

// Element tests for simple selectors (`tag.class`), matched as hast-util-select matches them, without
// parsing a selector for every element of every item.
const isSubscribeWidget = (node: Element) => hasClass(node, 'div', 'subscription-widget-wrap-editor') || hasClass(node, 'div', 'subscription-widget-wrap');
const isImageExpand = (node: Element) => hasClass(node, 'div', 'image-link-expand');
// Substack's "Leave a comment" / "Share" call-to-action buttons: site furniture, not the essay.
const isCallToAction = (node: Element) => hasClass(node, 'p', 'button-wrapper');
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isHeading = (node: Element) => HEADING_TAGS.has(node.tagName);
const isFigure = (node: Element) => node.tagName === 'figure';
// Custom element names only our own transforms create (sanitize drops unknown tags beforehand).
const FOOTNOTE_REFERENCE = 'footnote-reference';
const FOOTNOTE_DEFINITION = 'footnote-definition';

// Tags removed together with their content; everything else unknown is unwrapped so its text survives.
const STRIPPED: Record<string, [singular: string, plural: string]> = {
  script: ['script', 'scripts'],
  style: ['style block', 'style blocks'],
  svg: ['svg icon', 'svg icons'],
  button: ['button', 'buttons'],
  form: ['form', 'forms'],
  input: ['form control', 'form controls'],
  select: ['form control', 'form controls'],
  textarea: ['form control', 'form controls'],
  iframe: ['embedded frame', 'embedded frames'],
  frame: ['embedded frame', 'embedded frames'],
  frameset: ['embedded frame', 'embedded frames'],
  object: ['embedded object', 'embedded objects'],
  embed: ['embedded object', 'embedded objects'],
  applet: ['embedded object', 'embedded objects'],
  template: ['template', 'templates'],
  noscript: ['noscript fallback', 'noscript fallbacks'],
  audio: ['audio player', 'audio players'],
  video: ['video player', 'video players'],
  canvas: ['canvas', 'canvases'],
};

const defaultAttributes = defaultSchema.attributes ?? {};

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !(name in STRIPPED)), 'figure', 'figcaption'],
  strip: Object.keys(STRIPPED),
  attributes: {
    ...defaultAttributes,
    a: ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'href', ['className', 'footnote-anchor', 'footnote-number']],
    div: [
      ...(defaultAttributes.div ?? []),
      'dataAttrs',
      [
        'className',
        'footnote',
        'footnote-content',
        'pullquote',
        'latex-rendered',
        'image-link-expand',
        'subscription-widget-wrap-editor',
        'subscription-widget-wrap',
      ],
    ],
    span: ['dataAttrs', ['className', 'mention-wrap']],
    p: [...(defaultAttributes.p ?? []), ['className', 'button-wrapper']],
  },
};

/** What one conversion's transforms share: its removal notes and base URL (in the file's data). */
interface Conversion {
  notes: Notes;
  baseUrl: URL | null;
}

declare module 'vfile' {
  interface DataMap {
    conversion: Conversion;
  }
}

/** The conversion a transform is part of. */
function conversionOf(file: VFile): Conversion {
  const conversion = file.data.conversion;
  if (conversion === undefined) throw new Error('convert-html transforms run only through convertHtml');
  return conversion;
}

// Built once: the transforms read each call's notes and base URL from the file they are run with.
const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(dropPositions)
  .use(noteStrippedElements)
  .use(rehypeSanitize, sanitizeSchema)
  .use(removeSubscribeWidgets)
  .use(removeImageExpandControls)
  .use(removeCallToActionButtons)
  .use(removeEmptyHeadings)
  .use(unwrapBoldHeadings)
  .use(normalizeHeadingDepths)
  .use(markFootnotes)
  .use(convertMentions)
  .use(convertLatexBlocks)
  .use(convertPullquotes)
  .use(enforceSafeUrls)
  .use(removeEmptyLinks)
  .use(rehypeRemark, {
    handlers: { [FOOTNOTE_REFERENCE]: footnoteReference, [FOOTNOTE_DEFINITION]: footnoteDefinition, figure },
  })
  .use(hoistEdgeWhitespace)
  .freeze();

/** Converts one untrusted feed-item HTML body into an mdast tree ready for MDX serialization. */
export function convertHtml(html: string, options: ConvertHtmlOptions = {}): ConvertedHtml {
  const notes = createNotes();
  const baseUrl = checkBaseUrl(options.baseUrl, notes);
  const tree = processor.runSync(processor.parse(html), { data: { conversion: { notes, baseUrl } } }) as Root;
  return { tree, removed: notes.list(), image: firstFigureImage(tree) };
}

// ---------------------------------------------------------------------------
// Rehype transforms, in pipeline order.

/** Drops the positions the HTML parser gives every node: nothing reads them (the entry is made from the tree,
 * and problems in an item are reported by item, not by offset in its HTML), and each step after copies them. */
function dropPositions() {
  return (tree: HastRoot) => {
    const walk = (node: HastNodes): void => {
      delete node.position;
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(tree);
  };
}

/** Records what sanitize is about to strip, since the elements are gone afterwards. */
function noteStrippedElements() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = conversionOf(file);
    const imageButtons = new Set(elementsIn(tree, isFigure).flatMap((figure) => elementsIn(figure, (node) => node.tagName === 'button')));
    visit(tree, 'element', (node) => {
      if (isSubscribeWidget(node)) return SKIP; // noted as a whole by removeSubscribeWidgets
      const label = STRIPPED[node.tagName];
      if (!label) return CONTINUE;
      if (imageButtons.has(node)) notes.add('image button');
      else notes.add(...label);
      return SKIP; // nested stripped elements (an svg in a button) go with their container
    });
  };
}

/** Drops the Substack subscribe widget with its call-to-action text and form. */
function removeSubscribeWidgets() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = conversionOf(file);
    replaceElements(tree, isSubscribeWidget, () => {
      notes.add('subscribe widget');
      return [];
    });
  };
}

/** Drops the image expand/restack control bar (its buttons were already stripped and noted). */
function removeImageExpandControls() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = conversionOf(file);
    replaceElements(tree, isImageExpand, (node) => {
      if (hastToString(node).trim() !== '') notes.add('image expand control text');
      return [];
    });
  };
}

/** Drops Substack's comment/share buttons, noting each with its label. */
function removeCallToActionButtons() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = conversionOf(file);
    replaceElements(tree, isCallToAction, (node) => {
      notes.add(`"${hastToString(node).trim()}" button`);
      return [];
    });
  };
}

/** Drops headings without any text or image (Substack leaves `<h1></h1>` before widgets). */
function removeEmptyHeadings() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = conversionOf(file);
    const isEmptyHeading = (node: Element) => isHeading(node) && hastToString(node).trim() === '' && !select('img', node);
    replaceElements(tree, isEmptyHeading, () => {
      notes.add('empty heading');
      return [];
    });
  };
}

/** Turns `<h4><strong>Title</strong></h4>` into a plain heading: headings are bold already. */
function unwrapBoldHeadings() {
  return (tree: HastRoot) => {
    for (const heading of elementsIn(tree, isHeading)) {
      const onlyBold = heading.children.every(
        (child) => isWhitespaceText(child) || (child.type === 'element' && (child.tagName === 'strong' || child.tagName === 'b')),
      );
      if (onlyBold) heading.children = heading.children.flatMap((child) => (child.type === 'element' ? child.children : [child]));
    }
  };
}

/** Makes the shallowest heading h2 (the page title is h1) and closes skipped levels, keeping siblings at one depth. */
function normalizeHeadingDepths() {
  return (tree: HastRoot) => {
    // Each heading nests one below the nearest earlier heading of a shallower source level.
    const open: { level: number; depth: number }[] = [];
    for (const heading of elementsIn(tree, isHeading)) {
      const level = Number(heading.tagName.slice(1));
      while (open.length > 0 && open[open.length - 1].level >= level) open.pop();
      const depth = Math.min((open.at(-1)?.depth ?? 1) + 1, 6);
      open.push({ level, depth });
      heading.tagName = `h${depth}`;
    }
  };
}

/** Turns Substack footnote anchors and bodies into elements the footnote handlers understand. */
function markFootnotes() {
  return (tree: HastRoot) => {
    const defined = new Set<string>();
    replaceElements(tree, (node) => hasClass(node, 'div', 'footnote'), (node) => {
      const number = select('a.footnote-number', node);
      const identifier = footnoteIdentifier(number ? hastToString(number) : '');
      // Without a usable number the block stays ordinary content, so its text is kept.
      if (!identifier || defined.has(identifier)) return [{ ...node, properties: {} }];
      defined.add(identifier);
      const children = node.children.filter((child) => child !== number);
      return [{ type: 'element', tagName: FOOTNOTE_DEFINITION, properties: { dataIdentifier: identifier }, children }];
    });
    replaceElements(tree, (node) => hasClass(node, 'a', 'footnote-anchor'), (node) => {
      const identifier = footnoteIdentifier(hastToString(node));
      if (identifier && defined.has(identifier)) {
        return [{ type: 'element', tagName: FOOTNOTE_REFERENCE, properties: { dataIdentifier: identifier }, children: [] }];
      }
      return node.children;
    });
  };
}

/** Turns `span.mention-wrap` (name and URL only in its JSON `data-attrs`) into a link. */
function convertMentions() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = conversionOf(file);
    replaceElements(tree, (node) => hasClass(node, 'span', 'mention-wrap'), (node) => {
      const attrs = parseDataAttrs(node);
      const name = typeof attrs?.name === 'string' ? attrs.name.trim() : '';
      if (!name) {
        notes.add('unreadable mention');
        return node.children;
      }
      // Prefer the span's own text if it has any, so nothing the reader saw is replaced.
      const children: ElementContent[] = hastToString(node).trim() === '' ? [text(name)] : node.children;
      if (typeof attrs?.url !== 'string') return children;
      return [{ type: 'element', tagName: 'a', properties: { href: attrs.url }, children }];
    });
  };
}

/** Turns `div.latex-rendered` into a `latex` code block holding its source expression verbatim. */
function convertLatexBlocks() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = conversionOf(file);
    replaceElements(tree, (node) => hasClass(node, 'div', 'latex-rendered'), (node) => {
      const expression = parseDataAttrs(node)?.persistentExpression;
      if (typeof expression !== 'string' || expression.trim() === '') {
        notes.add('unreadable LaTeX block');
        return node.children;
      }
      const code: Element = { type: 'element', tagName: 'code', properties: { className: ['language-latex'] }, children: [text(expression)] };
      return [{ type: 'element', tagName: 'pre', properties: {}, children: [code] }];
    });
  };
}

/** Turns `div.pullquote` into a blockquote. */
function convertPullquotes() {
  return (tree: HastRoot) => {
    for (const node of elementsIn(tree, (element) => hasClass(element, 'div', 'pullquote'))) {
      node.tagName = 'blockquote';
      node.properties = {};
    }
  };
}

/** Resolves link and image URLs; unwraps links and drops images that are not http(s) afterwards. */
function enforceSafeUrls() {
  return (tree: HastRoot, file: VFile) => {
    const { baseUrl, notes } = conversionOf(file);
    replaceElements(tree, (node) => node.tagName === 'a' || node.tagName === 'img', (node) => {
      const attribute = node.tagName === 'a' ? 'href' : 'src';
      const url = safeHttpUrl(node.properties[attribute], baseUrl);
      if (url) {
        node.properties[attribute] = url;
        return [node];
      }
      // A relative URL is harmless but cannot be followed without a base (item link or xml:base).
      const relative = baseUrl === null && isRelativeUrl(node.properties[attribute]);
      if (node.tagName === 'img') {
        if (relative) notes.add('relative image with no base URL to resolve it against', 'relative images with no base URL to resolve them against');
        else notes.add('image without a safe source', 'images without a safe source');
        return [];
      }
      if (relative) notes.add('relative link with no base URL to resolve it against (kept as text)', 'relative links with no base URL to resolve them against (kept as text)');
      else notes.add('link without a safe URL (kept as text)', 'links without a safe URL (kept as text)');
      return node.children;
    });
  };
}

/** Drops links with nothing to click (e.g. a Substack image link whose unsafe image was dropped). */
function removeEmptyLinks() {
  return (tree: HastRoot) => {
    const isEmptyLink = (node: Element) => node.tagName === 'a' && hastToString(node).trim() === '' && !select('img', node);
    replaceElements(tree, isEmptyLink, () => []);
  };
}

// ---------------------------------------------------------------------------
// hast-util-to-mdast handlers for nodes hast cannot express.

/** Maps a marked footnote anchor to an mdast footnote reference. */
function footnoteReference(state: State, node: Element): FootnoteReference {
  const label = String(node.properties.dataIdentifier);
  const result: FootnoteReference = { type: 'footnoteReference', identifier: label.toLowerCase(), label };
  state.patch(node, result);
  return result;
}

/** Maps a marked footnote body to an mdast footnote definition. */
function footnoteDefinition(state: State, node: Element): FootnoteDefinition {
  const label = String(node.properties.dataIdentifier);
  const children = state.toFlow(state.all(node)) as FootnoteDefinition['children'];
  const result: FootnoteDefinition = { type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children };
  state.patch(node, result);
  return result;
}

/** Maps a single-image figure to `<Figure src alt width height>caption</Figure>`; anything else stays flow content. */
function figure(state: State, node: Element): MdxJsxFlowElement | RootContent[] {
  const images = selectAll('img', node);
  const caption = select('figcaption', node);
  const src = images.length === 1 ? safeHttpUrl(images[0].properties.src, null) : null;
  // Text outside the caption would be lost in the component, so such figures are unwrapped instead.
  if (!src || hasTextOutside(node, caption)) return state.toFlow(state.all(node));
  const img = images[0];
  const attributes: MdxJsxAttribute[] = [jsxAttribute('src', src)];
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt.trim() : '';
  if (alt) attributes.push(jsxAttribute('alt', alt));
  for (const name of ['width', 'height']) {
    const size = Number(img.properties[name]);
    // Substack writes fractional sizes ("386.13…"); HTML sizes are integers.
    if (Number.isFinite(size) && size >= 1) attributes.push(jsxAttribute(name, String(Math.round(size))));
  }
  const children = caption ? (state.toFlow(state.all(caption)) as BlockContent[]) : [];
  const result: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'Figure', attributes, children };
  state.patch(node, result);
  return result;
}

// ---------------------------------------------------------------------------
// Mdast transforms.

/** Moves spaces and line breaks at the edges of emphasis out of it (`<em>word </em>` would otherwise need `&#x20;`). */
function hoistEdgeWhitespace() {
  return (tree: Root) => {
    hoistIn(tree);
  };
}

function hoistIn(parent: Parent): void {
  const children: MdastNode[] = [];
  for (const child of parent.children) {
    if ('children' in child) hoistIn(child as Parent);
    if (child.type === 'paragraph' && child.children.length === 0) continue;
    if (child.type !== 'emphasis' && child.type !== 'strong' && child.type !== 'delete') {
      children.push(child);
      continue;
    }
    const inner = (child as Parent).children;
    const before = takeEdge(inner, 0);
    const after = takeEdge(inner, -1);
    children.push(...before, ...(inner.length > 0 ? [child] : []), ...after);
  }
  // What was hoisted to the edge of a block is meaningless there (a final break would print a literal `\`).
  if (parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell') {
    takeEdge(children, 0);
    takeEdge(children, -1);
  }
  parent.children = mergeTexts(children) as Parent['children'];
}

/** Removes leading (`end` 0) or trailing (`end` -1) whitespace and breaks from `nodes`, returning them. */
function takeEdge(nodes: MdastNode[], end: 0 | -1): MdastNode[] {
  const taken: MdastNode[] = [];
  while (nodes.length > 0) {
    const node = end === 0 ? nodes[0] : nodes[nodes.length - 1];
    if (node.type === 'break') {
      taken.push(node);
    } else if (node.type === 'text') {
      const value = (node as Text).value;
      const trimmed = end === 0 ? value.trimStart() : value.trimEnd();
      if (trimmed === value) break;
      taken.push({ type: 'text', value: ' ' } as Text);
      if (trimmed !== '') {
        (node as Text).value = trimmed;
        break;
      }
    } else {
      break;
    }
    if (end === 0) nodes.shift();
    else nodes.pop();
  }
  return end === 0 ? taken : taken.reverse();
}

function mergeTexts(nodes: MdastNode[]): MdastNode[] {
  const merged: MdastNode[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text') {
      // Collapse the doubled space two hoisted edges can produce.
      (last as Text).value = ((last as Text).value + (node as Text).value).replace(/ {2,}/g, ' ');
    } else merged.push(node);
  }
  return merged;
}

// ---------------------------------------------------------------------------
// Helpers.

/** Parses the optional base URL; one that is not absolute http(s) (it comes from the feed) is ignored with a note. */
function checkBaseUrl(baseUrl: string | undefined, notes: Notes): URL | null {
  if (baseUrl === undefined) return null;
  const url = URL.parse(baseUrl);
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return url;
  notes.add('unusable base URL (relative links kept as text)');
  return null;
}

/** Returns the absolute http(s) form of a URL attribute, or null if it has none. */
function safeHttpUrl(value: unknown, baseUrl: URL | null): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const url = URL.parse(value, baseUrl ?? undefined);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}

/** Whether a URL attribute is a relative reference (no scheme), such as `page.html`, `/about` or `#notes`. */
function isRelativeUrl(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && !URL.canParse(value.trim()) && URL.canParse(value.trim(), 'https://base.invalid/');
}

/** Parses Substack's JSON `data-attrs`, returning null when it is missing or malformed. */
function parseDataAttrs(node: Element): Record<string, unknown> | null {
  const raw = node.properties.dataAttrs;
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Footnote numbers become labels; only simple ones are accepted so they serialize as `[^n]`. */
function footnoteIdentifier(value: string): string | null {
  const trimmed = value.trim();
  return /^[\w-]{1,32}$/.test(trimmed) ? trimmed : null;
}

/**
 * Replaces each matching element with `replace(element)`; replacements are revisited, so they must not match again.
 * The walk is unist-util-visit's (preorder; a replaced element's own children are still walked, in the element
 * now out of the tree; then the walk goes on at its index, through the replacement), written out: it runs
 * several times per item, and visit's closure per node made it a tenth of the conversion.
 */
function replaceElements(tree: HastRoot, test: (node: Element) => boolean, replace: (node: Element) => ElementContent[]): void {
  const walk = (parent: HastParents): void => {
    for (let index = 0; index < parent.children.length; ) {
      const node = parent.children[index]!;
      let next = index + 1;
      if (node.type === 'element' && test(node)) {
        const replacement = replace(node);
        if (replacement.length !== 1 || replacement[0] !== node) {
          parent.children.splice(index, 1, ...replacement);
          next = index;
        }
      }
      if ('children' in node) walk(node);
      index = next;
    }
  };
  walk(tree);
}

/** The elements under `tree` that pass `test`, in document order: selectAll for a simple selector, without
 * parsing the selector and walking with its general machinery. */
function elementsIn(tree: HastParents, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (parent: HastParents): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

/** Whether `node` matches the selector `tag.className`, as hast-util-select decides it. */
function hasClass(node: Element, tagName: string, className: string): boolean {
  return node.tagName === tagName && ((node.properties.className || []) as readonly string[]).includes(className);
}

/** Whether `node` has non-whitespace text outside `except`. */
function hasTextOutside(node: Element, except: Element | undefined): boolean {
  let found = false;
  visit(node, (child) => {
    if (child === except) return SKIP;
    if (child.type === 'text' && child.value.trim() !== '') found = true;
    return found ? false : CONTINUE;
  });
  return found;
}

function isWhitespaceText(node: ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

function text(value: string): HastText {
  return { type: 'text', value };
}

function jsxAttribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

function createNotes(): Notes {
  const counts = new Map<string, { plural: string; count: number }>();
  return {
    add(singular, plural = `${singular}s`) {
      const entry = counts.get(singular) ?? { plural, count: 0 };
      entry.count += 1;
      counts.set(singular, entry);
    },
    list() {
      return [...counts].map(([singular, { plural, count }]) => (count === 1 ? singular : `${count} ${plural}`));
    },
  };
}

/** The first Figure's image, for use as the entry's lead image. */
function firstFigureImage(tree: Root): ConvertedHtml['image'] {
  let image: ConvertedHtml['image'] = null;
  visit(tree, 'mdxJsxFlowElement', (node) => {
    if (node.name !== 'Figure') return CONTINUE;
    const value = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    const src = value('src');
    const alt = value('alt');
    image = typeof src === 'string' ? { src, alt: typeof alt === 'string' ? alt : null } : null;
    return false;
  });
  return image;
}
