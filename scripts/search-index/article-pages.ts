/**
 * What the search indexes read of each built article page, parsed once and cached by the page's bytes:
 * - for Pagefind, the page reduced to what it reads (the `<html>` element with its `lang`, every element carrying
 *   `data-pagefind-meta`, `-filter` or `-sort`, and the `data-pagefind-body` region whole, ignored parts included,
 *   as Pagefind ignores them itself), serialized from the tree: Pagefind's index of the reduced pages is byte for
 *   byte its index of the full ones, for about half the bytes to parse;
 * - for the concordance, its record (scripts/search-index/concordance-index.ts).
 * A page whose bytes are unchanged since the last run is not parsed again: its reading comes from
 * `<cache>/search-pages/<site>/<sha256>.json` (Astro's cache folder, or DOSSIER_CACHE_DIR; one folder per built
 * site), keyed also by this module's, the concordance's and the indexer's code and the lockfile. Entries not used by a run are removed.
 * Beside them, what the indexes were last made from: the slugs with their keys in order (`indexes.pages.json`), which
 * tells the next run whether anything changed and which pages a rebuild gives Pagefind before its site is built.
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
import type { SourceArticle } from '../../src/core/concordance.ts';
import { readArticlePage } from './concordance-index.ts';

/** What the search indexes take from one article page. */
interface SearchPage {
  /** The page as Pagefind reads it. */
  pagefind: string;
  /** The concordance's record; null for a page without an indexed body. */
  concordance: SourceArticle | null;
}

const root = path.resolve(import.meta.dirname, '../..');

/** A hash of the code that decides what a page's reading is: a change to it makes every cached reading stale. */
const CODE_KEY = createHash('sha256')
  .update(
    [
      'scripts/search-index/article-pages.ts',
      'scripts/search-index/concordance-index.ts',
      'scripts/search-index/index-search.ts',
      'src/core/plain-text.ts',
      'src/core/concordance.ts',
      'src/core/concordance/format.ts',
      'src/core/concordance/words.ts',
      'src/core/analysis/collocates.ts',
      'package-lock.json',
    ]
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
function readSearchPage(source: string, slug: string): SearchPage {
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

/** The pages of one site through the cache folder `dir`. */
export interface SearchPageReader {
  /** The cache key of a page: its slug and bytes, and the code that reads it. */
  key(source: string, slug: string): string;
  /** The page's reading, from the cache when its key is there (`key` as `key()` gave it). */
  read(key: string, source: string, slug: string): SearchPage;
  /** The reading cached under `key`, or null. */
  cached(key: string): SearchPage | null;
  /** Whether the indexes written last time were made from exactly these keys, in this order. */
  sameAsLastRun(keys: readonly string[]): boolean;
  /** The pages the indexes were last made from, in order: each slug with its key (null when there is no last run). */
  lastRun(): { slugs: string[]; keys: string[] } | null;
  /** Forget what the indexes were made from (before they are replaced: a run that fails then never counts as the last). */
  forget(): void;
  /** Record that the indexes are now made from these pages, remove the readings not used, and say how many pages were parsed. */
  done(slugs: readonly string[], keys: readonly string[]): { parsed: number; cached: number };
}

/** Reads pages through the cache in `dir` (one folder per built site). */
export function searchPageReader(dir: string): SearchPageReader {
  mkdirSync(dir, { recursive: true });
  const pagesFile = path.join(dir, 'indexes.pages.json');
  let parsed = 0;
  return {
    key: (source, slug) => createHash('sha256').update(CODE_KEY).update('\0').update(slug).update('\0').update(source).digest('hex'),
    read(key, source, slug) {
      const known = this.cached(key);
      if (known !== null) return known;
      parsed += 1;
      const page = readSearchPage(source, slug);
      writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(page));
      return page;
    },
    cached(key) {
      try {
        return JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')) as SearchPage;
      } catch {
        return null;
      }
    },
    sameAsLastRun(keys) {
      const last = this.lastRun();
      return last !== null && last.keys.length === keys.length && last.keys.every((key, index) => key === keys[index]);
    },
    lastRun() {
      try {
        const last = JSON.parse(readFileSync(pagesFile, 'utf8')) as { slugs: string[]; keys: string[] };
        return Array.isArray(last.slugs) && Array.isArray(last.keys) && last.slugs.length === last.keys.length ? last : null;
      } catch {
        return null;
      }
    },
    forget() {
      rmSync(pagesFile, { force: true });
    },
    done(slugs, keys) {
      const used = new Set(keys.map((key) => `${key}.json`));
      for (const name of readdirSync(dir)) if (/^[0-9a-f]{64}\.json$/.test(name) && !used.has(name)) rmSync(path.join(dir, name), { force: true });
      writeFileSync(pagesFile, JSON.stringify({ slugs, keys }));
      return { parsed, cached: keys.length - parsed };
    },
  };
}
