/**
 * `/distinctive-words/<sources|topics|stances|years>/<key>.csv`: one part's distinctive words (src/utils/distinctive-words.ts)
 * as the table on its page shows them, RFC 4180 with a header row.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CSV_TYPE, toCsv } from '../../../core/analysis/csv.ts';
import { DISTINCTIVE_HEADER, distinctiveRows, getDistinctiveWords, type DistinctivePart } from '../../../utils/distinctive-words.ts';

export const getStaticPaths = (async () => {
  const words = await getDistinctiveWords();
  return (['sources', 'topics', 'stances', 'years'] as const).flatMap((kind) =>
    words[kind].map((part) => ({ params: { kind, key: part.key }, props: { part } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ part: DistinctivePart }> = ({ props }) =>
  new Response(toCsv(DISTINCTIVE_HEADER, distinctiveRows(props.part)), { headers: { 'Content-Type': CSV_TYPE } });
