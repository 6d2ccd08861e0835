/**
 * Rendered article bodies, kept on disk by content, so a build renders only the entries that changed: each
 * article page reads its body from the cache (`readBody`), or renders it and caches it. The cache is a
 * folder beside the entries folder, one JSON file per body, named by the SHA-256 of everything the HTML
 * depends on: the entry's bytes, the topic taxonomy's bytes, and the renderer's own source files and locked
 * dependencies. The articles loader drops bodies no entry has any more (`pruneBodies`).
 * src/content/articles/a-title.mdx -> src/content/.articles.bodies/3f9a…c1.json { html, headings, hasFigures }
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENTRIES_DIR, TOPICS_FILE } from './corpus-paths.ts';
import { renderArticle, type RenderedArticle } from './render-article.ts';

/** One entry to render: its file (named in errors), its MDX and its topics. */
export interface BodyJob {
  filePath: string;
  mdx: string;
  topics: readonly string[];
}

const CACHE_DIR = path.join(path.dirname(ENTRIES_DIR), `.${path.basename(ENTRIES_DIR)}.bodies`);

let fingerprint: string | undefined;

/** Hash of what every body depends on besides its entry: the renderer's modules, the taxonomy, the lockfile. */
function rendererFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  // The renderer and every project module it imports, followed through their relative imports.
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    hash.update(`${path.relative(process.cwd(), file)}\0${text}\0`);
    for (const [, specifier] of text.matchAll(/^(?:import|export)[^;]*? from '(\.{1,2}\/[^']+)'/gm)) add(path.resolve(path.dirname(file), specifier!));
  };
  add(path.resolve(process.cwd(), 'src/utils/render-article.ts'));
  hash.update(readFileSync(TOPICS_FILE));
  hash.update(readFileSync(path.resolve(process.cwd(), 'package-lock.json')));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The cache file of an entry's body. */
function cacheFile(mdx: string): string {
  const key = createHash('sha256').update(rendererFingerprint()).update(mdx).digest('hex');
  return path.join(CACHE_DIR, `${key}.json`);
}

/** Write a rendered body to its cache file (through a temporary file, so a reader never sees half of it). */
function writeBody(file: string, body: RenderedArticle): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(body));
  renameSync(temporary, file);
}

/** An entry's rendered body: from the cache, or rendered now (and cached). */
export async function readBody(job: BodyJob): Promise<RenderedArticle> {
  const file = cacheFile(job.mdx);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as RenderedArticle;
  const body = await renderArticle(job.mdx, { label: job.filePath, topics: job.topics });
  mkdirSync(CACHE_DIR, { recursive: true });
  writeBody(file, body);
  return body;
}

/** Drop cached bodies that no entry has any more (the loader calls it with every entry it synced). */
export function pruneBodies(entries: readonly string[]): void {
  if (!existsSync(CACHE_DIR)) return;
  const wanted = new Set(entries.map((mdx) => path.basename(cacheFile(mdx))));
  for (const name of readdirSync(CACHE_DIR)) if (!wanted.has(name)) rmSync(path.join(CACHE_DIR, name), { force: true });
}
