/**
 * How `/about/coverage/` stays small at any size: each of its lists (sources, items left out, encodings, repairs,
 * markup removed, residue by rule, truncated texts, inferred fields, warnings by source) is cut into pages of about
 * the same weight, one line of the list (an article link, a warning) weighing one. A list that fits on one page is
 * shown on /about/coverage/ itself; a longer one is on /about/coverage/<list>/ and /about/coverage/<list>/<n>/,
 * and /about/coverage/ says how long it is. A group longer than a page (a feed of thousands of items, a rule
 * applied in every article) continues over as many pages as it needs, each part saying which lines it holds.
 * Pure: the same coverage account always gives the same pages, so the incremental build re-renders only pages
 * whose lines changed.
 * coverageSections({ sources: [a (3 articles), b (1 article)], … }) -> { sources: [[a 1-3, b 1-1]], … }
 */
import type { CoverageExport } from '../schemas/coverage-export.ts';
import type { ReportWarning } from '../schemas/ingest-report.ts';
import { coverageSourceId } from '../core/urls.ts';
import { packPages, splitGroup, type Part } from './pagination.ts';

/** Lines per page of a coverage list. */
const COVERAGE_PAGE_LINES = 150;

type Source = CoverageExport['sources'][number];
type Warning = ReportWarning;
type Article = CoverageExport['articles'][number];
type Rule = CoverageExport['residue'][number];

/** The lists of the coverage page, in page order, each as its pages (an empty list has one empty page). */
export interface CoverageSections {
  sources: Part<Source, string>[][];
  'left-out': (Source['leftOut'][number] & { file: string })[][];
  encodings: Source[][];
  repairs: Warning[][];
  removed: Warning[][];
  residue: Part<Rule, string>[][];
  truncated: Article[][];
  inferred: Article[][];
  warnings: Part<Source, Warning>[][];
}
export type CoverageSectionId = keyof CoverageSections;

/** The lists in the order the page shows them, with their headings. */
export const COVERAGE_SECTIONS: readonly { id: CoverageSectionId; title: string }[] = [
  { id: 'sources', title: 'Sources and what they became' },
  { id: 'left-out', title: 'Items left out' },
  { id: 'encodings', title: 'Encodings' },
  { id: 'repairs', title: 'Repairs' },
  { id: 'removed', title: 'Removed from feed items' },
  { id: 'residue', title: 'Residue set aside' },
  { id: 'truncated', title: 'Truncated texts' },
  { id: 'inferred', title: 'Inferred fields' },
  { id: 'warnings', title: 'Every warning, by source' },
];

/** Every list of the coverage account, cut into pages. */
export function coverageSections(coverage: CoverageExport, lines = COVERAGE_PAGE_LINES): CoverageSections {
  const warnings = (kind: Warning['kind']) => coverage.sources.flatMap((source) => source.warnings.filter((warning) => warning.kind === kind));
  const one = () => 1;
  // A part weighs its lines plus one for its heading (a table row, a source's heading).
  const part = (row: Part<unknown, unknown>) => 1 + row.items.length;
  // A group's part holds at most a page less its heading.
  const size = Math.max(1, lines - 1);
  return {
    sources: packPages(
      coverage.sources.flatMap((source) => splitGroup(source, source.articles, size)),
      part,
      lines,
    ),
    'left-out': packPages(
      coverage.sources.flatMap((source) => source.leftOut.map((item) => ({ ...item, file: source.file }))),
      one,
      lines,
    ),
    encodings: packPages(
      coverage.sources.filter((source) => source.encoding !== null),
      one,
      lines,
    ),
    repairs: packPages(warnings('repair'), one, lines),
    removed: packPages(warnings('removed'), one, lines),
    residue: packPages(
      coverage.residue.flatMap((rule) => splitGroup(rule, rule.articles, size)),
      part,
      lines,
    ),
    truncated: packPages(
      coverage.articles.filter((article) => article.truncated),
      one,
      lines,
    ),
    inferred: packPages(
      coverage.articles.filter((article) => article.inferred.some((field) => field !== 'topics')),
      one,
      lines,
    ),
    warnings: packPages(
      coverage.sources.filter((source) => source.warnings.length > 0).flatMap((source) => splitGroup(source, source.warnings, size)),
      part,
      lines,
    ),
  };
}

/** The address of page `page` (1-based) of a list: /about/coverage/ when the list fits there, else its own pages. */
export function coverageSectionPath(sections: CoverageSections, id: CoverageSectionId, page = 1): string {
  if (sections[id].length === 1) return `/about/coverage/#${id}`;
  return page === 1 ? `/about/coverage/${id}/` : `/about/coverage/${id}/${page}/`;
}

/**
 * Where each source's warnings are listed (the first page that holds them, at its heading), or, for a source with no
 * warnings but items left out, the page of the items left out; sources with neither are not in the map.
 */
export function coverageSourcePaths(sections: CoverageSections): Map<string, string> {
  const paths = new Map<string, string>();
  sections['left-out'].forEach((rows, i) => {
    for (const row of rows) if (!paths.has(row.file)) paths.set(row.file, coverageSectionPath(sections, 'left-out', i + 1));
  });
  const warnings = new Map<string, string>();
  sections.warnings.forEach((rows, i) => {
    const page = coverageSectionPath(sections, 'warnings', i + 1).replace(/#.*$/, '');
    for (const row of rows) if (row.from === 1) warnings.set(row.group.file, `${page}#${coverageSourceId(row.group.file)}`);
  });
  return new Map([...paths, ...warnings]);
}
