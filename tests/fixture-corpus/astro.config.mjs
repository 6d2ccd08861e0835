// @ts-check
/**
 * Astro config for the fixture site (scripts/test/build-fixture-site.ts): the project's own, with this folder as root and
 * its caches in build/ (tests/helpers/test-site-config.mjs). (The benchmark does the same with bench/site/astro.config.mjs.)
 */
import { testSiteConfig } from '../helpers/test-site-config.mjs';

export default testSiteConfig(new URL('./', import.meta.url));
