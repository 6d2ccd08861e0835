/**
 * /corpus.json with its parts (/corpus/<n>.json) and /topics/<slug>/passages.json built from the real corpus (ingested
 * in memory): every article listed once, valid against the zod schemas and against the published JSON Schemas
 * (checked by Ajv, an independent JSON Schema 2020-12 validator), anchors pointing at passages.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { corpusExportSchema, corpusPartSchema, EXPORT_SCHEMA_VERSION, passagesExportSchema } from '../../src/schemas/corpus-export.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { buildCorpusExport, buildCorpusPart, buildPassagesExport } from '../../src/utils/corpus-export.ts';
import type { CorpusIndex } from '../../src/utils/corpus-index.ts';
import { PAGE_SIZE } from '../../src/utils/pagination.ts';
import { corpusTopics, ingest } from '../helpers/ingest-corpus.ts';
import { linkGraph, renderEntries } from '../helpers/link-graph.ts';

const site = new URL('https://dossier.test');
const entries = ingest().entries;
const articles = entries.map((entry) => entry.article);
const index = buildCorpusIndex(articles, corpusTopics());
const graph = linkGraph(index.articles, await renderEntries(entries));
// JSON as published: what a reader of the files gets.
const json = (value: unknown) => JSON.parse(JSON.stringify(value));
const corpus = json(buildCorpusExport(index, site));
const parts = corpus.parts.map((_: string, i: number) => json(buildCorpusPart(index, graph, site, i + 1)));
// Every article of every part, as a reader who follows the parts gets them.
corpus.articles = parts.flatMap((part: { articles: unknown[] }) => part.articles);

function validator(schema: z.ZodType) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv.compile(z.toJSONSchema(schema));
}

describe('/corpus.json and its parts', () => {
  const validate = validator(corpusPartSchema);

  test('list every article once, in the index’s order, with their schema version', () => {
    expect(corpus.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(corpus.articleCount).toBe(articles.length);
    expect(corpus.articles.map((article: { slug: string }) => article.slug)).toEqual(index.articles.map((article) => article.slug));
  });

  test('parts of at most 100 articles, each linking /corpus.json and its neighbours; /corpus.json lists them all', () => {
    // The real corpus is one part; a corpus of many copies of it shows how the list is cut.
    const many = {
      ...index,
      articles: Array.from({ length: 250 }, (_, i) => ({ ...index.articles[i % index.articles.length]!, slug: `copy-${i}` })),
    } as CorpusIndex;
    const listed = buildCorpusExport(many, site).parts;
    expect(listed).toEqual(['https://dossier.test/corpus/1.json', 'https://dossier.test/corpus/2.json', 'https://dossier.test/corpus/3.json']);
    const cut = listed.map((_, i) => corpusPartSchema.parse(json(buildCorpusPart(many, graph, site, i + 1))));
    expect(cut.map((part) => part.articles.length)).toEqual([PAGE_SIZE.corpusArticles, PAGE_SIZE.corpusArticles, 50]);
    expect(cut.flatMap((part) => part.articles.map((article) => article.slug))).toEqual(many.articles.map((article) => article.slug));
    for (const [i, part] of cut.entries()) {
      expect(part.corpus).toBe('https://dossier.test/corpus.json');
      expect(part.part).toEqual({ number: i + 1, of: 3, previous: listed[i - 1] ?? null, next: listed[i + 1] ?? null });
    }
  });

  test('cites and citedBy are the link graph: each link listed from both ends, with the citing paragraphs and links to them', () => {
    type Link = { slug: string; paragraphs: { id: string | null; url: string }[] };
    const bySlug = new Map(corpus.articles.map((article: { slug: string }) => [article.slug, article]));
    for (const citing of corpus.articles as { slug: string; cites: Link[] }[]) {
      for (const link of citing.cites) {
        expect((bySlug.get(link.slug) as { citedBy: Link[] }).citedBy).toContainEqual({ slug: citing.slug, paragraphs: link.paragraphs });
        for (const paragraph of link.paragraphs)
          expect(paragraph.url).toBe(`https://dossier.test/articles/${citing.slug}/${paragraph.id === null ? '' : `#${paragraph.id}`}`);
      }
    }
    const count = (key: 'cites' | 'citedBy') => corpus.articles.reduce((sum: number, article: Record<string, unknown[]>) => sum + article[key]!.length, 0);
    expect(count('citedBy')).toBe(count('cites'));
    expect(count('cites')).toBe([...graph.cites.values()].flat().length);
  });

  test('validate against their zod schemas and their published JSON Schemas', () => {
    const { articles: _all, ...head } = corpus;
    expect(corpusExportSchema.safeParse(head).error).toBeUndefined();
    expect(validator(corpusExportSchema)(head)).toBe(true);
    for (const part of parts) {
      expect(corpusPartSchema.safeParse(part).error).toBeUndefined();
      expect(validate(part), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test('the JSON Schema is not vacuous: it rejects a wrong version, a missing title and a made-up origin', () => {
    const broken = structuredClone(parts[0]);
    broken.schemaVersion = EXPORT_SCHEMA_VERSION + 1;
    delete broken.articles[0].title;
    broken.articles[1].origins.author = 'guessed';
    expect(validate(broken)).toBe(false);
    const paths = validate.errors!.map((error) => error.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/schemaVersion', '/articles/0', '/articles/1/origins/author']));
  });

  test('carries each article’s metadata, provenance and topics as in the entry', () => {
    for (const article of articles) {
      const exported = corpus.articles.find((candidate: { slug: string }) => candidate.slug === article.slug);
      expect(exported).toMatchObject({
        url: `https://dossier.test/articles/${article.slug}/`,
        title: article.title,
        author: article.author,
        outlet: article.outlet,
        originalUrl: article.url,
        publishedAt: article.publishedAt,
        origins: article.origins,
        source: { ...article.source, rawUrl: `https://dossier.test/sources/raw/${article.source.file}` },
        topics: article.topics,
        truncated: article.truncated,
        residue: article.residue,
      });
    }
  });
});

describe('/topics/<slug>/passages.json', () => {
  const validate = validator(passagesExportSchema);

  test.each(index.topics.map((entry) => [entry.topic.slug, entry] as const))('%s: valid, every anchor is a passage of its article', (_slug, entry) => {
    const data = JSON.parse(JSON.stringify(buildPassagesExport(entry, site)));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.passageCount).toBe(entry.passages.reduce((sum, { passages }) => sum + passages.length, 0));
    expect(data.passageCount).toBeGreaterThan(0);
    for (const passage of data.passages) {
      const article = articles.find((candidate) => candidate.slug === passage.article.slug)!;
      expect(passage.url).toBe(`https://dossier.test/articles/${article.slug}/#${passage.id}`);
      const source = article.passages.find((candidate) => candidate.id === passage.id);
      expect(source?.text).toBe(passage.text);
      expect(passage.topics).toContain(entry.topic.slug);
      expect(passage.article.titleInferred).toBe(article.origins.title === 'inferred');
      expect(passage.article.stance).toBe(article.stance?.[entry.topic.slug] ?? null);
    }
  });

  test.each(index.topics.map((entry) => [entry.topic.slug, entry] as const))(
    '%s: each passage carries the terms that matched in it and its strength, strongest first within its article',
    (_slug, entry) => {
      const data = JSON.parse(JSON.stringify(buildPassagesExport(entry, site)));
      const byArticle = new Map<string, number[]>();
      for (const passage of data.passages) {
        expect(passage.terms.length).toBeGreaterThan(0);
        const terms = [...entry.topic.strong.map((term) => ({ term, strong: true })), ...entry.topic.terms.map((term) => ({ term, strong: false }))];
        for (const found of passage.terms) expect(terms).toContainEqual(found);
        // The strength is the terms' weight: 2 a strong one, 1 an ordinary one.
        expect(passage.strength).toBe(passage.terms.reduce((sum: number, term: { strong: boolean }) => sum + (term.strong ? 2 : 1), 0));
        byArticle.set(passage.article.slug, [...(byArticle.get(passage.article.slug) ?? []), passage.strength]);
      }
      for (const strengths of byArticle.values()) expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
      // One block of passages per article: the page's grouping.
      const order = data.passages.map((passage: { article: { slug: string } }) => passage.article.slug);
      expect(order.filter((slug: string, i: number) => slug !== order[i - 1])).toHaveLength(byArticle.size);
    },
  );
});

describe('without a public address (no SITE_URL)', () => {
  const bare = { ...json(buildCorpusExport(index, undefined)), articles: json(buildCorpusPart(index, graph, undefined, 1)).articles };
  /** Every string value of a JSON document that is a link into the site or onto the web. */
  const links = (value: unknown): string[] =>
    typeof value === 'string' ? (/^(?:https?:|\/)/.test(value) ? [value] : []) : value && typeof value === 'object' ? Object.values(value).flatMap(links) : [];

  test('/corpus.json names no site and links by site path; only the originals stay absolute', () => {
    expect(bare.site).toBeNull();
    expect(bare.$schema).toBe('/corpus.schema.json');
    const originals = new Set(articles.flatMap((article) => (article.url === null ? [] : [article.url])));
    for (const link of links(bare)) if (!originals.has(link)) expect(link).toMatch(/^\/(?!\/)/);
    expect(bare.articles[0].url).toBe(`/articles/${bare.articles[0].slug}/`);
  });

  test('/corpus.json and its parts still validate against their zod schemas and their JSON Schemas', () => {
    const { articles: _all, ...head } = bare;
    expect(corpusExportSchema.safeParse(head).error).toBeUndefined();
    expect(validator(corpusExportSchema)(head)).toBe(true);
    const part = json(buildCorpusPart(index, graph, undefined, 1));
    expect(corpusPartSchema.safeParse(part).error).toBeUndefined();
    expect(validator(corpusPartSchema)(part)).toBe(true);
  });

  test.each(index.topics.map((entry) => [entry.topic.slug, entry] as const))('%s passages.json: valid, anchors are site paths', (_slug, entry) => {
    const data = JSON.parse(JSON.stringify(buildPassagesExport(entry, undefined)));
    expect(validator(passagesExportSchema)(data)).toBe(true);
    for (const passage of data.passages) expect(passage.url).toBe(`/articles/${passage.article.slug}/#${passage.id}`);
  });

  test('a link that is neither absolute nor a site path is refused', () => {
    const broken = json(buildCorpusPart(index, graph, undefined, 1));
    broken.articles[0].url = 'articles/a/';
    expect(corpusPartSchema.safeParse(broken).success).toBe(false);
  });
});
