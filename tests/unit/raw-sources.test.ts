/** Raw sources for /sources/raw/: grouped by file, bytes checked against the recorded SHA-256, typed by format. */
import { describe, expect, test } from 'vitest';
import { rawContentType } from '../../src/core/media-types.ts';
import { formatLabel, rawSources, readRawSource } from '../../src/utils/raw-sources.ts';
import { ingest } from '../helpers/ingest-corpus.ts';

const articles = ingest().entries.map((entry) => entry.article);

describe('raw sources', () => {
  test('one per source file, feed items in item order', () => {
    const sources = rawSources(articles);
    expect(sources.map((source) => source.file)).toEqual([...new Set(articles.map((article) => article.source.file))].sort());
    for (const source of sources) {
      const items = source.articles.map((article) => article.source.item);
      if (source.format === 'text') expect(items, source.file).toEqual([null]);
      else expect(items, source.file).toEqual([...items].sort((a, b) => a! - b!));
    }
  });

  test('reads the exact bytes, and refuses a file that changed since the ingest', async () => {
    const [source] = rawSources(articles);
    const bytes = await readRawSource(source!);
    expect(bytes.byteLength).toBeGreaterThan(0);
    await expect(readRawSource({ ...source!, sha256: '0'.repeat(64) })).rejects.toThrow(/changed since the ingest/);
  });

  test('content type: text as text/plain, feeds as XML, a charset only for UTF-8 bytes', () => {
    const utf8 = new TextEncoder().encode('Yathārth');
    const latin1 = Uint8Array.from([0x59, 0x61, 0x74, 0x68, 0xe2, 0x72]);
    expect(rawContentType('text', utf8)).toBe('text/plain; charset=utf-8');
    expect(rawContentType('rss', utf8)).toBe('application/xml; charset=utf-8');
    expect(rawContentType('text', latin1)).toBe('text/plain');
    expect(formatLabel('rdf')).toBe('RSS 1.0 (RDF) feed');
  });
});
