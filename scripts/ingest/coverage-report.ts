/**
 * The report of one run for the site's coverage page (src/schemas/ingest-report.ts): each source with the
 * articles it became, its feed items left out and why, and its warnings, each sorted into a kind. Pure: built
 * from the pipeline's result, validated with the shared schema; scripts/ingest.ts writes it with the entries.
 * result with "a.xml item 2: left out: ..." -> { sources: [{ file: "a.xml", articles: [...], leftOut: [{ label: "a.xml item 2", reason }] }] }
 */
import { INGEST_REPORT_VERSION, ingestReportSchema, type IngestReport, type WarningKind } from '../../src/schemas/ingest-report.ts';
import type { IngestResult } from './pipeline.ts';

/**
 * The kind of a warning, from the ingest's own messages (decode.ts, feed/, html/, to-article.ts): the first rule
 * that matches. Tests run it over the fixtures' warnings (tests/unit/coverage-report.test.ts).
 */
const KINDS: readonly [WarningKind, RegExp][] = [
  ['repair', /\btolerated\b|^declares (?:no )?encoding|^mixes UTF-8|invisible control character/],
  ['removed', /^removed /],
  ['metadata', /has no (?:title|date|link)\b|could not be read: shown as undated|is not a web address|names no author|content is not in the feed/],
];

/** The kind of one warning message (without its label). */
export function warningKind(message: string): WarningKind {
  return KINDS.find(([, pattern]) => pattern.test(message))?.[0] ?? 'note';
}

/** The report of a run over `files` (every source file's name); `other` are warnings about no one source. */
export function buildIngestReport(result: IngestResult, files: readonly string[], other: readonly string[] = []): IngestReport {
  const sources = [...files].sort().map((file) => ({
    file,
    articles: [] as IngestReport['sources'][number]['articles'],
    leftOut: [] as IngestReport['sources'][number]['leftOut'],
    warnings: [] as IngestReport['sources'][number]['warnings'],
    error: null as string | null,
    stale: false,
  }));
  const byFile = new Map(sources.map((source) => [source.file, source]));
  /**
   * The source a label or a warning starts with, and the label: `file` or `file item N`. A file's name ends where the
   * text goes on with " item N" or ": ", or at its end; of those places, the longest name that is a source's wins, so
   * "a.xml.txt" is never taken for "a.xml". (Looked up by name: trying every source on every text took 0.4 s of a 2.4 s
   * re-ingest at 10,000 generated articles.)
   */
  const place = (text: string): { source: (typeof sources)[number]; label: string; rest: string } | undefined => {
    const ends = [text.length, ...[...text.matchAll(/ item \d+|: /g)].map((found) => found.index)].sort((a, b) => b - a);
    for (const end of ends) {
      const source = byFile.get(text.slice(0, end));
      if (source === undefined) continue;
      const match = /^(?: item \d+)?/.exec(text.slice(source.file.length))!;
      const label = source.file + match[0];
      if (text === label) return { source, label, rest: '' };
      if (text.startsWith(`${label}: `)) return { source, label, rest: text.slice(label.length + 2) };
    }
    return undefined;
  };
  for (const { label, slug } of [...result.entries, ...result.unchanged]) place(label)?.source.articles.push({ label, slug });
  for (const { file, error, kept } of result.failed) {
    const source = byFile.get(file);
    if (source === undefined) continue;
    source.error = error.message;
    source.stale = kept > 0;
  }
  const leftOut = new Set<string>();
  for (const { label, reason } of result.skipped) {
    place(label)?.source.leftOut.push({ label, reason });
    leftOut.add(`${label}: ${reason}`);
  }
  const unplaced = [...other];
  for (const warning of result.warnings) {
    if (leftOut.has(warning)) continue;
    const found = place(warning);
    if (found === undefined || found.rest === '') unplaced.push(warning);
    else found.source.warnings.push({ label: found.label, kind: warningKind(found.rest), message: found.rest });
  }
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en', { numeric: true });
  for (const source of sources) source.articles.sort(byLabel);
  return ingestReportSchema.parse({ version: INGEST_REPORT_VERSION, sources, other: unplaced });
}
