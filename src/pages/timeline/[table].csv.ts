/**
 * `/timeline/articles.csv`, `topics.csv`, `citations.csv`: the tables of /timeline/ (dated articles per period,
 * per period and topic, the citations between dated articles) as CSV, RFC 4180, UTF-8 with a header row.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CSV_TYPE, toCsv } from '../../core/analysis/csv.ts';
import { getTimeline, TIMELINE_TABLES, timelineCsv, type TimelineTable } from '../../utils/timeline.ts';

export const getStaticPaths = (() => TIMELINE_TABLES.map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { header, rows } = timelineCsv(params['table'] as TimelineTable, await getTimeline());
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': CSV_TYPE } });
};
