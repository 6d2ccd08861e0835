/**
 * The raw sources as received, for `/sources/raw/`: one per source file that an article was made
 * from, read from corpus/sources/ at build time and checked against the SHA-256 the ingest recorded,
 * so the bytes served are the bytes the articles were made from.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article, SourceFormat } from '../schemas/article.ts';
import { SOURCES_DIR } from './corpus-paths.ts';
import { PAGE_SIZE, slicePage } from './pagination.ts';

/** A source file and the articles made from it. */
export interface RawSource {
  file: string;
  format: SourceFormat;
  sha256: string;
  articles: Article[];
}

/** Source files by name, each with its articles (feed items in item order). */
export function rawSources(articles: readonly Article[]): RawSource[] {
  const byFile = new Map<string, RawSource>();
  for (const article of articles) {
    const { file, format, sha256 } = article.source;
    const entry = byFile.get(file) ?? { file, format, sha256, articles: [] };
    entry.articles.push(article);
    byFile.set(file, entry);
  }
  for (const entry of byFile.values()) entry.articles.sort((a, b) => (a.source.item ?? 0) - (b.source.item ?? 0));
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Page `page` of `sources` (by file name), each with its size in bytes (read and checked), and how many files there are in all. */
export async function rawSourcePage(sources: readonly RawSource[], page: number): Promise<{ sources: (RawSource & { bytes: number })[]; total: number }> {
  const shown = await Promise.all(
    slicePage(sources, page, PAGE_SIZE.raw).map(async (source) => ({ ...source, bytes: (await readRawSource(source)).byteLength })),
  );
  return { sources: shown, total: sources.length };
}

/** The file's bytes; throws when they are not the bytes the ingest saw (run `npm run ingest`). */
export async function readRawSource(source: Pick<RawSource, 'file' | 'sha256'>): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(await readFile(path.join(SOURCES_DIR, source.file)));
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== source.sha256) {
    throw new Error(`corpus/sources/${source.file} changed since the ingest (sha256 ${actual}, entries say ${source.sha256}); run \`npm run ingest\``);
  }
  return bytes;
}

/** A source format as a reader would name it. */
export function formatLabel(format: SourceFormat): string {
  return { text: 'plain text', rss: 'RSS feed', atom: 'Atom feed', rdf: 'RSS 1.0 (RDF) feed', json: 'JSON Feed' }[format];
}
