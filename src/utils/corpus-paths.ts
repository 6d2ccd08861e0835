/**
 * Where the build reads its corpus: the project's own folders, or another corpus's through DOSSIER_ENTRIES,
 * DOSSIER_TOPICS and DOSSIER_SOURCES (the benchmark builds its generated corpora so). Relative paths are
 * resolved from the directory the build runs in, the project root, as the ingest resolves its own.
 * DOSSIER_ENTRIES unset -> /path/to/project/src/content/articles
 */
import path from 'node:path';

/** The generated entries (`<slug>.mdx`), written by `npm run ingest`. */
export const ENTRIES_DIR = path.resolve(process.cwd(), process.env['DOSSIER_ENTRIES'] ?? 'src/content/articles');

/** The topic taxonomy. */
export const TOPICS_FILE = path.resolve(process.cwd(), process.env['DOSSIER_TOPICS'] ?? 'corpus/topics.yaml');

/** The raw sources as received. */
export const SOURCES_DIR = path.resolve(process.cwd(), process.env['DOSSIER_SOURCES'] ?? 'corpus/sources');
