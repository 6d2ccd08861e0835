/**
 * The pieces the benchmark's corpora are recombined from, read from the real corpus: sentences, heading-like lines,
 * list items, quotations and residue lines of the plain texts, and the feeds' HTML blocks (paragraphs, lists,
 * figures, footnotes, pull quotes, subscribe widgets) sliced from their items as received.
 *   readPools('corpus/sources') -> { sentences: ['The proposal would …', …], htmlFigures: ['<figure>…</figure>', …], … }
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';

export interface Pools {
  sentences: string[];
  headings: string[];
  listItems: string[];
  quotes: string[];
  residue: string[];
  /** Feed HTML blocks, sliced from the real items as received. */
  htmlParagraphs: string[];
  htmlLists: string[];
  htmlFigures: string[];
  htmlFootnotes: string[];
  htmlExtras: string[];
  htmlChrome: string[];
}

const SENTENCE_SPLIT = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\d])/u;
const HEADING_LIKE = (line: string) => /^[\p{Lu}\d]/u.test(line) && line.split(/\s+/).length <= 12 && line.length <= 90 && !/[.,;:!…]["'”’)]*$/u.test(line);

/** Read the real corpus into pools of reusable pieces. */
export function readPools(realSources: string): Pools {
  const pools: Pools = {
    sentences: [],
    headings: [],
    listItems: [],
    quotes: [],
    residue: [],
    htmlParagraphs: [],
    htmlLists: [],
    htmlFigures: [],
    htmlFootnotes: [],
    htmlExtras: [],
    htmlChrome: [],
  };
  const files = readdirSync(realSources)
    .filter((name) => !name.startsWith('.'))
    .sort();
  for (const file of files) {
    const text = readFileSync(path.join(realSources, file), 'utf8');
    if (text.trimStart().startsWith('<')) readFeed(text, pools);
    else readText(text, pools);
  }
  // Residue the ingest recognises, in the wording real scraped pages carry.
  pools.residue.push(
    'Subscribe to our newsletter for weekly analysis of AI governance.',
    'Would you like to learn more about AI regulation? If so, ask our policy chatbot!',
    'In related developments, take a look at: Europe weighs compute caps; Labs sign new safety pledges.',
  );
  for (const key of Object.keys(pools) as (keyof Pools)[]) pools[key] = [...new Set(pools[key])];
  return pools;
}

function readText(text: string, pools: Pools): void {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  lines.forEach((line, index) => {
    if (line.startsWith('- ')) pools.listItems.push(line.slice(2));
    else if (/^["“][^"“”]+["”]$/u.test(line)) pools.quotes.push(line);
    else if (HEADING_LIKE(line) && index + 1 < lines.length) pools.headings.push(line);
    else addSentences(line, pools);
  });
}

function addSentences(text: string, pools: Pools): void {
  for (const sentence of text.split(SENTENCE_SPLIT)) {
    const clean = sentence.trim();
    if (clean.split(/\s+/).length >= 5 && /[.!?]["”’)]?$/u.test(clean)) pools.sentences.push(clean);
  }
}

function readFeed(xml: string, pools: Pools): void {
  for (const match of xml.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/g)) {
    const html = match[1]!;
    const tree = fromHtml(html, { fragment: true }) as HastRoot;
    const slice = (node: Element) => html.slice(node.position!.start.offset!, node.position!.end.offset!);
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const classes = (node.properties['className'] as string[] | undefined) ?? [];
      const text = hastToString(node).trim();
      if (node.tagName === 'p' && classes.includes('button-wrapper')) pools.htmlChrome.push(slice(node));
      else if (node.tagName === 'p' && text !== '') {
        // Footnote anchors are renumbered per generated item, so they are taken out here.
        const clean = slice(node).replace(/<a class="footnote-anchor"[^>]*>\d+<\/a>/g, '');
        pools.htmlParagraphs.push(clean);
        addSentences(hastToString(fromHtml(clean, { fragment: true })).trim(), pools);
      } else if (/^h[1-4]$/.test(node.tagName) && text !== '') pools.headings.push(text);
      else if (node.tagName === 'ul' || node.tagName === 'ol') pools.htmlLists.push(slice(node));
      else if (node.tagName === 'blockquote') pools.htmlExtras.push(slice(node));
      else if (classes.includes('captioned-image-container')) pools.htmlFigures.push(slice(node));
      else if (classes.includes('footnote')) {
        const content = findChild(node, 'footnote-content');
        if (content) pools.htmlFootnotes.push(html.slice(content.position!.start.offset!, content.position!.end.offset!));
      } else if (classes.includes('pullquote') || classes.includes('latex-rendered')) pools.htmlExtras.push(slice(node));
      else if (classes.some((name) => name.startsWith('subscription-widget'))) pools.htmlChrome.push(slice(node));
    }
  }
}

function findChild(node: Element, className: string): Element | undefined {
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'element' && ((child.properties['className'] as string[] | undefined) ?? []).includes(className)) return child;
  }
  return undefined;
}
