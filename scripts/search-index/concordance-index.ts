/**
 * The concordance's static index of a built site (called by scripts/search-index/index-search.ts after Pagefind): from
 * each article page's tree (parsed once for both indexes, scripts/search-index/article-pages.ts), the text search indexes
 * (the `data-pagefind-body` region less every `data-pagefind-ignore` part) block by block, each paragraph,
 * heading and note with its id on the page, as `plainText` gives it, and the metadata the page gives search
 * (title, outlet, date, what was inferred, topics); then writes what `buildConcordance` (src/core/concordance.ts)
 * makes of them under `dist/concordance/data/`, and beside them `facts.json`, each article's day, outlet, number of
 * words and topics, which the trends place, divide and split by (src/core/analysis/trends.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { buildConcordance, CONCORDANCE_DATA, type SourceArticle, type SourceBlock } from '../../src/core/concordance.ts';
import { tokenize } from '../../src/core/concordance/words.ts';
import { HTML_BLOCKS, plainText } from '../../src/core/plain-text.ts';
import { buildFacts } from '../../src/core/analysis/trends.ts';
import { corpusFrequencies } from '../../src/core/analysis/collocates.ts';

const ignored = (node: { type: string }): boolean => node.type === 'element' && (node as Element).properties['dataPagefindIgnore'] !== undefined;

/** An element whose id a concordance line links to: a paragraph, a heading or a footnote (as search's anchors). */
function isAnchored(node: Element): boolean {
  const id = node.properties['id'];
  if (typeof id !== 'string') return false;
  return id.startsWith('p-') || /^h[1-6]$/.test(node.tagName) || id.startsWith('user-content-fn-');
}

/**
 * The blocks of an article body, in reading order: each anchored element's own text (nested anchored elements
 * are blocks of their own), and each block element that holds no anchored one (a figure's caption, a displayed
 * formula), which has no id of its own and takes the id of the anchored block before it, as search's results do.
 */
function bodyBlocks(body: Element): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let lastId: string | undefined;
  const holdsAnchored = (node: Element): boolean =>
    node.children.some((child) => child.type === 'element' && !ignored(child) && (isAnchored(child) || holdsAnchored(child)));
  const walk = (node: Element, inside: boolean): void => {
    if (ignored(node)) return;
    if (isAnchored(node)) {
      lastId = String(node.properties['id']);
      const text = plainText(node, { skip: (inner) => ignored(inner) || (inner !== node && inner.type === 'element' && isAnchored(inner)) });
      if (text !== '') blocks.push({ id: lastId, text });
    } else if (!inside && node !== body && HTML_BLOCKS.has(node.tagName) && !holdsAnchored(node)) {
      const text = plainText(node, { skip: ignored });
      if (text !== '' && lastId !== undefined) blocks.push({ id: lastId, text });
      return;
    }
    for (const child of node.children) if (child.type === 'element') walk(child, inside || isAnchored(node));
  };
  walk(body, false);
  return blocks;
}

/** The article page's concordance record, or undefined for a page without an indexed body. */
export function readArticlePage(tree: Root, slug: string): SourceArticle | undefined {
  let body: Element | undefined;
  const meta: Record<string, string> = {};
  const filters: Record<string, string[]> = {};
  let sortDate: string | undefined;
  // A plain walk over elements (unist-util-visit costs more than the parse here); the body is not entered.
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const { dataPagefindBody, dataPagefindMeta, dataPagefindFilter, dataPagefindSort } = child.properties;
      if (dataPagefindBody !== undefined) {
        body ??= child;
        continue;
      }
      if (typeof dataPagefindMeta === 'string') meta[dataPagefindMeta] = toString(child);
      else if (typeof dataPagefindFilter === 'string') (filters[dataPagefindFilter] ??= []).push(toString(child));
      else if (dataPagefindSort === 'date') sortDate = toString(child);
      else walk(child);
    }
  };
  walk(tree);
  if (body === undefined) return undefined;
  const iso = sortDate && sortDate !== '0000-00-00' ? sortDate : null;
  return {
    slug,
    title: meta['title'] ?? slug,
    date: filters['date']?.[0] ?? 'Undated',
    iso,
    outlet: meta['outlet'] ?? null,
    titleInferred: filters['inferred']?.includes('title') ?? false,
    dateInferred: filters['inferred']?.includes('date') ?? false,
    lang: filters['lang']?.[0] ?? null,
    topics: filters['topic'] ?? [],
    blocks: bodyBlocks(body),
  };
}

/**
 * Write the index of `articles` (the site's article pages, by slug) into `<site>/concordance/data/`; returns what it
 * wrote. dist/ is kept between builds: a file whose bytes are already there is left alone (after one changed source
 * most are: writing them all again took longer than building them), and a file of the last run this one does not
 * make is removed. Files left alone keep their times, so a deploy that copies changed files copies only these.
 */
export function writeConcordance(site: string, articles: readonly SourceArticle[]): { articles: number; shards: number; bytes: number; written: number } {
  const files = buildConcordance(articles);
  const out = path.join(site, ...CONCORDANCE_DATA.split('/').filter(Boolean));
  const stale = new Set(
    ['w', 't'].flatMap((folder) => (existsSync(path.join(out, folder)) ? readdirSync(path.join(out, folder)).map((name) => `${folder}/${name}`) : [])),
  );
  mkdirSync(path.join(out, 'w'), { recursive: true });
  mkdirSync(path.join(out, 't'), { recursive: true });
  let bytes = 0;
  let written = 0;
  const write = (file: string, value: unknown) => {
    const text = Buffer.from(JSON.stringify(value));
    bytes += text.length;
    stale.delete(file);
    const target = path.join(out, file);
    if (existsSync(target) && readFileSync(target).equals(text)) return;
    writeFileSync(target, text);
    written++;
  };
  write('articles.json', files.manifest);
  // The corpus's word totals, for the collocates' expected counts (src/core/analysis/collocates.ts).
  write('freq.json', corpusFrequencies(articles.flatMap((article) => article.blocks.map((block) => tokenize(block.text).map((token) => token.norm)))));
  write(
    'facts.json',
    buildFacts(
      files.manifest.articles.map((article, index) => ({ iso: article.iso, outlet: article.outlet, words: files.words[index]!, topics: files.topics[index]! })),
      files.manifest.shards,
    ),
  );
  for (let index = 0; index < files.manifest.shards; index++) write(`w/${index}.json`, files.shard(index));
  files.texts.forEach((chunks, article) => chunks.forEach((chunk, index) => write(`t/${article}-${index}.json`, chunk)));
  for (const file of stale) rmSync(path.join(out, file), { recursive: true, force: true });
  return { articles: articles.length, shards: files.manifest.shards, bytes, written };
}
