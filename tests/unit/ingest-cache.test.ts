/**
 * The incremental ingest: with the previous run's cache, unchanged sources are not ingested again, and the
 * result is always what a full ingest of the same input gives (entries, warnings, skipped items). Run on the
 * fixture corpus, whose first source is a plain text to edit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestSources, type IngestCache, type IngestContext, type IngestResult, type SourceFile } from '../../scripts/ingest/pipeline.ts';
import { copyCorpus, corpusSources, corpusTopics, FIXTURE_CORPUS, root } from '../helpers/ingest-corpus.ts';

const topics = corpusTopics(FIXTURE_CORPUS);
const context: IngestContext = { catalog: {}, topics };

function fixtureSources(name: string): SourceFile[] {
  const dir = path.join(root, 'tests/fixtures', name, 'sources');
  return readdirSync(dir).map((file) => ({ file, bytes: readFileSync(path.join(dir, file)) }));
}

function text(file: string, body: string): SourceFile {
  return { file, bytes: new TextEncoder().encode(body) };
}

/** Every entry of a result (made or unchanged) as slug -> MDX, taking unchanged ones from the previous output. */
function output(result: IngestResult, previous: Map<string, string> = new Map()): Map<string, string> {
  const files = new Map(result.entries.map((entry) => [entry.slug, entry.mdx]));
  for (const { slug } of result.unchanged) files.set(slug, previous.get(slug)!);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function expectSameAsFullRun(result: IngestResult, sources: SourceFile[], previous: Map<string, string>, ctx: IngestContext = context): void {
  const full = ingestSources(sources, ctx);
  expect(output(result, previous)).toEqual(output(full));
  expect(result.warnings).toEqual(full.warnings);
  expect(result.skipped).toEqual(full.skipped);
  expect(result.errors).toEqual(full.errors);
  expect(result.cache).toEqual(full.cache);
}

describe('incremental ingest', () => {
  const sources = corpusSources(FIXTURE_CORPUS);
  const plainText = sources.findIndex((source) => source.file === '000_44948af1af52c1da.txt');
  const first = ingestSources(sources, context);
  const firstOutput = output(first);

  test('a second run with nothing changed makes nothing and reports the same', () => {
    const second = ingestSources(sources, { ...context, cache: first.cache });
    expect(second.entries).toEqual([]);
    expect(second.unchanged.map((entry) => entry.slug).sort()).toEqual([...firstOutput.keys()]);
    expectSameAsFullRun(second, sources, firstOutput);
  });

  test('one changed source is ingested again, the others are not', () => {
    const changed = sources.map((source, index) =>
      index === plainText ? text(source.file, `${new TextDecoder().decode(source.bytes)}\nOne more paragraph, added later.\n`) : source,
    );
    const result = ingestSources(changed, { ...context, cache: first.cache });
    expect(result.entries.map((entry) => entry.label)).toEqual([sources[plainText]!.file]);
    expectSameAsFullRun(result, changed, firstOutput);
  });

  test("a new source that takes a cached entry's slug makes that entry again, under its new slug", () => {
    const base = [text('b.txt', 'Same headline\nBody of the second text.\n')];
    const before = ingestSources(base, context);
    const grown = [text('a.txt', 'Same headline\nBody of the first text.\n'), ...base];
    const result = ingestSources(grown, { ...context, cache: before.cache });
    expect(result.entries.map((entry) => entry.slug).sort()).toEqual(['same-headline', 'same-headline-2']);
    expectSameAsFullRun(result, grown, output(before));
  });

  test('duplicate feed items across feeds are still found when the feeds come from the cache', () => {
    const feeds = fixtureSources('duplicate-guid-across-feeds');
    const before = ingestSources(feeds, context);
    const result = ingestSources(feeds, { ...context, cache: before.cache });
    expect(result.entries).toEqual([]);
    expect(result.skipped.length).toBeGreaterThan(0);
    expectSameAsFullRun(result, feeds, output(before));
    // The kept copy's feed goes away: the copy that was left out becomes an article, made from its source.
    const without = feeds.filter((feed) => feed.file !== 'a-original.xml');
    const after = ingestSources(without, { ...context, cache: before.cache });
    expectSameAsFullRun(after, without, output(before));
  });

  test('a change to the topics or the catalog entry, or another pipeline version, invalidates the cache', () => {
    const fewer = { ...context, topics: topics.slice(1) };
    expect(ingestSources(sources, { ...fewer, cache: first.cache }).unchanged).toEqual([]);
    const file = sources[plainText]!.file;
    const catalog = { [file]: { title: 'A title set by the curator' } };
    const result = ingestSources(sources, { ...context, catalog, cache: first.cache });
    expect(result.entries.map((entry) => entry.label)).toEqual([file]);
    const stale: IngestCache = Object.fromEntries(
      Object.entries(first.cache).map(([key, value]) => [key, { ...value, pipelineVersion: value.pipelineVersion - 1 }]),
    );
    expect(ingestSources(sources, { ...context, cache: stale }).unchanged).toEqual([]);
  });
});

describe('npm run ingest with its cache', { timeout: 240_000 }, () => {
  test('a second run carries the entries over unchanged; a deleted entry file is made again', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dossier-cache-'));
    const corpus = path.join(dir, 'corpus');
    const out = path.join(dir, 'articles');
    copyCorpus(FIXTURE_CORPUS, corpus);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'scripts/ingest.ts'), '--corpus', corpus, '--out', out, ...args], { encoding: 'utf8' });
    // The entries and the run's report (coverage.json), which a run from the cache gives the same as a full one.
    const read = () => new Map(readdirSync(out).map((file) => [file, readFileSync(path.join(out, file), 'utf8')]));
    const entries = (files: Map<string, string>) => [...files.keys()].filter((file) => file.endsWith('.mdx'));
    try {
      expect(run().status).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['.articles.ingest-cache.json', 'articles', 'articles.ingest.log', 'corpus']);
      const before = read();
      const second = run();
      expect(second.status).toBe(0);
      expect(before.has('coverage.json')).toBe(true);
      expect(second.stdout).toContain(`${entries(before).length} entries unchanged`);
      expect(read()).toEqual(before);
      const [gone] = entries(before);
      rmSync(path.join(out, gone!));
      const third = run();
      expect(third.status).toBe(0);
      expect(read()).toEqual(before);
      writeFileSync(path.join(dir, '.articles.ingest-cache.json'), 'not json');
      expect(run().status).toBe(0);
      expect(read()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
