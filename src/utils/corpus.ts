/** The corpus index, the raw source files, the corpus link graph, the shared passages and the works cited of this build, each computed on first use and shared by every page. */
import { readFile } from 'node:fs/promises';
import { getCollection } from 'astro:content';
import { readLinks } from './article-bodies.ts';
import { buildCorpusIndex, type CorpusIndex } from './corpus-index.ts';
import { rawSources, type RawSource } from './raw-sources.ts';
import { addressBook, buildLinkGraph, corpusTargets, type CorpusTarget, type LinkGraph } from './corpus-links.ts';
import { buildReuse, type Reuse } from './reuse.ts';
import { groupWorksCited, type BodyCitations, type WorksCited } from './works-cited.ts';

let cached: Promise<CorpusIndex> | undefined;
let cachedRaw: Promise<RawSource[]> | undefined;
let cachedDigests: Promise<Map<string, string>> | undefined;
let cachedGraph: Promise<LinkGraph> | undefined;
let cachedReuse: Promise<Reuse> | undefined;
let cachedWorks: Promise<WorksCited> | undefined;

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
 * The one LinkGraph of the build. Every body's links are read once (from the body cache, or by rendering the
 * body, which the article page then finds cached); only the links that name another article are kept, and only
 * the ids of the articles a link names with a fragment are read.
 */
export function getLinkGraph(): Promise<LinkGraph> {
  cachedGraph ??= (async () => {
    const [index, entries] = await Promise.all([getCorpusIndex(), getCollection('articles')]);
    const book = addressBook(index.articles);
    const jobs = new Map(
      entries.map((entry) => [entry.id, async () => ({ filePath: entry.filePath!, mdx: await readFile(entry.filePath!, 'utf8'), topics: entry.data.topics })]),
    );
    const found = new Map<string, CorpusTarget[]>();
    for (const [slug, job] of jobs) {
      const targets = corpusTargets(book, slug, (await readLinks(await job())).links);
      if (targets.length > 0) found.set(slug, targets);
    }
    const named = new Set([...found.values()].flat().flatMap(({ target, fragment }) => (fragment === null ? [] : [target])));
    const anchors = new Map<string, Set<string>>();
    for (const slug of named) anchors.set(slug, new Set((await readLinks(await jobs.get(slug)!())).anchors));
    return buildLinkGraph(index.articles, found, anchors);
  })();
  return cachedGraph;
}

/**
 * The one Reuse of the build: the passages several articles share (src/utils/reuse.ts), each version with its
 * article, paragraph id and exact span (offsets into the paragraph's plain text). Every body's paragraphs are
 * read from the body cache, as the link graph reads its links.
 */
export function getReuse(): Promise<Reuse> {
  cachedReuse ??= (async () => {
    const [index, entries] = await Promise.all([getCorpusIndex(), getCollection('articles')]);
    const paragraphs = new Map<string, { id: string; text: string }[]>();
    for (const entry of entries) {
      const job = { filePath: entry.filePath!, mdx: await readFile(entry.filePath!, 'utf8'), topics: entry.data.topics };
      paragraphs.set(entry.id, (await readLinks(job)).paragraphs);
    }
    return buildReuse(index.articles, paragraphs);
  })();
  return cachedReuse;
}

/** The one WorksCited of the build: every body's links and identifiers, read from the body cache (src/utils/works-cited.ts). */
export function getWorksCited(): Promise<WorksCited> {
  cachedWorks ??= (async () => {
    const [index, entries] = await Promise.all([getCorpusIndex(), getCollection('articles')]);
    const bodies = new Map<string, BodyCitations>();
    for (const entry of entries) {
      const { links, mentions } = await readLinks({ filePath: entry.filePath!, mdx: await readFile(entry.filePath!, 'utf8'), topics: entry.data.topics });
      bodies.set(entry.id, { links, mentions });
    }
    return groupWorksCited(index.articles, bodies);
  })();
  return cachedWorks;
}
