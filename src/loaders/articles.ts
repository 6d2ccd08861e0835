/**
 * Content loader for the generated article entries (`<slug>.mdx`, written by `npm run ingest`).
 * It stores each entry's frontmatter, validated by the collection's schema, and where its file is; the
 * body stays in the file, so entries are never compiled to JavaScript modules and the content store stays
 * small at any corpus size. The article page renders the body (src/utils/article-bodies.ts, which keeps
 * rendered bodies between builds); an entry whose file is byte for byte unchanged since the last build is
 * neither parsed nor rendered again. In dev (`npm run dev`) it watches the folder, which the ingest replaces
 * whole on every run, and the dev status file beside it: any change loads the folder again (the same digests
 * decide what is parsed), and a new status reloads the open pages, so an ingest error shows at once.
 * "---\nslug: a-title\ntitle: A title\n...\n---\n\nBody" -> { id: "a-title", data: { slug, title, ... }, filePath }
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { devStatusFile } from '../core/ingest-files.ts';
import { parseYaml } from '../core/yaml.ts';
import { pruneBodies } from '../utils/article-bodies.ts';

/** `---` YAML `---` at the very start of the file, as the ingest writes it. */
const FRONTMATTER = /^---\n([\s\S]*?)\n---(?:\n|$)/;

/** The articles loader; `folder` is absolute or relative to the directory the build runs from (the project root). */
export function articlesLoader(folder: string): Loader {
  return {
    name: 'dossier-articles',
    load: async (context) => {
      const base = path.resolve(process.cwd(), folder);
      await loadFolder(base, context);
      if (context.watcher) watchFolder(base, context);
    },
  };
}

/** Store every entry of `base`: unchanged files (same digest) are not parsed again; entries whose file went are deleted. */
async function loadFolder(base: string, { store, parseData, generateDigest, logger }: LoaderContext): Promise<void> {
  // No folder yet (a fresh clone, before the first ingest; `astro check` syncs content too): no entries.
  const names = existsSync(base) ? await readdir(base) : [];
  const untouched = new Set(store.keys());
  const seen = new Map<string, string>();
  const bodies: string[] = [];
  const files = names.filter((name) => name.endsWith('.mdx')).sort();
  if (files.length === 0) logger.warn(`no entries (*.mdx) in ${base}; run \`npm run ingest\` first`);
  // The entries the store already has, by file: an unchanged file is known without parsing it again.
  const stored = new Map([...store.values()].map((entry) => [entry.filePath, entry]));
  for (const name of files) {
    const absolute = path.join(base, name);
    const filePath = path.relative(process.cwd(), absolute);
    const contents = await readFile(absolute, 'utf8');
    const digest = generateDigest(contents);
    bodies.push(contents);
    const known = stored.get(filePath);
    const unchanged = known?.digest === digest;
    const data = unchanged ? undefined : readFrontmatter(contents, filePath);
    const id = unchanged ? known!.id : String(data!['slug']);
    if (seen.has(id)) throw new Error(`${filePath}: slug "${id}" is also the slug of ${seen.get(id)}`);
    seen.set(id, filePath);
    untouched.delete(id);
    if (data) store.set({ id, data: await parseData({ id, data, filePath }), filePath, digest });
  }
  for (const id of untouched) store.delete(id);
  pruneBodies(bodies);
}

/**
 * Dev only: load the folder again after anything in it changes (the ingest swaps in a new folder, so the parent is
 * watched), one load at a time; then record the dev status file's content in the loader's meta, which saves the
 * store and so reloads the open pages even when no entry changed (a failed ingest leaves them all as they were).
 */
function watchFolder(base: string, context: LoaderContext): void {
  const { watcher, logger, meta } = context;
  const status = devStatusFile(base);
  watcher!.add(path.dirname(base));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const reload = () => {
    running = running.then(async () => {
      // Between the two renames of the ingest's swap the folder is briefly missing: the next event loads it.
      if (!existsSync(base)) return;
      try {
        await loadFolder(base, context);
        meta.set('dev-status', existsSync(status) ? readFileSync(status, 'utf8') : '');
      } catch (error) {
        logger.error(`could not load the entries again: ${(error as Error).message}`);
      }
    });
  };
  watcher!.on('all', (_event, changed) => {
    if (changed !== status && changed !== base && !changed.startsWith(`${base}${path.sep}`)) return;
    clearTimeout(timer);
    timer = setTimeout(reload, 150);
  });
}

/**
 * An entry's frontmatter as plain data; an error names the file when there is none or it is not YAML.
 * The core schema: JSON's types only, so a date stays a string. (`js-yaml` parsed these about 7x faster,
 * 0.4 against 2.3-3 ms an entry; one YAML library is worth that, and an unchanged entry is not parsed at all.)
 */
function readFrontmatter(contents: string, filePath: string): Record<string, unknown> {
  const match = FRONTMATTER.exec(contents);
  if (!match) throw new Error(`${filePath}:1:1: an entry must start with a --- frontmatter block`);
  try {
    return parseYaml(match[1]!) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${filePath}: the frontmatter is not valid YAML`, { cause: error });
  }
}
