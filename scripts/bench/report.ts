/**
 * The benchmark's report: the markdown tables of docs/performance.md (build, Astro's phases, the pages that list
 * the corpus, the incremental ingest, reading, the concordance, the budgets) from bench/results.json, written between
 * the `bench:results` markers of that page (everything outside them is left as it is).
 *   writeDoc({ sizes: { '1000': … } }) -> docs/performance.md with its tables rewritten
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { budgetLines } from './budgets.ts';
import { kb, mb, n, s, size } from './format.ts';
import { QUERIES } from './measure-browser.ts';
import { rebuild, type ResultsFile, type SizeResult } from './results.ts';

/** The page the tables are written into. */
export const DOC = path.resolve(import.meta.dirname, '../../docs/performance.md');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The markdown tables for docs/performance.md. */
function renderTables(results: ResultsFile): string {
  const runs = Object.values(results.sizes).sort((a, b) => a.articles - b.articles);
  if (runs.length === 0) return '_No results yet: run `npm run bench`._';
  const lines: string[] = [];
  const machines = [
    ...new Set(
      runs.map((run) => `${run.machine.cpu}, ${run.machine.cores} cores, ${run.machine.memoryGB} GB memory, Node ${run.machine.node}, ${run.machine.os}`),
    ),
  ];
  lines.push(`Measured on: ${machines.join('; ')}.`);
  lines.push(
    `Runs: ${runs.map((run) => `${n(run.articles)} articles on ${run.measuredAt.slice(0, 10)} (load average ${run.load[0]} → ${run.load[1]})`).join('; ')}. A load average above the core count means other work shared the CPUs: wall times are then inflated, CPU times much less so.`,
  );
  lines.push('');
  lines.push('### Build');
  lines.push('');
  lines.push(
    '| articles | sources | ingest | astro build | pagefind | end to end | rebuild after one changed source | peak memory (ingest / build / pagefind) | bare astro build | dist/ | search index |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of runs) {
    const sources = run.corpus.textFiles + run.corpus.feeds;
    const bare = run.bare ? `${s(run.bare.wallS)} s (${s(run.bare.cpuS)} s CPU), ${mb(run.bare.peakMB)}` : 'not run';
    lines.push(
      `| ${n(run.articles)} | ${n(sources)} | ${s(run.ingest.wallS)} s (${s(run.ingest.cpuS)} s CPU), ${run.ingest.articlesPerSecond.toFixed(0)}/s | ${s(run.build.wallS)} s (${s(run.build.cpuS)} s CPU) | ${s(run.pagefind.wallS)} s | **${s(run.endToEnd.wallS)} s, ${run.endToEnd.articlesPerSecond.toFixed(1)}/s** (${s(run.endToEnd.cpuS)} s CPU) | ${s(rebuild(run))} s | ${mb(run.ingest.peakMB)} / ${mb(run.build.peakMB)} / ${mb(run.pagefind.peakMB)} | ${bare} | ${size(run.dist.bytes)}, ${n(run.dist.files)} files | ${size(run.dist.indexBytes)}, ${n(run.dist.indexFiles)} files |`,
    );
  }
  lines.push('');
  lines.push("Astro's own phases (from its build log) and the costliest routes (sum of the per-page times Astro prints):");
  lines.push('');
  lines.push('| articles | setup (content sync) | bundle (Vite) | render (static routes) | costliest routes |');
  lines.push('| ---: | ---: | ---: | ---: | --- |');
  for (const run of runs) {
    const phase = (name: string) => {
      const key = Object.keys(run.build.phases).find((candidate) => candidate.startsWith(name));
      return key === undefined ? '–' : `${s(run.build.phases[key]!)} s`;
    };
    const routes = run.build.routes
      .slice(0, 4)
      .map((route) => `\`${route.route}\` ${s(route.ms / 1000)} s / ${n(route.pages)}`)
      .join(', ');
    lines.push(`| ${n(run.articles)} | ${phase('setup')} | ${phase('bundle')} | ${phase('render')} | ${routes} |`);
  }
  lines.push('');
  const listed = runs.filter((run) => run.listPages);
  if (listed.length > 0) {
    const names = Object.keys(listed[0]!.listPages);
    lines.push('Pages that list the whole corpus (uncompressed):');
    lines.push('');
    lines.push(`| articles | ${names.map((name) => `\`${name}\``).join(' | ')} |`);
    lines.push(`| ---: | ${names.map(() => '---:').join(' | ')} |`);
    for (const run of listed) lines.push(`| ${n(run.articles)} | ${names.map((name) => size(run.listPages[name] ?? 0)).join(' | ')} |`);
    lines.push('');
  }
  lines.push('### Incremental ingest');
  lines.push('');
  lines.push('| articles | cold ingest | re-ingest, nothing changed | re-ingest, one text file changed |');
  lines.push('| ---: | ---: | ---: | ---: |');
  for (const run of runs) {
    lines.push(
      `| ${n(run.articles)} | ${s(run.ingest.wallS)} s, ${mb(run.ingest.peakMB)} | ${s(run.reingestUnchanged.wallS)} s (${(run.ingest.articlesWritten / run.reingestUnchanged.wallS).toFixed(0)} articles/s), ${mb(run.reingestUnchanged.peakMB)} | **${s(run.reingestOneFile.wallS)} s**, ${mb(run.reingestOneFile.peakMB)} |`,
    );
  }
  lines.push('');
  lines.push('### Reading (headless Chromium, gzip sizes)');
  lines.push('');
  lines.push(
    '| articles | article page, median (HTML + CSS + JS) | its JS before search | largest article page | first search on the wire (5 queries: median, max) | first results (median, max) | later query (median) |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of runs) {
    if (!run.browser) {
      lines.push(`| ${n(run.articles)} | not run | | | | | |`);
      continue;
    }
    const { medianPage, largestPage, searches } = run.browser;
    const wire = searches.map((search) => search.wireBytes);
    const first = searches.map((search) => search.firstResultMs);
    lines.push(
      `| ${n(run.articles)} | ${kb(medianPage.totalBytes)} (${kb(medianPage.htmlBytes)} + ${kb(medianPage.cssBytes)} + ${kb(medianPage.jsBytes)}) | ${kb(medianPage.jsBytes)} | ${kb(largestPage.totalBytes)} | ${kb(median(wire))}, ${kb(Math.max(...wire))} | ${median(first).toFixed(0)} ms, ${Math.max(...first).toFixed(0)} ms | ${median(searches.map((search) => search.warmResultMs)).toFixed(0)} ms |`,
    );
  }
  lines.push('');
  lines.push(
    'Queries: ' +
      QUERIES.map(([query]) => `\`${query}\``).join(', ') +
      ', each typed into the header box of the median article page in a fresh browser context.',
  );
  lines.push('');
  lines.push(...concordanceLines(runs));
  lines.push('### Budgets');
  lines.push('');
  lines.push(...budgetLines(runs));
  return lines.join('\n');
}

/** The concordance's table: ours (index shards and text files) against Pagefind's search and fragments. */
function concordanceLines(runs: SizeResult[]): string[] {
  const measured = runs.filter((run) => run.browser?.concordances);
  if (measured.length === 0) return [];
  const lines = [
    '### Concordance (headless Chromium, gzip sizes)',
    '',
    '| articles | query | lines (articles) | first lines: index data on the wire | requests | first lines shown | the page (HTML + CSS + JS) | Pagefind instead: search + first 10 fragments | its time | Pagefind: every fragment (to sort all lines) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of measured) {
    for (const figure of run.browser!.concordances!) {
      lines.push(
        `| ${n(run.articles)} | \`${figure.query}\` | ${n(figure.lines)} (${n(figure.articles)}) | ${kb(figure.wireBytes)} | ${figure.requests} | ${figure.firstLinesMs.toFixed(0)} ms | ${kb(figure.pageBytes)} | ${kb(figure.pagefind.firstBytes)} | ${figure.pagefind.firstMs.toFixed(0)} ms | ${kb(figure.pagefind.allBytes)} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    'Each concordance opened from its shared link (`/concordance/?q=…`) in a fresh browser context; "first lines shown" is timed from outside the page and includes loading it. Pagefind\'s time is inside an already loaded page, from importing its script to the first 10 fragments.',
  );
  for (const run of measured) {
    const apart = run.browser!.concordanceRun;
    if (apart)
      lines.push(`At ${n(run.articles)} articles measured apart, on ${apart.measuredAt.slice(0, 10)} (load average ${apart.load[0]} → ${apart.load[1]}).`);
  }
  lines.push('');
  return lines;
}

const START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

/** Write the tables into docs/performance.md between the markers (added at its end when missing). */
export function writeDoc(results: ResultsFile): void {
  const tables = `${START}\n${renderTables(results)}\n${END}`;
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const start = current.indexOf('<!-- bench:results:start');
  const end = current.indexOf(END);
  const next = start === -1 || end === -1 ? `${current.trimEnd()}\n\n${tables}\n` : `${current.slice(0, start)}${tables}${current.slice(end + END.length)}`;
  writeFileSync(DOC, next);
}
