// @ts-check
/**
 * Astro config for the real-world site (scripts/build-realworld-site.ts): the project's own config, pages and
 * components under this folder as root, as tests/fixture-corpus/astro.config.mjs does, so the `.astro/` files and
 * caches Astro makes for this corpus stay here (git-ignored) and never replace the project's.
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
