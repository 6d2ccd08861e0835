/** `/rss.xml`: every article of the corpus. Injected by src/integrations/public-address.ts only when SITE_URL is set. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCorpusIndex } from '../utils/corpus.ts';
import { feedItems } from '../utils/feed.ts';

export async function GET(context: APIContext) {
  const index = await getCorpusIndex();
  return rss({
    title: 'Dossier: an “IAEA for AI”?',
    description: 'Writing on the proposal for an international agency to govern advanced AI, as gathered in this reading room.',
    site: context.site!, // injected only when the site has an address (src/integrations/public-address.ts)
    items: feedItems(index.articles),
  });
}
