/**
 * No glued words in what the site derives from a text: where the source shows a sentence end and the next
 * sentence apart (a space, a line break, a new paragraph), every derived text keeps a space there. The derived
 * texts are those of every pipeline fixture (tests/fixtures/) and of the fixture corpus: the entry's title, dek,
 * author, outlet and passages, the body's headings, and what the site builds from them (corpus.json,
 * passages.json, BibTeX, CSL-JSON, the RSS items, the citation and meta tags).
 * The expectation is derived from the source as a browser shows it (hast-util-to-text, an implementation of
 * innerText, over the rendered body and the feed fields; a text or Markdown file as it is), never written here: a run of
 * "<word><.!?><Capital>" in a derived text is glued when the source has those two words apart and nowhere joined.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, test } from 'vitest';
import { parseCatalog } from '../../scripts/ingest/catalog.ts';
import { ingestSources, type Entry, type SourceFile } from '../../scripts/ingest/pipeline.ts';
import { parseTopics } from '../../src/core/taxonomy.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { dublinCoreAndOpenGraphTags, citationText, highwireTags, toCsl } from '../../src/utils/citation.ts';
import { toBibtex } from '../../src/utils/citation-bibtex.ts';
import { buildCorpusExport, buildCorpusPart, buildPassagesExport } from '../../src/utils/corpus-export.ts';
import { linkGraph, renderEntries } from '../helpers/link-graph.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { feedItems } from '../../src/utils/feed.ts';
import { renderArticle } from '../../src/utils/render-article.ts';
import { decodeForReading, sourceFieldHtml } from '../helpers/fidelity.ts';
import { corpusSources, corpusTopics, FIXTURE_CORPUS, ingest, root } from '../helpers/ingest-corpus.ts';

const site = new URL('https://dossier.test');
const fixtures = path.join(root, 'tests/fixtures');
const projectTopics = parseTopics(readFileSync(path.join(root, 'corpus/topics.yaml'), 'utf8'), 'corpus/topics.yaml');

/** A sentence end directly followed by a capital: the word before (with its closing quotes) and the word after. */
const JOINED = /([\p{L}\p{N}][\p{L}\p{N}'’-]*[.!?]["'”’)\]]*)(\p{Lu}[\p{L}\p{N}'’-]*)/gu;

interface Corpus {
  name: string;
  entries: Entry[];
  sources: SourceFile[];
  topics: readonly Topic[];
}

/** Every pipeline fixture that makes entries, run through the real ingest. */
function fixtureCorpora(): Corpus[] {
  return readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(fixtures, entry.name, 'expected')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = path.join(fixtures, name);
      const reference = path.join(folder, 'source');
      const sources: SourceFile[] = existsSync(reference)
        ? [readFileSync(reference, 'utf8').trim()].map((file) => ({ file: path.basename(file), bytes: readFileSync(path.join(root, file)) }))
        : readdirSync(path.join(folder, 'sources'))
            .sort()
            .map((file) => ({ file, bytes: readFileSync(path.join(folder, 'sources', file)) }));
      const catalogFile = path.join(folder, 'catalog.yaml');
      const catalog = existsSync(catalogFile) ? parseCatalog(readFileSync(catalogFile, 'utf8'), 'catalog.yaml') : {};
      const result = ingestSources(sources, { catalog, topics: projectTopics, keepGoing: true });
      return { name, entries: result.entries, sources, topics: projectTopics };
    });
}

/** The source as a reader sees it, white space folded: a text or Markdown file as it is; a feed item's fields and its
 * rendered body as innerText (line breaks and blocks apart). */
async function sourceText(corpus: Corpus): Promise<string> {
  const parts: string[] = [];
  for (const entry of corpus.entries) {
    const { source } = entry.article;
    const bytes = corpus.sources.find((candidate) => candidate.file === source.file)!.bytes;
    // A text or Markdown file as it is: its words are apart wherever the reader sees them apart.
    if (source.format === 'text' || source.format === 'markdown') parts.push(decodeForReading(bytes));
    else parts.push(...sourceFieldHtml(bytes, source.format, source.item).map((html) => toText(fromHtml(html, { fragment: true }))));
    const { html } = await renderArticle(entry.mdx, { label: entry.slug, topics: entry.article.topics });
    parts.push(toText(fromHtml(html, { fragment: true })));
  }
  for (const topic of corpus.topics) parts.push(topic.label, topic.description);
  return parts.join('\n').replace(/\s+/g, ' ');
}

/** Every string a value holds (objects and arrays walked). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every text the site derives from a corpus's entries, named by where it comes from. */
async function derivedTexts(corpus: Corpus): Promise<[string, string][]> {
  const texts: [string, string][] = [];
  const articles = corpus.entries.map((entry) => entry.article);
  for (const entry of corpus.entries) {
    const { article } = entry;
    const where = `${corpus.name}/${entry.slug}`;
    for (const field of ['title', 'dek', 'author', 'outlet'] as const) if (article[field] !== null) texts.push([`${where} ${field}`, article[field]]);
    for (const passage of article.passages) texts.push([`${where} passage ${passage.id}`, passage.text]);
    const { headings } = await renderArticle(entry.mdx, { label: entry.slug, topics: article.topics });
    for (const heading of headings) texts.push([`${where} heading`, heading.text]);
    texts.push([`${where} citation`, citationText(article, site)]);
    for (const tag of [...highwireTags(article, site), ...dublinCoreAndOpenGraphTags(article)]) texts.push([`${where} meta ${tag.key}`, tag.content]);
    texts.push([`${where} BibTeX`, toBibtex(article, site)]);
    for (const text of strings(toCsl(article, site))) texts.push([`${where} CSL-JSON`, text]);
  }
  const index = buildCorpusIndex(articles, corpus.topics);
  const graph = linkGraph(index.articles, await renderEntries(corpus.entries));
  for (const text of strings(buildCorpusExport(index, site))) texts.push([`${corpus.name} corpus.json`, text]);
  const { parts } = buildCorpusExport(index, site);
  for (const part of parts.keys())
    for (const text of strings(buildCorpusPart(index, graph, site, part + 1))) texts.push([`${corpus.name} corpus/${part + 1}.json`, text]);
  for (const entry of index.topics)
    for (const text of strings(buildPassagesExport(entry, site))) texts.push([`${corpus.name} ${entry.topic.slug}/passages.json`, text]);
  for (const text of strings(feedItems(articles))) texts.push([`${corpus.name} rss.xml`, text]);
  return texts;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The glued runs of `text`: "<word>.<Word>" where the source has the two words apart and never joined. */
function gluedRuns(text: string, source: string): string[] {
  return [...text.matchAll(JOINED)]
    .filter(([joined, before, after]) => !source.includes(joined) && new RegExp(`${escape(before!)}\\s+${escape(after!)}`, 'u').test(source))
    .map(([joined]) => joined);
}

const corpora = [
  ...fixtureCorpora(),
  { name: 'fixture corpus', entries: ingest(FIXTURE_CORPUS).entries, sources: corpusSources(FIXTURE_CORPUS), topics: corpusTopics(FIXTURE_CORPUS) },
];

describe('no glued words in derived texts', { timeout: 120_000 }, () => {
  test.each(corpora.map((corpus) => [corpus.name, corpus] as const))('%s', async (_name, corpus) => {
    const source = await sourceText(corpus);
    const glued = (await derivedTexts(corpus)).flatMap(([where, text]) => gluedRuns(text, source).map((run) => `${where}: ${run}`));
    expect(glued).toEqual([]);
  });

  test('not vacuous: the fixtures hold sentences apart only by a line break, and their derived texts keep them apart', async () => {
    // Sentence ends followed by a <br> or a new block and a capital, in the sources' own markup.
    let kept = 0;
    for (const corpus of corpora) {
      const breaks = new Set<string>();
      for (const entry of corpus.entries) {
        const { source } = entry.article;
        if (source.format === 'text' || source.format === 'markdown') continue;
        const bytes = corpus.sources.find((candidate) => candidate.file === source.file)!.bytes;
        for (const html of sourceFieldHtml(bytes, source.format, source.item)) {
          for (const [, before, after] of html.matchAll(/([\p{L}\p{N}]+[.!?])(?:<[^<>]*>)*<br\s*\/?>\s*(?:<[^<>]*>)*(\p{Lu}\p{L}*)/gu)) {
            breaks.add(`${before} ${after}`);
          }
        }
      }
      const derived = (await derivedTexts(corpus)).map(([, text]) => text).join('\n');
      kept += [...breaks].filter((pair) => derived.includes(pair)).length;
    }
    expect(kept).toBeGreaterThanOrEqual(3);
  });
});
