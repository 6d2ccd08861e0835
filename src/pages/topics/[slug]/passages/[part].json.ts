/** `/topics/<slug>/passages/<n>.json`: part n (2 and after) of the topic's quoted passages; see passages.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { passageParts, passagesPart } from '../../../../utils/corpus-export.ts';
import { getCorpusIndex, getDigests } from '../../../../utils/corpus.ts';

export const getStaticPaths = (async () => {
  const [index, digests] = await Promise.all([getCorpusIndex(), getDigests()]);
  return passageParts(index, digests)
    .filter(({ part }) => part > 1)
    .map(({ part, ...path }) => ({ ...path, params: { ...path.params, part: String(part) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; part: number }> = async ({ props, site }) =>
  new Response(passagesPart(await getCorpusIndex(), props.slug, props.part, site), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
