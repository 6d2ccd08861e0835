// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { publicAddress } from './src/integrations/public-address.ts';
import { pruneOutput } from './src/integrations/prune-output.ts';
import { rebuildReport } from './src/integrations/rebuild-report.ts';

// The public origin of the deployed site, for canonical links, citations, exports, the sitemap and feeds. Set
// SITE_URL when deploying. Without it there is no address to give, so none is made up: the build says so once
// and leaves it out (src/integrations/public-address.ts).
const site = process.env.SITE_URL || undefined;

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
  // publicAddress adds what needs SITE_URL (the sitemap and the RSS feeds), or warns once that there is none.
  // rebuildReport says after each build how many files were rendered again and how many reused; pruneOutput
  // removes from dist/ what the build no longer makes (dist/ is kept between builds, see below).
  integrations: [mdx(), publicAddress(site), rebuildReport(), pruneOutput()],
  // No syntax highlighting in the authored pages (MDX inherits this): Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  // No asset inlined as a data: URL (Vite inlines files under 4 KiB, such as KaTeX's smallest fonts): the CSP's
  // default-src 'self' loads fonts from the site only, so every one is a file of /_astro/.
  // dist/ is not emptied before a build: an unchanged page already there is left in place instead of being copied
  // back from the incremental build's cache, and pruneOutput removes what the build no longer makes.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  // A rebuild renders again only the pages whose data or code changed: each per-article route keys its pages
  // by a hash of everything they show (src/utils/page-keys.ts); the others are rendered every time.
  experimental: { incrementalBuild: true },
});
