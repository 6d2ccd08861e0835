/**
 * The words a reader must find on an article page, straight from its raw source: every word of a
 * plain text; for a feed item (RSS, RDF or Atom), its title, description and the visible text of its
 * content, less the site furniture the ingest is documented to drop. The oracle is shared with the
 * fixture runner: tests/helpers/fidelity.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/schemas/article.ts';
import { sourceWords as wordsOfSource, words } from './fidelity.ts';

export { words };

const root = path.resolve(import.meta.dirname, '../..');

/** The words of an article's source. */
export function sourceWords(article: Article): Set<string> {
  const bytes = readFileSync(path.join(root, 'corpus/sources', article.source.file));
  return wordsOfSource(bytes, article.source.format, article.source.item);
}
