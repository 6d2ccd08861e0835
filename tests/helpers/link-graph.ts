/** The corpus link graph of ingested entries, computed as the site computes it but with every body rendered in memory. */
import type { Article } from '../../src/schemas/article.ts';
import { addressBook, buildLinkGraph, corpusTargets, type CorpusTarget, type LinkGraph } from '../../src/utils/corpus-links.ts';
import { renderArticle, type RenderedArticle } from '../../src/utils/render-article.ts';

/** Every entry rendered (without in-corpus links), by slug. */
export async function renderEntries(entries: readonly { article: Article; mdx: string }[]): Promise<Map<string, RenderedArticle>> {
  const bodies = new Map<string, RenderedArticle>();
  for (const { article, mdx } of entries) bodies.set(article.slug, await renderArticle(mdx, { label: article.slug, topics: article.topics }));
  return bodies;
}

/** The link graph of `articles` (index order) from their rendered bodies. */
export function linkGraph(articles: readonly Article[], bodies: ReadonlyMap<string, Pick<RenderedArticle, 'links' | 'anchors'>>): LinkGraph {
  const book = addressBook(articles);
  const found = new Map<string, CorpusTarget[]>();
  for (const article of articles) {
    const targets = corpusTargets(book, article.slug, bodies.get(article.slug)?.links ?? []);
    if (targets.length > 0) found.set(article.slug, targets);
  }
  const anchors = new Map([...bodies].map(([slug, body]) => [slug, new Set(body.anchors)]));
  return buildLinkGraph(articles, found, anchors);
}
