// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

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
      directives: ["default-src 'self'", "img-src 'self' https:", "object-src 'none'", "frame-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // @astrojs/mdx compiles the site's own authored pages (src/pages/about/). Article entries are MDX too, but it
  // never sees them: the `articles` collection has its own loader, which stores frontmatter only, and
  // src/utils/render-article.ts renders their bodies without compiling them (docs/decisions/0001-rendering-article-entries.md).
  integrations: [mdx(), sitemap()],
  // No syntax highlighting in the authored pages (MDX inherits this): Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
});
