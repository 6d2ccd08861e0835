// @ts-check
/**
 * The bare baseline of `npm run bench`: Astro 7 and @astrojs/mdx with nothing of ours (no remark/rehype
 * plugins, no layout, no corpus pages), building the same generated entries, one page per entry. The
 * difference between this build and the site's is what our pages and plugins cost over Astro itself.
 * Entries come from DOSSIER_ENTRIES; DOSSIER_CACHE_DIR keeps each corpus's content cache apart.
 */
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  ...(process.env.DOSSIER_CACHE_DIR ? { cacheDir: process.env.DOSSIER_CACHE_DIR } : {}),
});
