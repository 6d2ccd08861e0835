/**
 * What the search indexes read of each built article page, parsed once and cached by the page's bytes:
 * - for Pagefind, the page reduced to what it reads (the `<html>` element with its `lang`, every element carrying
 *   `data-pagefind-meta`, `-filter` or `-sort`, and the `data-pagefind-body` region whole, ignored parts included,
 *   as Pagefind ignores them itself), serialized from the tree: Pagefind's index of the reduced pages is byte for
 *   byte its index of the full ones, for about half the bytes to parse;
 * - for the concordance, its record (scripts/concordance-index.ts).
 * A page whose bytes are unchanged since the last run is not parsed again: its reading comes from
 * `<cache>/search-pages/<site>/<sha256>.json` (Astro's cache folder, or DOSSIER_CACHE_DIR; one folder per built
 * site), keyed also by this module's and the concordance reader's code and the lockfile. Entries not used by a run are removed.
 * parse5 is called directly, without source positions (hast-util-from-html always records them, which costs a
 * third of the parse and nothing here reads them).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'parse5';
import type { SourceArticle } from '../src/core/concordance.ts';
import { readArticlePage } from './concordance-index.ts';

/** What the search indexes take from one article page. */
export interface SearchPage {
  /** The page as Pagefind reads it. */
  pagefind: string;
  /** The concordance's record; null for a page without an indexed body. */
  concordance: SourceArticle | null;
}

const root = path.resolve(import.meta.dirname, '..');

/** A hash of the code that decides what a page's reading is: a change to it makes every cached reading stale. */
const CODE_KEY = createHash('sha256')
  .update(
    ['scripts/search-pages.ts', 'scripts/concordance-index.ts', 'src/core/plain-text.ts', 'package-lock.json']
      .map((file) => readFileSync(path.join(root, file), 'utf8'))
      .join('\0'),
  )
  .digest('hex');

/** The elements of `tree` Pagefind reads, in document order; the body region is not entered. */
function searchElements(tree: Root): { html: Element | undefined; kept: Element[] } {
  let html: Element | undefined;
  const kept: Element[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'html') html = child;
      const { dataPagefindBody, dataPagefindMeta, dataPagefindFilter, dataPagefindSort } = child.properties;
      if (dataPagefindBody !== undefined || dataPagefindMeta !== undefined || dataPagefindFilter !== undefined || dataPagefindSort !== undefined)
        kept.push(child);
      else walk(child);
    }
  };
  walk(tree);
  return { html, kept };
}

/** Read one built article page (its HTML and slug). */
export function readSearchPage(source: string, slug: string): SearchPage {
  const tree = fromParse5(parse(source, { scriptingEnabled: false })) as Root;
  const { html, kept } = searchElements(tree);
  const reduced: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      {
        type: 'element',
        tagName: 'html',
        properties: html?.properties ?? {},
        children: [
          { type: 'element', tagName: 'head', properties: {}, children: [] },
          { type: 'element', tagName: 'body', properties: {}, children: kept },
        ],
      },
    ],
  };
  return { pagefind: toHtml(reduced), concordance: readArticlePage(tree, slug) ?? null };
}

/** Reads pages through the cache in `dir`; `done()` removes the entries this run did not use and says how many pages were parsed. */
export function searchPageReader(dir: string): { read: (source: string, slug: string) => SearchPage; done: () => { parsed: number; cached: number } } {
  const folder = dir;
  mkdirSync(folder, { recursive: true });
  const used = new Set<string>();
  let parsed = 0;
  return {
    read(source, slug) {
      const key = createHash('sha256').update(CODE_KEY).update('\0').update(slug).update('\0').update(source).digest('hex');
      used.add(`${key}.json`);
      const file = path.join(folder, `${key}.json`);
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as SearchPage;
      } catch {
        parsed += 1;
        const page = readSearchPage(source, slug);
        writeFileSync(file, JSON.stringify(page));
        return page;
      }
    },
    done() {
      for (const name of readdirSync(folder)) if (!used.has(name)) rmSync(path.join(folder, name), { force: true });
      return { parsed, cached: used.size - parsed };
    },
  };
}
