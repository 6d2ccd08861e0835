// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import { rehypeExternalResources } from './src/plugins/rehype-external-resources.ts';
import { rehypeParagraphPermalinks } from './src/plugins/rehype-paragraph-permalinks.ts';
import { rehypeTopicLinks } from './src/plugins/rehype-topic-links.ts';
import { remarkParagraphIds } from './src/plugins/remark-paragraph-ids.ts';

// The public origin of the deployed site, for the sitemap, feeds and citations. Set SITE_URL when deploying.
const site = process.env.SITE_URL ?? 'https://dossier.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // A Content-Security-Policy <meta> on every page (tests/e2e/security.spec.ts proves the site works under it).
  // Astro hashes its own bundled and inlined scripts and styles; Base.astro adds the hash of its inline
  // pre-paint theme script. Pagefind compiles WebAssembly ('wasm-unsafe-eval'); images may come from any
  // https host (sources' figures). frame-ancestors cannot be set from a <meta>: send it as a header when deploying.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' https:",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  integrations: [mdx(), sitemap()],
  markdown: {
    // Keep source text exactly as written: no smart quotes, no highlighting markup in code.
    processor: unified({
      gfm: true,
      smartypants: false,
      remarkPlugins: [remarkParagraphIds],
      rehypePlugins: [rehypeSlug, rehypeTopicLinks, rehypeParagraphPermalinks, rehypeExternalResources],
      remarkRehype: { footnoteLabel: 'Notes', footnoteBackLabel: (/** @type {number} */ index) => `Back to reference ${index + 1}` },
    }),
    syntaxHighlight: false,
  },
});
