/**
 * The coverage account (scripts/ingest/coverage-report.ts -> src/utils/coverage.ts) for a corpus with an item left
 * out, a tolerated XML fault, a mixed encoding, an assumed and a detected encoding: every source and article is
 * accounted for, every warning of the run appears once with its kind, and encodings, inferred fields and
 * truncation are what the entries record. Expectations are derived from the pipeline's own result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildIngestReport, warningKind } from '../../scripts/ingest/coverage-report.ts';
import { ingestSources, type SourceFile } from '../../scripts/ingest/pipeline.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { ingestReportSchema } from '../../src/schemas/ingest-report.ts';
import { buildCoverage } from '../../src/utils/coverage.ts';
import { COVERAGE_SECTIONS, coverageSectionPath, coverageSections, coverageSourcePaths } from '../../src/utils/coverage-pages.ts';
import { coverageSourceId } from '../../src/core/urls.ts';
import { corpusTopics } from '../helpers/ingest-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures');
const CASES = ['feed-bad-item-left-out', 'feed-leading-blank-line', 'mixed-encoding', 'windows-1252-text'];

const russian =
  'Международное агентство по атомной энергии было создано для того, чтобы проверять, как государства используют ядерные материалы. ' +
  'Сторонники нового агентства для искусственного интеллекта считают, что такая же организация могла бы проверять вычислительные мощности. ' +
  'Критики отвечают, что программное обеспечение нельзя пересчитать, как уран, и что страны не захотят открывать свои лаборатории.';

const sources: SourceFile[] = [
  ...CASES.flatMap((name) =>
    readdirSync(path.join(fixtures, name, 'sources')).map((file) => ({ file, bytes: readFileSync(path.join(fixtures, name, 'sources', file)) })),
  ),
  { file: 'koi8.txt', bytes: iconv.encode(russian, 'koi8-r') },
];
const result = ingestSources(sources, { catalog: {}, topics: corpusTopics() });
const report = buildIngestReport(
  result,
  sources.map((source) => source.file),
  [],
);
const articles = result.entries.map((entry) => articleSchema.parse(parse(/^---\n([\s\S]*?)\n---\n/.exec(entry.mdx)![1]!)));
const coverage = buildCoverage(report, articles, undefined);
const source = (file: string) => coverage.sources.find((candidate) => candidate.file === file)!;

describe('coverage report', () => {
  test('the run succeeds and its report passes the shared schema', () => {
    expect(result.errors).toEqual([]);
    expect(ingestReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  test('every source is listed with the articles it became, each article once', () => {
    expect(coverage.sources.map((one) => one.file)).toEqual(sources.map((one) => one.file).sort());
    expect(coverage.sources.flatMap((one) => one.articles).sort()).toEqual(result.entries.map((entry) => entry.slug).sort());
    for (const entry of result.entries) expect(source(articles.find((article) => article.slug === entry.slug)!.source.file).articles).toContain(entry.slug);
    expect(coverage.totals).toMatchObject({ sources: sources.length, articles: result.entries.length, leftOut: result.skipped.length });
  });

  test('every item left out is listed under its source with the reason the ingest gave', () => {
    expect(result.skipped.length).toBeGreaterThan(0);
    for (const { label, reason } of result.skipped) {
      const file = label.replace(/ item \d+$/, '');
      expect(source(file).leftOut).toContainEqual({ label, reason });
    }
  });

  test('every warning of the run appears once, as a left-out item or under its source with its kind', () => {
    const listed = [
      ...coverage.sources.flatMap((one) => one.warnings.map((warning) => `${warning.label}: ${warning.message}`)),
      ...coverage.sources.flatMap((one) => one.leftOut.map((item) => `${item.label}: ${item.reason}`)),
      ...coverage.other,
    ];
    expect(listed.sort()).toEqual([...result.warnings].sort());
  });

  test('a tolerated XML fault and a mixed encoding are repairs', () => {
    const feed = result.warnings.find((warning) => warning.includes('tolerated'))!;
    const file = feed.slice(0, feed.indexOf(': '));
    expect(source(file).warnings.some((warning) => warning.kind === 'repair' && feed.endsWith(warning.message))).toBe(true);
    const mixed = coverage.sources.find((one) => one.encoding?.how === 'mixed')!;
    expect(mixed.warnings.map((warning) => warning.kind)).toContain('repair');
  });

  test('encodings detected carry the detector’s confidence; an assumed one has none', () => {
    const detected = coverage.sources.filter((one) => one.encoding?.how === 'detected');
    expect(detected.map((one) => one.file)).toEqual(['koi8.txt']);
    expect(detected[0]!.encoding).toEqual({ name: 'koi8-r', how: 'detected', confidence: expect.any(Number) });
    // The confidence is the one the warning gives.
    const message = detected[0]!.warnings.find((warning) => warning.kind === 'repair')!.message;
    expect(message).toContain(`confidence ${detected[0]!.encoding!.confidence}/100`);
    const fallback = coverage.sources.find((one) => one.encoding?.how === 'fallback')!;
    expect(fallback.encoding!.confidence).toBeNull();
    // Plain UTF-8 sources have no encoding entry.
    expect(coverage.sources.filter((one) => one.encoding === null).length).toBe(
      new Set(articles.filter((article) => article.source.encoding === undefined).map((article) => article.source.file)).size,
    );
  });

  test('inferred and unknown fields, truncation and residue are the entries’ own', () => {
    for (const article of articles) {
      const shown = coverage.articles.find((one) => one.slug === article.slug)!;
      const inferred = Object.entries(article.origins).filter(([, origin]) => origin === 'inferred');
      expect(shown.inferred.sort()).toEqual(inferred.map(([field]) => field).sort());
      expect(shown.truncated).toBe(article.truncated);
      expect(shown.residue).toEqual(article.residue);
    }
    const residue = articles.flatMap((article) => article.residue);
    expect(coverage.residue.reduce((sum, rule) => sum + rule.count, 0)).toBe(residue.length);
  });

  test("the fixtures' warnings are sorted into kinds by what they say", () => {
    const lines = readdirSync(fixtures).flatMap((name) => {
      try {
        return readFileSync(path.join(fixtures, name, 'warnings.txt'), 'utf8')
          .split('\n')
          .filter(Boolean);
      } catch {
        return [];
      }
    });
    const message = (line: string) => line.replace(/^.*?(?:\.[a-z0-9]+)(?: item \d+)?: /, '');
    for (const line of lines) {
      const text = message(line);
      if (text.startsWith('removed ') && !text.includes('invisible control')) expect(warningKind(text), text).toBe('removed');
      if (/tolerated|^declares|^mixes UTF-8|invisible control/.test(text)) expect(warningKind(text), text).toBe('repair');
      if (/has no (?:title|date|link)|could not be read/.test(text)) expect(warningKind(text), text).toBe('metadata');
    }
    expect(lines.length).toBeGreaterThan(20);
  });

  test('a list too long for the coverage page is cut into pages that hold it whole, and each source links to the page of its warnings', () => {
    const whole = coverageSections(coverage);
    // On pages of three lines every list of this run overflows; each page's lines, joined, are the whole list.
    const small = coverageSections(coverage, 3);
    for (const { id } of COVERAGE_SECTIONS) {
      const lines = (sections: typeof whole): unknown[] => sections[id].flat().flatMap((row): unknown[] => ('items' in row ? row.items : [row]));
      expect(lines(small), id).toEqual(lines(whole));
      if (small[id].length > 1) expect(coverageSectionPath(small, id, 2)).toBe(`/about/coverage/${id}/2/`);
      if (whole[id].length === 1) expect(coverageSectionPath(whole, id)).toBe(`/about/coverage/#${id}`);
    }
    expect(small.sources.length).toBeGreaterThan(1);
    for (const sections of [whole, small]) {
      const paths = coverageSourcePaths(sections);
      for (const one of coverage.sources) {
        const target = paths.get(one.file);
        if (one.warnings.length > 0) {
          const page = sections.warnings.findIndex((rows) => rows.some((row) => row.group.file === one.file && row.from === 1));
          expect(target).toBe(`${coverageSectionPath(sections, 'warnings', page + 1).replace(/#.*$/, '')}#${coverageSourceId(one.file)}`);
        } else if (one.leftOut.length > 0) expect(target).toMatch(/^\/about\/coverage\/(?:#left-out|left-out\/)/);
        else expect(target).toBeUndefined();
      }
    }
  });
});
