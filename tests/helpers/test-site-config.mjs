// @ts-check
/**
 * The Astro config of a site the tests build from another corpus (tests/fixture-corpus/, tests/realworld-site/): the
 * project's own config, pages and components, with that folder as root, so the `.astro/` files Astro generates for
 * it (there, git-ignored) never replace the project's, and its caches under that folder's build/. The corpus comes
 * from DOSSIER_ENTRIES / DOSSIER_TOPICS / DOSSIER_SOURCES, the output folder from `--outDir`.
 *   testSiteConfig(new URL('./', import.meta.url)) in tests/fixture-corpus/astro.config.mjs
 */
import { fileURLToPath } from 'node:url';
import config from '../../astro.config.mjs';

const project = new URL('../../', import.meta.url);

/**
 * The config of the site whose folder is `folder` (a file: URL ending in "/").
 * @param {URL} folder
 */
export function testSiteConfig(folder) {
  return {
    ...config,
    srcDir: fileURLToPath(new URL('src/', project)),
    publicDir: fileURLToPath(new URL('public/', project)),
    cacheDir: fileURLToPath(new URL('build/cache/', folder)),
    vite: { ...config.vite, cacheDir: fileURLToPath(new URL('build/vite/', folder)) },
  };
}
