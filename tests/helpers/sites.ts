/**
 * The corpora the tests read and the sites built from them: the real corpus (corpus/ -> src/content/articles/
 * -> dist/), tested as a whole and never named, and the fixture corpus (tests/fixture-corpus/, built by
 * scripts/test/build-fixture-site.ts), whose known shape tests may name.
 */
import path from 'node:path';
import { FIXTURE_CORPUS, FIXTURE_DIST, FIXTURE_ENTRIES } from '../../scripts/test/build-fixture-site.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** One corpus and its build. */
export interface Site {
  /** The corpus folder: sources/, topics.yaml, optional catalog.yaml. */
  corpus: string;
  /** The generated entries (`<slug>.mdx`). */
  entries: string;
  /** The built site. */
  dist: string;
}

/** The project's own corpus and site. */
export const CORPUS_SITE: Site = { corpus: path.join(root, 'corpus'), entries: path.join(root, 'src/content/articles'), dist: path.join(root, 'dist') };

/** The fixture corpus and its site. */
export const FIXTURE_SITE: Site = { corpus: FIXTURE_CORPUS, entries: FIXTURE_ENTRIES, dist: FIXTURE_DIST };
