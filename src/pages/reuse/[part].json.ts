/**
 * `/reuse/<n>.json`: the shared passages of page n of /reuse/, every version of each, with its paragraph and exact span
 * (see /reuse-part.schema.json). Each part is keyed by a hash of its data (src/utils/page-keys.ts; the public
 * address, which every link carries, is in Astro's own config hash), so a rebuild writes again only the parts that changed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { reusePartSchema } from '../../schemas/reuse-export.ts';
import { getReuse } from '../../utils/corpus.ts';
import { jsonBody } from '../../utils/corpus-export.ts';
import { pageKey } from '../../utils/page-keys.ts';
import { buildReusePart, reusePartCount } from '../../utils/reuse-export.ts';

export const getStaticPaths = (async () => {
  const { clusters } = await getReuse();
  return Array.from({ length: reusePartCount(clusters) }, (_, i) => ({
    params: { part: String(i + 1) },
    props: { part: i + 1 },
    cacheKey: pageKey(buildReusePart(clusters, undefined, i + 1)),
  }));
}) satisfies GetStaticPaths;

// Validated on the way out: the build fails rather than publish a file its own schema rejects.
export const GET: APIRoute<{ part: number }> = async ({ props, site }) => {
  const data = reusePartSchema.parse(buildReusePart((await getReuse()).clusters, site, props.part));
  return new Response(jsonBody(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
