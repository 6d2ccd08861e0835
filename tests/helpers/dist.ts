/** A built site (dist/ by default), read as files: every HTML page parsed once, for whole-site checks. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { CORPUS_SITE, type Site } from './sites.ts';

/** The real corpus's built site. */
export const distDir = CORPUS_SITE.dist;

/** Every file of a built site, as paths relative to it with `/` separators. */
export function distFiles(site: Site = CORPUS_SITE): string[] {
  const distDir = site.dist;
  return (readdirSync(distDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** One parsed HTML page. */
export interface Page {
  file: string;
  /** The URL path it is served at (`articles/x/index.html` -> `/articles/x/`). */
  url: string;
  html: string;
  tree: Root;
  ids: Set<string>;
}

/** Every HTML page of a built site, parsed. */
export function distPages(site: Site = CORPUS_SITE): Page[] {
  return distFiles(site)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(path.join(site.dist, file), 'utf8');
      const tree = fromHtml(html);
      const ids = new Set<string>();
      visit(tree, 'element', (node: Element) => {
        const id = node.properties['id'];
        if (typeof id === 'string') ids.add(id);
      });
      return { file, url: '/' + file.replace(/index\.html$/, ''), html, tree, ids };
    });
}

/** All elements of a page matching a test. */
export function elements(page: Page, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(page.tree, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}
