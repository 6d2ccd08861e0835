/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs): a page whose key and
 * module graph are both unchanged since the last build is not rendered again, its previous output is reused. A
 * key must therefore cover everything the page shows that does not come from its modules' code: a route's
 * getStaticPaths builds the page's data once, passes exactly that as props, and keys the page by a hash of it,
 * so nothing the page shows can escape the key. Another article shown on the page (related, cited, next) is
 * keyed by its entry's digest, which covers all of its data. Code (components, the renderer, plugins) is covered by Astro's
 * per-route dependency hash, the config (SITE_URL included) and the lockfile by its own hashes. That hash missed what
 * a page shares with every other: a page reused after src/styles/ changed linked the bundle's old CSS file, which the
 * build had removed (an unstyled page), and article pages reused after the header in src/layouts/Base.astro changed kept
 * the old header and a removed stylesheet. So every key also covers the bytes of the site's code (src/ but its
 * generated content): a change to the code renders every page again, a change to the corpus only the pages it touches.
 * pageKey({ digest: 'a1', related: [...] }) -> 'sha256 hex of the site's code and the canonical JSON of that value'
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The site's code: every file under src/ but the generated entries and their caches in src/content/ (the build runs in
 * the project root, as corpus-paths.ts assumes), names and bytes, hashed once. */
const CODE = (() => {
  const src = path.resolve(process.cwd(), 'src');
  const hash = createHash('sha256');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(src, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(`content${path.sep}`))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(path.join(src, file)));
  return hash.digest('hex');
})();

/** A stable hash of a JSON-serialisable value (plain objects, arrays, strings, numbers, booleans, null), and of the site's code. */
export function pageKey(value: unknown): string {
  return createHash('sha256').update(CODE).update(JSON.stringify(value)).digest('hex');
}
