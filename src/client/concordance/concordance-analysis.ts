/**
 * The concordance page's analysis of a query (src/components/ConcordanceAnalysis.astro): on the reader's asking, its
 * collocates (src/core/analysis/collocates.ts, from the text files of every line and the corpus's word totals in
 * `freq.json`), each linking to the lines that hold both words (`?q=order&near=new`), and the phrases of 2 to 4 words
 * that hold it, each linking to its own concordance; and every table as a CSV download made in the browser (the
 * lines, the collocates, the phrases). Words from the sources are set as text, never as markup.
 */
import { formatCount, formatDecimal, plural } from '../../core/count.ts';
import { CONCORDANCE_DATA, type ConcordanceManifest } from '../../core/concordance/format.ts';
import { lineAt, type Occurrence } from '../../core/concordance/lookup.ts';
import type { ConcordanceQuery } from '../../core/concordance/words.ts';
// Types only: the statistics are fetched with the first "Find collocates and phrases", not with the page.
import type { Collocate, CorpusFrequencies, Phrase, PhraseUse } from '../../core/analysis/collocates.ts';
import { DEFAULT_SPAN, UNKNOWN_OUTLET } from '../../core/analysis/concordance-filters.ts';
import { csvFileName, toCsv, type CsvValue } from '../../core/analysis/csv.ts';
import { downloadCsv } from '../analysis/download.ts';
import { articlePath } from '../../core/urls.ts';
import type { Block } from './concordance-page.ts';

/** What the concordance gives the analysis once its lines are known. */
interface AnalysisInput {
  query: ConcordanceQuery;
  /** Every line, in the order shown. */
  lines: readonly Occurrence[];
  /** Words in the query. */
  length: number;
  index: ConcordanceManifest;
  /** A line's block (its text file fetched once, shared with the lines shown). */
  loadText(line: Occurrence): Promise<Block>;
  /** Whether the lines are narrowed by a filter (the collocates are then of those lines). */
  filtered: boolean;
}

export interface ConcordanceAnalysis {
  clear(): void;
  show(input: AnalysisInput): void;
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  return td;
}

function linkCell(text: string, href: string, lang?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  const link = document.createElement('a');
  link.href = href;
  link.textContent = text;
  if (lang) link.lang = lang;
  td.append(link);
  return td;
}

export function setUpConcordanceAnalysis(root: HTMLElement): ConcordanceAnalysis {
  const section = root.querySelector<HTMLElement>('[data-analysis]')!;
  const run = section.querySelector<HTMLButtonElement>('[data-analysis-run]')!;
  const status = section.querySelector<HTMLElement>('[data-analysis-status]')!;
  const results = section.querySelector<HTMLElement>('[data-analysis-results]')!;
  const collocateRows = section.querySelector<HTMLElement>('[data-analysis-collocates]')!;
  const collocateCaption = section.querySelector<HTMLElement>('[data-analysis-collocates-caption]')!;
  const phraseRows = section.querySelector<HTMLElement>('[data-analysis-phrases]')!;
  const phraseCaption = section.querySelector<HTMLElement>('[data-analysis-phrases-caption]')!;
  const filterNote = section.querySelector<HTMLElement>('[data-analysis-filter]')!;
  const allUses = section.querySelector<HTMLAnchorElement>('[data-analysis-all]')!;
  const corpusDate = root.dataset['corpusDate'] ?? '';

  let current: AnalysisInput | undefined;
  let generation = 0;
  let frequencies: Promise<CorpusFrequencies> | undefined;
  let found: { collocates: Collocate[]; phrases: Phrase[] } | undefined;

  /** The blocks of every line, in the lines' order (text files fetched once each). */
  const blocksOf = (input: AnalysisInput) => Promise.all(input.lines.map((line) => input.loadText(line)));

  /** The concordance of the query narrowed to the lines near `word` (the filters in force kept). */
  const nearUrl = (word: string) => {
    const params = new URLSearchParams(location.search);
    params.set('near', word);
    params.delete('span');
    return `${location.pathname}?${params.toString()}`;
  };
  const queryUrl = (words: readonly string[]) => `${location.pathname}?${new URLSearchParams({ q: words.join(' ') }).toString()}`;

  const analyse = async () => {
    const input = current;
    if (input === undefined) return;
    const mine = ++generation;
    run.disabled = true;
    status.textContent = `Reading the ${plural(input.lines.length, 'line')}…`;
    try {
      frequencies ??= fetch(`${CONCORDANCE_DATA}/freq.json`).then((response) => {
        if (!response.ok) throw new Error(`freq.json: ${response.status}`);
        return response.json() as Promise<CorpusFrequencies>;
      });
      const [totals, blocks, { collocates, phrases }] = await Promise.all([frequencies, blocksOf(input), import('../../core/analysis/collocates.ts')]);
      if (mine !== generation) return;
      const uses: PhraseUse[] = input.lines.map((line, at) => {
        const block = blocks[at]!;
        return {
          words: block.tokens.map((token) => token.norm),
          block: `${line.article}:${line.block}`,
          token: line.token,
          length: input.length,
          text: block.text,
          spans: block.tokens,
        };
      });
      const result = collocates(uses, totals, { span: DEFAULT_SPAN });
      found = { collocates: result.collocates, phrases: phrases(uses) };
      const lang = (line: Occurrence | undefined) => (line === undefined ? undefined : (input.index.articles[line.article]?.lang ?? undefined));
      // The language of the query's first line, for the words' shaping (a corpus is mostly of one language).
      const wordsLang = lang(input.lines[0]);
      collocateRows.replaceChildren(
        ...found.collocates.map((collocate) => {
          const tr = document.createElement('tr');
          tr.append(
            linkCell(collocate.word, nearUrl(collocate.word), wordsLang),
            cell(formatCount(collocate.observed), 'count'),
            cell(formatDecimal(collocate.expected, 2), 'count'),
            cell(formatDecimal(collocate.g2, 1), 'count'),
            cell(formatDecimal(collocate.logRatio, 2), 'count'),
            cell(formatCount(collocate.left), 'count'),
            cell(formatCount(collocate.right), 'count'),
          );
          return tr;
        }),
      );
      collocateCaption.textContent = `${plural(found.collocates.length, 'collocate')} of ${input.query.label}: words within ${DEFAULT_SPAN} of it (${formatCount(result.windowWords)} words) more often than chance, strongest first`;
      phraseRows.replaceChildren(
        ...found.phrases.map((phrase) => {
          const tr = document.createElement('tr');
          tr.append(
            linkCell(phrase.text, queryUrl(phrase.words), wordsLang),
            cell(formatCount(phrase.words.length), 'count'),
            cell(formatCount(phrase.count), 'count'),
          );
          return tr;
        }),
      );
      phraseCaption.textContent = `${plural(found.phrases.length, 'phrase')} of 2 to 4 words holding ${input.query.label}, used at least twice, most used first`;
      results.hidden = false;
      status.textContent = `${plural(found.collocates.length, 'collocate')} and ${plural(found.phrases.length, 'phrase')} found in ${plural(input.lines.length, 'line')}.`;
    } catch (error) {
      if (mine !== generation) return;
      status.textContent = 'The collocates could not be computed. Reload the page to try again.';
      console.error(error);
    } finally {
      if (mine === generation) run.disabled = false;
    }
  };

  const download = async (table: string) => {
    const input = current;
    if (input === undefined) return;
    const name = (what: string) => csvFileName(what, input.query.text, corpusDate);
    if (table === 'lines') {
      status.textContent = `Preparing the ${plural(input.lines.length, 'line')}…`;
      const blocks = await blocksOf(input);
      if (input !== current) return;
      const rows: CsvValue[][] = input.lines.map((line, at) => {
        const block = blocks[at]!;
        const text = lineAt(block.text, block.tokens, line.token, input.length);
        const article = input.index.articles[line.article]!;
        return [
          text.left,
          text.match,
          text.right,
          article.title,
          article.iso ?? '',
          article.outlet ?? UNKNOWN_OUTLET,
          `${location.origin}${articlePath(article.slug, block.id)}`,
        ];
      });
      downloadCsv(name('lines'), toCsv(['before', 'match', 'after', 'article', 'date', 'source', 'url'], rows));
      status.textContent = `${plural(rows.length, 'line')} saved as CSV.`;
    } else if (table === 'collocates' && found) {
      downloadCsv(
        name('collocates'),
        toCsv(
          ['collocate', 'observed', 'expected', 'log_likelihood', 'log_ratio', 'before', 'after', 'span'],
          found.collocates.map((c) => [c.word, c.observed, round(c.expected), round(c.g2), round(c.logRatio), c.left, c.right, DEFAULT_SPAN]),
        ),
      );
    } else if (table === 'phrases' && found) {
      downloadCsv(
        name('phrases'),
        toCsv(
          ['phrase', 'words', 'uses'],
          found.phrases.map((p) => [p.text, p.words.length, p.count]),
        ),
      );
    }
  };

  run.addEventListener('click', () => void analyse());
  for (const button of section.querySelectorAll<HTMLButtonElement>('[data-download]'))
    button.addEventListener('click', () => void download(button.dataset['download'] ?? ''));

  return {
    clear() {
      generation++;
      current = undefined;
      found = undefined;
      section.hidden = true;
      results.hidden = true;
      status.textContent = '';
    },
    show(input) {
      current = input;
      found = undefined;
      results.hidden = true;
      run.disabled = false;
      status.textContent = '';
      filterNote.hidden = !input.filtered;
      allUses.href = queryUrl(input.query.words);
      section.hidden = false;
    },
  };
}

/** Four decimals in a CSV: enough to sort and check by, without float noise. */
function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
