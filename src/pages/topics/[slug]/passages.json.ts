/** `/topics/<slug>/passages.json`: the topic's quoted passages with absolute anchors (see /passages.schema.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { passagesExportSchema } from '../../../schemas/corpus-export.ts';
import { getCorpusIndex } from '../../../utils/corpus.ts';
import { buildPassagesExport, jsonBody } from '../../../utils/corpus-export.ts';

export const getStaticPaths = (async () => {
  const index = await getCorpusIndex();
  return index.topics.map((entry) => ({ params: { slug: entry.topic.slug }, props: { slug: entry.topic.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string }> = async ({ props, site }) => {
  const index = await getCorpusIndex();
  const data = passagesExportSchema.parse(buildPassagesExport(index.topicBySlug.get(props.slug)!, site));
  return new Response(jsonBody(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
