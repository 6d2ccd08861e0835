/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs): a page whose key and
 * module graph are both unchanged since the last build is not rendered again, its previous output is reused. A
 * key must therefore cover everything the page shows that does not come from its modules' code: a route's
 * getStaticPaths builds the page's data once, passes exactly that as props, and keys the page by a hash of it,
 * so nothing the page shows can escape the key. Another article shown on the page (related, cited, next) is
 * keyed by its entry's digest, which covers all of its data. Code (components, the renderer, plugins) is covered by Astro's
 * per-route dependency hash, the config (SITE_URL included) and the lockfile by its own hashes. The site's stylesheets
 * are not: a page reused after src/styles/ changed linked the bundle's old CSS file, which the build had removed (an
 * unstyled page), so every key also covers their bytes.
 * pageKey({ digest: 'a1', related: [...] }) -> 'sha256 hex of the stylesheets and the canonical JSON of that value'
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The bytes of every stylesheet of src/styles/ (the build runs in the project root, as corpus-paths.ts assumes), hashed once. */
const STYLES = (() => {
  const dir = path.resolve(process.cwd(), 'src/styles');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest('hex');
})();

/** A stable hash of a JSON-serialisable value (plain objects, arrays, strings, numbers, booleans, null), and of the stylesheets. */
export function pageKey(value: unknown): string {
  return createHash('sha256').update(STYLES).update(JSON.stringify(value)).digest('hex');
}
