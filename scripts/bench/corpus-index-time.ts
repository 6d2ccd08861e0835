/**
 * How long the corpus index (related articles and topic co-occurrence, src/utils/corpus-index.ts) takes over a
 * folder of generated entries: a figure `npm run bench` prints, not a budget. Reading the entries is not timed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { articleSchema } from '../../src/schemas/article.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { parseTopics } from '../../src/core/taxonomy.ts';

/** Index the entries of `entriesDir` with the taxonomy of `topicsFile`; the article count and the milliseconds. */
export function timeCorpusIndex(entriesDir: string, topicsFile: string): { articles: number; ms: number } {
  const topics = parseTopics(readFileSync(topicsFile, 'utf8'), topicsFile);
  const articles = readdirSync(entriesDir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => articleSchema.parse(parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(entriesDir, file), 'utf8'))?.[1] ?? '')));
  const started = performance.now();
  buildCorpusIndex(articles, topics);
  return { articles: articles.length, ms: performance.now() - started };
}
