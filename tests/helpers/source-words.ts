/**
 * The words a reader must find on an article page, straight from its raw source: every word of a
 * plain text; for a feed item, its title, description and the visible text of its HTML, less the
 * site furniture the ingest is documented to drop (subscribe widget, buttons, icons, scripts).
 */
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import type { Article } from '../../src/schemas/article.ts';
import { readSource } from './entries.ts';

const CHROME = 'div.subscription-widget-wrap-editor, p.button-wrapper, svg, button, form, script, style';

/** Lowercased words of a text: runs of letters, runs of digits (a footnote mark "categories⁴" is two). */
export function words(text: string): Set<string> {
  return new Set(text.toLowerCase().normalize("NFC").match(/\p{L}+|\p{N}+/gu) ?? []);
}

/** The words of an article's source. */
export function sourceWords(article: Article): Set<string> {
  const raw = readSource(article.source.file);
  if (article.source.format === 'text') return words(raw);
  const feed = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'item' }).parse(raw);
  const item = feed.rss.channel.item[(article.source.item ?? 1) - 1];
  const hast = fromHtml(String(item['content:encoded']), { fragment: true });
  for (const chrome of selectAll(CHROME, hast)) chrome.children = [];
  // Text nodes joined with spaces: block boundaries ("13" + "convention") must not glue words together.
  const texts: string[] = [];
  visit(hast, 'text', (node) => {
    texts.push(node.value);
  });
  return words([item.title, item.description, ...texts].join(' '));
}
