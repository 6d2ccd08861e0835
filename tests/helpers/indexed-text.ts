/**
 * What search should find on each article, read from the built pages in dist/ independently of the
 * search code: the text inside `data-pagefind-body` less every `data-pagefind-ignore` part, paragraph by
 * paragraph, with the footnote references as they sit in the text; and the article's topic labels, to
 * find words that only a chip carries.
 */
import type { Element, ElementContent } from 'hast';
import { distPages, elements, type Page } from './dist.ts';

/** One paragraph of an article's indexed text. */
interface IndexedParagraph {
  id: string;
  text: string;
}

/** An article page as search should see it. */
export interface IndexedArticle {
  url: string;
  /** All indexed text, blocks separated by spaces. */
  text: string;
  paragraphs: IndexedParagraph[];
  /** Labels of the topic chips in the article's header. */
  chipLabels: string[];
  /** Texts around each footnote reference: [words before, words after], the reference left out. */
  footnoteGaps: Array<[string, string]>;
}

const BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figcaption',
  'td',
  'th',
  'div',
  'section',
  'ol',
  'ul',
  'pre',
  'br',
  'figure',
  'aside',
  'hr',
  'table',
  'tr',
]);

const ignored = (node: Element) => node.properties['dataPagefindIgnore'] !== undefined;

function textOf(nodes: ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element' || ignored(node)) return '';
      const inner = textOf(node.children);
      return BLOCKS.has(node.tagName) ? ` ${inner} ` : inner;
    })
    .join('');
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

/** Words of a text, lowercased, letters and digits only ("Compute-based, AI”" -> ["compute", "based", "ai"]). */
export function plainWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** True when `text` contains the words of `phrase` in order and adjacent. */
export function hasPhrase(text: string, phrase: string): boolean {
  return ` ${plainWords(text).join(' ')} `.includes(` ${plainWords(phrase).join(' ')} `);
}

/**
 * True when `text` holds `term` as search counts a hit: case and diacritics folded, whole words (a letter or
 * digit on neither side), the term's spaces as white space in the text (punctuation on its words ignored).
 * ('the IAEA’s rules', 'iaea') -> true; ('banning', 'ban') -> false; ('world — order', 'world order') -> false
 */
export function hasExactTerm(text: string, term: string): boolean {
  const fold = (value: string) =>
    value
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'");
  const words = fold(term).trim().split(/\s+/).map(RegExp.escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}\\s]*\\s+[^\\p{L}\\p{N}\\s]*')}(?![\\p{L}\\p{N}])`, 'u').test(fold(text));
}

function readArticle(page: Page): IndexedArticle {
  const [body] = elements(page, (node) => node.properties['dataPagefindBody'] !== undefined);
  if (!body) throw new Error(`${page.file} has no data-pagefind-body`);
  const paragraphs: IndexedParagraph[] = [];
  const footnoteGaps: Array<[string, string]> = [];
  const walk = (node: Element): void => {
    if (ignored(node)) return;
    const id = node.properties['id'];
    if (typeof id === 'string' && id.startsWith('p-')) paragraphs.push({ id, text: textOf(node.children).replace(/\s+/g, ' ').trim() });
    node.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      const isRef = child.tagName === 'sup' && child.children.some((inner) => inner.type === 'element' && inner.properties['dataFootnoteRef'] !== undefined);
      if (isRef) footnoteGaps.push([textOf(node.children.slice(0, index)), textOf(node.children.slice(index + 1))]);
      walk(child);
    });
  };
  walk(body);
  const chipLabels = elements(
    page,
    (node) => node.tagName === 'ul' && classes(node).includes('topic-list') && node.properties['ariaLabel'] === 'Topics of this article',
  )
    .flatMap((list) => list.children.filter((child): child is Element => child.type === 'element'))
    .map((item) => textOf(item.children).trim());
  return { url: page.url, text: textOf([body]).replace(/\s+/g, ' '), paragraphs, chipLabels, footnoteGaps };
}

/** Every article page of dist/, as search should see it. */
export function indexedArticles(): IndexedArticle[] {
  return distPages()
    .filter((page) => /^articles\/[^/]+\/index\.html$/.test(page.file))
    .map(readArticle);
}
