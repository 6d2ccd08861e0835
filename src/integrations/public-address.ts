/**
 * Everything that needs the site's public address (SITE_URL), and nothing when there is none: a build
 * without one gives no made-up address anywhere. With an address it adds the sitemap and the RSS feeds
 * (sitemaps and RSS 2.0 both require absolute URLs, and @astrojs/rss refuses to run without `site`);
 * without one it leaves them out and says so once, when the build starts. Canonical links and the
 * citations read `Astro.site` and leave the address out by themselves.
 * publicAddress(undefined) -> warns "SITE_URL is not set: ..." on `astro build`; no feeds, no sitemap.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** The routes that exist only with an address: the feed of all articles and one per topic. */
export const FEED_ROUTES = [
  { pattern: '/rss.xml', entrypoint: new URL('../feeds/rss.xml.ts', import.meta.url) },
  { pattern: '/topics/[slug]/rss.xml', entrypoint: new URL('../feeds/topic-rss.xml.ts', import.meta.url) },
] as const;

/** What a build without SITE_URL leaves out, in the words the warning uses. */
export const NO_ADDRESS_WARNING =
  'SITE_URL is not set: citations (on the page, BibTeX, CSL-JSON, citation_* tags) will carry no Dossier address, ' +
  'exports link by site path, and canonical links, the sitemap and the RSS feeds are left out. ' +
  'Set SITE_URL to the public address (SITE_URL=https://… npm run build) to include them.';

/** The integration; `site` is SITE_URL as given, or undefined. */
export function publicAddress(site: string | undefined): AstroIntegration {
  return {
    name: 'dossier-public-address',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        if (site === undefined) return;
        for (const route of FEED_ROUTES) injectRoute({ ...route, prerender: true });
        updateConfig({ integrations: [sitemap()] });
      },
      'astro:build:start': ({ logger }) => {
        if (site === undefined) logger.warn(NO_ADDRESS_WARNING);
      },
    },
  };
}
