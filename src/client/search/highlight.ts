/**
 * On an article reached from a search result (?highlight=world%20order&highlight=iaea), mark each term in
 * the author's text: a phrase is one term, so it is marked whole, also where a link splits it
 * (acrossElements), and never in what the index leaves out (data-pagefind-ignore: footnote numbers,
 * permalinks, residue). Only the indexed region is marked: topic chips and the byline are outside it.
 * Only exact matches are marked, as search counts them (exact.ts): a whole word, bounded by white space or
 * punctuation ("iaea" marks "IAEA’s" and "IAEA-style", "ban" never marks "banning"); a CJK term, written
 * without spaces, anywhere it occurs.
 */
import { HIGHLIGHT_PARAM } from '../../core/urls.ts';

/** What ends a word besides white space: ASCII punctuation and its typographic forms (quotes, dashes, ellipsis). */
const LIMITERS = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~¡¿«»‹›“”„‘’‚–—―‐‑…·•§¶†‡。、，；：！？「」『』（）'];
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

interface MarkInstance {
  mark(terms: string[], options: object): void;
}
type HighlightClass = new (options: object) => { markOptions: object };

export async function highlightFromUrl(): Promise<void> {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  const bundle = '/pagefind/pagefind-highlight.js';
  await import(/* @vite-ignore */ bundle);
  const Highlight = (window as unknown as { PagefindHighlight: HighlightClass }).PagefindHighlight;
  // Pagefind's highlighter marks every term one way (mark.js); ours marks spaced words exactly and CJK terms as
  // substrings, so it marks each kind in its own pass.
  class ExactHighlight extends Highlight {
    markText(instance: MarkInstance, terms: string[]): void {
      const cjk = terms.filter((term) => CJK.test(term));
      const spaced = terms.filter((term) => !CJK.test(term));
      if (spaced.length > 0) instance.mark(spaced, { ...this.markOptions, accuracy: { value: 'exactly', limiters: LIMITERS } });
      if (cjk.length > 0) instance.mark(cjk, { ...this.markOptions, accuracy: 'partially' });
    }
  }
  new ExactHighlight({
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
