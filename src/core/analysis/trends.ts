/**
 * Trends: how often a word or phrase is used over time. From the concordance's occurrences (one per line of the
 * concordance, src/core/concordance.ts) and each article's day, outlet, topics and number of words (the index's
 * `facts.json`), the uses in each period, per 10,000 words of the articles of that period, overall and split by
 * source or by topic (the largest few, the rest together); the undated articles' uses are counted apart, never given
 * a period. Pure: no DOM, no fetching.
 * trendOf({ articles: [a 2026-03 1,000 words, b undated 500 words], occurrences: [a, a, b] })
 *   -> periods ['2026-03'], series [{ name: 'All articles', points: [{ uses: 2, articles: 1, words: 1000, rate: 20 }] }],
 *      undated { uses: 1, articles: 1, words: 500 }
 */
import { plural } from '../count.ts';
import { chooseGrain, periodDays, periodName, periodOf, periodsBetween, utcDayOf, type Grain } from './periods.ts';

/** Rates are per this many words. */
export const PER_WORDS = 10_000;

/** Series drawn apart when a trend is split; the others are one series. */
export const SPLIT_SERIES = 4;

/** The most periods a trend has: months while they are this many or fewer, else quarters, else years. */
const MAX_PERIODS = 36;

/** Bumped when facts.json changes shape. */
const FACTS_VERSION = 1;

/**
 * `facts.json`, beside the concordance's `articles.json` and in its order: what a trend needs of each article and no
 * more, so a trend need not fetch the list of titles (23 KB gzip at 1,000 articles, against 8 KB for this): its day
 * (UTC, as the site dates it; null when undated), its outlet (a number into `outlets`; -1 when not known), its number
 * of words (as the concordance counts words) and its topics (numbers into `topics`); and the index's number of word
 * shards. [day, outlet, words, topic, topic, ...]
 */
export interface ArticleFacts {
  version: number;
  shards: number;
  outlets: string[];
  topics: string[];
  articles: Array<[day: string | null, outlet: number, words: number, ...topics: number[]]>;
}

/** What a trend needs of one article. */
export interface TrendArticle {
  iso: string | null;
  outlet: string | null;
  words: number;
  topics: readonly string[];
}

export type Split = 'none' | 'source' | 'topic';

/** One period of one series. */
export interface TrendPoint {
  uses: number;
  /** Articles of the series in the period that use it at least once. */
  articles: number;
  /** Words of all the series' articles of the period (the denominator). */
  words: number;
  /** Uses per PER_WORDS words; 0 when the period has no words. */
  rate: number;
}

interface TrendSeries {
  name: string;
  points: TrendPoint[];
}

export interface Trend {
  grain: Grain;
  /** Every period from the first dated article's to the last's, each with its first and last day. */
  periods: Array<{ key: string; from: string; to: string }>;
  series: TrendSeries[];
  /** Uses in undated articles, and how many undated articles and words there are. */
  undated: TrendPoint;
  /** All uses, dated and undated. */
  total: { uses: number; articles: number };
}

const UNKNOWN_OUTLET = 'Unknown outlet';

/** The facts file for the index's articles (in `articles.json` order) and its number of shards. */
export function buildFacts(articles: readonly TrendArticle[], shards: number): ArticleFacts {
  const outlets = [...new Set(articles.flatMap((article) => (article.outlet === null ? [] : [article.outlet])))].sort();
  const topics = [...new Set(articles.flatMap((article) => article.topics))].sort();
  const outletNumber = new Map(outlets.map((outlet, index) => [outlet, index]));
  const topicNumber = new Map(topics.map((topic, index) => [topic, index]));
  return {
    version: FACTS_VERSION,
    shards,
    outlets,
    topics,
    articles: articles.map((article) => [
      article.iso === null ? null : utcDayOf(article.iso),
      article.outlet === null ? -1 : outletNumber.get(article.outlet)!,
      article.words,
      ...article.topics.map((topic) => topicNumber.get(topic)!),
    ]),
  };
}

/** The articles as trends read them, from the facts file. */
export function trendArticles(facts: ArticleFacts): TrendArticle[] {
  return facts.articles.map(([iso, outlet, words, ...topics]) => ({
    iso,
    outlet: outlet < 0 ? null : facts.outlets[outlet]!,
    words,
    topics: topics.map((topic) => facts.topics[topic]!),
  }));
}

const rate = (uses: number, words: number) => (words > 0 ? (uses * PER_WORDS) / words : 0);

/** Which series an article is in: all of them for 'none', its outlet, or its topics (an article on two topics is in both). */
function groupsOf(article: TrendArticle, split: Split): string[] {
  if (split === 'source') return [article.outlet ?? UNKNOWN_OUTLET];
  if (split === 'topic') return article.topics.length > 0 ? [...article.topics] : ['No topic'];
  return ['All articles'];
}

/**
 * The trend of a query. `occurrences` are the concordance's (one per use, with its article's number); `split` keeps
 * the SPLIT_SERIES groups with the most uses (then the most words) as series of their own and puts the others in one
 * ("Other sources", "Other topics"). Periods: every one from the first dated article's to the last's, at the finest
 * grain that gives at most MAX_PERIODS.
 */
export function trendOf(articles: readonly TrendArticle[], occurrences: ReadonlyArray<{ article: number }>, split: Split = 'none'): Trend {
  const usesOf = new Map<number, number>();
  for (const { article } of occurrences) usesOf.set(article, (usesOf.get(article) ?? 0) + 1);
  const dated = articles
    .map((article) => article.iso)
    .filter((iso): iso is string => iso !== null)
    .sort();
  const grain = dated.length > 0 ? chooseGrain(dated[0]!, dated.at(-1)!, ['month', 'quarter', 'year'], MAX_PERIODS) : 'month';
  const keys = dated.length > 0 ? periodsBetween(dated[0]!, dated.at(-1)!, grain) : [];
  const place = new Map(keys.map((key, index) => [key, index]));

  // The groups, largest first by uses then words; beyond SPLIT_SERIES, one group of the rest.
  const size = new Map<string, { uses: number; words: number }>();
  articles.forEach((article, index) => {
    for (const group of groupsOf(article, split)) {
      const entry = size.get(group) ?? { uses: 0, words: 0 };
      entry.uses += usesOf.get(index) ?? 0;
      entry.words += article.words;
      size.set(group, entry);
    }
  });
  const ranked = [...size].sort(([a, x], [b, y]) => y.uses - x.uses || y.words - x.words || (a < b ? -1 : 1)).map(([group]) => group);
  const kept = ranked.length > SPLIT_SERIES + 1 ? ranked.slice(0, SPLIT_SERIES) : ranked;
  const rest = ranked.length > kept.length ? (split === 'source' ? 'Other sources' : 'Other topics') : undefined;
  const names = rest === undefined ? kept : [...kept, rest];
  const seriesOf = (group: string) => (kept.includes(group) ? group : rest!);

  const empty = (): TrendPoint => ({ uses: 0, articles: 0, words: 0, rate: 0 });
  const series = names.map((name) => ({ name, points: keys.map(empty) }));
  const undated = empty();
  articles.forEach((article, index) => {
    const uses = usesOf.get(index) ?? 0;
    const points =
      article.iso === null
        ? [undated]
        : [...new Set(groupsOf(article, split).map(seriesOf))].map((name) => series[names.indexOf(name)]!.points[place.get(periodOf(article.iso!, grain))!]!);
    for (const point of points) {
      point.uses += uses;
      point.words += article.words;
      if (uses > 0) point.articles++;
    }
  });
  for (const point of [undated, ...series.flatMap((entry) => entry.points)]) point.rate = rate(point.uses, point.words);
  return {
    grain,
    periods: keys.map((key) => ({ key, ...periodDays(key, grain) })),
    series,
    undated,
    total: { uses: occurrences.length, articles: usesOf.size },
  };
}

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** A rate as the charts and tables write it: two significant digits below 10, whole above ('3.1', '0.04', '1,538'). */
export function formatRate(value: number): string {
  return value === 0 ? '0' : value >= 10 ? whole.format(value) : value >= 1 ? value.toFixed(1) : value.toPrecision(2);
}

/**
 * One sentence from the data of an unsplit trend (series by topic overlap, so they do not add up to the whole): where the overall rate peaked and what that is in uses and articles, and the undated
 * uses. 'Uses of “IAEA” peaked in March 2026: 42 uses in 12 articles, 3.1 per 10,000 words. 5 more uses are in undated articles.'
 */
export function trendSummary(trend: Trend, label: string): string {
  const points = trend.series[0]?.points ?? [];
  let peak = -1;
  points.forEach((point, index) => {
    if (point.uses > 0 && (peak < 0 || point.rate > points[peak]!.rate)) peak = index;
  });
  const undated = trend.undated.uses > 0 ? ` ${plural(trend.undated.uses, 'use is', 'uses are')} in undated articles, which have no place in time.` : '';
  if (trend.total.uses === 0) return `No use of ${label} in the articles.`;
  if (peak < 0) return `No dated article uses ${label}.${undated}`;
  const point = points[peak]!;
  return `Uses of ${label} peaked in ${periodName(trend.periods[peak]!.key, trend.grain)}: ${plural(point.uses, 'use')} in ${plural(point.articles, 'article')}, ${formatRate(point.rate)} per ${PER_WORDS.toLocaleString('en')} words.${undated}`;
}
