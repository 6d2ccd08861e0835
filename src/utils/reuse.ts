/**
 * The shared passages of the corpus (src/core/text-reuse.ts) as the site shows them: every cluster with its
 * versions' articles and their word-level differences, the clusters each article has a version in, and the
 * "Also in" marks of each article's paragraphs. Computed once per build from every body's paragraphs
 * (`getReuse` in src/utils/corpus.ts) and shared by /reuse/, the article pages and /reuse.json. Pure.
 * buildReuse([a, b], { a: [p-1 "…an American oligopoly…"], b: [p-9 "…an American oligopoly…"] })
 *   -> { clusters: [{ id: 'r-…', articles: 2, versions: [{ article: a, paragraph: 'p-1', start, end, text, segments }, { article: b, … }] }],
 *        ownVersions: { a: [{ cluster: 'r-…', paragraph: 'p-1', text }], b: … }, alsoIn: { a: { 'p-1': [{ cluster: 'r-…', articles: [{ slug: 'b', title, paragraph: 'p-9' }] }] }, b: … } }
 */
import { detectReuse, type ReuseCluster, type ReuseParagraph, type ReuseVersion } from '../core/text-reuse.ts';
import { diffVersions, type DiffSegment } from '../core/text-reuse/diff.ts';
import type { ReuseMemo } from '../core/text-reuse/memo.ts';
import { REUSE_OPTIONS, type ReuseOptions } from '../core/text-reuse/options.ts';
import type { AlsoIn } from '../core/body-records.ts';
import type { Article } from '../schemas/article.ts';
import { citedTitle } from './citation.ts';
import { PAGE_SIZE } from './pagination.ts';

/** One version of a shared passage, with its article and its text in pieces marked where it differs. */
export interface SharedVersion extends ReuseVersion {
  article: Article;
  segments: DiffSegment[];
}

/** A passage several articles share. */
export interface SharedPassage extends Omit<ReuseCluster, 'versions'> {
  versions: SharedVersion[];
}

/** One article's version of a shared passage: the passage's id, its paragraph and the shared words, exactly as the paragraph has them. */
export interface OwnVersion {
  cluster: string;
  paragraph: string;
  text: string;
}

export interface Reuse {
  /** Every shared passage, most articles first (src/core/text-reuse.ts, step 4). */
  clusters: SharedPassage[];
  /** Per article slug: its own versions of shared passages, each with its passage's id, in the order of `clusters`
   * (what /compare/<slug>.json lists: the other versions are in the other articles' files). */
  ownVersions: Map<string, OwnVersion[]>;
  /** Per article slug: paragraph id -> the passages it shares, each with the other articles' paragraphs. */
  alsoIn: Map<string, Record<string, AlsoIn[]>>;
}

/** The other articles an "Also in" mark names by title; the rest it counts ("and 46 more"), and /reuse/ lists. */
export const ALSO_IN_SHOWN = 3;

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
  memo?: ReuseMemo,
): Reuse {
  const ordered = [...articles].sort(oldestFirst);
  const bySlug = new Map(ordered.map((article) => [article.slug, article]));
  const found = detectReuse(
    ordered.map((article) => ({ slug: article.slug, paragraphs: paragraphs.get(article.slug) ?? [] })),
    options,
    undefined,
    memo,
  );
  const clusters: SharedPassage[] = found.map((cluster) => {
    const diff = diffVersions(
      cluster.versions.map(({ text }) => text),
      memo,
    );
    return { ...cluster, versions: cluster.versions.map((version, index) => ({ ...version, article: bySlug.get(version.slug)!, segments: diff[index]! })) };
  });
  const ownVersions = new Map<string, OwnVersion[]>();
  const alsoIn = new Map<string, Record<string, AlsoIn[]>>();
  for (const cluster of clusters) {
    // Each article of the cluster once, at its first version: what the marks of its other versions name.
    const firsts = new Map<string, { slug: string; title: string; paragraph: string }>();
    for (const { slug, article, paragraph } of cluster.versions) if (!firsts.has(slug)) firsts.set(slug, { slug, title: citedTitle(article), paragraph });
    const distinct = [...firsts.values()];
    for (const version of cluster.versions) {
      const own = ownVersions.get(version.slug) ?? [];
      own.push({ cluster: cluster.id, paragraph: version.paragraph, text: version.text });
      ownVersions.set(version.slug, own);
      const named = distinct
        .slice(0, ALSO_IN_SHOWN + 1)
        .filter(({ slug }) => slug !== version.slug)
        .slice(0, ALSO_IN_SHOWN);
      const more = distinct.length - 1 - named.length;
      const marks = alsoIn.get(version.slug) ?? {};
      (marks[version.paragraph] ??= []).push({ cluster: cluster.id, articles: named, ...(more > 0 ? { more } : {}) });
      alsoIn.set(version.slug, marks);
    }
  }
  return { clusters, ownVersions, alsoIn };
}

/** What a page shows of a passage (src/components/SharedPassage.astro): its first versions, how many more it has, and
 * whether any of them differ. */
export function passageView(passage: SharedPassage): { shown: SharedVersion[]; hidden: number; changed: boolean } {
  const shown = passage.versions.slice(0, PAGE_SIZE.reuseVersions);
  const changed = passage.versions.some(({ segments }) => segments.some((segment) => segment.changed));
  return { shown, hidden: passage.versions.length - shown.length, changed };
}

/** The part of a page's cacheKey (src/utils/page-keys.ts) for one passage it shows: what passageView shows, each
 * version's article by its entry's digest (which covers its title, byline and date). */
export function passageKey(passage: SharedPassage, digests: ReadonlyMap<string, string>): unknown {
  const { shown, hidden, changed } = passageView(passage);
  return {
    id: passage.id,
    articles: passage.articles,
    hidden,
    changed,
    shown: shown.map(({ slug, paragraph, segments }) => ({ article: digests.get(slug) ?? slug, paragraph, segments })),
  };
}
