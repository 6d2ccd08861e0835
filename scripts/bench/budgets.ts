/**
 * The budgets of the performance issue and, for the report, one table row per budget: the figure measured and
 * whether it was met ("not measured" where the size it speaks of was not run).
 *   budgetLines(runs) -> ['| budget | measured | met |', …, '| 1,000 articles end to end >= 30 articles/s | 41.2 articles/s … | yes |']
 */
import { COMMON_WORDS } from './measure-concordance.ts';
import { kb, mb, n, s } from './format.ts';
import { rebuild, rebuildStages, type SizeResult } from './results.ts';

/** The budgets of the performance issue. */
const BUDGETS = {
  e2eArticlesPerSecond1k: 30,
  peakMB1k: 3 * 1024,
  e2eSeconds10k: 300,
  peakMB10k: 4 * 1024,
  ingestArticlesPerSecond: 2000,
  articlePageKB: 30,
  articlePageJsKB: 5,
  firstSearchKB10k: 150,
  oneFileReingestSeconds10k: 2,
};

/** The budgets table, row by row, for the runs of every size measured. */
export function budgetLines(runs: SizeResult[]): string[] {
  const lines = ['| budget | measured | met |', '| --- | --- | :---: |'];
  const bySize = (articles: number) => runs.find((run) => run.articles === articles);
  const row = (budget: string, measured: string, met: boolean | null) =>
    lines.push(`| ${budget} | ${measured} | ${met === null ? 'not measured' : met ? 'yes' : '**no**'} |`);
  const k1 = bySize(1000);
  row(
    '1,000 articles end to end >= 30 articles/s',
    k1 ? `${k1.endToEnd.articlesPerSecond.toFixed(1)} articles/s (${s(k1.endToEnd.wallS)} s; ${(1000 / k1.endToEnd.cpuS).toFixed(1)}/s of CPU time)` : '–',
    k1 ? k1.endToEnd.articlesPerSecond >= BUDGETS.e2eArticlesPerSecond1k : null,
  );
  row(
    '(for comparison) 1,000 articles rebuilt after one changed source',
    k1 ? `${(1000 / rebuild(k1)).toFixed(1)} articles/s (${s(rebuild(k1))} s: incremental ingest, then astro build and Pagefind side by side)` : '–',
    k1 ? 1000 / rebuild(k1) >= BUDGETS.e2eArticlesPerSecond1k : null,
  );
  row('1,000 articles peak memory <= 3 GB', k1 ? mb(k1.endToEnd.peakMB) : '–', k1 ? k1.endToEnd.peakMB <= BUDGETS.peakMB1k : null);
  row(
    'whole build at 1,000 articles <= 1.0x a bare Astro + @astrojs/mdx build of the same entries',
    k1?.bare
      ? `${(k1.endToEnd.wallS / k1.bare.wallS).toFixed(2)}x wall, ${(k1.endToEnd.cpuS / k1.bare.cpuS).toFixed(2)}x CPU (${s(k1.endToEnd.wallS)} s against ${s(k1.bare.wallS)} s)`
      : '–',
    k1?.bare ? k1.endToEnd.wallS <= k1.bare.wallS : null,
  );
  row(
    'rebuild after one changed source at 1,000 articles <= 0.25x the cold build',
    k1?.rebuild
      ? `${(rebuild(k1) / k1.endToEnd.wallS).toFixed(2)}x wall (${s(rebuild(k1))} s), ${((k1.rebuild.ingest.cpuS + rebuildStages(k1.rebuild).reduce((sum, stage) => sum + stage.cpuS, 0)) / k1.endToEnd.cpuS).toFixed(2)}x CPU`
      : '–',
    k1?.rebuild ? rebuild(k1) <= 0.25 * k1.endToEnd.wallS : null,
  );
  const k10 = bySize(10000);
  row('rebuild after one changed source at 10,000 articles <= 30 s', k10?.rebuild ? `${s(rebuild(k10))} s` : '–', k10?.rebuild ? rebuild(k10) <= 30 : null);
  const largestHtml = k10 ?? runs.at(-1);
  row(
    'largest HTML page at 10,000 articles <= 200 KB',
    largestHtml?.listPages['largest HTML page'] ? `${n(largestHtml.articles)} articles: ${kb(largestHtml.listPages['largest HTML page'])}` : '–',
    k10?.listPages['largest HTML page'] ? k10.listPages['largest HTML page'] <= 200 * 1024 : null,
  );
  row(
    '10,000 articles end to end <= 5 minutes',
    k10 ? `${s(k10.endToEnd.wallS)} s (${s(k10.endToEnd.cpuS)} s CPU)` : '–',
    k10 ? k10.endToEnd.wallS <= BUDGETS.e2eSeconds10k : null,
  );
  row(
    '(for comparison) 10,000 articles rebuilt after one changed source',
    k10 ? `${s(rebuild(k10))} s` : '–',
    k10 ? rebuild(k10) <= BUDGETS.e2eSeconds10k : null,
  );
  row('10,000 articles peak memory <= 4 GB', k10 ? mb(k10.endToEnd.peakMB) : '–', k10 ? k10.endToEnd.peakMB <= BUDGETS.peakMB10k : null);
  const largest = runs.at(-1);
  row(
    'ingest >= 2,000 articles/s (cold)',
    runs.map((run) => `${n(run.articles)}: ${run.ingest.articlesPerSecond.toFixed(0)}/s`).join(', '),
    largest ? runs.every((run) => run.ingest.articlesPerSecond >= BUDGETS.ingestArticlesPerSecond) : null,
  );
  // A run that changes nothing takes about half a second whatever the size (starting Node, loading the
  // pipeline's modules), so the rate means something only for large corpora.
  const large = runs.filter((run) => run.articles >= 5000);
  row(
    'ingest >= 2,000 articles/s (re-ingest, nothing changed; 5,000 articles and more)',
    runs.map((run) => `${n(run.articles)}: ${(run.ingest.articlesWritten / run.reingestUnchanged.wallS).toFixed(0)}/s`).join(', '),
    large.length ? large.every((run) => run.ingest.articlesWritten / run.reingestUnchanged.wallS >= BUDGETS.ingestArticlesPerSecond) : null,
  );
  const withBrowser = runs.filter((run) => run.browser);
  row(
    'article page <= 30 KB (HTML + CSS + JS, gzip)',
    withBrowser
      .map((run) => `${n(run.articles)}: median ${kb(run.browser!.medianPage.totalBytes)}, largest ${kb(run.browser!.largestPage.totalBytes)}`)
      .join('; '),
    withBrowser.length ? withBrowser.every((run) => run.browser!.medianPage.totalBytes <= BUDGETS.articlePageKB * 1024) : null,
  );
  row(
    'article page JavaScript <= 5 KB before search',
    withBrowser.map((run) => `${n(run.articles)}: ${kb(run.browser!.medianPage.jsBytes)}`).join('; '),
    withBrowser.length ? withBrowser.every((run) => run.browser!.medianPage.jsBytes <= BUDGETS.articlePageJsKB * 1024) : null,
  );
  const searched = k10?.browser ?? withBrowser.at(-1)?.browser;
  const searchedSize = k10?.browser ? 10000 : withBrowser.at(-1)?.articles;
  row(
    'first search <= 150 KB at 10,000 articles',
    searched ? `${n(searchedSize!)} articles: max ${kb(Math.max(...searched.searches.map((search) => search.wireBytes)))}` : '–',
    k10?.browser ? Math.max(...k10.browser.searches.map((search) => search.wireBytes)) <= BUDGETS.firstSearchKB10k * 1024 : null,
  );
  const concordances = k1?.browser?.concordances?.filter((figure) => COMMON_WORDS.includes(figure.query));
  row(
    'first concordance of a common word at 1,000 articles <= 300 KB on the wire, first lines <= 500 ms',
    concordances?.length
      ? concordances
          .map((figure) => `\`${figure.query}\`: ${kb(figure.wireBytes + figure.pageBytes)} with the page, ${figure.firstLinesMs.toFixed(0)} ms`)
          .join('; ')
      : '–',
    concordances?.length ? concordances.every((figure) => figure.wireBytes + figure.pageBytes <= 300 * 1024 && figure.firstLinesMs <= 500) : null,
  );
  row(
    'one changed file in 10,000 articles re-ingests in <= 2 s',
    runs.map((run) => `${n(run.articles)}: ${s(run.reingestOneFile.wallS)} s`).join(', '),
    k10 ? k10.reingestOneFile.wallS <= BUDGETS.oneFileReingestSeconds10k : null,
  );
  return lines;
}
