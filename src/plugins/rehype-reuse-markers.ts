/**
 * Rehype plugin: the quiet marker under a paragraph that holds a passage other articles of the corpus share
 * (src/core/text-reuse.ts): "Also in: <title>, <title> · compare the versions", each title a link to the other
 * article's paragraph and the last link to the passage's own page (`/reuse/<id>/`, an address that stays when the
 * passage moves to another page of /reuse/, so other articles' edits leave this page as it was); beyond the first few others, "and 46 more" (a
 * passage a thousand articles carry would otherwise put a thousand links under one paragraph). Out of the search index, so a search finds
 * only the author's words. A <p> gets it as its next sibling, or, in a quotation, the quotation does (the mark is
 * not part of what is quoted); a list item that holds its paragraph without a <p> (a tight list), right after the
 * paragraph's permalink.
 * <p id="p-1" class="para">…</p> -> <p id="p-1" …>…</p><p class="also-in" data-pagefind-ignore>Also in: <a href="/articles/b/#p-9">B</a> · <a href="/reuse/r-1/">compare the versions</a></p>
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { AlsoIn } from '../core/body-records.ts';
import { articlePath, reusePassagePath } from '../core/urls.ts';

declare module 'vfile' {
  interface DataMap {
    /** Paragraph id -> the shared passages it holds, in order (input). */
    alsoIn: Readonly<Record<string, readonly AlsoIn[]>>;
  }
}

/** Add the "Also in" markers given in `file.data.alsoIn`. */
export function rehypeReuseMarkers() {
  return (tree: Root, file: VFile) => {
    const wanted = file.data.alsoIn ?? {};
    if (Object.keys(wanted).length === 0) return;
    const found: { node: Element; ancestors: Parents[] }[] = [];
    visitParents(tree, 'element', (node: Element, ancestors) => {
      const id = node.properties['id'];
      if (typeof id === 'string' && Object.hasOwn(wanted, id)) found.push({ node, ancestors: [...ancestors] });
    });
    for (const { node, ancestors } of found) {
      const markers = wanted[String(node.properties['id'])]!.map(marker);
      if (node.tagName === 'li') {
        const permalink = node.children.findIndex((child) => child.type === 'element' && String(child.properties['className']) === 'permalink');
        node.children.splice(permalink === -1 ? node.children.length : permalink + 1, 0, ...markers);
        continue;
      }
      // After the outermost quotation that holds the paragraph, else after the paragraph.
      const quote = ancestors.findIndex((ancestor) => ancestor.type === 'element' && ancestor.tagName === 'blockquote');
      const after = quote === -1 ? node : (ancestors[quote] as Element);
      const parent = ancestors[(quote === -1 ? ancestors.length : quote) - 1]!;
      parent.children.splice(parent.children.indexOf(after) + 1, 0, ...markers);
    }
  };
}

function marker({ cluster, articles, more = 0 }: AlsoIn): Element {
  const children: ElementContent[] = [{ type: 'text', value: 'Also in: ' }];
  articles.forEach(({ slug, title, paragraph }, position) => {
    if (position > 0) children.push({ type: 'text', value: ', ' });
    children.push({ type: 'element', tagName: 'a', properties: { href: articlePath(slug, paragraph) }, children: [{ type: 'text', value: title }] });
  });
  if (more > 0) children.push({ type: 'text', value: ` and ${more} more` });
  children.push(
    { type: 'text', value: ' · ' },
    { type: 'element', tagName: 'a', properties: { href: reusePassagePath(cluster) }, children: [{ type: 'text', value: 'compare the versions' }] },
  );
  return { type: 'element', tagName: 'p', properties: { className: ['also-in'], dataPagefindIgnore: '' }, children };
}
