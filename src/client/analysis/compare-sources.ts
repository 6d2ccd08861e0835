/**
 * The comparison of two sources (/compare-sources/?a=<slug>&b=<slug>): fetches both sources' word counts, finds the
 * words each uses more than the other (src/core/analysis/distinctive.ts, the two together as the corpus), and shows
 * each side's table, every word opening its uses in that source (the concordance's source filter) and every table
 * a CSV download. Words from the sources are set as text, never as markup.
 */
import { formatCount, formatDecimal, plural } from '../../core/count.ts';
import { csvFileName, toCsv } from '../../core/analysis/csv.ts';
import { addCounts, distinctiveWords, fromSourceWordCounts, type DistinctiveWord, type SourceWordCounts } from '../../core/analysis/distinctive.ts';
import { concordancePath } from '../../core/urls.ts';
import { downloadCsv } from './download.ts';

const SLUG = /^[a-z0-9-]+$/;

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  return td;
}

export async function setUpCompareSources(root: HTMLElement): Promise<void> {
  document.querySelector('[data-compare-sources-no-script]')?.setAttribute('hidden', '');
  const status = document.querySelector<HTMLElement>('[data-compare-sources-status]')!;
  const form = document.querySelector<HTMLFormElement>('.compare-sources-form')!;
  const params = new URLSearchParams(location.search);
  const slugs = [params.get('a'), params.get('b')];
  slugs.forEach((slug, at) => {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${at === 0 ? 'a' : 'b'}"]`)!;
    if (slug !== null && [...select.options].some((option) => option.value === slug)) select.value = slug;
  });
  if (slugs.some((slug) => slug === null)) {
    status.textContent = 'Choose two sources to compare.';
    return;
  }
  if (slugs.some((slug) => !SLUG.test(slug!)) || slugs[0] === slugs[1]) {
    status.textContent = 'Choose two different sources of this reading room.';
    return;
  }
  status.textContent = 'Comparing…';
  try {
    const files = await Promise.all(
      slugs.map(async (slug) => {
        const response = await fetch(`/compare-sources/${slug}.json`);
        if (!response.ok) throw new Error(`${slug}: ${response.status}`);
        return (await response.json()) as SourceWordCounts;
      }),
    );
    const counts = files.map(fromSourceWordCounts);
    const both = addCounts(counts);
    const corpusDate = root.dataset['corpusDate'] ?? '';
    files.forEach((file, at) => {
      const other = files[1 - at]!;
      const words: DistinctiveWord[] = distinctiveWords(counts[at]!, both);
      const section = root.querySelector<HTMLElement>(`[data-side="${at === 0 ? 'a' : 'b'}"]`)!;
      section.querySelector('[data-side-heading]')!.textContent = `${file.name}, against ${other.name}`;
      section.querySelector('[data-side-caption]')!.textContent =
        `${plural(words.length, 'word')} ${file.name} uses more than ${other.name} (${plural(file.total, 'word')} against ${formatCount(other.total)}), strongest first`;
      section.querySelector('[data-side-rows]')!.replaceChildren(
        ...words.map((word) => {
          const tr = document.createElement('tr');
          const td = document.createElement('td');
          const link = document.createElement('a');
          link.href = `${concordancePath(word.word)}&${new URLSearchParams({ source: file.name }).toString()}`;
          link.textContent = word.word;
          td.append(link);
          tr.append(
            td,
            cell(formatCount(word.observed), 'count'),
            cell(formatDecimal(word.expected, 2), 'count'),
            cell(formatCount(word.rest), 'count'),
            cell(formatDecimal(word.g2, 1), 'count'),
            cell(formatDecimal(word.logRatio, 2), 'count'),
          );
          return tr;
        }),
      );
      const round = (n: number) => Math.round(n * 10000) / 10000;
      section.querySelector('[data-side-download]')!.addEventListener('click', () =>
        downloadCsv(
          csvFileName('distinctive words', `${file.name} against ${other.name}`, corpusDate),
          toCsv(
            ['word', 'uses_here', 'expected', 'uses_in_other', 'log_likelihood', 'log_ratio'],
            words.map((word) => [word.word, word.observed, round(word.expected), word.rest, round(word.g2), round(word.logRatio)]),
          ),
        ),
      );
    });
    root.hidden = false;
    status.textContent = `${files[0]!.name} and ${files[1]!.name} compared.`;
  } catch (error) {
    status.textContent = 'The two sources could not be loaded. Reload the page to try again.';
    console.error(error);
  }
}
