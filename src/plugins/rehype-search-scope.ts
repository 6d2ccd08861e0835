/**
 * Rehype plugin: what the site adds to a body for the reader, kept out of the search index
 * (`data-pagefind-ignore`), so a search matches only the author's words and an excerpt never shows
 * "work 4 on compute": footnote reference numbers, footnote back-links, the notes' "Notes" label, and
 * a figure's box in place of its image, its "could not be loaded" fallback and "no caption" note. (Paragraph permalinks, residue and a
 * formula's glyphs and LaTeX disclosure carry the attribute from their own plugins: a formula is indexed once,
 * as its TeX.)
 * <sup><a data-footnote-ref href="#user-content-fn-1">1</a></sup> -> <sup data-pagefind-ignore><a ...>1</a></sup>
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Mark the site's own furniture inside an article body as not indexed. */
export function rehypeSearchScope() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (isFurniture(node)) node.properties['dataPagefindIgnore'] = '';
    });
  };
}

function isFurniture(node: Element): boolean {
  const { properties } = node;
  const classes = Array.isArray(properties['className']) ? properties['className'].map(String) : [];
  // A footnote reference: remark-rehype wraps its link in <sup>; the sup is the author's only when it holds no such link.
  if (node.tagName === 'sup') return node.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined);
  if (node.tagName === 'a' && properties['dataFootnoteBackref'] !== undefined) return true;
  if (properties['id'] === 'footnote-label') return true;
  return classes.includes('figure-unavailable') || classes.includes('figure-note') || classes.includes('figure-remote');
}
