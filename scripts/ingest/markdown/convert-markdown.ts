/**
 * A Markdown source (CommonMark + GFM, with an optional YAML or TOML front matter block) -> its header block and
 * an mdast body ready for MDX serialization, with notes of what was dropped: remark-parse with remark-gfm and
 * remark-frontmatter, then syntax-tree passes over the mdast: references resolved, raw HTML and JSX kept as text
 * (comments dropped, noted; a block of it labelled as residue), heading ids (`{#id}`) dropped, links and images
 * resolved against the canonical URL and kept only when http(s), a lone image as a `<Figure>`, a `$$` or
 * ```` ```math ```` block as a `<Math>` formula, headings shifted under the page title, residue paragraphs marked.
 * "---\ntitle: A\n---\n# A\n\nSee [x](/y) <b>z</b>" (base https://s.org/)
 *   -> { frontMatter: { lang: "yaml", value: "title: A", fenceLine: 1 }, leadingHeading: "A",
 *        tree: paragraph("See ", link("https://s.org/y", "x"), " <b>z</b>") }
 * Nothing from the source can run or become markup: the mdast the parser gives holds no JSX, ESM or expression
 * nodes (remark-mdx is not used to read sources), and every `html` node becomes text here.
 * The passes are hand-written because they are this project's rules (what stays text, what is residue, which URLs
 * stay); the feed path's rehype plugins work on HTML, and sending Markdown through HTML and back would turn its raw
 * HTML into markup and lose the `$$` TeX as written. The markup kept as text is labelled in source-markup.ts; the
 * title heading and heading depths are handled in headings.ts.
 */
import type { Image, Link, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { typesetTex } from '../../../src/core/math.ts';
import type { Residue } from '../../../src/schemas/article.ts';
import { createNotes, type Notes } from '../html/conversion.ts';
import { markResidueParagraphs } from '../html/residue-blocks.ts';
import { isRelativeUrl, toSafeHttpUrl } from '../html/urls.ts';
import { normalizeHeadingDepths, takeLeadingHeading } from './headings.ts';
import { isModuleSyntax, mergeAdjacentMarkup, residueBlocks, sourceMarkup } from './source-markup.ts';
import type { FrontMatterBlock } from './front-matter.ts';

/** A parsed Markdown source before its header is read. */
export interface ParsedMarkdown {
  /** The header block, or null when the file has none. */
  frontMatter: FrontMatterBlock | null;
  /** The mdast as parsed, header included; convertMarkdownBody turns it into the article body. */
  tree: Root;
  /** The text parsed, for what the tree does not keep as written (a `$$` formula's TeX). */
  text: string;
}

/** A Markdown body converted into the project's article mdast. */
export interface ConvertedMarkdown {
  tree: Root;
  /** The text of a level-1 heading that opened the body (now removed from it), or null. */
  leadingHeading: string | null;
  /** Notes of what was dropped or kept as text, e.g. "2 HTML comments". */
  removed: string[];
  /** Warnings about what was kept but not as the source meant it, e.g. a formula KaTeX cannot read. */
  notices: string[];
  residue: Residue[];
  /** The first figure's image, for the lead image. */
  image: { src: string; alt: string | null } | null;
}

const bodyParser = unified().use(remarkParse).use(remarkGfm).freeze();
const parser = bodyParser().use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Parse Markdown text; the header, when present, is the tree's first child and is also returned apart. Only a text
 * detection found a header in (detect-markdown.ts: `withHeader`) is read with one: otherwise an opening `---` is a rule. */
export function parseMarkdown(text: string, withHeader: boolean): ParsedMarkdown {
  const processor = withHeader ? parser : bodyParser;
  const tree = processor.runSync(processor.parse(text)) as Root;
  // remark-frontmatter's `toml` node is a literal like `yaml`, though mdast's types name only `yaml`.
  const first = tree.children[0] as { type: string; value?: string; position?: { start: { line: number } } } | undefined;
  const frontMatter =
    first !== undefined && isHeaderNode(first)
      ? { lang: first.type as 'yaml' | 'toml', value: first.value ?? '', fenceLine: first.position?.start.line ?? 1 }
      : null;
  return { frontMatter, tree, text };
}

function isHeaderNode(node: { type: string }): boolean {
  return node.type === 'yaml' || node.type === 'toml';
}

/** Options for convertMarkdownBody. */
export interface ConvertMarkdownOptions {
  /** Absolute http(s) URL relative links and images resolve against (the canonical URL); without it they become text. */
  baseUrl?: string | null;
  /** The title the header gives: a level-1 heading opening the body with the same text is that title, and goes. */
  title?: string | null;
}

/** Turn a parsed Markdown tree into the article body (a new tree; the parsed one is not changed). */
export function convertMarkdownBody(parsed: ParsedMarkdown, options: ConvertMarkdownOptions = {}): ConvertedMarkdown {
  const notes = createNotes();
  const base = options.baseUrl ? URL.parse(options.baseUrl) : null;
  const children = structuredClone(parsed.tree.children).filter((node) => !isHeaderNode(node));
  const definitions = collectDefinitions(children);
  const context: Context = { notes, base, definitions, text: parsed.text, notices: [] };
  const tree: Root = { type: 'root', children: convertChildren(children, context, true) };
  const leadingHeading = takeLeadingHeading(tree, options.title ?? null);
  tree.children = mergeAdjacentMarkup(tree.children);
  normalizeHeadingDepths(tree);
  markResidueParagraphs(tree);
  return { tree, leadingHeading, removed: notes.list(), notices: context.notices, residue: residueBlocks(tree), image: firstFigureImage(tree) };
}

interface Context {
  notes: Notes;
  /** Warnings about what was kept but not as the source meant it (a formula KaTeX cannot read). */
  notices: string[];
  text: string;
  base: URL | null;
  definitions: Map<string, { url: string; title: string | null | undefined }>;
}

function collectDefinitions(nodes: readonly RootContent[]): Context['definitions'] {
  const definitions: Context['definitions'] = new Map();
  const walk = (list: readonly RootContent[]) => {
    for (const node of list) {
      // The first definition of a label wins (CommonMark).
      if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, { url: node.url, title: node.title });
      if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(nodes);
  return definitions;
}

const HEADING_ID = /\s+\{#[\w.:-]+\}\s*$/;

/** Parents whose children are blocks: raw HTML there becomes a paragraph of text. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Convert a list of siblings (`flow` when they are blocks); each node may become none, one or several. */
function convertChildren(nodes: readonly RootContent[], context: Context, flow = false): RootContent[] {
  return nodes.flatMap((node) => convertNode(node, context, flow));
}

function convertNode(node: RootContent, context: Context, flow: boolean): RootContent[] {
  const formula = flow ? displayFormula(node, context) : null;
  if (formula !== null) return [formula];
  delete node.position;
  switch (node.type) {
    case 'definition':
      return [];
    case 'html':
      return htmlAsText(node.value, context, flow);
    case 'linkReference': {
      const definition = context.definitions.get(node.identifier);
      const children = convertChildren(node.children, context) as PhrasingContent[];
      if (definition === undefined) return children;
      return convertLink({ type: 'link', url: definition.url, title: definition.title ?? null, children }, context);
    }
    case 'imageReference': {
      const definition = context.definitions.get(node.identifier);
      if (definition === undefined) return node.alt ? [{ type: 'text', value: node.alt }] : [];
      return convertImage({ type: 'image', url: definition.url, alt: node.alt ?? null, title: definition.title ?? null }, context);
    }
    case 'link':
      return convertLink({ ...node, children: convertChildren(node.children, context) as PhrasingContent[] }, context);
    case 'image':
      return convertImage(node, context);
    case 'heading': {
      node.children = convertChildren(node.children, context) as PhrasingContent[];
      const last = node.children.at(-1);
      // `## Title {#custom-id}` (Docusaurus, Hugo, Pandoc) names the heading's anchor: attribute syntax, not words.
      if (last?.type === 'text' && HEADING_ID.test(last.value)) {
        last.value = last.value.replace(HEADING_ID, '');
        context.notes.add('heading id ({#id})', 'heading ids ({#id})');
      }
      return [node];
    }
    case 'paragraph': {
      if (flow && isModuleSyntax(node)) return [sourceMarkup(node)];
      const converted = convertChildren(node.children, context) as PhrasingContent[];
      const figure = loneImageFigure(node, converted);
      if (figure) return [figure];
      return converted.length === 0 ? [] : [{ ...node, children: converted }];
    }
    default:
      if ('children' in node) (node as Parent).children = convertChildren((node as Parent).children as RootContent[], context, FLOW_PARENTS.has(node.type));
      return [node];
  }
}

/**
 * A display formula, as the generators write one: a fenced block of language `math` (GitHub, Obsidian) or a paragraph
 * that is `$$...$$` (remark-math, Hugo, Docusaurus), read from the source as written, since Markdown would take its
 * `_` and `*` as emphasis. Kept as `<Math display="block" tex>` only when KaTeX reads it (src/core/math.ts);
 * otherwise the block stays what it was, with a warning. A single `$` is never read: it is too often money.
 */
function displayFormula(node: RootContent, context: Context): RootContent | null {
  let tex: string | null = null;
  if (node.type === 'code' && node.lang === 'math') tex = node.value;
  else if (node.type === 'paragraph' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
    const written = context.text.slice(node.position.start.offset, node.position.end.offset);
    tex = /^\$\$([\s\S]+?)\$\$$/.exec(written)?.[1] ?? null;
  }
  if (tex === null || tex.trim() === '') return null;
  tex = tex.trim();
  const typeset = typesetTex(tex, true);
  if (!typeset.ok) {
    context.notices.push(`formula "${tex.length > 40 ? `${tex.slice(0, 39)}…` : tex}" cannot be typeset (${typeset.error}): kept as written`);
    return null;
  }
  if (typeset.repaired) context.notices.push(`formula "${tex.slice(0, 40)}" is typeset with "&" in its text read as an ampersand`);
  const block: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'Math',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'display', value: 'block' },
      { type: 'mdxJsxAttribute', name: 'tex', value: tex },
    ],
    children: [],
  };
  return block as RootContent;
}

/** Raw HTML or JSX as the characters written; a comment (`<!-- ... -->`) alone is dropped, with a note. */
function htmlAsText(value: string, context: Context, flow: boolean): RootContent[] {
  if (/^\s*<!--[\s\S]*?-->\s*$/.test(value)) {
    context.notes.add('HTML comment');
    return [];
  }
  return flow ? [sourceMarkup({ type: 'paragraph', children: [{ type: 'text', value }] })] : [{ type: 'text', value }];
}

function convertLink(link: Link, context: Context): RootContent[] {
  const url = link.url.startsWith('mailto:') ? link.url : toSafeHttpUrl(link.url, context.base);
  if (url !== null) return [{ ...link, url, title: link.title ?? null }];
  if (context.base === null && isRelativeUrl(link.url))
    context.notes.add(
      'relative link with no canonical URL to resolve it against (kept as text)',
      'relative links with no canonical URL to resolve them against (kept as text)',
    );
  else context.notes.add('link without a safe URL (kept as text)', 'links without a safe URL (kept as text)');
  return link.children;
}

function convertImage(image: Image, context: Context): RootContent[] {
  const url = toSafeHttpUrl(image.url, context.base);
  if (url !== null) return [{ type: 'image', url, alt: image.alt ?? null, title: image.title ?? null }];
  if (context.base === null && isRelativeUrl(image.url))
    context.notes.add('relative image with no canonical URL to resolve it against', 'relative images with no canonical URL to resolve them against');
  else context.notes.add('image without a safe source', 'images without a safe source');
  // Its alt text is what the author wrote for readers who cannot see it: it stays, as text.
  return image.alt ? [{ type: 'text', value: image.alt }] : [];
}

/** A paragraph that is one image (and white space) is a figure: `<Figure src alt>`, captioned by its title when it has one. */
function loneImageFigure(original: Paragraph, converted: PhrasingContent[]): MdxJsxFlowElement | null {
  const content = converted.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  const image = content[0];
  if (content.length !== 1 || image?.type !== 'image' || original.children.length === 0) return null;
  const attributes: MdxJsxFlowElement['attributes'] = [{ type: 'mdxJsxAttribute', name: 'src', value: image.url }];
  const alt = image.alt?.trim();
  if (alt) attributes.push({ type: 'mdxJsxAttribute', name: 'alt', value: alt });
  const caption = image.title?.trim();
  const children: MdxJsxFlowElement['children'] = caption ? [{ type: 'paragraph', children: [{ type: 'text', value: caption }] }] : [];
  return { type: 'mdxJsxFlowElement', name: 'Figure', attributes, children };
}

function firstFigureImage(tree: Root): ConvertedMarkdown['image'] {
  for (const node of tree.children) {
    if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Figure') continue;
    const value = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    const src = value('src');
    const alt = value('alt');
    return typeof src === 'string' ? { src, alt: typeof alt === 'string' ? alt : null } : null;
  }
  return null;
}
