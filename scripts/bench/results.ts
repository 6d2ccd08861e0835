/**
 * The benchmark's results: what one corpus size measured (SizeResult), bench/results.json (one entry per size, the
 * latest run of each, so sizes can be run apart), and the figures derived from a size's run that the report uses.
 *   readResults() -> { note: 'Written by `npm run bench` …', sizes: { '1000': { articles: 1000, … } } }
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RouteTime } from './astro-log.ts';
import type { PageWeight, SearchFigure } from './measure-browser.ts';
import type { ConcordanceFigure } from './measure-concordance.ts';
import type { Machine, Measured } from './measure-process.ts';
import type { ReuseFigure } from './reuse-time.ts';

/** The results file, beside the generated output. */
export const RESULTS = path.resolve(import.meta.dirname, '../../bench/results.json');

export interface SizeResult {
  articles: number;
  seed: number;
  generatorVersion: number;
  measuredAt: string;
  machine: Machine;
  /** 1-minute load average when the size started and ended: other work on the machine slows wall times. */
  load: [number, number];
  corpus: { textFiles: number; feeds: number; feedItems: number; bytes: number };
  ingest: Measured & { articlesPerSecond: number; articlesWritten: number };
  reingestUnchanged: Measured;
  reingestOneFile: Measured & { file: string };
  /** After the full build: one source changed, then the incremental ingest and `npm run build`'s site and search index
   * side by side (scripts/build.ts: `site`); runs before 2026-12-04 measured astro build and Pagefind one after the other. */
  rebuild?: { ingest: Measured; site?: Measured; build?: Measured; pagefind?: Measured };
  build: Measured & { pages: number; phases: Record<string, number>; routes: RouteTime[] };
  pagefind: Measured & { pages: number };
  bare: (Measured & { pages: number }) | null;
  endToEnd: { wallS: number; cpuS: number; peakMB: number; articlesPerSecond: number };
  dist: { bytes: number; files: number; indexBytes: number; indexFiles: number };
  /** Uncompressed HTML of the pages that list the whole corpus, which grow with it. */
  listPages: Record<string, number>;
  /** Shared-passage detection alone, on the entries' paragraphs (scripts/bench/reuse-time.ts). */
  reuse?: ReuseFigure;
  browser: {
    medianPage: PageWeight;
    largestPage: PageWeight;
    searches: SearchFigure[];
    concordances?: ConcordanceFigure[];
    /** When the concordances were measured apart from the rest of the size (scripts/bench/measure-concordance.ts DIST). */
    concordanceRun?: { measuredAt: string; load: [number, number] };
  } | null;
}

export interface ResultsFile {
  note: string;
  sizes: Record<string, SizeResult>;
}

/** bench/results.json as the last runs left it (none yet: no sizes). */
export function readResults(): ResultsFile {
  if (!existsSync(RESULTS)) return { note: 'Written by `npm run bench` (scripts/bench.ts); one entry per corpus size, the latest run of each.', sizes: {} };
  return JSON.parse(readFileSync(RESULTS, 'utf8')) as ResultsFile;
}

/** Write bench/results.json. */
export function writeResults(results: ResultsFile): void {
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}

/** The stages of a rebuild after the ingest: the site and its search index, side by side or (older runs) one after the other. */
export const rebuildStages = (rebuild: NonNullable<SizeResult['rebuild']>): Measured[] => (rebuild.site ? [rebuild.site] : [rebuild.build!, rebuild.pagefind!]);
/** Incremental ingest of one changed source + astro build + Pagefind: what a curator waits for after adding a source
 * (measured; runs from before the build cache existed add the cold build's times). */
export const rebuild = (run: SizeResult) =>
  run.rebuild
    ? run.rebuild.ingest.wallS + rebuildStages(run.rebuild).reduce((sum, stage) => sum + stage.wallS, 0)
    : run.reingestOneFile.wallS + run.build.wallS + run.pagefind.wallS;
