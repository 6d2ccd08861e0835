/**
 * `npm run ingest`: corpus/sources/ -> src/content/articles/*.mdx. The only ingest module that
 * touches the file system; the stages in scripts/ingest/ are pure.
 *
 *   npm run ingest                     write entries (all or nothing)
 *   npm run ingest -- --keep-going     report every problem in one run
 *   npm run ingest -- --check          validate and show what each source becomes; write nothing
 *   --corpus DIR / --out DIR           other corpus (sources/, catalog.yaml, topics.yaml) or output folder
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCatalog } from './ingest/catalog.ts';
import { IngestError } from './ingest/errors.ts';
import { ingestSources, type IngestResult } from './ingest/pipeline.ts';
import { parseTopics } from './ingest/topics.ts';

const root = path.resolve(import.meta.dirname, '..');

function main(): number {
  // 1. Options; the folders default to the project's own (other values are for tests and previews).
  const { values } = parseArgs({
    options: {
      'keep-going': { type: 'boolean' },
      check: { type: 'boolean' },
      corpus: { type: 'string', default: path.join(root, 'corpus') },
      out: { type: 'string', default: path.join(root, 'src/content/articles') },
    },
  });
  const SOURCES = path.join(values.corpus, 'sources');
  const CATALOG = path.join(values.corpus, 'catalog.yaml');
  const TOPICS = path.join(values.corpus, 'topics.yaml');
  const OUTPUT = path.resolve(values.out);

  // 2. Curator files: the catalog (optional) and the topic taxonomy.
  const catalog = existsSync(CATALOG) ? parseCatalog(readFileSync(CATALOG, 'utf8'), 'corpus/catalog.yaml') : {};
  const topics = existsSync(TOPICS) ? parseTopics(readFileSync(TOPICS, 'utf8'), 'corpus/topics.yaml') : [];

  // 3. Sources, read as bytes; hidden files and folders are not sources.
  const sources = readdirSync(SOURCES, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => ({ file: entry.name, bytes: readFileSync(path.join(SOURCES, entry.name)) }));

  // 4. The pure pipeline.
  const result = ingestSources(sources, { catalog, topics, keepGoing: values['keep-going'] ?? false });

  // 5. Report; on any error leave the previous entries untouched.
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  if (values.check) printCheck(result);
  if (result.errors.length > 0) {
    for (const error of result.errors) console.error(`error: ${error.message}`);
    console.error(`ingest failed: ${result.errors.length} error(s) in ${result.sources} sources; previous entries left untouched`);
    return 1;
  }

  // 6. Write to a temporary folder, then swap it in.
  if (!values.check) writeEntries(result, OUTPUT);
  console.log(
    `ingest: ${result.sources} sources, ${result.entries.length} articles, ${result.warnings.length} warnings${values.check ? ' (check only, nothing written)' : ''}`,
  );
  return 0;
}

function writeEntries(result: IngestResult, OUTPUT: string): void {
  const temporary = `${OUTPUT}.tmp-${process.pid}`;
  const previous = `${OUTPUT}.old-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  for (const entry of result.entries) writeFileSync(path.join(temporary, `${entry.slug}.mdx`), entry.mdx);
  if (existsSync(OUTPUT)) renameSync(OUTPUT, previous);
  renameSync(temporary, OUTPUT);
  rmSync(previous, { recursive: true, force: true });
}

function printCheck(result: IngestResult): void {
  for (const { slug, article } of result.entries) {
    const date = article.publishedAt ?? 'undated';
    const origin = article.origins.title === 'inferred' ? ' (title inferred)' : '';
    console.log(`${article.source.file}${article.source.item ? ` item ${article.source.item}` : ''} -> /articles/${slug}/`);
    console.log(`  "${article.title}"${origin}, ${date}, ${article.outlet ?? 'unknown outlet'}`);
    console.log(`  topics: ${article.topics.join(', ') || 'none'}; ${article.wordCount} words${article.truncated ? '; truncated' : ''}`);
  }
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
