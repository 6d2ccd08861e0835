/**
 * Keeps dist/ between builds and removes from it what the new build no longer makes. Astro's incremental build
 * reuses an unchanged page by copying its previous output from the cache into dist/, after emptying dist/: at
 * 1,000 articles that copy and the emptying were about a third of a rebuild. With `vite.build.emptyOutDir: false`
 * (astro.config.mjs) an unchanged page already in dist/ is left where it is (Astro checks it is there), and this
 * integration then deletes every file of dist/ that this build neither wrote nor reused: a removed article's page,
 * a page number a list no longer has, a stylesheet of an older bundle. What the build wrote is known by its time
 * (written after the build started), what it reused by the pages Astro reports. The search indexes
 * (`/pagefind/`, `/concordance/data/`) are written after the build by scripts/search-index/index-search.ts, which removes what
 * they no longer hold itself, so they are left alone here.
 * -> "dossier-prune-output: removed 3 files the build no longer makes"
 */
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONCORDANCE_DATA } from '../core/concordance/format.ts';
import { plural } from '../core/count.ts';

/** Folders of dist/ that scripts/search-index/index-search.ts writes after the build, relative to dist/. */
const SEARCH_OUTPUT = ['pagefind', CONCORDANCE_DATA.replace(/^\/|\/$/g, '')] as const;

/**
 * Files under `dir` that are neither in `keep` (absolute paths) nor modified at or after `since` (ms), leaving
 * out the folders `skip` (relative to `dir`); sorted.
 */
function staleFiles(dir: string, keep: ReadonlySet<string>, since: number, skip: readonly string[] = SEARCH_OUTPUT): string[] {
  const stale: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(path.relative(dir, file).split(path.sep).join('/'))) walk(file);
      } else if (!keep.has(file) && statSync(file).mtimeMs < since) stale.push(file);
    }
  };
  walk(dir);
  return stale.sort();
}

/** Remove the folders under `dir` left empty (not `dir` itself). */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    removeEmptyFolders(folder);
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  }
}

export function pruneOutput(): AstroIntegration {
  let started = Date.now();
  return {
    name: 'dossier-prune-output',
    hooks: {
      'astro:config:setup': () => {
        started = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const keep = new Set([...assets.values()].flatMap((urls) => urls.map((url) => fileURLToPath(url))));
        const stale = staleFiles(root, keep, started);
        for (const file of stale) rmSync(file, { force: true });
        removeEmptyFolders(root);
        if (stale.length > 0) logger.info(`removed ${plural(stale.length, 'file')} the build no longer makes`);
      },
    },
  };
}
