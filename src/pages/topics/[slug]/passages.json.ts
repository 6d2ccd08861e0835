/**
 * `/topics/<slug>/passages.json`: the first part of the topic's quoted passages, with absolute anchors (see
 * /passages.schema.json); it lists every part. Later parts are `/topics/<slug>/passages/<n>.json`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { passageParts } from '../../../utils/corpus-export.ts';
import { getCorpusIndex } from '../../../utils/corpus.ts';

export const getStaticPaths = (async () => {
  const index = await getCorpusIndex();
  return passageParts(index, import.meta.env.SITE).filter(({ part }) => part === 1);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) => new Response(props.body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
