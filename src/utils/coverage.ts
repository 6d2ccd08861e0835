/**
 * The coverage account (`/about/coverage/`, `/coverage.json`): the ingest's report of its last run (which
 * sources became which articles, the feed items left out, every warning by kind) joined with each article's
 * provenance (encoding, inferred fields, truncation, residue). `buildCoverage` is pure; `readIngestReport`
 * reads the report the ingest wrote with the entries, fresh on every call (the dev server reads it per request).
 * report { sources: [{ file: "a.xml", articles: [{ slug: "a" }], leftOut: [...] }] } + articles -> { totals, sources, articles, residue }
 */
import { existsSync, readFileSync } from 'node:fs';
import { ingestReportFile } from '../core/ingest-files.ts';
import { residueRuleLabel } from '../core/residue.ts';
import { articlePath, rawSourcePath, siteUrl } from '../core/urls.ts';
import type { Article } from '../schemas/article.ts';
import { COVERAGE_SCHEMA_VERSION, coverageExportSchema, type CoverageExport } from '../schemas/coverage-export.ts';
import { INGEST_REPORT_VERSION, ingestReportSchema, type IngestReport } from '../schemas/ingest-report.ts';
import { ENTRIES_DIR } from './corpus-paths.ts';

/** The report the last ingest wrote with the entries; an error says what to run when there is none or it is of another version. */
export function readIngestReport(entries: string = ENTRIES_DIR): IngestReport {
  const file = ingestReportFile(entries);
  if (!existsSync(file)) throw new Error(`${file}: no ingest report; run \`npm run ingest\` (it writes the report with the entries)`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  if (data.version !== INGEST_REPORT_VERSION) throw new Error(`${file}: an ingest report of version ${String(data.version)}; run \`npm run ingest\` again`);
  return ingestReportSchema.parse(data);
}

/** The metadata fields in the order the provenance panel shows them. */
const FIELDS = ['title', 'author', 'outlet', 'publishedAt', 'url', 'dek', 'topics'] as const satisfies readonly (keyof Article['origins'])[];

/** The coverage account of a run and its articles; links absolute on `site` when the build has a public address. */
export function buildCoverage(report: IngestReport, articles: readonly Article[], site: URL | undefined): CoverageExport {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const sources = report.sources.map((source) => {
    const made = source.articles.map(({ slug }) => bySlug.get(slug)).filter((article): article is Article => article !== undefined);
    const first = made[0];
    const encoding = first?.source.encoding;
    return {
      file: source.file,
      format: first?.source.format ?? 'text',
      rawUrl: siteUrl(rawSourcePath(source.file), site),
      encoding: encoding === undefined ? null : { name: encoding.name, how: encoding.how, confidence: encoding.confidence ?? null },
      articles: made.map((article) => article.slug),
      leftOut: source.leftOut,
      warnings: source.warnings,
      error: source.error,
      stale: source.stale,
    };
  });
  const listed = sources.flatMap((source) => source.articles.map((slug) => bySlug.get(slug)!));
  const residue = new Map<string, Set<string>>();
  let residueCount = new Map<string, number>();
  for (const article of listed) {
    for (const { rule } of article.residue) {
      residue.set(rule, (residue.get(rule) ?? new Set()).add(article.slug));
      residueCount.set(rule, (residueCount.get(rule) ?? 0) + 1);
    }
  }
  residueCount = new Map([...residueCount].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return coverageExportSchema.parse({
    schemaVersion: COVERAGE_SCHEMA_VERSION,
    totals: {
      sources: sources.length,
      articles: listed.length,
      leftOut: sources.reduce((sum, source) => sum + source.leftOut.length, 0),
      warnings: sources.reduce((sum, source) => sum + source.warnings.length, 0) + report.other.length,
      failed: sources.filter((source) => source.error !== null).length,
    },
    sources,
    articles: listed.map((article) => ({
      slug: article.slug,
      url: siteUrl(articlePath(article.slug), site),
      title: article.title,
      file: article.source.file,
      item: article.source.item,
      inferred: FIELDS.filter((field) => article.origins[field] === 'inferred'),
      unknown: FIELDS.filter((field) => article.origins[field] === 'unknown'),
      origins: article.origins,
      truncated: article.truncated,
      residue: article.residue,
    })),
    residue: [...residueCount].map(([rule, count]) => ({ rule, label: residueRuleLabel(rule), count, articles: [...residue.get(rule)!] })),
    other: report.other,
  });
}
