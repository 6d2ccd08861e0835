// Links between articles of the corpus, read from the built pages: a body's link to another article's original
// address goes to its copy here with the original one click away, and the cited article quotes each citing
// paragraph exactly, with a link to it. Everything is derived from the corpus (which article cites which is
// found in the pages themselves); the named case is in tests/e2e-fixture/corpus-links.spec.ts.
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { normalizeUrl } from '../../src/core/url-normalize.ts';
import { distPages, elements, type Page } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { fetchCorpus } from './exports.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const pages = distPages();
const pageAt = (url: string) => pages.find((page) => page.url === url)!;
/** The elements under `root` (itself included) that pass `test`. */
const within = (root: Element, test: (node: Element) => boolean): Element[] => {
  const found: Element[] = [];
  visit(root, 'element', (node: Element) => void (test(node) && found.push(node)));
  return found;
};
const classes = (node: Element) => (Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []);

/** Slug of the article an address names: its URL or its feed guid, compared normalised; undefined for none. */
const owners = new Map<string, Set<string>>();
for (const article of articles) {
  for (const address of [article.url, article.source.guid]) {
    const key = address === null ? null : normalizeUrl(address)?.key;
    if (key) owners.set(key, (owners.get(key) ?? new Set()).add(article.slug));
  }
}
const namedBy = (href: string) => {
  const slugs = owners.get(normalizeUrl(href)?.key ?? '');
  return slugs?.size === 1 ? [...slugs][0] : undefined;
};

/** A paragraph's text as its author wrote it: without the ¶ link, footnote numbers and back links, residue labels and "original" links. */
function authorText(node: Element): string {
  const walk = (children: ElementContent[]): string =>
    children
      .map((child) => {
        if (child.type === 'text') return child.value;
        if (child.type !== 'element') return '';
        if (child.tagName === 'br') return ' ';
        if (child.tagName === 'sup' && within(child, (node) => node.properties['dataFootnoteRef'] !== undefined).length > 0) return '';
        if (child.properties['dataFootnoteBackref'] !== undefined) return '';
        if (['permalink', 'original-link', 'residue-label'].some((name) => classes(child).includes(name))) return '';
        return walk(child.children);
      })
      .join('');
  return walk(node.children).trim();
}

interface BodyLink {
  link: Element;
  /** The id a reader is sent to for its paragraph: the paragraph's, or its footnote's. */
  anchor: string;
  text: string;
}

/** Every link in an article's body with the paragraph it stands in (links in headings and such have no paragraph here). */
function bodyLinks(page: Page): BodyLink[] {
  const prose = elements(page, (node) => classes(node).includes('prose'))[0]!;
  const found: BodyLink[] = [];
  visitParents(prose, 'element', (node, ancestors) => {
    if (node.tagName !== 'a' || ancestors.some((ancestor) => ancestor.type === 'element' && classes(ancestor).includes('original-link'))) return;
    const elementsUp = ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element').reverse();
    const paragraph = elementsUp.find((ancestor) => classes(ancestor).includes('para'));
    const note = elementsUp.find((ancestor) => ancestor.tagName === 'li' && String(ancestor.properties['id'] ?? '').startsWith('user-content-fn-'));
    const block = paragraph ?? (note && elementsUp.find((ancestor) => ancestor.tagName === 'p'));
    if (block && (paragraph ?? note)) found.push({ link: node, anchor: String((paragraph ?? note)!.properties['id']), text: authorText(block) });
  });
  return found;
}

const citations = articles.flatMap((article) =>
  bodyLinks(pageAt(`/articles/${article.slug}/`))
    .filter(({ link }) => classes(link).includes('corpus-link'))
    .map((link) => ({ citing: article.slug, cited: String(link.link.properties['href']).split('/')[2]!, ...link })),
);

test('no link in an article body leaves for another article’s original address: it goes to the copy here', () => {
  const leaving: string[] = [];
  for (const article of articles) {
    for (const { link } of bodyLinks(pageAt(`/articles/${article.slug}/`))) {
      const href = String(link.properties['href']);
      const target = namedBy(href);
      if (target !== undefined && target !== article.slug) leaving.push(`${article.slug}: ${href} (the original of ${target})`);
    }
  }
  expect(leaving).toEqual([]);
});

test('each link to the copy here keeps its original one click away, and lands on the article it names', () => {
  for (const { citing, link } of citations) {
    const page = pageAt(`/articles/${citing}/`);
    const href = String(link.properties['href']);
    const url = new URL(href, 'https://site.invalid');
    const target = pageAt(url.pathname);
    expect(target, href).toBeDefined();
    if (url.hash !== '') expect(target.ids.has(decodeURIComponent(url.hash.slice(1))), href).toBe(true);
    // The original follows the link, and names the same article.
    let original: Element | undefined;
    visitParents(page.tree, 'element', (node, ancestors) => {
      if (node !== link) return;
      const parent = ancestors.at(-1) as Element;
      const next = parent.children[parent.children.indexOf(node) + 1];
      original = next?.type === 'element' && classes(next).includes('original-link') ? within(next, (node) => node.tagName === 'a')[0] : undefined;
    });
    expect(original, `${citing}: ${href} has its original after it`).toBeDefined();
    expect(namedBy(String(original!.properties['href']))).toBe(url.pathname.split('/')[2]);
    expect(toString(original!)).toMatch(/^original on \S+$/);
  }
});

test('each cited article lists each citing paragraph once, quoted exactly as written, with a link to it', () => {
  for (const article of articles) {
    const page = pageAt(`/articles/${article.slug}/`);
    const section = elements(page, (node) => classes(node).includes('cited-by'))[0];
    const expected = [...new Map(citations.filter(({ cited }) => cited === article.slug).map((c) => [`/articles/${c.citing}/#${c.anchor}`, c.text])).entries()];
    if (expected.length === 0) {
      expect(section, `${article.slug} is cited by no article`).toBeUndefined();
      continue;
    }
    expect(section, `${article.slug} shows who cites it`).toBeDefined();
    const citingArticles = new Set(citations.filter(({ cited }) => cited === article.slug).map(({ citing }) => citing)).size;
    expect(toString(within(section!, (node) => node.tagName === 'h2')[0]!)).toBe(
      `Cited in this reading room by ${citingArticles === 1 ? 'one article' : `${citingArticles} articles`}`,
    );
    const listed = within(section!, (node) => node.tagName === 'blockquote').map((quote) => [String(quote.properties['cite']), toString(quote)]);
    expect(listed).toEqual(expected);
  }
});

test('/corpus.json (its parts) lists the same links as the pages, from both ends', async ({ request }) => {
  const corpus = await fetchCorpus(request);
  const pairs = (key: 'cites' | 'citedBy') =>
    corpus.articles
      .flatMap((article: { slug: string } & Record<string, { slug: string; paragraphs: { id: string }[] }[]>) =>
        article[key]!.flatMap((link) =>
          link.paragraphs.map((paragraph) =>
            key === 'cites' ? `${article.slug}>${link.slug}#${paragraph.id}` : `${link.slug}>${article.slug}#${paragraph.id}`,
          ),
        ),
      )
      .sort();
  const fromPages = [...new Set(citations.map(({ citing, cited, anchor }) => `${citing}>${cited}#${anchor}`))].sort();
  expect(pairs('cites')).toEqual(fromPages);
  expect(pairs('citedBy')).toEqual(fromPages);
});
