// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import { rehypeParagraphPermalinks } from './src/plugins/rehype-paragraph-permalinks.ts';
import { rehypeTopicLinks } from './src/plugins/rehype-topic-links.ts';
import { remarkParagraphIds } from './src/plugins/remark-paragraph-ids.ts';

// The public origin of the deployed site, for the sitemap, feeds and citations. Set SITE_URL when deploying.
const site = process.env.SITE_URL ?? 'https://dossier.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap()],
  markdown: {
    // Keep source text exactly as written: no smart quotes, no highlighting markup in code.
    processor: unified({
      gfm: true,
      smartypants: false,
      remarkPlugins: [remarkParagraphIds],
      rehypePlugins: [rehypeSlug, rehypeTopicLinks, rehypeParagraphPermalinks],
      remarkRehype: { footnoteLabel: 'Notes', footnoteBackLabel: (/** @type {number} */ index) => `Back to reference ${index + 1}` },
    }),
    syntaxHighlight: false,
  },
});
