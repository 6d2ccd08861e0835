/**
 * The concordance's filters, as a URL carries them: keep only the uses in one source (`source=<outlet>`), one topic
 * (`topic=<label>`), one year (`year=2024`, or `year=Undated`), or within `span` words of another word
 * (`near=<word>&span=5`, as a collocate's link asks). Pure: the uses and the articles' records in, the uses kept out.
 *   readFilters(new URLSearchParams('q=order&near=world&span=5')) -> { source: null, topic: null, year: null, near: 'world', span: 5 }
 */
import type { ConcordanceArticle } from '../concordance/format.ts';
import type { Occurrence } from '../concordance/lookup.ts';

/** Words either side of a use that count as near it: a collocate's window, and `near`'s span when the URL gives none. */
export const DEFAULT_SPAN = 5;

export interface ConcordanceFilters {
  /** The outlet's name as the index records it; 'Unknown outlet' for articles whose outlet is not known. */
  source: string | null;
  /** The topic's label. */
  topic: string | null;
  /** Four digits, or 'Undated'. */
  year: string | null;
  /** A word (normalised) that must be within `span` words of the use, in its block. */
  near: string | null;
  span: number;
}

/** The index's article record with the topics the build adds to it (labels), when it has them. */
export type FilterableArticle = ConcordanceArticle & { topics?: readonly string[] };

export const UNKNOWN_OUTLET = 'Unknown outlet';
const UNDATED = 'Undated';

const filled = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

/** The filters a URL's query names (none: every field null). */
export function readFilters(params: URLSearchParams): ConcordanceFilters {
  const span = Number(params.get('span'));
  return {
    source: filled(params.get('source')),
    topic: filled(params.get('topic')),
    year: filled(params.get('year')),
    near: filled(params.get('near')),
    span: Number.isInteger(span) && span >= 1 && span <= 10 ? span : DEFAULT_SPAN,
  };
}

/** The filters as URL parameters (only those set; the span only with `near`, and only when not the default). */
export function writeFilters(filters: ConcordanceFilters, params: URLSearchParams): void {
  for (const key of ['source', 'topic', 'year', 'near'] as const) {
    const value = filters[key];
    if (value !== null) params.set(key, value);
  }
  if (filters.near !== null && filters.span !== DEFAULT_SPAN) params.set('span', String(filters.span));
}

export function hasFilters(filters: ConcordanceFilters): boolean {
  return filters.source !== null || filters.topic !== null || filters.year !== null || filters.near !== null;
}

/** Whether an article is in the part the filters name (source, topic, year; `near` is per use). */
function articleMatches(article: FilterableArticle | undefined, filters: ConcordanceFilters): boolean {
  if (article === undefined) return false;
  if (filters.source !== null && (article.outlet ?? UNKNOWN_OUTLET) !== filters.source) return false;
  if (filters.year !== null && (article.iso?.slice(0, 4) ?? UNDATED) !== filters.year) return false;
  if (filters.topic !== null && !(article.topics ?? []).includes(filters.topic)) return false;
  return true;
}

/**
 * The uses the filters keep. `nearUses` are the occurrences of the `near` word (findOccurrences of it); a use is kept
 * when one of them is in its block, at most `span` words before its first word or after its last.
 */
export function filterOccurrences(
  occurrences: readonly Occurrence[],
  length: number,
  articles: readonly FilterableArticle[],
  filters: ConcordanceFilters,
  nearUses: readonly Occurrence[] = [],
): Occurrence[] {
  const near = new Map<string, number[]>();
  for (const use of nearUses) {
    const key = `${use.article}:${use.block}`;
    const list = near.get(key);
    if (list) list.push(use.token);
    else near.set(key, [use.token]);
  }
  return occurrences.filter((occurrence) => {
    if (!articleMatches(articles[occurrence.article], filters)) return false;
    if (filters.near === null) return true;
    const tokens = near.get(`${occurrence.article}:${occurrence.block}`) ?? [];
    const first = occurrence.token;
    const last = occurrence.token + length - 1;
    return tokens.some((token) => (token < first && first - token <= filters.span) || (token > last && token - last <= filters.span));
  });
}

/** Words for the reader: what the filters narrow the lines to ('in Example Outlet, within 5 words of “world”'). */
export function describeFilters(filters: ConcordanceFilters): string {
  const parts: string[] = [];
  if (filters.source !== null) parts.push(`in ${filters.source}`);
  if (filters.topic !== null) parts.push(`in the topic ${filters.topic}`);
  if (filters.year !== null) parts.push(filters.year === UNDATED ? 'in undated articles' : `in ${filters.year}`);
  if (filters.near !== null) parts.push(`within ${filters.span} ${filters.span === 1 ? 'word' : 'words'} of “${filters.near}”`);
  return parts.join(', ');
}
