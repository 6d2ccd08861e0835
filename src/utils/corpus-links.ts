/**
 * The corpus link graph: which article's body links to which other article of the corpus, and from which
 * paragraphs. A link names an article when its address, normalised (src/core/url-normalize.ts), is one the
 * article is known by: its URL, or its feed guid when that is a web address. Computed once per build from every
 * body's outbound links (src/utils/article-bodies.ts, src/utils/corpus.ts) and shared: the citing body's links go
 * to the copy here, the cited article lists who cites it, and corpus.json carries both. Pure and deterministic.
 * article b (url "https://x.example/p/b"); a's body links "https://www.x.example/p/b/#part" in paragraph p-1, and b has an id "part"
 *   -> corpusLinks: { a: { "https://www.x.example/p/b/#part": "/articles/b/#part" } },
 *      cites: { a: [{ article: b, paragraphs: [p-1] }] }, citedBy: { b: [{ article: a, paragraphs: [p-1] }] }
 */
import { normalizeUrl } from '../core/url-normalize.ts';
import { articlePath } from '../core/urls.ts';
import type { BodyLink } from '../core/body-records.ts';
import type { Article } from '../schemas/article.ts';

/** A paragraph of the citing article that links to the cited one. */
type CitingParagraph = Omit<BodyLink, 'href' | 'label'>;

/** One end of an in-corpus link, with the citing article's paragraphs that make it. */
export interface LinkedArticle {
  article: Article;
  /** Paragraphs of the citing article, in reading order, each once. */
  paragraphs: CitingParagraph[];
}

export interface LinkGraph {
  /** Per citing article: its in-corpus links, href as written -> site path of the cited article (the fragment when it resolves there). */
  corpusLinks: Map<string, Record<string, string>>;
  /** Per article: the articles it links to, in index order, with its paragraphs that link to each. */
  cites: Map<string, LinkedArticle[]>;
  /** Per article: the articles that link to it, in index order, with their paragraphs that do. */
  citedBy: Map<string, LinkedArticle[]>;
}

/** A body's link that names another article: the link, that article's slug and the fragment the link had. */
export interface CorpusTarget {
  link: BodyLink;
  target: string;
  fragment: string | null;
}

/** The addresses an article is known by: its URL, and its feed guid when that is a web address. */
export function articleAddresses(article: Pick<Article, 'url' | 'source'>): string[] {
  return [article.url, article.source.guid].filter((address): address is string => address !== null && normalizeUrl(address) !== null);
}

/** Normalised address -> slug of the article known by it. An address two articles share names neither. */
export function addressBook(articles: readonly Article[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const address of articleAddresses(article)) {
      const key = normalizeUrl(address)!.key;
      owners.set(key, (owners.get(key) ?? new Set()).add(article.slug));
    }
  }
  return new Map([...owners].filter(([, slugs]) => slugs.size === 1).map(([key, slugs]) => [key, [...slugs][0]!]));
}

/** The links of one article's body that name another article of the corpus (a link to itself is left as it is). */
export function corpusTargets(book: ReadonlyMap<string, string>, slug: string, links: readonly BodyLink[]): CorpusTarget[] {
  return links.flatMap((link) => {
    const normalized = normalizeUrl(link.href);
    const target = normalized === null ? undefined : book.get(normalized.key);
    return target === undefined || target === slug ? [] : [{ link, target, fragment: normalized!.fragment }];
  });
}

/**
 * The graph of the corpus from each article's corpus targets (`found`, by slug) and the ids of the bodies those
 * targets name (`anchors`, by slug): a fragment is kept only when the copy here has that id.
 */
export function buildLinkGraph(
  articles: readonly Article[],
  found: ReadonlyMap<string, readonly CorpusTarget[]>,
  anchors: ReadonlyMap<string, ReadonlySet<string>>,
): LinkGraph {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const order = new Map(articles.map((article, index) => [article.slug, index]));
  const corpusLinks = new Map<string, Record<string, string>>();
  const cites = new Map<string, LinkedArticle[]>();
  const citedBy = new Map<string, LinkedArticle[]>();
  // Citing articles in index order, so every list below comes out in index order.
  for (const citing of articles) {
    const targets = found.get(citing.slug) ?? [];
    if (targets.length === 0) continue;
    const rewrites: Record<string, string> = {};
    const paragraphs = new Map<string, CitingParagraph[]>();
    for (const { link, target, fragment } of targets) {
      if (!bySlug.has(target)) continue;
      const resolves = fragment !== null && anchors.get(target)?.has(fragment) === true;
      rewrites[link.href] = articlePath(target, resolves ? fragment : undefined);
      const list = paragraphs.get(target) ?? [];
      const { anchor, place, text } = link;
      if (!list.some((paragraph) => paragraph.anchor === anchor && paragraph.text === text)) list.push({ anchor, place, text });
      paragraphs.set(target, list);
    }
    if (paragraphs.size === 0) continue;
    corpusLinks.set(citing.slug, rewrites);
    const sorted = [...paragraphs].sort(([a], [b]) => order.get(a)! - order.get(b)!);
    cites.set(
      citing.slug,
      sorted.map(([target, list]) => ({ article: bySlug.get(target)!, paragraphs: list })),
    );
    for (const [target, list] of sorted) citedBy.set(target, [...(citedBy.get(target) ?? []), { article: citing, paragraphs: list }]);
  }
  return { corpusLinks, cites, citedBy };
}
