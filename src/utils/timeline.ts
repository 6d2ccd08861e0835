/**
 * The debate over time as the site draws it (/timeline/) and serves its tables (/timeline/<table>.csv): every
 * article of the corpus with its date and topics' names, placed by src/core/analysis/timeline.ts with the corpus's
 * citations, worked out once a build; and each of the page's three tables as CSV rows, one row per row of the table.
 *   timelineCsv('topics', timeline) -> { header: ['period', 'label', 'Nuclear energy', …], rows: [['2026-03', 'Mar 2026', 2, …], …] }
 */
import type { CsvValue } from '../core/analysis/csv.ts';
import { periodLabel } from '../core/analysis/periods.ts';
import { timelineOf, type Timeline, type TimelineArticle } from '../core/analysis/timeline.ts';
import { articlePath } from '../core/urls.ts';
import type { Article } from '../schemas/article.ts';
import { getCorpusIndex, getLinkGraph } from './corpus.ts';

export type TimelineEntry = TimelineArticle & { article: Article };

let cached: Promise<Timeline<TimelineEntry>> | undefined;

export function getTimeline(): Promise<Timeline<TimelineEntry>> {
  cached ??= (async () => {
    const [index, graph] = await Promise.all([getCorpusIndex(), getLinkGraph()]);
    const entries: TimelineEntry[] = index.articles.map((article) => ({
      slug: article.slug,
      title: article.title,
      iso: article.publishedAt,
      topics: article.topics.map((slug) => index.topicBySlug.get(slug)?.topic.label ?? slug),
      article,
    }));
    const links = [...graph.cites].flatMap(([from, cited]) => cited.map(({ article }) => ({ from, to: article.slug })));
    return timelineOf(entries, links);
  })();
  return cached;
}

/** The page's tables, each a CSV file. */
export const TIMELINE_TABLES = ['articles', 'topics', 'citations'] as const;
export type TimelineTable = (typeof TIMELINE_TABLES)[number];

/** `/timeline/<table>.csv`: a table of /timeline/ as CSV. */
export function timelineCsvPath(table: TimelineTable): string {
  return `/timeline/${table}.csv`;
}

/** A table's header row and rows, one per row of the page's table (its total row left out). */
export function timelineCsv(table: TimelineTable, timeline: Timeline<TimelineEntry>): { header: string[]; rows: CsvValue[][] } {
  const period = (place: number) => [timeline.periods[place]!.key, periodLabel(timeline.periods[place]!.key, timeline.grain)];
  if (table === 'articles')
    return {
      header: ['period', 'label', 'first_day', 'last_day', 'articles'],
      rows: timeline.columns.map((column, place) => [...period(place), timeline.periods[place]!.from, timeline.periods[place]!.to, column.length]),
    };
  if (table === 'topics')
    return {
      header: ['period', 'label', ...timeline.topics.map((topic) => topic.name)],
      rows: timeline.periods.map((_, place) => [...period(place), ...timeline.topics.map((topic) => topic.counts[place]!)]),
    };
  return {
    header: ['citing_article', 'citing_date', 'citing_path', 'cited_article', 'cited_date', 'cited_path'],
    rows: timeline.citations.map(({ from, to }) => [from.title, from.iso, articlePath(from.slug), to.title, to.iso, articlePath(to.slug)]),
  };
}
