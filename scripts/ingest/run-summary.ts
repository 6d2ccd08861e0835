/**
 * What the ingest says on the terminal at the end of a run: few lines whatever the corpus's size. Every warning
 * when there are few; otherwise the warnings grouped by kind, each kind with its count, what the curator can do
 * about it and the sources that have most; then the feed items left out, the sources left out with their errors,
 * where the full account is, and the totals line. Pure: the run's report in, lines out (scripts/ingest.ts prints
 * them, and writes every warning to the log file).
 *   report with 824 warnings ->
 *     warnings: 824 in 37 sources (every one in src/content/articles.ingest.log; by source on /about/coverage/)
 *       412 removed   markup taken out of feed items (scripts, trackers, share buttons): nothing to do. a.xml 120, b.xml 88, and 12 more sources
 *     ...
 */
import { formatCount, plural } from '../../src/core/count.ts';
import type { IngestReport, WarningKind } from '../../src/schemas/ingest-report.ts';
import type { IngestResult } from './pipeline.ts';

/** At most this many warnings are printed one by one; above it they are grouped. */
const WARNINGS_LISTED = 20;

/** What a warning of each kind is, and what the curator can do about it. */
const WARNING_ACTIONS: Record<WarningKind, string> = {
  repair:
    'faults in the bytes or XML that were tolerated or repaired (an encoding detected, blank lines before the XML declaration): read the article; if its text is wrong, declare the encoding in corpus/catalog.yaml (`encoding:`) or fix the source',
  removed: 'markup taken out of feed items (scripts, trackers, share buttons, widgets): nothing to do, the text is kept',
  metadata:
    'a title, date, author or address the source does not give: shown as unknown or inferred, never made up; give it in corpus/catalog.yaml if you know it',
  note: 'anything else (slugs made unique, texts marked truncated, copies kept apart): read it on /about/coverage/; nothing to do unless it is wrong',
};

const LEFT_OUT_ACTION =
  'feed items that gave no article (a second copy of another item, no text, or an entry that failed its checks); the rest of each feed is published';

/** How many sources to name in a group. */
const NAMED = 3;

export interface RunSummaryOptions {
  /** Print every warning, however many. */
  verbose?: boolean;
  /** Where every warning is written (shown to the curator). */
  logFile?: string;
}

/** The lines that end a run: warnings (listed or grouped), items left out, sources left out. */
export function summarizeRun(report: IngestReport, options: RunSummaryOptions = {}): string[] {
  const lines: string[] = [];
  const warnings = report.sources.flatMap((source) => source.warnings.map((warning) => ({ source: source.file, ...warning })));
  const leftOut = report.sources.flatMap((source) => source.leftOut.map((item) => ({ source: source.file, ...item })));
  const total = warnings.length + leftOut.length + report.other.length;
  const where = `every one in ${options.logFile ?? 'the ingest log'}; by source on /about/coverage/`;

  if (options.verbose || total <= WARNINGS_LISTED) {
    for (const other of report.other) lines.push(`warning: ${other}`);
    for (const { label, message } of warnings) lines.push(`warning: ${label}: ${message}`);
    for (const { label, reason } of leftOut) lines.push(`warning: ${label}: ${reason}`);
  } else {
    const sources = new Set([...warnings, ...leftOut].map((warning) => warning.source));
    lines.push(`warnings: ${formatCount(total)} in ${plural(sources.size, 'source')} (${where})`);
    for (const other of report.other) lines.push(`  ${other}`);
    const groups: [string, string, { source: string }[]][] = (['removed', 'metadata', 'repair', 'note'] as const).map((kind) => [
      kind,
      WARNING_ACTIONS[kind],
      warnings.filter((warning) => warning.kind === kind),
    ]);
    groups.push(['left out', LEFT_OUT_ACTION, leftOut]);
    const width = Math.max(...groups.map(([, , list]) => formatCount(list.length).length));
    for (const [kind, action, list] of groups) {
      if (list.length === 0) continue;
      lines.push(`  ${formatCount(list.length).padStart(width)} ${kind}: ${action}`);
      lines.push(`  ${' '.repeat(width)} ${topSources(list)}`);
    }
  }
  const failed = report.sources.filter((source) => source.error !== null);
  if (failed.length > 0) {
    lines.push(`${plural(failed.length, 'source')} left out of this run (the rest is published): fix each and run the ingest again`);
    for (const source of failed) {
      const kept = source.stale ? ` (${lastGood(source.articles.length)} published, marked stale, until it is fixed)` : '';
      lines.push(`error: ${source.error}${kept}`);
    }
  }
  return lines;
}

/** "its last good article stays", "its last good 3 articles stay". */
function lastGood(n: number): string {
  return n === 1 ? 'its last good article stays' : `its last good ${plural(n, 'article')} stay`;
}

/** "a.xml 120, b.xml 88, c.xml 40 and 12 more sources": the sources with most, then how many others. */
function topSources(list: readonly { source: string }[]): string {
  const bySource = new Map<string, number>();
  for (const { source } of list) bySource.set(source, (bySource.get(source) ?? 0) + 1);
  const ranked = [...bySource].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'));
  const named = ranked.slice(0, NAMED).map(([source, n]) => `${source} ${formatCount(n)}`);
  const rest = ranked.length - NAMED;
  return rest > 0 ? `${named.join(', ')} and ${plural(rest, 'more source')}` : named.join(', ');
}

/** How many warnings of one changed source are printed before "and N more". */
const CHANGE_WARNINGS = 8;

/**
 * What the sources that changed since the last run became, and nothing else (`npm run dev`, after its first run): per
 * changed source its articles, its warnings (the first few) and its error; per removed source that it is gone.
 *   changed a.xml -> ["a.xml changed: 12 articles, 2 warnings", "  warning: a.xml item 2: …", …]
 */
export function summarizeChanges(
  result: Pick<IngestResult, 'entries' | 'unchanged' | 'warnings' | 'failed'>,
  changed: ReadonlySet<string>,
  removed: readonly string[],
  options: { logFile?: string } = {},
): string[] {
  const lines: string[] = [];
  const of = (file: string, label: string) => label === file || label.startsWith(`${file} item `) || label.startsWith(`${file}: `);
  for (const file of [...changed].sort()) {
    const failure = result.failed.find((failed) => failed.file === file);
    const warnings = result.warnings.filter((warning) => of(file, warning));
    if (failure !== undefined) {
      const kept = failure.kept > 0 ? `; ${lastGood(failure.kept)} published, marked stale` : '';
      lines.push(`${file} changed: left out${kept}`, `  error: ${failure.error.message}`);
      continue;
    }
    const articles = [...result.entries, ...result.unchanged].filter(({ label }) => of(file, label)).length;
    lines.push(`${file} changed: ${plural(articles, 'article')}, ${plural(warnings.length, 'warning')}`);
    for (const warning of warnings.slice(0, CHANGE_WARNINGS)) lines.push(`  warning: ${warning}`);
    if (warnings.length > CHANGE_WARNINGS) lines.push(`  and ${formatCount(warnings.length - CHANGE_WARNINGS)} more (${options.logFile ?? 'the ingest log'})`);
  }
  for (const file of [...removed].sort()) lines.push(`${file} removed: its articles are gone`);
  if (changed.size === 0 && removed.length === 0) lines.push('no source changed');
  return lines;
}
