/**
 * One untrusted feed item's HTML -> an mdast tree ready for MDX serialization, with notes of what was dropped:
 * rehype-parse -> rehype-sanitize (sanitize-schema.ts) -> the transforms (transforms/) -> rehype-remark
 * (to-mdast-handlers.ts) -> the whitespace pass (whitespace.ts) -> lone formulas as blocks (transforms/math.ts).
 * "<p>Hi <em>there </em></p><button>Share</button>" -> { tree: paragraph("Hi ", emphasis("there")), removed: ["button"], notices: [], image: null }
 */
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import type { Residue } from '../../../src/schemas/article.ts';
import { markResidueParagraphs } from './residue-blocks.ts';
import { removeTrackers } from './transforms/trackers.ts';
import { unified } from 'unified';
import { CONTINUE, visit } from 'unist-util-visit';
import { createNotes } from './conversion.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { toMdastHandlers } from './to-mdast-handlers.ts';
import { noteStrippedElements, removeCallToActionButtons, removeImageExpandControls, removeSubscribeWidgets } from './transforms/chrome.ts';
import { normalizeHeadingDepths, removeEmptyHeadings, unwrapBoldHeadings } from './transforms/headings.ts';
import { enforceSafeUrls, removeEmptyLinks } from './transforms/links.ts';
import { dropPositions } from './transforms/positions.ts';
import { convertLatexBlocks, convertTexDelimiters, liftLoneFormulas } from './transforms/math.ts';
import { convertMentions, convertPullquotes, markFootnotes } from './transforms/substack.ts';
import { parseBaseUrl } from './urls.ts';
import { hoistEdgeWhitespace } from './whitespace.ts';

/** Result of converting one feed item's HTML body. */
export interface ConvertedHtml {
  /** mdast with standard, GFM and `<Figure>` JSX nodes only. */
  tree: Root;
  /** Human-readable notes of what was dropped, e.g. "subscribe widget", "2 image buttons". */
  removed: string[];
  /** Warnings about what was kept but not as the source meant it, e.g. a LaTeX block KaTeX cannot read. */
  notices: string[];
  /** Whole paragraphs marked as residue (residue-blocks.ts), in reading order. */
  residue: Residue[];
  /** The first figure's image, if any. */
  image: { src: string; alt: string | null } | null;
}

/** Options for `convertHtml`. */
export interface ConvertHtmlOptions {
  /** Absolute http(s) URL that relative links and images are resolved against; without it they become text. */
  baseUrl?: string;
}

// Built once: the transforms read each call's notes and base URL from the file they are run with (conversion.ts).
const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(dropPositions)
  .use(removeTrackers)
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
  .use(convertTexDelimiters)
  .use(convertPullquotes)
  .use(enforceSafeUrls)
  .use(removeEmptyLinks)
  .use(rehypeRemark, { handlers: toMdastHandlers })
  .use(hoistEdgeWhitespace)
  .use(liftLoneFormulas)
  .freeze();

/** Converts one untrusted feed-item HTML body into an mdast tree ready for MDX serialization. */
export function convertHtml(html: string, options: ConvertHtmlOptions = {}): ConvertedHtml {
  const notes = createNotes();
  const notices: string[] = [];
  const baseUrl = parseBaseUrl(options.baseUrl, notes);
  const tree = processor.runSync(processor.parse(html), { data: { conversion: { notes, notices, baseUrl } } }) as Root;
  const residue = markResidueParagraphs(tree);
  return { tree, removed: notes.list(), notices, residue, image: findFirstFigureImage(tree) };
}

/** The first Figure's image, for use as the entry's lead image. */
function findFirstFigureImage(tree: Root): ConvertedHtml['image'] {
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
