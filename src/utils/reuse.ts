/**
 * The shared passages of the corpus (src/core/text-reuse.ts) as the site shows them: every cluster with its
 * versions' articles and their word-level differences, the clusters each article has a version in, and the
 * "Also in" marks of each article's paragraphs. Computed once per build from every body's paragraphs
 * (`getReuse` in src/utils/corpus.ts) and shared by /reuse/, the article pages and /reuse.json. Pure.
 * buildReuse([a, b], { a: [p-1 "…an American oligopoly…"], b: [p-9 "…an American oligopoly…"] })
 *   -> { clusters: [{ id: 'r-…', articles: 2, versions: [{ article: a, paragraph: 'p-1', start, end, text, segments }, { article: b, … }] }],
 *        byArticle: { a: [cluster], b: [cluster] }, alsoIn: { a: { 'p-1': [{ cluster: 'r-…', articles: [{ slug: 'b', title, paragraph: 'p-9' }] }] }, b: … } }
 */
import {
  detectReuse,
  diffVersions,
  REUSE_OPTIONS,
  type DiffSegment,
  type ReuseCluster,
  type ReuseOptions,
  type ReuseParagraph,
  type ReuseVersion,
} from '../core/text-reuse.ts';
import type { AlsoIn } from '../plugins/rehype-reuse-markers.ts';
import type { Article } from '../schemas/article.ts';
import { citedTitle } from './citation.ts';

/** One version of a shared passage, with its article and its text in pieces marked where it differs. */
export interface SharedVersion extends ReuseVersion {
  article: Article;
  segments: DiffSegment[];
}

/** A passage several articles share. */
export interface SharedPassage extends Omit<ReuseCluster, 'versions'> {
  versions: SharedVersion[];
}

export interface Reuse {
  /** Every shared passage, most articles first (src/core/text-reuse.ts, step 4). */
  clusters: SharedPassage[];
  /** Per article slug: the shared passages it has a version of, in the order of `clusters`. */
  byArticle: Map<string, SharedPassage[]>;
  /** Per article slug: paragraph id -> the passages it shares, each with the other articles' paragraphs. */
  alsoIn: Map<string, Record<string, AlsoIn[]>>;
}

/** Oldest first, undated ones after the dated, then by slug: the earliest version of a passage comes first. */
function oldestFirst(a: Article, b: Article): number {
  const x = a.publishedAt ?? '\uffff';
  const y = b.publishedAt ?? '\uffff';
  return x < y ? -1 : x > y ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** The shared passages of `articles`, from each one's paragraphs (slug -> id and plain text, in reading order). */
export function buildReuse(
  articles: readonly Article[],
  paragraphs: ReadonlyMap<string, readonly ReuseParagraph[]>,
  options: ReuseOptions = REUSE_OPTIONS,
): Reuse {
  const ordered = [...articles].sort(oldestFirst);
  const bySlug = new Map(ordered.map((article) => [article.slug, article]));
  const found = detectReuse(
    ordered.map((article) => ({ slug: article.slug, paragraphs: paragraphs.get(article.slug) ?? [] })),
    options,
  );
  const clusters: SharedPassage[] = found.map((cluster) => {
    const diff = diffVersions(cluster.versions.map(({ text }) => text));
    return { ...cluster, versions: cluster.versions.map((version, index) => ({ ...version, article: bySlug.get(version.slug)!, segments: diff[index]! })) };
  });
  const byArticle = new Map<string, SharedPassage[]>();
  const alsoIn = new Map<string, Record<string, AlsoIn[]>>();
  for (const cluster of clusters) {
    for (const version of cluster.versions) {
      const list = byArticle.get(version.slug) ?? [];
      if (list.at(-1) !== cluster) list.push(cluster);
      byArticle.set(version.slug, list);
      const others = new Map<string, { slug: string; title: string; paragraph: string }>();
      for (const other of cluster.versions)
        if (other.slug !== version.slug && !others.has(other.slug))
          others.set(other.slug, { slug: other.slug, title: citedTitle(other.article), paragraph: other.paragraph });
      const marks = alsoIn.get(version.slug) ?? {};
      (marks[version.paragraph] ??= []).push({ cluster: cluster.id, articles: [...others.values()] });
      alsoIn.set(version.slug, marks);
    }
  }
  return { clusters, byArticle, alsoIn };
}
