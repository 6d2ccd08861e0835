/**
 * Cross-item filter within one feed: a paragraph that many items of the same feed carry, word for word or nearly,
 * is the feed's boilerplate (a subscribe line, a sign-off, "Get the show on iTunes", "The post … appeared first on
 * …"), not the author's text: it becomes a `<ResidueBlock rule="feed-boilerplate">`, kept in place and labelled, as
 * residue is, and so it is neither a topic passage nor a shared passage. Across *different* sources nothing is marked:
 * a quotation several critiques carry is what the shared passages are for (src/core/text-reuse.ts).
 *
 * The rule (docs/ingest.md): paragraphs are compared by their text folded (NFKC, lowercase, digits as one mark,
 * punctuation and spacing dropped), so "Episode 12" and "episode 13!" are the same line; one counts once per item,
 * and items whose whole text is the same (a feed giving an item twice) count once. A paragraph is boilerplate when
 * at least MIN_ITEMS items carry it, and at least a quarter of the feed's items or ITEMS_ENOUGH of them, whichever
 * is fewer.
 * 6 items each ending "Thanks for listening! Get the show on iTunes." -> that paragraph of each is ResidueBlock("feed-boilerplate")
 * Hand-written: it works on the ingest's own syntax trees and residue records; no library knows them.
 */
import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { plainText } from '../../../src/core/plain-text.ts';
import { countWords } from '../mdast-text.ts';
import { WORDS_PER_MINUTE, type Draft } from '../to-article.ts';

/** A paragraph repeated in fewer items than this is never boilerplate (two posts may quote the same line). */
const MIN_ITEMS = 3;
/** Items enough to make a paragraph boilerplate in a long feed, however small a share of it they are. */
const ITEMS_ENOUGH = 10;
/** The id of the residue rule (src/core/residue.ts, BLOCK_RESIDUE_RULES). */
const FEED_BOILERPLATE_RULE = 'feed-boilerplate';

/** How many of a feed's `items` must carry a paragraph for it to be boilerplate. */
export function boilerplateThreshold(items: number): number {
  return Math.max(MIN_ITEMS, Math.min(ITEMS_ENOUGH, Math.ceil(items / 4)));
}

/** A paragraph's text folded for comparison: "Episode 12 — out now!" -> "episode 0 out now". */
export function foldParagraph(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{N}+/gu, '0')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The paragraphs of a body this filter looks at: outside residue and other components, lists and quotations included. */
function paragraphs(tree: Root, visit: (paragraph: Paragraph, parent: Parent, index: number) => void): void {
  const walk = (parent: Parent): void => {
    parent.children.forEach((child, index) => {
      if (child.type === 'paragraph') visit(child, parent, index);
      else if (child.type === 'blockquote' || child.type === 'list' || child.type === 'listItem') walk(child);
    });
  };
  walk(tree);
}

/** Mark the boilerplate paragraphs of one feed's drafts, in place; returns how many paragraphs were marked. */
export function markFeedBoilerplate(drafts: readonly Draft[]): number {
  if (drafts.length < MIN_ITEMS) return 0;
  // Each distinct item once: a feed that gives an item twice does not make its paragraphs repeated.
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const draft of drafts) {
    const whole = plainText(draft.body);
    if (seen.has(whole)) continue;
    seen.add(whole);
    const folded = new Set<string>();
    paragraphs(draft.body, (paragraph) => {
      const key = foldParagraph(plainText(paragraph));
      if (key !== '') folded.add(key);
    });
    for (const key of folded) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = boilerplateThreshold(seen.size);
  let marked = 0;
  for (const draft of drafts) {
    const found: { text: string }[] = [];
    paragraphs(draft.body, (paragraph, parent, index) => {
      const text = plainText(paragraph).trim();
      if ((counts.get(foldParagraph(text)) ?? 0) < threshold) return;
      parent.children[index] = residueBlock(paragraph) as Parent['children'][number];
      found.push({ text });
    });
    if (found.length === 0) continue;
    marked += found.length;
    const wordCount = countWords(draft.body);
    draft.article = {
      ...draft.article,
      residue: [...draft.article.residue, ...found.map(({ text }) => ({ rule: FEED_BOILERPLATE_RULE, text }))],
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    };
  }
  return marked;
}

function residueBlock(paragraph: Paragraph): RootContent {
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'ResidueBlock',
    attributes: [{ type: 'mdxJsxAttribute', name: 'rule', value: FEED_BOILERPLATE_RULE }],
    children: [paragraph],
  };
  return element as RootContent;
}
