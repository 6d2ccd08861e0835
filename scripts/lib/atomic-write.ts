/**
 * A file written whole or not at all: the data goes to a temporary file beside it, which is then renamed over it (a
 * rename within one folder is atomic), so a reader at any moment sees the old file or the new one, never half of one.
 * The ingest's cache and the dev server's status file are written so.
 *   writeFileAtomic('.articles.ingest-cache.json', '{…}') -> .articles.ingest-cache.json.tmp-4242, renamed over it
 */
import { renameSync, writeFileSync } from 'node:fs';

/** Write `data` to `file` through a temporary file of this process beside it. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}
