/**
 * Synthetic corpora for the benchmark, recombined from the real corpus with a fixed seed: plain-text
 * sources (headline, headings, lists, quotations, residue lines, some truncated) and RSS/Atom feeds with
 * many items (Substack-style HTML with footnotes, figures, pull quotes, lists and subscribe widgets).
 * Paragraphs are rebuilt sentence by sentence from the real texts, so every article is different text in
 * the corpus's own vocabulary, and the topic classifier finds passages as it does in real sources.
 *
 *   generateCorpus({ articles: 1000, seed: 1 }, 'bench/out/1000/corpus')
 *   -> sources/ (text files and feeds), catalog.yaml (outlet, author, date for half of the texts), topics.yaml
 *
 * Output is a pure function of (articles, seed, the real corpus, GENERATOR_VERSION).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { seededRandom } from '../lib/seeded-random.ts';

/** Bump when the generated text changes for the same seed. */
export const GENERATOR_VERSION = 1;

/** Share of articles that arrive as plain-text files; the rest are feed items. */
const TEXT_SHARE = 0.4;

export interface GenerateOptions {
  articles: number;
  seed: number;
}

export interface GeneratedCorpus {
  dir: string;
  textFiles: number;
  feeds: number;
  feedItems: number;
  bytes: number;
  /** A plain-text source, for the incremental re-ingest check. */
  sampleTextFile: string;
}

interface Pools {
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

const OUTLET_FIRST = ['Frontier', 'Governance', 'Policy', 'Compute', 'Treaty', 'Atlantic', 'Pacific', 'Open', 'Civic', 'Signal', 'Lattice', 'Meridian'];
const OUTLET_SECOND = ['Review', 'Ledger', 'Dispatch', 'Brief', 'Monitor', 'Quarterly', 'Notes', 'Observer', 'Digest', 'Letter', 'Report', 'Journal'];
const GIVEN = ['Amara', 'Jonas', 'Priya', 'Mateo', 'Lena', 'Kwame', 'Yuki', 'Sofia', 'Ravi', 'Elena', 'Tomás', 'Aisha', 'Henrik', 'Mei', 'Daniel', 'Noor'];
const FAMILY = [
  'Okafor',
  'Lindqvist',
  'Raman',
  'García',
  'Novak',
  'Mensah',
  'Tanaka',
  'Rossi',
  'Iyer',
  'Petrova',
  'Silva',
  'Haddad',
  'Berg',
  'Chen',
  'Levi',
  'Karimi',
];

/** Generate a corpus of `articles` articles into `dir` (replacing it). */
export function generateCorpus(options: GenerateOptions, dir: string, realCorpus: string): GeneratedCorpus {
  const random = seededRandom(options.seed * 7919 + options.articles);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pools = readPools(path.join(realCorpus, 'sources'));
  const sources = path.join(dir, 'sources');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(sources, { recursive: true });
  copyFileSync(path.join(realCorpus, 'topics.yaml'), path.join(dir, 'topics.yaml'));

  const usedTitles = new Map<string, number>();
  const title = () => {
    const a = pick(pools.headings);
    let b = pick(pools.headings);
    while (b === a && pools.headings.length > 1) b = pick(pools.headings);
    const base = random() < 0.35 ? a : `${a}: ${b.charAt(0).toLowerCase()}${b.slice(1)}`;
    const count = (usedTitles.get(base) ?? 0) + 1;
    usedTitles.set(base, count);
    return count === 1 ? base : `Dispatch ${count}: ${base}`;
  };
  // Article length: mostly 400-1,500 words, a long tail of essays up to ~5,000.
  const paragraphsWanted = () => (random() < 0.15 ? between(25, 60) : between(6, 20));
  const paragraph = () => {
    const count = between(2, 6);
    return Array.from({ length: count }, () => pick(pools.sentences)).join(' ');
  };
  const date = () => {
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 3 * 365) * 86_400_000 + between(0, 86_399) * 1000);
    return day;
  };
  const outletName = () => `The ${pick(OUTLET_FIRST)} ${pick(OUTLET_SECOND)}`;
  const person = () => `${pick(GIVEN)} ${pick(FAMILY)}`;

  const textCount = Math.round(options.articles * TEXT_SHARE);
  let feedItemsLeft = options.articles - textCount;
  const catalog: string[] = ['# Generated by scripts/bench/generate.ts for the benchmark; not a real catalog.'];
  let bytes = 0;
  let sampleTextFile = '';

  // Plain-text sources.
  for (let index = 0; index < textCount; index++) {
    const file = `t${String(index).padStart(5, '0')}.txt`;
    const lines: string[] = [title()];
    const blocks = paragraphsWanted();
    for (let block = 0; block < blocks; block++) {
      const roll = random();
      if (block > 0 && roll < 0.12 && pools.headings.length > 0) {
        lines.push(pick(pools.headings));
        lines.push(paragraph());
      } else if (roll < 0.2 && pools.listItems.length > 0) {
        for (let item = between(2, 5); item > 0; item--) lines.push(`- ${pick(pools.listItems)}`);
      } else if (roll < 0.23 && pools.quotes.length > 0) {
        lines.push(pick(pools.quotes));
      } else if (roll < 0.25) {
        lines.push(`${paragraph()} ${pick(pools.residue)}`);
      } else {
        lines.push(paragraph());
      }
    }
    // A few sources arrive cut off mid-sentence.
    if (random() < 0.05)
      lines.push(
        paragraph()
          .replace(/[.!?]["”’)]?$/u, '')
          .split(' ')
          .slice(0, -3)
          .join(' '),
      );
    const text = `${lines.join('\n')}\n`;
    writeFileSync(path.join(sources, file), text);
    bytes += Buffer.byteLength(text);
    if (index === Math.floor(textCount / 2)) sampleTextFile = file;
    if (random() < 0.5) {
      catalog.push(`${file}:`, `  outlet: "${outletName()}"`, `  author: "${person()}"`, `  date: "${date().toISOString().slice(0, 10)}"`);
    }
  }

  // Feeds: 10-60 items each, a third of them Atom.
  let feeds = 0;
  let feedItems = 0;
  while (feedItemsLeft > 0) {
    const items = Math.min(feedItemsLeft, between(10, 60));
    feedItemsLeft -= items;
    const atom = random() < 0.33;
    const outlet = outletName();
    const host = `${outlet.toLowerCase().replace(/^the /, '').replace(/\s+/g, '')}${feeds}.example.org`;
    const author = person();
    const entries: string[] = [];
    for (let index = 0; index < items; index++) {
      const itemTitle = title();
      const slug = itemTitle
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 50);
      const link = `https://${host}/p/${slug}-${index}`;
      const html = itemHtml();
      const published = date();
      const dek = pick(pools.sentences);
      entries.push(atom ? atomEntry(itemTitle, link, published, author, dek, html) : rssItem(itemTitle, link, published, author, dek, html));
    }
    const xml = atom ? atomFeed(outlet, host, entries) : rssFeed(outlet, host, entries);
    const file = `f${String(feeds).padStart(4, '0')}.xml`;
    writeFileSync(path.join(sources, file), xml);
    bytes += Buffer.byteLength(xml);
    feeds++;
    feedItems += items;
  }
  writeFileSync(path.join(dir, 'catalog.yaml'), `${catalog.length > 1 ? catalog.join('\n') : `${catalog[0]}\n{}`}\n`);
  return { dir, textFiles: textCount, feeds, feedItems, bytes, sampleTextFile };

  /** One Substack-style item body: paragraphs with footnote anchors, headings, lists, figures, footnotes. */
  function itemHtml(): string {
    const parts: string[] = [];
    const footnotes: string[] = [];
    const blocks = paragraphsWanted();
    if (random() < 0.3 && pools.htmlFigures.length > 0) parts.push(pick(pools.htmlFigures));
    for (let block = 0; block < blocks; block++) {
      const roll = random();
      if (block > 0 && roll < 0.1) {
        const level = random() < 0.7 ? 1 : 2;
        parts.push(`<h${level}>${escapeHtml(pick(pools.headings))}</h${level}>`);
      } else if (roll < 0.16 && pools.htmlLists.length > 0) parts.push(pick(pools.htmlLists));
      else if (roll < 0.19 && pools.htmlExtras.length > 0) parts.push(pick(pools.htmlExtras));
      else if (roll < 0.21 && pools.htmlFigures.length > 0) parts.push(pick(pools.htmlFigures));
      else {
        let body = random() < 0.3 && pools.htmlParagraphs.length > 0 ? pick(pools.htmlParagraphs).replace(/^<p>|<\/p>$/g, '') : escapeHtml(paragraph());
        if (random() < 0.25 && pools.htmlFootnotes.length > 0) {
          const number = footnotes.length + 1;
          body += `<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM" id="footnote-anchor-${number}" href="#footnote-${number}" target="_self">${number}</a>`;
          footnotes.push(
            `<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-${number}" href="#footnote-anchor-${number}" class="footnote-number" contenteditable="false" target="_self">${number}</a>${pick(pools.htmlFootnotes)}</div>`,
          );
        }
        parts.push(`<p>${body}</p>`);
      }
    }
    if (random() < 0.2 && pools.htmlChrome.length > 0) parts.push(pick(pools.htmlChrome));
    return parts.join('') + footnotes.join('');
  }
}

function rssItem(title: string, link: string, date: Date, author: string, dek: string, html: string): string {
  return `<item><title><![CDATA[${title}]]></title><description><![CDATA[${dek}]]></description><link>${link}</link><guid isPermaLink="false">${link}</guid><dc:creator><![CDATA[${author}]]></dc:creator><pubDate>${date.toUTCString()}</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
}

function rssFeed(outlet: string, host: string, items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel><title><![CDATA[${outlet}]]></title><description><![CDATA[Essays on AI governance.]]></description><link>https://${host}</link><generator>Substack</generator><language><![CDATA[en]]></language>${items.join('')}</channel></rss>\n`;
}

function atomEntry(title: string, link: string, date: Date, author: string, dek: string, html: string): string {
  return `<entry><title>${escapeXml(title)}</title><id>${link}</id><link rel="alternate" href="${link}"/><published>${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</published><updated>${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</updated><author><name>${escapeXml(author)}</name></author><summary>${escapeXml(dek)}</summary><content type="html">${escapeXml(html)}</content></entry>`;
}

function atomFeed(outlet: string, host: string, entries: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(outlet)}</title><subtitle>Essays on AI governance.</subtitle><link rel="alternate" href="https://${host}/"/><id>https://${host}/</id><updated>2026-01-01T00:00:00Z</updated>${entries.join('')}</feed>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXml(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
