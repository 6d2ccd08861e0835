/** `/topics/<slug>/rss.xml`: the articles of one topic. Injected by src/integrations/public-address.ts only when SITE_URL is set. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { absoluteUrl, topicFeedPath, topicPath } from '../core/urls.ts';
import { getCorpusIndex } from '../utils/corpus.ts';
import { FEED_NAMESPACES, feedChannel, feedItems } from '../utils/feed.ts';

export async function getStaticPaths() {
  const index = await getCorpusIndex();
  return index.topics.map((entry) => ({ params: { slug: entry.topic.slug } }));
}

export async function GET(context: APIContext) {
  const index = await getCorpusIndex();
  const entry = index.topicBySlug.get(String(context.params['slug']))!;
  const site = context.site!; // injected only when the site has an address (src/integrations/public-address.ts)
  const slug = entry.topic.slug;
  return rss({
    title: `Dossier: ${entry.topic.label}`,
    description: entry.topic.description,
    site,
    xmlns: FEED_NAMESPACES,
    // The channel links the topic's page, not the home page.
    customData: feedChannel({ self: absoluteUrl(topicFeedPath(slug), site), link: absoluteUrl(topicPath(slug), site), articles: entry.articles }),
    items: feedItems(entry.articles),
  });
}
