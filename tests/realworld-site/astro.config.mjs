// @ts-check
/**
 * Astro config for the real-world site (scripts/test/build-realworld-site.ts): the project's own, with this folder as root
 * and its caches in build/ (tests/helpers/test-site-config.mjs).
 */
import { testSiteConfig } from '../helpers/test-site-config.mjs';

export default testSiteConfig(new URL('./', import.meta.url));
