/**
 * Says after `astro build` how many files it rendered and how many it took unchanged from the last build
 * (Astro's incremental build, `experimental.incrementalBuild`; the keys are src/utils/page-keys.ts), so a
 * curator who changed one source sees what that cost. Astro's manifest of the previous build is read when the
 * build starts, the new one when it is done: a path whose cacheKey and route code are the same in both was
 * reused; every other file of the output was rendered.
 * -> "dossier: rendered 9 of 3,468 files; 3,459 unchanged since the last build were reused"
 */
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { formatCount } from '../core/count.ts';

/** What this report reads of Astro's incremental build manifest (node_modules/.astro/incremental-build.json). */
interface Manifest {
  routes: Record<string, { dependencyHash: string; paths: Record<string, { cacheKey: string }> }>;
}

const MANIFEST = 'incremental-build.json';

function readManifest(cacheDir: URL): Manifest | null {
  try {
    return JSON.parse(readFileSync(new URL(MANIFEST, cacheDir), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Paths of `next` whose route code and cacheKey are as in `previous`: the ones the build reused. */
function reusedPaths(previous: Manifest | null, next: Manifest | null): number {
  if (previous === null || next === null) return 0;
  let reused = 0;
  for (const [component, route] of Object.entries(next.routes)) {
    const before = previous.routes[component];
    if (before === undefined || before.dependencyHash !== route.dependencyHash) continue;
    for (const [pathname, entry] of Object.entries(route.paths)) if (before.paths[pathname]?.cacheKey === entry.cacheKey) reused += 1;
  }
  return reused;
}

export function rebuildReport(): AstroIntegration {
  let cacheDir: URL | undefined;
  let previous: Manifest | null = null;
  return {
    name: 'dossier-rebuild-report',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:start': () => {
        previous = cacheDir ? readManifest(cacheDir) : null;
      },
      'astro:build:done': ({ assets, logger }) => {
        const files = [...assets.values()].reduce((sum, urls) => sum + urls.length, 0);
        const reused = cacheDir ? reusedPaths(previous, readManifest(cacheDir)) : 0;
        logger.info(
          previous === null
            ? `rendered all ${formatCount(files)} files (no earlier build to reuse)`
            : `rendered ${formatCount(files - reused)} of ${formatCount(files)} files; ${formatCount(reused)} unchanged since the last build were reused`,
        );
      },
    },
  };
}
