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
import { packPages, PAGE_SIZE, splitGroup, type Part } from './pagination.ts';

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

/** Lines a raw file's own heading and details take in the list, before its articles. */
const FILE_LINES = 3;

/**
 * The raw files by name on pages of about PAGE_SIZE.rawLines lines, a file weighing its heading and one line per
 * article: a page holds many one-article texts or a few feeds, and a feed longer than a page continues on the next.
 */
export function rawSourcePages(sources: readonly RawSource[]): Part<RawSource, Article>[][] {
  const parts = sources.flatMap((source) => splitGroup(source, source.articles, PAGE_SIZE.rawLines - FILE_LINES));
  return packPages(parts, (part) => FILE_LINES + part.items.length, PAGE_SIZE.rawLines);
}

/** Page `page` (1-based) of `pages`, each file with its size in bytes (read and checked). */
export async function rawSourcePage(pages: readonly Part<RawSource, Article>[][], page: number): Promise<(Part<RawSource, Article> & { bytes: number })[]> {
  return Promise.all((pages[page - 1] ?? []).map(async (part) => ({ ...part, bytes: (await readRawSource(part.group)).byteLength })));
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
  return { text: 'plain text', rss: 'RSS feed', atom: 'Atom feed', rdf: 'RSS 1.0 (RDF) feed', json: 'JSON Feed', markdown: 'Markdown' }[format];
}
