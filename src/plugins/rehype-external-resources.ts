/**
 * Rehype plugin for article bodies: links to other sites carry rel="noopener noreferrer", and remote
 * images load lazily, decode off the main thread and send no referrer.
 * <a href="https://x.example/">  -> <a href="https://x.example/" rel="noopener noreferrer">
 * <img src="https://cdn.example/a.png"> -> <img ... loading="lazy" decoding="async" referrerpolicy="no-referrer">
 * Relative URLs (the site's own topic links and paragraph permalinks) are left alone.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const REL = ['noopener', 'noreferrer'];

export function rehypeExternalResources() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a' && isRemote(node.properties['href'])) {
        const rel: unknown = node.properties['rel'];
        const existing = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/) : [];
        node.properties['rel'] = [...new Set([...existing.filter(Boolean), ...REL])];
      } else if (node.tagName === 'img' && isRemote(node.properties['src'])) {
        node.properties['loading'] = 'lazy';
        node.properties['decoding'] = 'async';
        node.properties['referrerPolicy'] = 'no-referrer';
      }
    });
  };
}

/** An absolute http(s) URL (or protocol-relative one): it leaves the site. */
function isRemote(value: unknown): boolean {
  return typeof value === 'string' && /^(?:https?:)?\/\//i.test(value.trim());
}
