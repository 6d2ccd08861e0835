/**
 * `npm run ingest`: corpus/sources/ -> src/content/articles/*.mdx. The only ingest module that
 * touches the file system; the stages in scripts/ingest/ are pure.
 *
 *   npm run ingest                     write entries; a source that fails is left out, named, and the rest published
 *                                      (its last good entries kept, stale); exit 0 unless nothing could be read
 *   npm run ingest -- --check          validate and show what each source becomes; write nothing
 *   npm run ingest -- --strict         any source or item left out, or any warning, fails the run (exit 1) and writes
 *                                      nothing: for a deploy that must be complete; with --check as well
 *   npm run ingest -- --verbose        every warning on the terminal, not a summary by kind (the log file has them all)
 *   npm run ingest -- --changes        only what the sources changed since the last run became (`npm run dev` after its first run)
 *   --keep-going                       accepted, and what every run does
 *   --corpus DIR / --out DIR           other corpus (sources/, catalog.yaml, topics.yaml) or output folder
 *   --no-cache                         ingest every source again (the cache is still written for next time)
 *
 * Incremental: `.<out folder name>.ingest-cache.json` next to the output folder records what each source
 * became (see scripts/ingest/cache.ts); unchanged sources are not ingested again, and their entries are
 * carried over from the previous output rather than written again. With the entries goes `coverage.json`,
 * the run's report for the site's coverage page (scripts/ingest/coverage-report.ts). On a terminal, progress
 * shows on one line (scripts/lib/progress.ts).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCatalog } from './ingest/catalog.ts';
import { IngestError } from '../src/core/errors.ts';
import { formatCount, plural } from '../src/core/count.ts';
import { ingestCacheFile, ingestLogFile, ingestReportFile } from '../src/core/ingest-files.ts';
import type { IngestReport } from '../src/schemas/ingest-report.ts';
import { buildIngestReport } from './ingest/coverage-report.ts';
import type { IngestCache } from './ingest/cache.ts';
import { ingestSources, type IngestResult, type SourceFile } from './ingest/pipeline.ts';
import { parseTopics } from '../src/core/taxonomy.ts';
import { writeFileAtomic } from './lib/atomic-write.ts';
import { createProgress, type Progress } from './lib/progress.ts';
import { summarizeChanges, summarizeRun } from './ingest/run-summary.ts';
import { sha256 } from './ingest/hash.ts';

const root = path.resolve(import.meta.dirname, '..');

function main(): number {
  // 1. Options; the folders default to the project's own (other values are for tests and previews).
  const { values } = parseArgs({
    options: {
      'keep-going': { type: 'boolean' },
      verbose: { type: 'boolean' },
      changes: { type: 'boolean' },
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
  const CACHE = ingestCacheFile(OUTPUT);

  // 2. Curator files: the catalog (optional) and the topic taxonomy.
  const catalog = existsSync(CATALOG) ? parseCatalog(readFileSync(CATALOG, 'utf8'), 'corpus/catalog.yaml') : {};
  const topics = existsSync(TOPICS) ? parseTopics(readFileSync(TOPICS, 'utf8'), 'corpus/topics.yaml') : [];

  // 3. The previous run's cache; --check shows what every source becomes, so it never takes results from it.
  const previous = values.check || values['no-cache'] ? undefined : readCache(CACHE, OUTPUT);

  // 4. Sources, read as bytes; hidden files are not sources, and anything that is not a file is reported.
  if (!existsSync(SOURCES)) throw new IngestError('the sources folder does not exist', { file: SOURCES });
  const sources: SourceFile[] = [];
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  // Sources whose size or modification time differ from the last run's (new ones too): what --changes tells of.
  const changed = new Set<string>();
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
      changed.add(entry.name);
    }
  }
  const removed = Object.keys(previous?.files ?? {}).filter((file) => !stats.has(file));

  // 5. The pure pipeline (scripts/ingest/pipeline.ts).
  const cache = previous?.sources;
  const steps = { draft: 'ingest: reading sources', entry: 'ingest: making entries' } as const;
  let progress: { step: keyof typeof steps; reporter: Progress } | undefined;
  const onProgress = (step: keyof typeof steps, done: number, total: number) => {
    if (progress?.step !== step) {
      progress?.reporter.done();
      progress = { step, reporter: createProgress(steps[step], total) };
    }
    progress.reporter.update(done);
  };
  // Every source is read whatever the others do (--keep-going is what a run always does now).
  const result = ingestSources(sources, { catalog, topics, keepGoing: true, onProgress, ...(cache && { cache }) });
  progress?.reporter.done();
  ignored.sort();
  const report = buildIngestReport(
    result,
    sources.map((source) => source.file),
    ignored,
  );
  result.warnings.unshift(...ignored);

  // 6. Report: every warning when there are few, else a summary by kind (every one goes to the log file); the
  // sources left out with their errors. --check lists every warning under its table.
  const logFile = ingestLogFile(OUTPUT);
  const relative = path.relative(process.cwd(), logFile);
  const shownLog = relative.startsWith('..') || path.isAbsolute(relative) ? logFile : relative;
  if (values.check) printCheck(result);
  else if (values.changes) for (const line of summarizeChanges(result, changed, removed, { logFile: shownLog })) console.warn(line);
  else for (const line of summarizeRun(report, { verbose: values.verbose ?? false, logFile: shownLog })) console.warn(line);
  if (values.check) for (const error of result.errors) console.error(`error: ${error.message}`);
  const published = result.entries.length + result.unchanged.length;
  // A bad source holds back no other (docs/decisions/0002-a-bad-source-is-left-out.md): the run publishes the rest
  // and exits 0; --strict makes any source or item left out, or any warning, fail it, as does a run with nothing to publish.
  if (values.strict && (result.errors.length > 0 || result.warnings.length > 0)) {
    console.error(
      `ingest failed (--strict): ${plural(result.errors.length, 'source')} left out, ${plural(result.warnings.length, 'warning')}, ${formatCount(result.skipped.length)} of them items left out; previous entries left untouched`,
    );
    return 1;
  }
  if (published === 0 && result.errors.length > 0) {
    console.error(`ingest failed: no source could be read (${plural(result.errors.length, 'error')}); previous entries left untouched`);
    return 1;
  }

  // 7. Write to a temporary folder, then swap it in; then the log and the cache for the next run.
  if (!values.check) {
    writeEntries(result, report, OUTPUT);
    writeFileSync(
      logFile,
      [...result.errors.map((error) => `error: ${error.message}`), ...result.warnings.map((warning) => `warning: ${warning}`), ''].join('\n'),
    );
    // Every source's size, time and hash as read now; a failed one's too (its bytes' hash is not its cache record's,
    // which is its last good run's, so it is drafted again next time, but --changes knows it did not change).
    const files: CacheFile['files'] = {};
    const failed = new Set(result.failed.map(({ file }) => file));
    for (const source of sources) {
      const hash = failed.has(source.file) ? (source.sha256 ?? sha256(source.bytes)) : result.cache[source.file]?.sha256;
      if (hash !== undefined) files[source.file] = { ...stats.get(source.file)!, sha256: hash };
    }
    writeCache({ sources: result.cache, files }, CACHE);
    if (result.unchanged.length > 0)
      console.log(
        `ingest: ${plural(result.unchanged.length, 'entry', 'entries')} unchanged since the last run (sources with the same bytes, catalog entry and topics)`,
      );
  }
  const leftOutSources = result.failed.length > 0 ? `, ${plural(result.failed.length, 'source')} left out` : '';
  console.log(
    `ingest: ${plural(result.sources, 'source')}, ${plural(published, 'article')}, ${plural(result.warnings.length, 'warning')}${leftOutSources}${values.check ? ' (check only, nothing written)' : ''}`,
  );
  return 0;
}

/** Write every entry and the run's report to a temporary folder, then swap it in; on any failure the previous folder stays. */
function writeEntries(result: IngestResult, report: IngestReport, OUTPUT: string): void {
  const temporary = `${OUTPUT}.tmp-${process.pid}`;
  const previous = `${OUTPUT}.old-${process.pid}`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary, { recursive: true });
    for (const entry of result.entries) writeFileSync(path.join(temporary, `${entry.slug}.mdx`), entry.mdx);
    writeFileSync(ingestReportFile(temporary), `${JSON.stringify(report, null, 1)}\n`);
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

/** Write the cache next to the output folder (never half written). */
function writeCache(cache: CacheFile, file: string): void {
  writeFileAtomic(file, JSON.stringify(cache));
}

/** What each source becomes, as a table (one row per article or item left out, a total line), then every warning. */
function printCheck(result: IngestResult): void {
  const rows: string[][] = [['source', 'articles', 'title', 'date', 'topics', 'warnings']];
  const warningsOf = (label: string) => result.warnings.filter((warning) => warning.startsWith(`${label}: `)).length;
  const made = [...result.entries].sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
  for (const { label, slug, article } of made) {
    const title = `${clip(article.title, 36)}${article.origins.title === 'inferred' ? ' (inferred)' : ''}`;
    const date = article.publishedAt?.slice(0, 10) ?? 'undated';
    const topics = article.topics.join(', ') || 'none';
    rows.push([label, clip(`/articles/${slug}/`, 40), title, date, clip(topics, 30), String(warningsOf(label))]);
  }
  for (const { label } of result.skipped) rows.push([label, 'left out', '', '', '', String(warningsOf(label))]);
  rows.push([`total: ${result.sources} sources`, `${made.length} articles, ${result.skipped.length} left out`, '', '', '', `${result.warnings.length}`]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  console.log(line(rows[0]!));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1, -1)) console.log(line(row));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  console.log(line(rows.at(-1)!));
  if (result.warnings.length > 0) console.log('');
  for (const warning of result.warnings) console.log(`warning: ${warning}`);
}

/** A cell's text, cut to `width` characters with an ellipsis. */
function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
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
