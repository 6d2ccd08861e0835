/**
 * Rendered article bodies, kept on disk by content, so a build renders only the entries that changed: each
 * article page reads its body from the cache (`readBody`), or renders it and caches it, and the corpus link
 * graph (and the shared passages) read each body's outbound links, ids and paragraphs (`readLinks`) from a small file beside it. The cache is a
 * folder beside the entries folder, named by the SHA-256 of everything the HTML depends on: the entry's bytes,
 * the topic taxonomy's bytes, and the renderer's own source files and locked dependencies; a body whose links
 * to other articles of the corpus go to their copies here, or that marks passages other articles share, is the plain
 * body decorated with them (src/utils/render-article.ts, `decorateBody`: no second render), cached under that key
 * and a hash of those links and marks.
 * The articles loader drops files no entry has any more (`pruneBodies`; a body cached under in-corpus links that
 * have since changed stays until its entry does).
 * src/content/articles/a-title.mdx -> src/content/.articles.bodies/3f9a…c1.json { html, headings, hasFigures, inlineStyles }
 *                                     src/content/.articles.bodies/3f9a…c1.links.json { links, anchors, paragraphs, mentions }
 *                                     src/content/.articles.bodies/3f9a…c1.5be0…77.json (with its in-corpus links)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENTRIES_DIR, TOPICS_FILE } from './corpus-paths.ts';
import { decorateBody, renderArticle, type RenderedArticle, type RenderOptions } from './render-article.ts';

/** One entry to render: its file (named in errors), its MDX, its topics, its in-corpus links (href -> site path) and its shared passages. */
export interface BodyJob {
  filePath: string;
  mdx: string;
  topics: readonly string[];
  corpusLinks?: Readonly<Record<string, string>>;
  alsoIn?: RenderOptions['alsoIn'];
}

/** What the article page shows of a body. */
export type ArticleBody = Pick<RenderedArticle, 'html' | 'headings' | 'hasFigures' | 'inlineStyles'>;

/** What the link graph, the shared passages and the works cited read of a body: its links to other sites, its ids, its paragraphs, the identifiers written in it. */
export type BodyLinks = Pick<RenderedArticle, 'links' | 'anchors' | 'paragraphs' | 'mentions'>;

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
  // This module too: it decides what a cache file holds.
  add(path.resolve(process.cwd(), 'src/utils/article-bodies.ts'));
  hash.update(readFileSync(TOPICS_FILE));
  hash.update(readFileSync(path.resolve(process.cwd(), 'package-lock.json')));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The key of an entry's body: its content and the renderer's (64 hex digits, the start of each of its files' names). */
function contentKey(mdx: string): string {
  return createHash('sha256').update(rendererFingerprint()).update(mdx).digest('hex');
}

/** The cache file of an entry's body; with in-corpus links or shared passages, a file of its own named by them too. */
function bodyFile(job: BodyJob): string {
  const key = contentKey(job.mdx);
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  const links = Object.entries(job.corpusLinks ?? {}).sort(byKey);
  const alsoIn = Object.entries(job.alsoIn ?? {}).sort(byKey);
  if (links.length === 0 && alsoIn.length === 0) return path.join(CACHE_DIR, `${key}.json`);
  const extra = alsoIn.length === 0 ? links : [links, alsoIn];
  return path.join(CACHE_DIR, `${key}.${createHash('sha256').update(JSON.stringify(extra)).digest('hex').slice(0, 16)}.json`);
}

/** The file of an entry's links and ids: the same whatever its in-corpus links are (they change hrefs, not these). */
function linksFile(mdx: string): string {
  return path.join(CACHE_DIR, `${contentKey(mdx)}.links.json`);
}

/** Write a cache file (through a temporary file, so a reader never sees half of it). */
function writeJson(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, file);
}

/** Render an entry (without what depends on the rest of the corpus) and cache both its body and its links. */
async function render(job: Omit<BodyJob, 'corpusLinks' | 'alsoIn'>): Promise<RenderedArticle> {
  const rendered = await renderArticle(job.mdx, { label: job.filePath, topics: job.topics });
  mkdirSync(CACHE_DIR, { recursive: true });
  const { html, headings, hasFigures, inlineStyles, links, anchors, paragraphs, mentions } = rendered;
  writeJson(bodyFile({ filePath: job.filePath, mdx: job.mdx, topics: job.topics }), { html, headings, hasFigures, inlineStyles } satisfies ArticleBody);
  writeJson(linksFile(job.mdx), { links, anchors, paragraphs, mentions } satisfies BodyLinks);
  return rendered;
}

/** An entry's rendered body: from the cache, or rendered now (and cached); with in-corpus links or shared passages,
 * the plain body decorated with them (decorateBody: the body is parsed once, never twice), and that cached too. */
export async function readBody(job: BodyJob): Promise<ArticleBody> {
  const file = bodyFile(job);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ArticleBody;
  const plainFile = bodyFile({ ...job, corpusLinks: undefined, alsoIn: undefined });
  const plain: ArticleBody = existsSync(plainFile) ? (JSON.parse(readFileSync(plainFile, 'utf8')) as ArticleBody) : await render(job);
  if (file === plainFile) return pick(plain);
  const decorated = { ...pick(plain), html: decorateBody(plain.html, { label: job.filePath, corpusLinks: job.corpusLinks, alsoIn: job.alsoIn }) };
  writeJson(file, decorated);
  return decorated;
}

function pick({ html, headings, hasFigures, inlineStyles }: ArticleBody): ArticleBody {
  return { html, headings, hasFigures, inlineStyles };
}

/** An entry's links to other sites, its ids and its paragraphs: from the cache, or from rendering it now (without in-corpus links or marks). */
export async function readLinks(job: Omit<BodyJob, 'corpusLinks' | 'alsoIn'>): Promise<BodyLinks> {
  const file = linksFile(job.mdx);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as BodyLinks;
  const { links, anchors, paragraphs, mentions } = await render(job);
  return { links, anchors, paragraphs, mentions };
}

/** Drop cached files that no entry has any more (the loader calls it with every entry it synced). */
export function pruneBodies(entries: readonly string[]): void {
  if (!existsSync(CACHE_DIR)) return;
  const wanted = new Set(entries.map(contentKey));
  for (const name of readdirSync(CACHE_DIR)) if (!wanted.has(name.slice(0, 64))) rmSync(path.join(CACHE_DIR, name), { force: true });
}
