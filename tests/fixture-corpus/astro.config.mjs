// @ts-check
/**
 * Astro config for the fixture site (scripts/build-fixture-site.ts): the project's own config, pages and
 * components under this folder as root, so the `.astro/` files Astro generates for the fixture corpus (here,
 * git-ignored) never replace the project's; its caches go to build/. The corpus comes from DOSSIER_ENTRIES /
 * DOSSIER_TOPICS / DOSSIER_SOURCES, the output folder from `--outDir`. (The benchmark does the same with
 * bench/site/astro.config.mjs.)
 */
import { fileURLToPath } from 'node:url';
import config from '../../astro.config.mjs';

const project = new URL('../../', import.meta.url);

export default {
  ...config,
  srcDir: fileURLToPath(new URL('src/', project)),
  publicDir: fileURLToPath(new URL('public/', project)),
  cacheDir: fileURLToPath(new URL('build/cache/', import.meta.url)),
  vite: { ...config.vite, cacheDir: fileURLToPath(new URL('build/vite/', import.meta.url)) },
};
