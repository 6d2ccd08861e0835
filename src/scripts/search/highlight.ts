/**
 * On an article reached from a search result (?highlight=world%20order&highlight=iaea), mark each term in
 * the author's text: a phrase is one term, so it is marked whole, also where a link splits it
 * (acrossElements), and never in what the index leaves out (data-pagefind-ignore: footnote numbers,
 * permalinks, residue). Only the indexed region is marked: topic chips and the byline are outside it.
 */
import { HIGHLIGHT_PARAM } from '../../core/urls.ts';

export async function highlightFromUrl(): Promise<void> {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  const bundle = '/pagefind/pagefind-highlight.js';
  await import(/* @vite-ignore */ bundle);
  const Highlight = (window as unknown as { PagefindHighlight: new (options: object) => unknown }).PagefindHighlight;
  new Highlight({
    highlightParam: HIGHLIGHT_PARAM,
    markContext: '[data-pagefind-body]',
    addStyles: false,
    markOptions: {
      className: 'pagefind-highlight',
      exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
      acrossElements: true,
    },
  });
}
