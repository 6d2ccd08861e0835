/**
 * A corpus run through the real ingest pipeline in memory (no dist/, no generated entries needed): the project's
 * own corpus by default, tested as a whole, or the fixture corpus (FIXTURE_CORPUS), whose known shape tests may name.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCatalog } from '../../scripts/ingest/catalog.ts';
import { ingestSources, type IngestResult, type SourceFile } from '../../scripts/ingest/pipeline.ts';
import { parseTopics } from '../../src/core/taxonomy.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { CORPUS_SITE, FIXTURE_SITE } from './sites.ts';

export const root = path.resolve(import.meta.dirname, '../..');

/** The project's corpus folder (sources/, topics.yaml, catalog.yaml). */
const CORPUS = CORPUS_SITE.corpus;
/** The fixture corpus folder, laid out the same way (tests/fixture-corpus/). */
export const FIXTURE_CORPUS = FIXTURE_SITE.corpus;

/** The taxonomy of a corpus's topics.yaml. */
export function corpusTopics(corpus = CORPUS): Topic[] {
  return parseTopics(readFileSync(path.join(corpus, 'topics.yaml'), 'utf8'), path.relative(root, path.join(corpus, 'topics.yaml')));
}

/** Every file of a corpus's sources/ as the ingest CLI reads them. */
export function corpusSources(corpus = CORPUS): SourceFile[] {
  const dir = path.join(corpus, 'sources');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => ({ file: entry.name, bytes: readFileSync(path.join(dir, entry.name)) }));
}

/** Ingest a corpus (default: the project's) with its own catalog and topics; throws on ingest errors. */
export function ingest(corpus = CORPUS): IngestResult {
  const catalogFile = path.join(corpus, 'catalog.yaml');
  const catalog = existsSync(catalogFile) ? parseCatalog(readFileSync(catalogFile, 'utf8'), path.relative(root, catalogFile)) : {};
  const result = ingestSources(corpusSources(corpus), { catalog, topics: corpusTopics(corpus) });
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result;
}

/** Copy a corpus's own files (sources/, topics.yaml, catalog.yaml), not what is built beside them, to `to`. */
export function copyCorpus(corpus: string, to: string): void {
  for (const name of ['sources', 'topics.yaml', 'catalog.yaml']) {
    if (existsSync(path.join(corpus, name))) cpSync(path.join(corpus, name), path.join(to, name), { recursive: true });
  }
}
