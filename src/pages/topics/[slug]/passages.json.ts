/**
 * `/topics/<slug>/passages.json`: the first part of the topic's quoted passages, with absolute anchors (see
 * /passages.schema.json); it lists every part. Later parts are `/topics/<slug>/passages/<n>.json`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { passageParts, passagesPart } from '../../../utils/corpus-export.ts';
import { getCorpusIndex, getDigests } from '../../../utils/corpus.ts';

export const getStaticPaths = (async () => {
  const [index, digests] = await Promise.all([getCorpusIndex(), getDigests()]);
  return passageParts(index, digests).filter(({ part }) => part === 1);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; part: number }> = async ({ props, site }) =>
  new Response(passagesPart(await getCorpusIndex(), props.slug, props.part, site), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
