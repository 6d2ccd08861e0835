/**
 * `/distinctive-words.csv`: the distinctive words of every source, topic, curator stance and year in one table
 * (src/utils/distinctive-words.ts), each row naming its part; RFC 4180 with a header row.
 */
import type { APIRoute } from 'astro';
import { CSV_TYPE, toCsv } from '../core/analysis/csv.ts';
import { DISTINCTIVE_HEADER, distinctiveRows, getDistinctiveWords } from '../utils/distinctive-words.ts';

export const GET: APIRoute = async () => {
  const words = await getDistinctiveWords();
  const rows = (['sources', 'topics', 'stances', 'years'] as const).flatMap((kind) =>
    words[kind].flatMap((part) => distinctiveRows(part).map((row) => [kind.replace(/s$/, ''), part.name, part.articles, part.words, ...row])),
  );
  return new Response(toCsv(['part_kind', 'part', 'articles', 'part_words', ...DISTINCTIVE_HEADER], rows), { headers: { 'Content-Type': CSV_TYPE } });
};
