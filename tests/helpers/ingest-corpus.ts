/** The project's corpus run through the real ingest pipeline in memory (no dist/, no generated entries needed). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCatalog } from '../../scripts/ingest/catalog.ts';
import { ingestSources, type IngestResult, type SourceFile } from '../../scripts/ingest/pipeline.ts';
import { parseTopics } from '../../src/core/taxonomy.ts';
import type { Topic } from '../../src/schemas/topic.ts';

export const root = path.resolve(import.meta.dirname, '../..');

/** The taxonomy of corpus/topics.yaml. */
export function corpusTopics(): Topic[] {
  return parseTopics(readFileSync(path.join(root, 'corpus/topics.yaml'), 'utf8'), 'corpus/topics.yaml');
}

/** Every file of corpus/sources/ as the ingest CLI reads them. */
export function corpusSources(): SourceFile[] {
  const dir = path.join(root, 'corpus/sources');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => ({ file: entry.name, bytes: readFileSync(path.join(dir, entry.name)) }));
}

/** Ingest sources (default: the corpus) with the project's catalog and topics; throws on ingest errors. */
export function ingest(sources: readonly SourceFile[] = corpusSources()): IngestResult {
  const catalogFile = path.join(root, 'corpus/catalog.yaml');
  const catalog = existsSync(catalogFile) ? parseCatalog(readFileSync(catalogFile, 'utf8'), 'corpus/catalog.yaml') : {};
  const result = ingestSources(sources, { catalog, topics: corpusTopics() });
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result;
}
