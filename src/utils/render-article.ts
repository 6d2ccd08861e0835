/**
 * An article entry -> its body as HTML, its headings for the contents list, and its outbound links and ids for
 * the corpus link graph, and its paragraphs' ids and texts for the corpus's shared passages; a link the graph found to
 * name another article goes to its copy here, and a paragraph that shares a passage with others is marked. The entry is parsed with
 * the MDX parser the ingest's safety gate reads it back with (parseMdx), checked again to be inert, and
 * turned into HTML by syntax-tree transforms only: it is never compiled to JavaScript, so
 * nothing in it can run, and the four components it may use are fixed markup (rehype-article-components).
 * "---\n...\n---\n\n## Why\n\nBoth can end civilizations.[^1]\n\n[^1]: A note."
 *   -> { html: '<h2 id="why">Why</h2>\n<p id="p-3f9a2c1" class="para">Both can end civilizations.<sup>...', headings: [{ depth: 2, slug: "why", text: "Why" }], hasFigures: false,
 *        links: [], anchors: ["why", "p-3f9a2c1", ...], inlineStyles: [] }
 */
import type { Element, Root as HastRoot } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeSlug from 'rehype-slug';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseMdx } from '../core/mdx.ts';
import { checkMdxTree } from '../core/mdx-safety.ts';
import { readFileSync } from 'node:fs';
import type { AlsoIn, BodyLink, BodyMention } from '../core/body-records.ts';
import { hasClass } from '../core/hast.ts';
import { plainText } from '../core/plain-text.ts';
import { parseTopics } from '../core/taxonomy.ts';
import type { Topic } from '../schemas/topic.ts';
import { rehypeArticleComponents } from '../plugins/rehype-article-components.ts';
import { rehypeCorpusLinks } from '../plugins/rehype-corpus-links.ts';
import { rehypeExternalResources } from '../plugins/rehype-external-resources.ts';
import { rehypeIdentifierMentions } from '../plugins/rehype-identifier-mentions.ts';
import { rehypeOutboundLinks } from '../plugins/rehype-outbound-links.ts';
import { rehypeParagraphPermalinks } from '../plugins/rehype-paragraph-permalinks.ts';
import { rehypeReuseMarkers } from '../plugins/rehype-reuse-markers.ts';
import { rehypeSearchScope } from '../plugins/rehype-search-scope.ts';
import { rehypeTopicLinks } from '../plugins/rehype-topic-links.ts';
import { remarkParagraphIds } from '../plugins/remark-paragraph-ids.ts';
import { TOPICS_FILE } from './corpus-paths.ts';

/** A heading of the body: its level, its id and its text. */
interface ArticleHeading {
  depth: number;
  slug: string;
  text: string;
}

/** What the article page needs of a rendered body. */
export interface RenderedArticle {
  html: string;
  headings: ArticleHeading[];
  /** The body has figures (the page then adds the script that handles images that cannot load). */
  hasFigures: boolean;
  /** Its links to other sites, each with its paragraph, in reading order (for the corpus link graph). */
  links: BodyLink[];
  /** The DOIs and arXiv ids written in its paragraphs and notes, in reading order (for the works cited). */
  mentions: BodyMention[];
  /** Every id in the body, in order: what a link's fragment may name. */
  anchors: string[];
  /** The anchored paragraphs, in order: id and plain text (for the corpus's shared passages). */
  paragraphs: { id: string; text: string }[];
  /** Every distinct `style` attribute value in the body, sorted: only typeset formulas have them (KaTeX's
   * heights and offsets), and the page's Content-Security-Policy allows exactly these by their hashes. */
  inlineStyles: string[];
}

/** How to render one entry: `label` names it in errors; `topics` are its topics, whose first mentions link; `corpusLinks`
 * are its links to other articles of the corpus (href as written -> site path), from the link graph. */
export interface RenderOptions {
  label: string;
  topics: readonly string[];
  corpusLinks?: Readonly<Record<string, string>>;
  /** Paragraph id -> the passages it shares with other articles (src/utils/reuse.ts), marked under it. */
  alsoIn?: Readonly<Record<string, readonly AlsoIn[]>>;
}

/** The taxonomy, for the topic links: read here, where the plugins are configured, and given to the plugin. */
function readTaxonomy(): Topic[] {
  return parseTopics(readFileSync(TOPICS_FILE, 'utf8'), TOPICS_FILE);
}

// The transforms after parsing: the parse is the safety gate's own (parseMdx), so the site renders exactly
// the tree the gate checks. Made when the first body is rendered (the taxonomy is read then, once).
const makeProcessor = () =>
  unified()
    .use(remarkParagraphIds)
    .use(remarkRehype, {
      footnoteLabel: 'Notes',
      footnoteBackLabel: (index: number) => `Back to reference ${index + 1}`,
      // Components stay as they are until rehype-article-components gives them their markup.
      passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement'],
    })
    .use(rehypeArticleComponents)
    .use(rehypeSlug)
    .use(rehypeTopicLinks, { topics: readTaxonomy() })
    .use(rehypeOutboundLinks)
    .use(rehypeIdentifierMentions)
    .use(rehypeParagraphPermalinks)
    .use(rehypeSearchScope)
    .use(rehypeExternalResources);
let processor: ReturnType<typeof makeProcessor> | undefined;

// What depends on the rest of the corpus, on a body already rendered: its in-corpus links and its shared passages'
// marks (both known only once every body has been read: src/utils/corpus.ts). Their own markup is the site's, with
// data-pagefind-ignore and rel set as the plugins give them.
const decorator = unified().use(rehypeCorpusLinks).use(rehypeReuseMarkers).use(rehypeExternalResources);

/** A rendered body's HTML with its in-corpus links sent to the copies here and its shared passages marked. */
export function decorateBody(html: string, options: Pick<RenderOptions, 'label' | 'corpusLinks' | 'alsoIn'>): string {
  const tree = fromHtml(html, { fragment: true });
  const file = new VFile({ path: options.label, data: { corpusLinks: options.corpusLinks ?? {}, alsoIn: options.alsoIn ?? {} } });
  return toHtml(decorator.runSync(tree, file) as HastRoot);
}

/** Render one entry's MDX. */
export async function renderArticle(mdx: string, options: RenderOptions): Promise<RenderedArticle> {
  const file = new VFile({
    value: blankFrontmatter(mdx),
    path: options.label,
    data: { topics: options.topics },
  });
  const mdast = parseMdx(String(file.value));
  checkMdxTree(mdast, options.label);
  const hast = (await (processor ??= makeProcessor()).run(mdast, file)) as HastRoot;
  const html = toHtml(hast);
  const decorated = Object.keys(options.corpusLinks ?? {}).length > 0 || Object.keys(options.alsoIn ?? {}).length > 0;
  return {
    html: decorated ? decorateBody(html, options) : html,
    headings: collectHeadings(hast),
    hasFigures: containsFigure(hast),
    links: file.data.links ?? [],
    mentions: file.data.mentions ?? [],
    anchors: collectIds(hast),
    paragraphs: file.data.paragraphs ?? [],
    inlineStyles: collectInlineStyles(hast),
  };
}

/**
 * The frontmatter block as empty lines: the loader has read it already, and the MDX parser need not go
 * through it character by character (half of an entry's bytes; about a tenth of the render time), while
 * every line:column after it stays what it is in the file.
 * "---\ntitle: \"A\"\n---\n\nBody" -> "\n\n\n\nBody"
 */
function blankFrontmatter(mdx: string): string {
  const block = /^---\n[\s\S]*?\n---(?=\n|$)/.exec(mdx)?.[0];
  return block === undefined ? mdx : block.replace(/[^\n]+/g, '') + mdx.slice(block.length);
}

/** Every heading with an id, in order (rehype-slug gave them ids; the footnotes' label is one too). */
function collectHeadings(tree: HastRoot): ArticleHeading[] {
  const headings: ArticleHeading[] = [];
  visit(tree, 'element', (node: Element) => {
    const depth = headingRank(node);
    const id = node.properties['id'];
    // A formula in a heading reads as its TeX (its MathML annotation), not twice over as glyphs.
    if (depth !== undefined && typeof id === 'string') headings.push({ depth, slug: id, text: plainText(node, { skip: isFormulaGlyphs }) });
  });
  return headings;
}

function collectIds(tree: HastRoot): string[] {
  const ids: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['id'];
    if (typeof id === 'string') ids.push(id);
  });
  return ids;
}

function isFormulaGlyphs(node: { type: string; properties?: Element['properties'] }): boolean {
  return node.type === 'element' && hasClass(node as Element, 'katex-html');
}

function collectInlineStyles(tree: HastRoot): string[] {
  const styles = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    const style = node.properties['style'];
    if (typeof style === 'string') styles.add(style);
  });
  return [...styles].sort();
}

function containsFigure(tree: HastRoot): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'figure') found = true;
  });
  return found;
}
