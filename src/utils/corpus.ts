/** The corpus index, the raw source files, the corpus link graph, the shared passages, the works cited and the coverage account of this build, each computed on first use and shared by every page. */
import { readFile } from 'node:fs/promises';
import { getCollection } from 'astro:content';
import { readLinks, type BodyLinks } from './article-bodies.ts';
import { buildCorpusIndex, type CorpusIndex } from './corpus-index.ts';
import { buildCoverage, readIngestReport } from './coverage.ts';
import { coverageSections, coverageSourcePaths, type CoverageSections } from './coverage-pages.ts';
import type { CoverageExport } from '../schemas/coverage-export.ts';
import { rawSources, type RawSource } from './raw-sources.ts';
import { addressBook, buildLinkGraph, corpusTargets, type CorpusTarget, type LinkGraph } from './corpus-links.ts';
import { buildReuse, type Reuse } from './reuse.ts';
import { openReuseMemo } from './reuse-cache.ts';
import { REUSE_OPTIONS } from '../core/text-reuse/options.ts';
import { groupWorksCited, type BodyCitations, type WorksCited } from './works-cited.ts';

let cached: Promise<CorpusIndex> | undefined;
let cachedRaw: Promise<RawSource[]> | undefined;
let cachedDigests: Promise<Map<string, string>> | undefined;
let cachedBodyLinks: Promise<Map<string, BodyLinks>> | undefined;
let cachedGraph: Promise<LinkGraph> | undefined;
let cachedReuse: Promise<Reuse> | undefined;
let cachedWorks: Promise<WorksCited> | undefined;
let cachedCoverage: Promise<Coverage> | undefined;

/** The one CorpusIndex of the build. */
export function getCorpusIndex(): Promise<CorpusIndex> {
  cached ??= (async () => {
    const [articles, topics] = await Promise.all([getCollection('articles'), getCollection('topics')]);
    return buildCorpusIndex(
      articles.map((entry) => entry.data),
      topics.map((entry) => entry.data),
    );
  })();
  return cached;
}

/**
 * Each article's entry digest by slug (a hash of its file, so of everything an article could show): what a
 * page that shows other articles keys them by (src/utils/page-keys.ts).
 */
export function getDigests(): Promise<Map<string, string>> {
  cachedDigests ??= getCollection('articles').then((entries) => new Map(entries.map((entry) => [entry.data.slug, String(entry.digest ?? '')])));
  return cachedDigests;
}

/** The raw source files the articles were made from, by name (src/utils/raw-sources.ts). */
export function getRawSources(): Promise<RawSource[]> {
  cachedRaw ??= getCorpusIndex().then((index) => rawSources(index.articles));
  return cachedRaw;
}

/**
 * Every body's links, anchors, paragraphs and mentions, by slug, read once for the link graph, the shared passages
 * and the works cited (from the body cache, or by rendering the body, which the article page then finds cached).
 */
export function getBodyLinks(): Promise<Map<string, BodyLinks>> {
  cachedBodyLinks ??= (async () => {
    const entries = await getCollection('articles');
    const bodies = new Map<string, BodyLinks>();
    for (const entry of entries) {
      bodies.set(entry.id, await readLinks({ filePath: entry.filePath!, mdx: await readFile(entry.filePath!, 'utf8'), topics: entry.data.topics }));
    }
    return bodies;
  })();
  return cachedBodyLinks;
}

/** The one LinkGraph of the build: only the links that name another article are kept, with the ids of the articles a link names with a fragment. */
export function getLinkGraph(): Promise<LinkGraph> {
  cachedGraph ??= (async () => {
    const [index, bodies] = await Promise.all([getCorpusIndex(), getBodyLinks()]);
    const book = addressBook(index.articles);
    const found = new Map<string, CorpusTarget[]>();
    for (const [slug, body] of bodies) {
      const targets = corpusTargets(book, slug, body.links);
      if (targets.length > 0) found.set(slug, targets);
    }
    const named = new Set([...found.values()].flat().flatMap(({ target, fragment }) => (fragment === null ? [] : [target])));
    const anchors = new Map<string, Set<string>>();
    for (const slug of named) anchors.set(slug, new Set(bodies.get(slug)?.anchors ?? []));
    return buildLinkGraph(index.articles, found, anchors);
  })();
  return cachedGraph;
}

/**
 * The one Reuse of the build: the passages several articles share (src/utils/reuse.ts), each version with its
 * article, paragraph id and exact span (offsets into the paragraph's plain text), from every body's paragraphs.
 * The alignments and diffs of texts seen in the last build come from its memo (src/utils/reuse-cache.ts).
 */
export function getReuse(): Promise<Reuse> {
  cachedReuse ??= (async () => {
    const [index, bodies] = await Promise.all([getCorpusIndex(), getBodyLinks()]);
    const paragraphs = new Map([...bodies].map(([slug, body]) => [slug, body.paragraphs]));
    const memo = openReuseMemo(REUSE_OPTIONS);
    const reuse = buildReuse(index.articles, paragraphs, REUSE_OPTIONS, memo);
    memo.save();
    return reuse;
  })();
  return cachedReuse;
}

/** The one WorksCited of the build: every body's links and identifiers (src/utils/works-cited.ts). */
export function getWorksCited(): Promise<WorksCited> {
  cachedWorks ??= (async () => {
    const [index, bodies] = await Promise.all([getCorpusIndex(), getBodyLinks()]);
    return groupWorksCited(index.articles, new Map([...bodies].map(([slug, { links, mentions }]) => [slug, { links, mentions } satisfies BodyCitations])));
  })();
  return cachedWorks;
}

/** The coverage account, its lists' pages, and where each source with warnings or items left out is listed. */
export interface Coverage {
  coverage: CoverageExport;
  sections: CoverageSections;
  sourcePaths: ReadonlyMap<string, string>;
}

/**
 * The one coverage account of the build (src/utils/coverage.ts) with its lists cut into pages
 * (src/utils/coverage-pages.ts); links are site paths. In dev it is read again on every call: the ingest may have run since.
 */
export function getCoverage(): Promise<Coverage> {
  if (import.meta.env.DEV) cachedCoverage = undefined;
  cachedCoverage ??= getCorpusIndex().then((index) => {
    const coverage = buildCoverage(readIngestReport(), index.articles, undefined);
    const sections = coverageSections(coverage);
    return { coverage, sections, sourcePaths: coverageSourcePaths(sections) };
  });
  return cachedCoverage;
}
