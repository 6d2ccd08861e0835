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
import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { BodyLink } from '../core/body-records.ts';
import { hasClass } from '../core/hast.ts';
import { paragraphPlaces, paragraphText } from './body-blocks.ts';

declare module 'vfile' {
  interface DataMap {
    /** Every link of this body to another site, in reading order (output). */
    links: BodyLink[];
  }
}

/** Blocks a link's text is quoted from: the nearest of these around it. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'figcaption', 'caption', 'pre']);

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
