/** The corpus index of this build, computed on first use and shared by every page. */
import { getCollection } from 'astro:content';
import { buildCorpusIndex, type CorpusIndex } from './corpus-index.ts';

let cached: Promise<CorpusIndex> | undefined;

/** The one CorpusIndex of the build. */
export function getCorpusIndex(): Promise<CorpusIndex> {
  cached ??= (async () => {
    const [articles, topics] = await Promise.all([getCollection('articles'), getCollection('topics')]);
    return buildCorpusIndex(
      articles.map((entry) => entry.data),
      topics.map((entry) => entry.data),
    );
  })();
  return cached;
}
