// @ts-check
/**
 * Astro config for benchmark builds of the site (`npm run bench`): the project's own config, pages and
 * components, under a root of its own, so the `.astro/` files Astro generates for the benchmark corpus
 * (content modules, types) never replace the project's while someone else builds it. The corpus comes
 * from DOSSIER_ENTRIES / DOSSIER_TOPICS / DOSSIER_SOURCES (see src/content.config.ts); the content
 * cache goes to DOSSIER_CACHE_DIR, one per corpus size, so corpora never mix; `--outDir` on the CLI.
 */
import { fileURLToPath } from 'node:url';
import config from '../../astro.config.mjs';

const project = new URL('../../', import.meta.url);

export default {
  ...config,
  srcDir: fileURLToPath(new URL('src/', project)),
  publicDir: fileURLToPath(new URL('public/', project)),
  ...(process.env.DOSSIER_CACHE_DIR ? { cacheDir: process.env.DOSSIER_CACHE_DIR } : {}),
};
