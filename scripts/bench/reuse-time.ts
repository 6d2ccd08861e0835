/**
 * How long shared-passage detection (src/core/text-reuse.ts) takes over a folder of generated entries, and how much
 * memory it holds: run in a child process of its own, so its peak memory is its own. The entries' paragraphs are
 * read as the site reads them (the MDX parser, anchored paragraphs, their ids) before the clock starts; only
 * detectReuse is timed. A figure `npm run bench` prints, not a budget.
 *
 *   node scripts/bench/reuse-time.ts bench/out/1000/entries     -> one JSON line: articles, paragraphs, words, ms, MB, …
 *   measureReuse('bench/out/1000/entries')                      -> the same, from a child process
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMdx } from '../../src/core/mdx.ts';
import { anchoredParagraphs, paragraphIds } from '../../src/core/paragraph-id.ts';
import { detectReuse, type ReuseDocument, type ReuseStats } from '../../src/core/text-reuse.ts';

/** One run of the detector. */
export interface ReuseFigure extends ReuseStats {
  articles: number;
  clusters: number;
  /** Wall time of detectReuse alone. */
  ms: number;
  /** Heap in use after the run, less before it (the index and alignments that are still held). */
  heapMB: number;
  /** Peak resident memory of the process, and what it was before the run. */
  peakMB: number;
  baseMB: number;
}

/** Every entry's paragraphs, as the site reads them. */
function readDocuments(entriesDir: string): ReuseDocument[] {
  return readdirSync(entriesDir)
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const mdx = readFileSync(path.join(entriesDir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const found = anchoredParagraphs(parseMdx(mdx));
      const ids = paragraphIds(found.map(({ text }) => text));
      return { slug: file.slice(0, -'.mdx'.length), paragraphs: found.map(({ text }, index) => ({ id: ids[index]!, text })) };
    });
}

/** Run the detector on `entriesDir` here and now. */
function timeReuse(entriesDir: string): ReuseFigure {
  const documents = readDocuments(entriesDir);
  const mb = (bytes: number) => bytes / 1024 ** 2;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const baseMB = mb(process.memoryUsage().rss);
  const stats = {} as ReuseStats;
  const started = performance.now();
  const clusters = detectReuse(documents, undefined, stats);
  const ms = performance.now() - started;
  const heapMB = mb(process.memoryUsage().heapUsed - heapBefore);
  return { articles: documents.length, clusters: clusters.length, ...stats, ms, heapMB, peakMB: process.resourceUsage().maxRSS / 1024, baseMB };
}

/** Run the detector on `entriesDir` in a child process of its own. */
export function measureReuse(entriesDir: string): Promise<ReuseFigure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', import.meta.filename, entriesDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ReuseFigure) : reject(new Error(`reuse timing failed (exit ${code})`))));
  });
}

/** One line for the bench's log. */
export function describeReuse(figure: ReuseFigure): string {
  const perArticle = (figure.candidatePairs / Math.max(1, figure.articles)).toFixed(1);
  return (
    `shared passages: ${figure.articles} articles, ${figure.paragraphs} paragraphs, ${figure.words} words -> ${figure.candidatePairs} candidate pairs ` +
    `(${perArticle} per article), ${figure.passages} passages, ${figure.clusters} clusters in ${figure.ms.toFixed(0)} ms, ` +
    `${figure.peakMB.toFixed(0)} MB peak (${figure.baseMB.toFixed(0)} MB before)`
  );
}

if (path.resolve(process.argv[1] ?? '') === import.meta.filename) {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error('usage: node scripts/bench/reuse-time.ts <entries folder>');
  process.stdout.write(`${JSON.stringify(timeReuse(path.resolve(dir)))}\n`);
}
