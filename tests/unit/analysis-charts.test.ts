/**
 * Trends and the debate over time (src/core/analysis/): periods (grain from the span, every period between two, the
 * first and last day of each), a trend's uses per 10,000 words from the concordance's own occurrences (undated
 * uses apart, splits that keep the largest few and put the rest together), the time line's columns, streams and
 * citations, the concordance's date range, and the charts' SVG trees (no markup from data, axes that say what is
 * counted). Expected numbers are counted from the small corpus below, not written in.
 */
import { describe, expect, test } from 'vitest';
import { citationArcs, dotTimeline, periodChart, type SvgNode } from '../../src/core/analysis/chart.ts';
import { describeDateRange, inDateRange, readDateRange } from '../../src/core/analysis/date-range.ts';
import { chooseGrain, periodDays, periodName, periodOf, periodsBetween } from '../../src/core/analysis/periods.ts';
import { timelineOf, timelineSummary } from '../../src/core/analysis/timeline.ts';
import { buildFacts, PER_WORDS, SPLIT_SERIES, trendArticles, trendOf, trendSummary, type TrendArticle } from '../../src/core/analysis/trends.ts';
import { buildConcordance, type SourceArticle } from '../../src/core/concordance.ts';
import { shardOf } from '../../src/core/concordance/format.ts';
import { findOccurrences } from '../../src/core/concordance/lookup.ts';
import { parseConcordanceQuery } from '../../src/core/concordance/words.ts';

describe('periods', () => {
  test('a date falls in its week (from Monday), month, quarter and year, by its day in UTC', () => {
    expect(periodOf('2026-03-04', 'week')).toBe('2026-03-02');
    expect(periodOf('2026-03-01', 'week')).toBe('2026-02-23');
    expect(periodOf('2026-03-31T23:30:00-05:00', 'month')).toBe('2026-04');
    expect(periodOf('2026-05-17', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-05-17', 'year')).toBe('2026');
  });
  test('each period runs from its first day to its last, leap years included', () => {
    expect(periodDays('2028-02', 'month')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('2026-Q4', 'quarter')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays('2026-03-02', 'week')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });
  test('every period between two is listed, empty ones too, and the grain is the finest that fits', () => {
    expect(periodsBetween('2025-11-20', '2026-02-03', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(chooseGrain('2010-01-01', '2026-01-01', ['month', 'quarter', 'year'], 36)).toBe('year');
    expect(chooseGrain('2024-01-01', '2026-01-01', ['month', 'quarter', 'year'], 36)).toBe('month');
    expect(chooseGrain('2023-01-01', '2026-01-01', ['month', 'quarter', 'year'], 36)).toBe('quarter');
    expect(periodName('2026-Q1', 'quarter')).toBe('the first quarter of 2026');
  });
});

function article(slug: string, iso: string | null, outlet: string | null, texts: string[], topics: string[] = []): SourceArticle {
  return {
    slug,
    title: slug,
    date: iso ?? 'Undated',
    iso,
    outlet,
    titleInferred: false,
    dateInferred: false,
    blocks: texts.map((text, index) => ({ id: `p-${slug}${index}`, text })),
    topics,
  };
}

const corpus = [
  article('a', '2026-01-10', 'One', ['The IAEA for AI, an IAEA of labs.', 'More words here to count.'], ['Agency', 'Labs']),
  article('b', '2026-03-02', 'Two', ['No agency is named here at all.'], ['Agency']),
  article('c', '2026-03-20', 'One', ['The IAEA again.'], []),
  article('d', null, null, ['An undated IAEA text.'], ['Labs']),
  article('e', '2026-02-14', 'Three', ['Nothing.'], ['Other']),
];
const files = buildConcordance(corpus);
const facts = buildFacts(
  files.manifest.articles.map((entry, index) => ({ iso: entry.iso, outlet: entry.outlet, words: files.words[index]!, topics: files.topics[index]! })),
  files.manifest.shards,
);
const articles: TrendArticle[] = trendArticles(facts);
const occurrencesOf = (raw: string) => findOccurrences(parseConcordanceQuery(raw).words, (word) => files.shard(shardOf(word, files.manifest.shards))[word]);

describe('trends', () => {
  const occurrences = occurrencesOf('IAEA');
  const trend = trendOf(articles, occurrences);

  test('the facts file holds each article’s words as the index counts them, and its topics', () => {
    const a = files.manifest.articles.findIndex((entry) => entry.slug === 'a');
    expect(facts.articles[a]!.slice(0, 3)).toEqual(['2026-01-10', facts.outlets.indexOf('One'), 13]);
    expect(articles[a]!.topics).toEqual(['Agency', 'Labs']);
    expect(articles[files.manifest.articles.findIndex((entry) => entry.slug === 'd')]).toMatchObject({ iso: null, outlet: null });
    // articles.json keeps the topics (the concordance's topic filter) but not the word counts, which only trends read.
    expect('words' in files.manifest.articles[0]!).toBe(false);
  });

  test('uses, dated and undated, add up to the concordance’s lines; undated ones have no period', () => {
    const dated = trend.series[0]!.points.reduce((sum, point) => sum + point.uses, 0);
    expect(dated + trend.undated.uses).toBe(occurrences.length);
    expect(trend.undated.uses).toBe(1);
    expect(trend.periods.map((period) => period.key)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  test('a rate is uses per 10,000 words of all the period’s articles, those without the word included', () => {
    const march = trend.series[0]!.points[2]!;
    const words = ['b', 'c'].map((slug) => articles[files.manifest.articles.findIndex((entry) => entry.slug === slug)]!.words).reduce((x, y) => x + y);
    expect(march).toMatchObject({ uses: 1, articles: 1, words });
    expect(march.rate).toBeCloseTo(PER_WORDS / words);
    expect(trend.series[0]!.points[1]).toMatchObject({ uses: 0, rate: 0 });
  });

  test('the summary names the peak by rate and counts the undated uses apart', () => {
    // January: 2 uses in 13 words; March: 1 in two articles' words. The rate decides, not the count.
    expect(trendSummary(trend, '“IAEA”')).toMatch(
      /^Uses of “IAEA” peaked in January 2026: 2 uses in 1 article, 1,538 per 10,000 words\. 1 use is in undated articles/,
    );
    expect(trendSummary(trendOf(articles, []), '“zzz”')).toBe('No use of “zzz” in the articles.');
  });

  test('split by topic: an article on two topics is in both; split by source: the uses add up', () => {
    const byTopic = trendOf(articles, occurrences, 'topic');
    const january = (name: string) => byTopic.series.find((series) => series.name === name)!.points[0]!.uses;
    expect(january('Agency')).toBe(2);
    expect(january('Labs')).toBe(2);
    const bySource = trendOf(articles, occurrences, 'source');
    expect(bySource.series.flatMap((series) => series.points).reduce((sum, point) => sum + point.uses, 0)).toBe(occurrences.length - trend.undated.uses);
  });

  test('beyond the few largest, the rest are one series', () => {
    const many: TrendArticle[] = Array.from({ length: SPLIT_SERIES + 3 }, (_, index) => ({
      iso: '2026-01-01',
      outlet: `Outlet ${index}`,
      words: 100,
      topics: [],
    }));
    const split = trendOf(many, [{ article: 0 }], 'source');
    expect(split.series).toHaveLength(SPLIT_SERIES + 1);
    expect(split.series.at(-1)!.name).toBe('Other sources');
    expect(split.series[0]!.name).toBe('Outlet 0');
  });
});

describe('date range', () => {
  test('a trend’s period link keeps the lines of that period, or of the undated articles', () => {
    const march = readDateRange(new URLSearchParams('from=2026-03-01&to=2026-03-31'));
    expect(inDateRange('2026-03-31T20:00:00Z', march)).toBe(true);
    expect(inDateRange('2026-04-01', march)).toBe(false);
    expect(inDateRange(null, march)).toBe(false);
    const undated = readDateRange(new URLSearchParams('dated=no'));
    expect(inDateRange(null, undated)).toBe(true);
    expect(inDateRange('2026-03-02', undated)).toBe(false);
    expect(inDateRange(null, readDateRange(new URLSearchParams('from=nonsense')))).toBe(true);
    expect(describeDateRange(march)).toBe('articles dated 1 March 2026 to 31 March 2026');
  });
});

describe('time line', () => {
  const entries = corpus.map(({ slug, iso, topics }) => ({ slug, title: slug, iso, topics: topics ?? [] }));
  const timeline = timelineOf(entries, [
    { from: 'c', to: 'a' },
    { from: 'a', to: 'd' },
  ]);
  test('every dated article is in one period; undated ones apart; citations with an undated end apart', () => {
    expect(timeline.grain).toBe('week');
    expect(
      timeline.columns
        .flat()
        .map((entry) => entry.slug)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'e']);
    expect(timeline.undated.map((entry) => entry.slug)).toEqual(['d']);
    expect(timeline.citations.map((citation) => `${citation.from.slug}>${citation.to.slug}`)).toEqual(['c>a']);
    expect(timeline.undatedCitations.map((citation) => `${citation.from.slug}>${citation.to.slug}`)).toEqual(['a>d']);
    expect(timeline.topics.find((topic) => topic.name === 'Agency')!.counts.reduce((x, y) => x + y)).toBe(2);
    expect(timelineSummary(timeline)).toMatch(
      /^The 4 dated articles run from the week of 5 January 2026 to the week of 16 March 2026; the busiest week was .*, with 1 article\. 1 article has no date/,
    );
  });
});

/** Every node of a tree. */
const all = (node: SvgNode): SvgNode[] => [node, ...node.children.flatMap(all)];

describe('charts', () => {
  const chart = periodChart({
    kind: 'bars',
    labels: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
    series: [{ name: 'All', values: [2, 0, 5], hrefs: ['/a/', undefined, '/c/'], titles: ['<b>x</b>', 'y', 'z'] }],
    yLabel: 'Uses per 10,000 words',
    xLabel: 'Month of publication',
    format: String,
    width: 320,
    height: 240,
  });
  test('an SVG as wide as asked, hidden from assistive technology (the table is the chart for it), with axes that say what is counted', () => {
    expect(chart.tag).toBe('svg');
    expect(chart.attrs).toMatchObject({ viewBox: '0 0 320 240', 'aria-hidden': 'true' });
    const texts = all(chart).flatMap((node) => (node.text === undefined ? [] : [node.text]));
    expect(texts).toContain('Uses per 10,000 words');
    expect(texts).toContain('Month of publication');
    // Text from data stays text: it is never parsed (the renderers set it as text).
    expect(texts).toContain('<b>x</b>');
    expect(all(chart).some((node) => node.tag === 'b')).toBe(false);
  });
  test('one bar per period, taller for more, each a link when it has one; nothing outside the width', () => {
    const bars = all(chart).filter((node) => node.tag === 'rect');
    expect(bars).toHaveLength(3);
    expect(Number(bars[2]!.attrs['height'])).toBeGreaterThan(Number(bars[0]!.attrs['height']));
    expect(Number(bars[1]!.attrs['height'])).toBe(0);
    expect(
      all(chart)
        .filter((node) => node.tag === 'a')
        .map((node) => node.attrs['href']),
    ).toEqual(['/a/', '/c/']);
    for (const bar of bars) expect(Number(bar.attrs['x']) + Number(bar.attrs['width'])).toBeLessThanOrEqual(320);
  });
  test('lines and stacks for several series, with a legend naming each', () => {
    for (const kind of ['lines', 'stack'] as const) {
      const several = periodChart({
        kind,
        labels: ['a', 'b'],
        series: [
          { name: 'One', values: [1, 2] },
          { name: 'Two', values: [3, 1] },
        ],
        yLabel: 'y',
        xLabel: 'x',
        format: String,
        width: 320,
        height: 260,
      });
      const texts = all(several).flatMap((node) => (node.text === undefined ? [] : [node.text]));
      expect(texts).toEqual(expect.arrayContaining(['One', 'Two']));
    }
  });
  test('a dot per article and an arc per citation', () => {
    const dots = dotTimeline({
      labels: ['w1', 'w2'],
      columns: [
        [{ title: 'a', href: '/a/' }],
        [
          { title: 'b', href: '/b/' },
          { title: 'c', href: '/c/' },
        ],
      ],
      xLabel: 'Week',
      width: 320,
      height: 200,
    });
    expect(all(dots).filter((node) => node.tag === 'circle')).toHaveLength(3);
    // Too many to see as dots: a bar per period, its count in its tooltip, no dot.
    const crowded = dotTimeline({
      labels: ['w1', 'w2'],
      columns: [Array.from({ length: 300 }, () => ({ title: 'a', href: '/a/' })), []],
      xLabel: 'Week',
      width: 320,
      height: 200,
    });
    expect(all(crowded).filter((node) => node.tag === 'circle')).toHaveLength(0);
    expect(
      all(crowded)
        .filter((node) => node.tag === 'rect')
        .map((node) => node.children[0]!.text),
    ).toEqual(['w1: 300 articles', 'w2: 0 articles']);
    const arcs = citationArcs({
      nodes: [
        { time: 0, title: 'a', href: '/a/' },
        { time: 1000, title: 'b', href: '/b/' },
      ],
      links: [[1, 0]],
      ticks: [{ time: 0, label: 'w1' }],
      xLabel: 'Date',
      width: 320,
      height: 200,
    });
    expect(all(arcs).filter((node) => node.attrs['class'] === 'chart-arc')).toHaveLength(1);
  });
});
