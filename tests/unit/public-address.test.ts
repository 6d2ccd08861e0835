/**
 * The public-address integration: with SITE_URL it adds the feeds and the sitemap; without it, it adds
 * neither and warns exactly once when the build starts, so no output carries a made-up address.
 */
import { describe, expect, test, vi } from 'vitest';
import { FEED_ROUTES, NO_ADDRESS_WARNING, publicAddress } from '../../src/integrations/public-address.ts';

/** Run the two hooks with stand-ins for Astro's helpers and record what they did. */
function run(site: string | undefined) {
  const injectRoute = vi.fn();
  const updateConfig = vi.fn();
  const warn = vi.fn();
  const { hooks } = publicAddress(site);
  // Only the helpers the hooks use; the rest of Astro's hook arguments are not needed here.
  (hooks['astro:config:setup'] as (options: unknown) => void)({ injectRoute, updateConfig });
  (hooks['astro:build:start'] as (options: unknown) => void)({ logger: { warn } });
  return { injectRoute, updateConfig, warn };
}

describe('publicAddress', () => {
  test('without SITE_URL: no feed routes, no sitemap, one warning naming what is left out', () => {
    const { injectRoute, updateConfig, warn } = run(undefined);
    expect(injectRoute).not.toHaveBeenCalled();
    expect(updateConfig).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(NO_ADDRESS_WARNING);
    expect(NO_ADDRESS_WARNING).toMatch(/SITE_URL is not set.*citations.*no Dossier address.*canonical links, the sitemap and the RSS feeds are left out/);
  });

  test('with SITE_URL: every feed route and the sitemap integration, no warning', () => {
    const { injectRoute, updateConfig, warn } = run('https://dossier.test');
    expect(injectRoute.mock.calls.map(([route]) => route.pattern)).toEqual(FEED_ROUTES.map((route) => route.pattern));
    expect(injectRoute.mock.calls.every(([route]) => route.prerender === true)).toBe(true);
    expect(updateConfig).toHaveBeenCalledTimes(1);
    expect(updateConfig.mock.calls[0]![0].integrations.map((integration: { name: string }) => integration.name)).toEqual(['@astrojs/sitemap']);
    expect(warn).not.toHaveBeenCalled();
  });
});
