/** `/topics/<slug>/rss.xml`: the articles of one topic. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCorpusIndex } from '../../../utils/corpus.ts';
import { feedItems } from '../../../utils/feed.ts';

export async function getStaticPaths() {
  const index = await getCorpusIndex();
  return index.topics.map((entry) => ({ params: { slug: entry.topic.slug } }));
}

export async function GET(context: APIContext) {
  const index = await getCorpusIndex();
  const entry = index.topicBySlug.get(String(context.params['slug']))!;
  return rss({
    title: `Dossier: ${entry.topic.label}`,
    description: entry.topic.description,
    site: context.site!,
    items: feedItems(entry.articles),
  });
}
