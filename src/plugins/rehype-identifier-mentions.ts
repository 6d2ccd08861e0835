/**
 * Rehype plugin: the DOIs and arXiv ids written in the body's text (`file.data.mentions`), each with its
 * paragraph or note, for the works cited (src/utils/works-cited.ts). A note is a reference as written, so there a
 * DOI counts bare too; in a paragraph only after `doi:`, `doi.org/` or `arXiv:` (src/core/work-ids.ts).
 * <li id="user-content-fn-2"><p>Ho et al. Four institutions. arXiv:2507.06379.</p></li>
 *   -> mentions: [{ scheme: "arxiv", id: "2507.06379", written: "2507.06379", anchor: "user-content-fn-2", place: "note 2",
 *                   text: "Ho et al. Four institutions. arXiv:2507.06379." }]
 * Runs with the outbound links, before the permalinks are added, so a text is the author's.
 */
import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { BodyMention } from '../core/body-records.ts';
import { identifiersInText } from '../core/work-ids.ts';
import { FOOTNOTE_ID, paragraphPlaces, paragraphText } from './body-blocks.ts';

declare module 'vfile' {
  interface DataMap {
    /** Every DOI and arXiv id written in this body's paragraphs and notes, in reading order (output). */
    mentions: BodyMention[];
  }
}

/** Record the identifiers written in the body's paragraphs and notes. */
export function rehypeIdentifierMentions() {
  return (tree: Root, file: VFile) => {
    const places = paragraphPlaces(tree);
    const mentions: BodyMention[] = [];
    visitParents(tree, 'element', (node: Element) => {
      const id = node.properties['id'];
      const note = node.tagName === 'li' && typeof id === 'string' && FOOTNOTE_ID.test(id);
      const paragraph = Array.isArray(node.properties['className']) && node.properties['className'].includes('para');
      if (!note && !paragraph) return;
      const text = paragraphText(node);
      const anchor = typeof id === 'string' ? id : null;
      const place = anchor === null ? null : (places.get(anchor) ?? null);
      for (const { scheme, id: identifier, written } of identifiersInText(text, { bare: note }))
        mentions.push({ scheme, id: identifier, written, anchor, place, text, note });
      // A note's paragraphs are its text: not visited again.
      return 'skip';
    });
    file.data.mentions = mentions;
  };
}
