/** `/rss.xml`: every article of the corpus. Injected by src/integrations/public-address.ts only when SITE_URL is set. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { absoluteUrl } from '../core/urls.ts';
import { getCorpusIndex } from '../utils/corpus.ts';
import { FEED_NAMESPACES, feedChannel, feedItems } from '../utils/feed.ts';

export async function GET(context: APIContext) {
  const index = await getCorpusIndex();
  const site = context.site!; // injected only when the site has an address (src/integrations/public-address.ts)
  return rss({
    title: 'Dossier: an “IAEA for AI”?',
    description: 'Writing on the proposal for an international agency to govern advanced AI, as gathered in this reading room.',
    site,
    xmlns: FEED_NAMESPACES,
    customData: feedChannel({ self: absoluteUrl('/rss.xml', site), link: absoluteUrl('/', site), articles: index.articles }),
    items: feedItems(index.articles),
  });
}
