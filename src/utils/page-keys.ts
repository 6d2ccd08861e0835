/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs): a page whose key and
 * module graph are both unchanged since the last build is not rendered again, its previous output is reused. A
 * key must therefore cover everything the page shows that does not come from its modules' code: a route's
 * getStaticPaths builds the page's data once, passes exactly that as props, and keys the page by a hash of it,
 * so nothing the page shows can escape the key. Another article shown on the page (related, cited, next) is
 * keyed by its entry's digest, which covers all of its data. Code (components, the renderer, plugins) is covered by Astro's
 * per-route dependency hash, the config (SITE_URL included) and the lockfile by its own hashes.
 * pageKey({ digest: 'a1', related: [...] }) -> 'sha256 hex of the canonical JSON of that value'
 */
import { createHash } from 'node:crypto';

/** A stable hash of a JSON-serialisable value (plain objects, arrays, strings, numbers, booleans, null). */
export function pageKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
