/** On an article reached from a search result (?highlight=...), mark the search terms in the text. */
import { HIGHLIGHT_PARAM } from './pagefind.ts';

export async function highlightFromUrl(): Promise<void> {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  const bundle = '/pagefind/pagefind-highlight.js';
  await import(/* @vite-ignore */ bundle);
  const Highlight = (window as unknown as { PagefindHighlight: new (options: object) => unknown }).PagefindHighlight;
  new Highlight({ highlightParam: HIGHLIGHT_PARAM, markContext: '[data-pagefind-body]', addStyles: false });
}
