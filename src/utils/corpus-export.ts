/**
 * The machine-readable exports, built from the corpus index (and its link graph): `/corpus.json` with the parts of
 * its article list (`/corpus/<n>.json`) and each topic's `passages.json`, with every link absolute on the site's public address (SITE_URL) so a file is useful away
 * from the site; a build without one links by site path (`/articles/a/`) rather than invent an address.
 * Pure and deterministic: no clock (no "generated at"), no file system.
 */
import { z } from 'zod';
import type { Article } from '../schemas/article.ts';
import {
  EXPORT_SCHEMA_VERSION,
  passagesExportSchema,
  type CorpusExport,
  type CorpusPart,
  type ExportedArticle,
  type PassagesExport,
} from '../schemas/corpus-export.ts';
import { PAGE_SIZE, pageCount, slicePage } from './pagination.ts';
import { pageKey } from './page-keys.ts';
import { citationText } from './citation.ts';
import type { CorpusIndex, TopicEntry } from './corpus-index.ts';
import { rankTopic, topicPages } from './topic-passages.ts';
import type { LinkedArticle, LinkGraph } from './corpus-links.ts';
import { articlePath, citationPath, corpusPartPath, rawSourcePath, siteUrl as absolute, topicPassagesPath, topicPath } from '../core/urls.ts';

/** Site paths of the exports and their schemas. */
export const EXPORT_PATHS = {
  corpus: '/corpus.json',
  corpusSchema: '/corpus.schema.json',
  corpusPartSchema: '/corpus-part.schema.json',
  passagesSchema: '/passages.schema.json',
  bibtex: '/corpus.bib',
  cslJson: '/corpus.csl.json',
} as const;

/** One article's entry in `/corpus.json`; its in-corpus links from the link graph. */
function exportArticle(article: Article, graph: LinkGraph, site: URL | undefined): ExportedArticle {
  // The paragraphs are always the citing article's: the article itself in `cites`, the other one in `citedBy`.
  const links = (list: readonly LinkedArticle[] | undefined, citing: (other: Article) => Article) =>
    (list ?? []).map(({ article: other, paragraphs }) => ({
      slug: other.slug,
      paragraphs: paragraphs.map(({ anchor }) => ({ id: anchor, url: absolute(articlePath(citing(other).slug, anchor ?? undefined), site) })),
    }));
  return {
    slug: article.slug,
    url: absolute(articlePath(article.slug), site),
    title: article.title,
    dek: article.dek,
    author: article.author,
    outlet: article.outlet,
    originalUrl: article.url,
    publishedAt: article.publishedAt,
    origins: article.origins,
    source: { ...article.source, rawUrl: absolute(rawSourcePath(article.source.file), site) },
    topics: article.topics,
    stance: article.stance ?? {},
    passageCount: article.passages.length,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    truncated: article.truncated,
    residue: article.residue,
    cites: links(graph.cites.get(article.slug), () => article),
    citedBy: links(graph.citedBy.get(article.slug), (other) => other),
    citation: {
      text: citationText(article, site),
      bibtex: absolute(citationPath(article.slug, 'bib'), site),
      cslJson: absolute(citationPath(article.slug, 'json'), site),
    },
  };
}

/** `/corpus.json`: the corpus, every topic that has articles, and the parts of its article list (index order). */
export function buildCorpusExport(index: CorpusIndex, site: URL | undefined): CorpusExport {
  return {
    $schema: absolute(EXPORT_PATHS.corpusSchema, site),
    schemaVersion: EXPORT_SCHEMA_VERSION,
    site: site === undefined ? null : absolute('/', site),
    articleCount: index.articles.length,
    parts: Array.from({ length: pageCount(index.articles.length, PAGE_SIZE.corpusArticles) }, (_, i) => absolute(corpusPartPath(i + 1), site)),
    topics: index.topics.map((entry) => ({
      slug: entry.topic.slug,
      label: entry.topic.label,
      description: entry.topic.description,
      url: absolute(topicPath(entry.topic.slug), site),
      articleCount: entry.articles.length,
      passageCount: entry.passages.reduce((sum, { passages }) => sum + passages.length, 0),
      onEveryArticle: entry.onEveryArticle,
      passages: absolute(topicPassagesPath(entry.topic.slug), site),
    })),
  };
}

/** `/corpus/<n>.json`: part `part` of the article list (index order), each article with its links to and from the others. */
export function buildCorpusPart(index: CorpusIndex, graph: LinkGraph, site: URL | undefined, part: number): CorpusPart {
  const of = pageCount(index.articles.length, PAGE_SIZE.corpusArticles);
  return {
    $schema: absolute(EXPORT_PATHS.corpusPartSchema, site),
    schemaVersion: EXPORT_SCHEMA_VERSION,
    corpus: absolute(EXPORT_PATHS.corpus, site),
    part: {
      number: part,
      of,
      previous: part > 1 ? absolute(corpusPartPath(part - 1), site) : null,
      next: part < of ? absolute(corpusPartPath(part + 1), site) : null,
    },
    articles: slicePage(index.articles, part, PAGE_SIZE.corpusArticles).map((article) => exportArticle(article, graph, site)),
  };
}

/**
 * Part `part` of a topic's passages (`/topics/<slug>/passages.json` is part 1, then `/topics/<slug>/passages/<n>.json`):
 * the passages of that page of the topic, in its order, each with its absolute anchor and its evidence.
 */
export function buildPassagesExport(entry: TopicEntry, site: URL | undefined, part = 1): PassagesExport {
  const ranked = rankTopic(entry);
  const pages = topicPages(entry);
  const of = pages.length;
  const shown = pages[part - 1] ?? [];
  const partPath = (n: number) => absolute(topicPassagesPath(entry.topic.slug, n), site);
  const passages = shown.flatMap(({ article, passages, stance }) =>
    passages.map((passage) => ({
      id: passage.id,
      url: `${absolute(articlePath(article.slug), site)}#${passage.id}`,
      text: passage.text,
      topics: passage.topics,
      strength: passage.evidence.strength,
      terms: passage.evidence.terms,
      article: {
        slug: article.slug,
        url: absolute(articlePath(article.slug), site),
        title: article.title,
        author: article.author,
        outlet: article.outlet,
        publishedAt: article.publishedAt,
        titleInferred: article.origins.title === 'inferred',
        stance,
        citation: citationText(article, site),
      },
    })),
  );
  return {
    $schema: absolute(EXPORT_PATHS.passagesSchema, site),
    schemaVersion: EXPORT_SCHEMA_VERSION,
    topic: {
      slug: entry.topic.slug,
      label: entry.topic.label,
      description: entry.topic.description,
      url: absolute(topicPath(entry.topic.slug), site),
      onEveryArticle: entry.onEveryArticle,
    },
    passageCount: ranked.reduce((sum, { passages }) => sum + passages.length, 0),
    part: {
      number: part,
      of,
      articleCount: shown.length,
      passageCount: passages.length,
      page: absolute(topicPath(entry.topic.slug, undefined, part), site),
      first: partPath(1),
      previous: part > 1 ? partPath(part - 1) : null,
      next: part < of ? partPath(part + 1) : null,
    },
    // Only the first part lists them all: in every part, the lists together would grow with the square of the topic.
    ...(part === 1 ? { parts: Array.from({ length: of }, (_, i) => partPath(i + 1)) } : {}),
    passages,
  };
}

/**
 * Every part of every topic's passages as static paths, keyed for the incremental build (src/utils/page-keys.ts)
 * by the topic, the part and the digests of the articles whose passages it holds (`digests`: slug -> entry
 * digest), so a part is built again only when one of them changed. The body is `passagesPart`.
 */
export function passageParts(
  index: CorpusIndex,
  digests: ReadonlyMap<string, string>,
): { params: { slug: string }; part: number; props: { slug: string; part: number }; cacheKey: string }[] {
  return index.topics.flatMap((entry) => {
    const pages = topicPages(entry);
    const of = pages.length;
    // Every part says how many passages the topic has in all: a change to another part's articles changes it.
    const passageCount = rankTopic(entry).reduce((sum, { passages }) => sum + passages.length, 0);
    return pages.map((items, i) => {
      const shown = items.map(({ article }) => digests.get(article.slug) ?? article.slug);
      const cacheKey = pageKey({ topic: entry.topic, onEveryArticle: entry.onEveryArticle, part: i + 1, of, passageCount, shown });
      return { params: { slug: entry.topic.slug }, part: i + 1, props: { slug: entry.topic.slug, part: i + 1 }, cacheKey };
    });
  });
}

/** A part of a topic's passages as its file gives it: validated against the schema, as JSON. */
export function passagesPart(index: CorpusIndex, slug: string, part: number, site: URL | undefined): string {
  return jsonBody(passagesExportSchema.parse(buildPassagesExport(index.topicBySlug.get(slug)!, site, part)));
}

/** A JSON response body: two-space indented, trailing newline. */
export function jsonBody(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The response of an export's JSON Schema (draft 2020-12), generated from its zod schema and published at `path`. */
export function jsonSchemaResponse(schema: z.ZodType, path: string, site: URL | undefined): Response {
  // Its own address as $id only when the site has one: a JSON Schema's $id should be absolute, not a made-up host.
  const json = { ...z.toJSONSchema(schema), ...(site !== undefined && { $id: new URL(path, site).href }) };
  return new Response(jsonBody(json), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
}
