/**
 * `npm run ingest`: corpus/sources/ -> src/content/articles/*.mdx. The only ingest module that
 * touches the file system; the stages in scripts/ingest/ are pure.
 *
 *   npm run ingest                     write entries (all or nothing)
 *   npm run ingest -- --keep-going     report every problem in one run
 *   npm run ingest -- --check          validate and show what each source becomes; write nothing
 *   npm run ingest -- --strict         warnings (items left out, faults tolerated) fail the run too; with --check as well
 *   --corpus DIR / --out DIR           other corpus (sources/, catalog.yaml, topics.yaml) or output folder
 *   --no-cache                         ingest every source again (the cache is still written for next time)
 *
 * Incremental: `.<out folder name>.ingest-cache.json` next to the output folder records what each source
 * became (see scripts/ingest/cache.ts); unchanged sources are not ingested again, and their entries are
 * carried over from the previous output rather than written again.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCatalog } from './ingest/catalog.ts';
import { IngestError } from '../src/core/errors.ts';
import type { IngestCache } from './ingest/cache.ts';
import { ingestSources, type IngestResult, type SourceFile } from './ingest/pipeline.ts';
import { parseTopics } from '../src/core/taxonomy.ts';

const root = path.resolve(import.meta.dirname, '..');

function main(): number {
  // 1. Options; the folders default to the project's own (other values are for tests and previews).
  const { values } = parseArgs({
    options: {
      'keep-going': { type: 'boolean' },
      check: { type: 'boolean' },
      strict: { type: 'boolean' },
      corpus: { type: 'string', default: path.join(root, 'corpus') },
      out: { type: 'string', default: path.join(root, 'src/content/articles') },
      'no-cache': { type: 'boolean' },
    },
  });
  const SOURCES = path.join(values.corpus, 'sources');
  const CATALOG = path.join(values.corpus, 'catalog.yaml');
  const TOPICS = path.join(values.corpus, 'topics.yaml');
  const OUTPUT = path.resolve(values.out);
  const CACHE = path.join(path.dirname(OUTPUT), `.${path.basename(OUTPUT)}.ingest-cache.json`);

  // 2. Curator files: the catalog (optional) and the topic taxonomy.
  const catalog = existsSync(CATALOG) ? parseCatalog(readFileSync(CATALOG, 'utf8'), 'corpus/catalog.yaml') : {};
  const topics = existsSync(TOPICS) ? parseTopics(readFileSync(TOPICS, 'utf8'), 'corpus/topics.yaml') : [];

  // 3. The previous run's cache; --check shows what every source becomes, so it never takes results from it.
  const previous = values.check || values['no-cache'] ? undefined : readCache(CACHE, OUTPUT);

  // 4. Sources, read as bytes; hidden files are not sources, and anything that is not a file is reported.
  if (!existsSync(SOURCES)) throw new IngestError('the sources folder does not exist', { file: SOURCES });
  const sources: SourceFile[] = [];
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  const ignored: string[] = [];
  for (const entry of readdirSync(SOURCES, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(SOURCES, entry.name);
    // statSync follows symbolic links, so a linked file is read like any other.
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      ignored.push(`${entry.name}: not a file (a folder or a broken link); only files directly in corpus/sources/ are read`);
      continue;
    }
    stats.set(entry.name, { size: stat.size, mtimeMs: stat.mtimeMs });
    const known = previous?.files[entry.name];
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      // Same size and modification time as last run (how git decides a file is unchanged): its hash is
      // known, and its bytes are read only if the pipeline needs them. --no-cache reads everything.
      let bytes: Buffer | undefined;
      sources.push({
        file: entry.name,
        sha256: known.sha256,
        get bytes() {
          return (bytes ??= readFileSync(full));
        },
      });
    } else {
      sources.push({ file: entry.name, bytes: readFileSync(full) });
    }
  }

  // 5. The pure pipeline (scripts/ingest/pipeline.ts).
  const cache = previous?.sources;
  const result = ingestSources(sources, { catalog, topics, keepGoing: values['keep-going'] ?? false, ...(cache && { cache }) });
  result.warnings.unshift(...ignored.sort());

  // 6. Report; on any error leave the previous entries untouched. --check lists warnings under each source.
  if (values.check) printCheck(result);
  else for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  if (result.errors.length > 0) {
    for (const error of result.errors) console.error(`error: ${error.message}`);
    console.error(`ingest failed: ${result.errors.length} error(s) in ${result.sources} sources; previous entries left untouched`);
    return 1;
  }
  if (values.strict && result.warnings.length > 0) {
    console.error(
      `ingest failed (--strict): ${result.warnings.length} warning(s), ${result.skipped.length} of them items left out; previous entries left untouched`,
    );
    return 1;
  }

  // 7. Write to a temporary folder, then swap it in; then the cache for the next run.
  if (!values.check) {
    writeEntries(result, OUTPUT);
    const files: CacheFile['files'] = {};
    for (const [file, record] of Object.entries(result.cache)) files[file] = { ...stats.get(file)!, sha256: record.sha256 };
    writeCache({ sources: result.cache, files }, CACHE);
    if (result.unchanged.length > 0)
      console.log(`ingest: ${result.unchanged.length} entries unchanged since the last run (sources with the same bytes, catalog entry and topics)`);
  }
  console.log(
    `ingest: ${result.sources} sources, ${result.entries.length + result.unchanged.length} articles, ${result.warnings.length} warnings${values.check ? ' (check only, nothing written)' : ''}`,
  );
  return 0;
}

/** Write every entry to a temporary folder, then swap it in; on any failure the previous folder stays. */
function writeEntries(result: IngestResult, OUTPUT: string): void {
  const temporary = `${OUTPUT}.tmp-${process.pid}`;
  const previous = `${OUTPUT}.old-${process.pid}`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary, { recursive: true });
    for (const entry of result.entries) writeFileSync(path.join(temporary, `${entry.slug}.mdx`), entry.mdx);
    // Unchanged entries are the previous files (readCache checked they are there): a hard link, not a copy.
    for (const { slug } of result.unchanged) {
      const from = path.join(OUTPUT, `${slug}.mdx`);
      const to = path.join(temporary, `${slug}.mdx`);
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
    const hadOutput = existsSync(OUTPUT);
    if (hadOutput) renameSync(OUTPUT, previous);
    try {
      renameSync(temporary, OUTPUT);
    } catch (error) {
      if (hadOutput) renameSync(previous, OUTPUT);
      throw error;
    }
    rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** The cache file: the pipeline's cache (scripts/ingest/cache.ts), and each source file's size, modification time and hash. */
interface CacheFile {
  sources: IngestCache;
  files: Record<string, { size: number; mtimeMs: number; sha256: string }>;
}

/**
 * The previous run's cache, keeping only sources whose entry files are still in the output folder with the
 * size recorded; anything unreadable means no cache (a full ingest), never an error.
 */
function readCache(file: string, OUTPUT: string): CacheFile | undefined {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  if (typeof cache?.sources !== 'object' || typeof cache.files !== 'object' || cache.sources === null || cache.files === null) return undefined;
  const kept: IngestCache = {};
  for (const [source, record] of Object.entries(cache.sources)) {
    const present =
      Array.isArray(record?.drafts) &&
      record.drafts.every(
        (draft) => draft.entry === null || statSync(path.join(OUTPUT, `${draft.entry.slug}.mdx`), { throwIfNoEntry: false })?.size === draft.entry.bytes,
      );
    if (present) kept[source] = record;
  }
  return { sources: kept, files: cache.files };
}

/** Write the cache next to the output folder (through a temporary file, so it is never half written). */
function writeCache(cache: CacheFile, file: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(cache));
  renameSync(temporary, file);
}

/** What each source becomes, with its warnings under it; then items left out and other warnings. */
function printCheck(result: IngestResult): void {
  const shown = new Set<string>();
  for (const { label, slug, article } of result.entries) {
    const date = article.publishedAt ?? 'undated';
    const origin = article.origins.title === 'inferred' ? ' (title inferred)' : '';
    console.log(`${label} -> /articles/${slug}/`);
    console.log(`  "${article.title}"${origin}, ${date}, ${article.outlet ?? 'unknown outlet'}`);
    console.log(`  topics: ${article.topics.join(', ') || 'none'}; ${article.wordCount} words${article.truncated ? '; truncated' : ''}`);
    for (const warning of result.warnings) {
      if (!warning.startsWith(`${label}: `)) continue;
      console.log(`  warning: ${warning.slice(label.length + 2)}`);
      shown.add(warning);
    }
  }
  for (const { label, reason } of result.skipped) {
    console.log(`${label} -> (no article)`);
    console.log(`  ${reason}`);
    shown.add(`${label}: ${reason}`);
  }
  for (const warning of result.warnings) if (!shown.has(warning)) console.log(`warning: ${warning}`);
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof IngestError) {
    console.error(`error: ${error.message}`);
    console.error('ingest failed; previous entries left untouched');
  } else {
    console.error(`ingest failed unexpectedly: ${(error as Error)?.message ?? String(error)}`);
    if (process.env['DEBUG']) console.error(error);
  }
  process.exitCode = 1;
}
