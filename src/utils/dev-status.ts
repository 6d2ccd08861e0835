/**
 * `npm run dev` only: the status of the last ingest of the watched corpus (written by scripts/dev.ts beside the
 * entries), read fresh on every request so a page shows an ingest error as soon as it happens and stops when
 * the source is fixed. Null when there is no status file (the build, or a dev server started without the
 * watcher) or it cannot be read.
 */
import { readFileSync } from 'node:fs';
import { devStatusFile } from '../core/ingest-files.ts';
import { devStatusSchema, type DevStatus } from '../schemas/ingest-report.ts';
import { ENTRIES_DIR } from './corpus-paths.ts';

/** The last ingest's status, or null. */
export function readDevStatus(entries: string = ENTRIES_DIR): DevStatus | null {
  try {
    return devStatusSchema.parse(JSON.parse(readFileSync(devStatusFile(entries), 'utf8')));
  } catch {
    return null;
  }
}
