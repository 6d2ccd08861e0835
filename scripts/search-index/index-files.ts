/**
 * The files a written Pagefind index refers to, so that a new index can be written over the last one
 * (scripts/search-index/index-search.ts). Pagefind names its fragments, word chunks, filters and metadata by a hash of
 * their contents and does not compress and write again a hashed file that already exists: over the last
 * index, it writes only what changed (at 10,000 articles, 22 s instead of 46 s). What the new index no longer
 * refers to is then removed here.
 *
 * What is referred to is read back from the index itself: `pagefind-entry.json` names each language's
 * metadata file (`pagefind.<hash>.pf_meta`), and that file (gzip, Pagefind's 12-byte signature, then CBOR,
 * decoded with cborg) lists the pages' fragments, the word chunks and the filters by hash. Pagefind does not
 * document that layout, so it is checked: anything not as expected gives null, and the caller writes the index
 * again into an empty folder.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

/** The bytes Pagefind puts before the CBOR of every file it compresses. */
const SIGNATURE = 'pagefind_dcd';

/** The folders of hashed files, and the name of a file in each. */
const HASHED = {
  fragment: (hash: string) => `fragment/${hash}.pf_fragment`,
  index: (hash: string) => `index/${hash}.pf_index`,
  filter: (hash: string) => `filter/${hash}.pf_filter`,
};

const isHash = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9_-]+$/i.test(value);

/** The hashes at `at` of each row of `rows` (a list of lists), or null when a row is not a list with a hash there. */
function hashesOf(rows: unknown, at: number): string[] | null {
  if (!Array.isArray(rows)) return null;
  const hashes: string[] = [];
  for (const row of rows) {
    if (!Array.isArray(row) || !isHash(row[at])) return null;
    hashes.push(row[at]);
  }
  return hashes;
}

/** The files of one language's metadata: itself, and the fragments, word chunks and filters it lists. */
function metaFiles(dir: string, hash: string): string[] | null {
  const name = `pagefind.${hash}.pf_meta`;
  const file = path.join(dir, name);
  if (!existsSync(file)) return null;
  let meta: unknown;
  try {
    const bytes = gunzipSync(readFileSync(file));
    if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) return null;
    meta = decode(bytes.subarray(SIGNATURE.length));
  } catch {
    return null;
  }
  // [version, pages: [hash, word count, ...][], chunks: [from, to, hash][], filters: [name, hash][], sorts, meta fields]
  if (!Array.isArray(meta) || typeof meta[0] !== 'string') return null;
  const pages = hashesOf(meta[1], 0);
  const chunks = hashesOf(meta[2], 2);
  const filters = hashesOf(meta[3], 1);
  if (pages === null || chunks === null || filters === null) return null;
  return [name, ...pages.map(HASHED.fragment), ...chunks.map(HASHED.index), ...filters.map(HASHED.filter)];
}

/** Every hashed file the index in `dir` refers to (paths relative to `dir`, with `/`), or null when it cannot be read back. */
export function referencedFiles(dir: string): Set<string> | null {
  let entry: unknown;
  try {
    entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'));
  } catch {
    return null;
  }
  const languages = (entry as { languages?: unknown }).languages;
  if (typeof languages !== 'object' || languages === null || Object.keys(languages).length === 0) return null;
  const files = new Set<string>();
  for (const language of Object.values(languages)) {
    const hash = (language as { hash?: unknown }).hash;
    if (!isHash(hash)) return null;
    const listed = metaFiles(dir, hash);
    if (listed === null) return null;
    for (const file of listed) files.add(file);
  }
  for (const file of files) if (!existsSync(path.join(dir, file))) return null;
  return files;
}

/**
 * Remove the hashed files of the index in `dir` that it no longer refers to (left by the index written before
 * it); Pagefind's other files (its scripts, styles, WebAssembly and entry) are written whole every time and
 * left alone. Returns how many were removed, or null when the index cannot be read back (nothing is removed).
 */
export function removeUnreferenced(dir: string): number | null {
  const referenced = referencedFiles(dir);
  if (referenced === null) return null;
  let removed = 0;
  const remove = (file: string) => {
    if (referenced.has(file)) return;
    rmSync(path.join(dir, file), { force: true });
    removed++;
  };
  for (const name of readdirSync(dir)) if (/^pagefind\..+\.pf_meta$/.test(name)) remove(name);
  for (const folder of Object.keys(HASHED)) {
    if (!existsSync(path.join(dir, folder))) continue;
    for (const name of readdirSync(path.join(dir, folder))) remove(`${folder}/${name}`);
  }
  return removed;
}
