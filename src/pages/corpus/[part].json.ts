/**
 * `/corpus/<n>.json`: part n of the article list of /corpus.json, each article with its metadata, provenance, topics
 * and links to and from the others (see /corpus-part.schema.json). Each part is keyed by a hash of its data
 * (src/utils/page-keys.ts; the public address, which every link carries, is in Astro's own config hash), so a
 * rebuild writes again only the parts whose data changed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { corpusPartSchema } from '../../schemas/corpus-export.ts';
import { getCorpusIndex, getLinkGraph } from '../../utils/corpus.ts';
import { buildCorpusPart, jsonBody } from '../../utils/corpus-export.ts';
import { pageKey } from '../../utils/page-keys.ts';
import { PAGE_SIZE, pageCount } from '../../utils/pagination.ts';

export const getStaticPaths = (async () => {
  const [index, graph] = await Promise.all([getCorpusIndex(), getLinkGraph()]);
  return Array.from({ length: pageCount(index.articles.length, PAGE_SIZE.corpusArticles) }, (_, i) => ({
    params: { part: String(i + 1) },
    props: { part: i + 1 },
    cacheKey: pageKey(buildCorpusPart(index, graph, undefined, i + 1)),
  }));
}) satisfies GetStaticPaths;

// Validated on the way out: the build fails rather than publish a file its own schema rejects.
export const GET: APIRoute<{ part: number }> = async ({ props, site }) => {
  const data = corpusPartSchema.parse(buildCorpusPart(await getCorpusIndex(), await getLinkGraph(), site, props.part));
  return new Response(jsonBody(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
