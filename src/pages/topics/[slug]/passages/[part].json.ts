/** `/topics/<slug>/passages/<n>.json`: part n (2 and after) of the topic's quoted passages; see passages.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { passageParts } from '../../../../utils/corpus-export.ts';
import { getCorpusIndex } from '../../../../utils/corpus.ts';

export const getStaticPaths = (async () => {
  const index = await getCorpusIndex();
  return passageParts(index, import.meta.env.SITE)
    .filter(({ part }) => part > 1)
    .map(({ part, ...path }) => ({ ...path, params: { ...path.params, part: String(part) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) => new Response(props.body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
