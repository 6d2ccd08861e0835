/**
 * Where a built site shows an article's title, and whether the inferred mark (src/components/InferredMark.astro)
 * goes with it: every link to an article that shows its title, with the mark inside the link or right after it in
 * the same element (a heading, a list item, a table header). For the browser tests of the mark, on any corpus.
 *
 *   shownTitles(distPages(site), loadArticles(site))
 *   -> [{ url: '/', article: { slug: 'a-title', origins: { title: 'inferred', … }, … }, marked: true }, …]
 */
import type { Element } from 'hast';
import type { Article } from '../../src/schemas/article.ts';
import { elements, type Page } from './dist.ts';

const classes = (node: Element) => (Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []);

/** The elements under `root` (itself included) that pass `test`. */
export const within = (root: Element, test: (node: Element) => boolean) => elements({ tree: { type: 'root', children: [root] } } as Page, test);

/** The mark of an inferred title. */
export const isTitleMark = (node: Element) => classes(node).includes('inferred-mark') && node.properties['dataInferred'] === 'title';

/** What a link shows (screen-reader-only text left out). */
function visibleText(node: Element): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' && !classes(child).includes('sr-only') ? visibleText(child) : ''))
    .join('');
}

/** Every link on a page with its parent element. */
function linksWithParents(page: Page): { link: Element; parent: Element }[] {
  const found: { link: Element; parent: Element }[] = [];
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a') found.push({ link: child, parent: node });
      walk(child);
    }
  };
  for (const child of page.tree.children) if (child.type === 'element') walk(child);
  return found;
}

/** One place a page shows an article's title in a link to it. */
export interface ShownTitle {
  url: string;
  article: Article;
  /** The inferred mark is in the link or right after it. */
  marked: boolean;
}

/** Every link on these pages that shows the title of the article it links to. */
export function shownTitles(pages: readonly Page[], articles: readonly Article[]): ShownTitle[] {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const shown: ShownTitle[] = [];
  for (const page of pages) {
    for (const { link, parent } of linksWithParents(page)) {
      const slug = /^\/articles\/([^/]+)\/$/.exec(String(link.properties['href'] ?? ''))?.[1];
      const article = slug === undefined ? undefined : bySlug.get(slug);
      if (article === undefined) continue;
      if (!visibleText(link).includes(article.title) && link.properties['title'] !== article.title) continue;
      const index = parent.children.indexOf(link);
      const next = parent.children.slice(index + 1).find((node) => node.type === 'element') as Element | undefined;
      shown.push({ url: page.url, article, marked: within(link, isTitleMark).length > 0 || (next !== undefined && isTitleMark(next)) });
    }
  }
  return shown;
}

/** The places where the mark is wrong: an inferred title shown without it, or a given one with it. */
export function wronglyMarked(shown: readonly ShownTitle[]): string[] {
  return shown
    .filter((place) => place.marked !== (place.article.origins.title === 'inferred'))
    .map((place) => `${place.url}: "${place.article.title}" ${place.marked ? 'marked but given' : 'inferred but not marked'}`);
}
