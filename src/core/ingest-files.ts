/**
 * The files the ingest writes besides its entries, named from the output folder, so the ingest, `npm run dev`
 * and the site find the same ones: the incremental cache and the dev status beside the folder, and the
 * coverage report inside it (swapped in with the entries, so the two always describe the same run).
 * "/p/src/content/articles" -> cache "/p/src/content/.articles.ingest-cache.json", coverage "/p/src/content/articles/coverage.json"
 */
import path from 'node:path';

/** The incremental cache of the run that wrote `entries` (scripts/ingest/cache.ts). */
export function ingestCacheFile(entries: string): string {
  return path.join(path.dirname(entries), `.${path.basename(entries)}.ingest-cache.json`);
}

/** What the ingest kept, left out and noticed (src/schemas/ingest-report.ts), written with the entries. */
export function ingestReportFile(entries: string): string {
  return path.join(entries, 'coverage.json');
}

/** `npm run dev` only: whether the last ingest of the watched corpus succeeded, and its errors (src/schemas/ingest-report.ts). */
export function devStatusFile(entries: string): string {
  return path.join(path.dirname(entries), `.${path.basename(entries)}.dev-status.json`);
}

/** The last run's every warning and error, one a line, for a curator to read in full (the terminal shows a summary). */
export function ingestLogFile(entries: string): string {
  return path.join(path.dirname(entries), `${path.basename(entries)}.ingest.log`);
}
