/**
 * The words a reader must find on an article page, straight from its raw source: every word of a
 * plain text; for a feed item (RSS, RDF or Atom), its title, description and the visible text of its
 * content, less the site furniture the ingest is documented to drop. The oracle is shared with the
 * fixture runner: tests/helpers/fidelity.ts.
 */
import type { Article } from '../../src/schemas/article.ts';
import { readSource } from './entries.ts';
import { sourceWords as wordsOfSource, words } from './fidelity.ts';
import { CORPUS_SITE, type Site } from './sites.ts';

export { words };

/** The words of an article's source. */
export function sourceWords(article: Article, site: Site = CORPUS_SITE): Set<string> {
  return wordsOfSource(readSource(article.source.file, site), article.source.format, article.source.item);
}
