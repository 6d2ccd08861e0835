/**
 * The real-world site (scripts/test/build-realworld-site.ts: the seeds plus every input of ../shared/realworld/) for the
 * browser tests of tests/e2e-realworld/: its corpus, entries and dist as a Site, and why it is absent where it is.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REALWORLD_CORPUS, REALWORLD_DIST, REALWORLD_ENTRIES, realworldMissing } from '../../scripts/test/build-realworld-site.ts';
import type { Site } from './sites.ts';

export const REALWORLD_SITE: Site = { corpus: REALWORLD_CORPUS, entries: REALWORLD_ENTRIES, dist: REALWORLD_DIST };

/** Why the tests of the real-world site cannot run here, or null when its site is built. */
export function realworldSiteMissing(): string | null {
  return (
    realworldMissing() ??
    (existsSync(path.join(REALWORLD_DIST, 'index.html')) ? null : `${REALWORLD_DIST} is not built (node scripts/test/build-realworld-site.ts)`)
  );
}
