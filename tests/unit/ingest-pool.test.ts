/**
 * The worker pool (scripts/ingest/pool.ts) runs the per-source work in threads: whatever the scheduling, the
 * result must be the in-process result (the same entries in the same order, warnings, errors with their file
 * and line:column, items left out, cache), with and without --keep-going, with and without a cache.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCatalog } from '../../scripts/ingest/catalog.ts';
import { IngestError } from '../../scripts/ingest/errors.ts';
import { ingestSources, ingestSourcesWith, type IngestContext, type IngestResult, type SourceFile } from '../../scripts/ingest/pipeline.ts';
import { createSourcePool, type SourcePool } from '../../scripts/ingest/pool.ts';
import type { Catalog } from '../../src/schemas/catalog.ts';
import { corpusSources, corpusTopics, FIXTURE_CORPUS, root } from '../helpers/ingest-corpus.ts';

const topics = corpusTopics(FIXTURE_CORPUS);

/** Every fixture's sources (and catalog entries), their names prefixed with the fixture's, and the fixture corpus. */
function everything(): { sources: SourceFile[]; catalog: Catalog } {
  const sources: SourceFile[] = [...corpusSources(FIXTURE_CORPUS)];
  const catalog: Catalog = {};
  for (const fixture of readdirSync(path.join(root, 'tests/fixtures')).sort()) {
    const dir = path.join(root, 'tests/fixtures', fixture);
    if (!existsSync(path.join(dir, 'sources'))) continue;
    const name = (file: string) => `${fixture}--${file}`;
    for (const file of readdirSync(path.join(dir, 'sources'))) sources.push({ file: name(file), bytes: readFileSync(path.join(dir, 'sources', file)) });
    if (!existsSync(path.join(dir, 'catalog.yaml'))) continue;
    try {
      const entries = parseCatalog(readFileSync(path.join(dir, 'catalog.yaml'), 'utf8'), 'catalog.yaml');
      for (const [file, entry] of Object.entries(entries)) catalog[name(file)] = entry;
    } catch {
      // A fixture whose catalog is itself the error (catalog-invalid-key) is left to its own test.
    }
  }
  return { sources, catalog };
}

/** A result as plain data, errors with their place, so two results compare field by field. */
function plain(result: IngestResult) {
  return { ...result, errors: result.errors.map((error) => ({ message: error.message, file: error.file, line: error.line, column: error.column })) };
}

const pools: SourcePool[] = [];
function pool(size: number): SourcePool {
  const made = createSourcePool(topics, size);
  pools.push(made);
  return made;
}
afterAll(async () => {
  await Promise.all(pools.map((made) => made.close()));
});

describe('the ingest worker pool', { timeout: 120_000 }, () => {
  const { sources, catalog } = everything();

  test('gives the in-process result, --keep-going: every entry, warning, error and item left out, in order', async () => {
    const context: IngestContext = { catalog, topics, keepGoing: true };
    const expected = ingestSources(sources, context);
    // The fixtures give it everything to get right: errors, collisions, duplicates across feeds.
    expect(expected.errors.length).toBeGreaterThan(10);
    expect(expected.warnings.some((warning) => /slug ".*" is taken by/.test(warning))).toBe(true);
    expect(expected.skipped.length).toBeGreaterThan(0);
    for (const size of [2, 3]) {
      const result = await ingestSourcesWith(sources, context, () => pool(size));
      expect(plain(result)).toEqual(plain(expected));
      expect(result.entries.map((entry) => entry.label)).toEqual(expected.entries.map((entry) => entry.label));
    }
  });

  test('stops at the first source that fails, as in process, without --keep-going', async () => {
    const context: IngestContext = { catalog, topics };
    const expected = ingestSources(sources, context);
    expect(expected.errors).toHaveLength(1);
    const result = await ingestSourcesWith(sources, context, () => pool(2));
    expect(plain(result)).toEqual(plain(expected));
  });

  test('errors come back as IngestErrors naming the file and line:column', async () => {
    const broken = sources.filter((source) => source.file.startsWith('malformed-feed-unclosed-tag--') || source.file.startsWith('empty-file--'));
    const result = await ingestSourcesWith(broken, { catalog: {}, topics, keepGoing: true }, () => pool(2));
    expect(result.errors.map((error) => error.message)).toEqual(ingestSources(broken, { catalog: {}, topics, keepGoing: true }).errors.map((error) => error.message));
    for (const error of result.errors) expect(error).toBeInstanceOf(IngestError);
    const xml = result.errors.find((error) => error.file === 'malformed-feed-unclosed-tag--broken.xml')!;
    expect(xml.message).toMatch(/^malformed-feed-unclosed-tag--broken\.xml:\d+:\d+: malformed XML: /);
    expect([xml.line, xml.column].every((n) => typeof n === 'number')).toBe(true);
    expect(result.errors.find((error) => error.file === 'empty-file--empty.txt')?.message).toBe('empty-file--empty.txt: file is empty');
  });

  test('with a cache, unchanged sources stay in this thread and the rest match the in-process run', async () => {
    const context: IngestContext = { catalog, topics, keepGoing: true };
    const first = ingestSources(sources, context);
    // One text changed, and a new source that takes a slug another entry had: that one is made again.
    const changed = sources.map((source) => (source.file === 'slug-collision--b.txt' ? { ...source, bytes: Buffer.concat([source.bytes, Buffer.from('\nOne more sentence.\n')]) } : source));
    const added = [...changed, { file: 'slug-collision--0-first.txt', bytes: readFileSync(path.join(root, 'tests/fixtures/slug-collision/sources/a.txt')) }];
    const expected = ingestSources(added, { ...context, cache: first.cache });
    const tasks: number[] = [];
    const result = await ingestSourcesWith(added, { ...context, cache: first.cache }, (count) => {
      tasks.push(count);
      return pool(2);
    });
    // Drafted again: the changed text, and every source the cache does not hold (the new one, those that failed).
    expect(tasks).toEqual([added.filter((source) => !(source.file in first.cache)).length + 1]);
    expect(plain(result)).toEqual(plain(expected));
    expect(result.unchanged.length).toBeGreaterThan(0);
  });

  test('without a runner (a small corpus) the work runs in this thread, with the same result', async () => {
    const context: IngestContext = { catalog, topics, keepGoing: true };
    expect(plain(await ingestSourcesWith(sources, context, () => undefined))).toEqual(plain(ingestSources(sources, context)));
  });
});
