/**
 * Rehype plugin: the body's links to other sites. Each one is recorded where it stands (`file.data.links`: the
 * href as written, the anchor and text of its paragraph), for the corpus link graph (src/utils/corpus-links.ts),
 * which then sends those that name another article of this corpus to its copy here (rehype-corpus-links).
 * <a href="https://x.substack.com/p/essay">An essay</a> in <p id="p-1" class="para"> -> { href, label: 'An essay', anchor: 'p-1', place: 'para. 1', text }
 * The link an image that cannot load gets ("Open it at its source") is the site's, not recorded; a link in residue
 * (text set aside as not the author's) is recorded as such.
 * Runs before the permalinks are added, so a paragraph's text is the author's: footnote numbers, back links,
 * residue labels and these "original" links are the site's, and left out of it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

/** A link of the body to another site: the href as written and the paragraph it stands in. */
export interface BodyLink {
  href: string;
  /** The link's own text as written (what it says it links to), trimmed; empty for a link around an image. */
  label: string;
  /** Id of its paragraph (a note's id for a link in a footnote, a heading's in a heading); null when none has one. */
  anchor: string | null;
  /** How a reader finds the paragraph without its link: "para. 12", "note 3"; null when neither. */
  place: string | null;
  /** The paragraph's text as the author wrote it, every space kept (a line break reads as a space), trimmed. */
  text: string;
  /** Set when it stands in residue, text set aside as not the author's (a feed's sign-off, a subscribe line). */
  residue?: true;
}

declare module 'vfile' {
  interface DataMap {
    /** Every link of this body to another site, in reading order (output). */
    links: BodyLink[];
  }
}

/** Blocks a link's text is quoted from: the nearest of these around it. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'figcaption', 'caption', 'pre']);

const FOOTNOTE_ID = /^user-content-fn-/;

/** Record the body's links to other sites. */
export function rehypeOutboundLinks() {
  return (tree: Root, file: VFile) => {
    const places = paragraphPlaces(tree);
    const links: BodyLink[] = [];
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href !== 'string' || !/^https?:\/\//i.test(href.trim())) return;
      // The site's own links of a figure (show the image; open it at its source) are not the author's.
      if (ancestors.some((ancestor) => ancestor.type === 'element' && (hasClass(ancestor, 'figure-unavailable') || hasClass(ancestor, 'figure-remote'))))
        return 'skip';
      const paragraph = [...ancestors].reverse().find((ancestor): ancestor is Element => ancestor.type === 'element' && hasClass(ancestor, 'para'));
      const block = paragraph ?? [...ancestors].reverse().find((ancestor): ancestor is Element => ancestor.type === 'element' && BLOCKS.has(ancestor.tagName));
      const holder =
        paragraph ??
        [...ancestors].reverse().find((ancestor): ancestor is Element => ancestor.type === 'element' && typeof ancestor.properties['id'] === 'string');
      const anchor = holder === undefined ? null : String(holder.properties['id']);
      const residue = ancestors.some((ancestor) => ancestor.type === 'element' && hasClass(ancestor, 'residue'));
      links.push({
        href,
        label: paragraphText(node),
        anchor,
        place: anchor === null ? null : (places.get(anchor) ?? null),
        text: block === undefined ? '' : paragraphText(block),
        ...(residue ? { residue: true as const } : {}),
      });
      // A link holds no link: nothing inside it to visit.
      return 'skip';
    });
    file.data.links = links;
  };
}

/** Each anchored paragraph's place as a reader counts it ("para. 12", in reading order) and each note's ("note 3"). */
export function paragraphPlaces(tree: Root): Map<string, string> {
  const places = new Map<string, string>();
  let paragraphs = 0;
  let notes = 0;
  visitParents(tree, 'element', (node) => {
    const id = node.properties['id'];
    if (typeof id !== 'string') return;
    if (hasClass(node, 'para')) places.set(id, `para. ${++paragraphs}`);
    else if (node.tagName === 'li' && FOOTNOTE_ID.test(id)) places.set(id, `note ${++notes}`);
  });
  return places;
}

/**
 * A block's text as the author wrote it: every text node as it is, a line break as a space, without what the
 * site adds (footnote reference numbers and back links, residue labels, paragraph permalinks, "original" links),
 * and without white space at its ends.
 */
export function paragraphText(node: Element): string {
  let text = '';
  const walk = (children: readonly ElementContent[]) => {
    for (const child of children) {
      if (child.type === 'text') text += child.value;
      else if (child.type === 'element') {
        if (child.tagName === 'br') text += ' ';
        else if (!isSiteAddition(child)) walk(child.children);
      }
    }
  };
  walk(node.children);
  // The ends are the markup's (the space before a note's back link), not the author's.
  return text.trim();
}

function isSiteAddition(node: Element): boolean {
  const { properties } = node;
  if (properties['dataFootnoteRef'] !== undefined || properties['dataFootnoteBackref'] !== undefined) return true;
  if (node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined)) return true;
  return hasClass(node, 'permalink') || hasClass(node, 'original-link') || hasClass(node, 'residue-label');
}

export function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

export function hasClass(node: Element, name: string): boolean {
  return classes(node).includes(name);
}
