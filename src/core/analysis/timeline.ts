/**
 * The debate over time: every dated article in its week, month, quarter or year, the articles of each topic per period (the
 * largest few topics, the rest together), and the citations between articles in date order; the undated articles
 * apart, with the reason they have no place. Pure: the site gives it the articles and the link graph.
 * timelineOf([a 2026-01-14 (topic x), b undated], [{ from: 'a', to: 'b' }])
 *   -> grain 'week', periods ['2026-01-12'], columns [[a]], topics [{ name: 'x', counts: [1] }], citations [], undatedCitations [a -> b], undated [b]
 */
import { plural } from '../count.ts';
import { chooseGrain, periodDays, periodName, periodOf, periodsBetween, type Grain } from './periods.ts';

/** Topics drawn as streams of their own; the others are one stream. */
const TOPIC_STREAMS = 5;

/** The finest grain (week, month, quarter, year) that gives at most this many periods: a time line of 23 years is
 * 24 years, not 270 months of mostly empty bins (and its page stays small however long the corpus runs). */
const MAX_PERIODS = 26;

export interface TimelineArticle {
  slug: string;
  title: string;
  iso: string | null;
  /** Topic labels. */
  topics: readonly string[];
}

export interface Citation<A> {
  from: A;
  to: A;
}

export interface Timeline<A extends TimelineArticle> {
  grain: Grain;
  periods: Array<{ key: string; from: string; to: string }>;
  /** Per period, its articles, oldest first (then by title). */
  columns: A[][];
  /** Articles per period on each of the largest topics, then 'Other topics' (an article on two topics counts in both). */
  topics: Array<{ name: string; counts: number[] }>;
  /** Citations between dated articles, by the citing article's date, then the cited one's. */
  citations: Array<Citation<A>>;
  /** Citations from or to an undated article: not drawn on the line. */
  undatedCitations: Array<Citation<A>>;
  /** Undated articles, by title. */
  undated: A[];
}

const byDate = (a: TimelineArticle, b: TimelineArticle) => (a.iso! < b.iso! ? -1 : a.iso! > b.iso! ? 1 : a.title.localeCompare(b.title, 'en'));

export function timelineOf<A extends TimelineArticle>(articles: readonly A[], links: ReadonlyArray<Citation<string>>): Timeline<A> {
  const dated = articles.filter((article) => article.iso !== null).sort(byDate);
  const undated = articles.filter((article) => article.iso === null).sort((a, b) => a.title.localeCompare(b.title, 'en'));
  const first = dated[0]?.iso;
  const last = dated.at(-1)?.iso;
  const grain = first && last ? chooseGrain(first, last, ['week', 'month', 'quarter', 'year'], MAX_PERIODS) : 'month';
  const keys = first && last ? periodsBetween(first, last, grain) : [];
  const place = new Map(keys.map((key, index) => [key, index]));
  const columns: A[][] = keys.map(() => []);
  for (const article of dated) columns[place.get(periodOf(article.iso!, grain))!]!.push(article);

  const size = new Map<string, number>();
  for (const article of dated) for (const topic of article.topics) size.set(topic, (size.get(topic) ?? 0) + 1);
  const ranked = [...size].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([topic]) => topic);
  const kept = ranked.length > TOPIC_STREAMS + 1 ? ranked.slice(0, TOPIC_STREAMS) : ranked;
  const names = ranked.length > kept.length ? [...kept, 'Other topics'] : kept;
  const topics = names.map((name) => ({ name, counts: keys.map(() => 0) }));
  columns.forEach((column, index) => {
    for (const article of column) {
      const streams = new Set(article.topics.map((topic) => (kept.includes(topic) ? topic : 'Other topics')));
      for (const stream of streams) topics[names.indexOf(stream)]!.counts[index]!++;
    }
  });

  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const citations: Array<Citation<A>> = [];
  const undatedCitations: Array<Citation<A>> = [];
  for (const link of links) {
    const from = bySlug.get(link.from);
    const to = bySlug.get(link.to);
    if (!from || !to) continue;
    (from.iso !== null && to.iso !== null ? citations : undatedCitations).push({ from, to });
  }
  citations.sort((a, b) => byDate(a.from, b.from) || byDate(a.to, b.to));
  undatedCitations.sort((a, b) => a.from.title.localeCompare(b.from.title, 'en') || a.to.title.localeCompare(b.to.title, 'en'));
  return { grain, periods: keys.map((key) => ({ key, ...periodDays(key, grain) })), columns, topics, citations, undatedCitations, undated };
}

/** One sentence from the data: 'The 12 dated articles run from January 2026 to March 2026; the busiest month was February 2026, with 5 articles.' */
export function timelineSummary(timeline: Timeline<TimelineArticle>): string {
  const count = timeline.columns.reduce((sum, column) => sum + column.length, 0);
  const undated =
    timeline.undated.length > 0
      ? ` ${plural(timeline.undated.length, 'article has', 'articles have')} no date and ${timeline.undated.length === 1 ? 'is' : 'are'} listed apart.`
      : '';
  if (count === 0) return `No article is dated.${undated}`;
  let busiest = 0;
  timeline.columns.forEach((column, index) => {
    if (column.length > timeline.columns[busiest]!.length) busiest = index;
  });
  const name = (index: number) => periodName(timeline.periods[index]!.key, timeline.grain);
  const span = timeline.periods.length === 1 ? `are all from ${name(0)}` : `run from ${name(0)} to ${name(timeline.periods.length - 1)}`;
  return `The ${plural(count, 'dated article')} ${span}; the busiest ${timeline.grain} was ${name(busiest)}, with ${plural(timeline.columns[busiest]!.length, 'article')}.${undated}`;
}
