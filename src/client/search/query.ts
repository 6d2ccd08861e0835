/**
 * A reader's query, understood once: its quoted phrases and its loose words, the term Pagefind is given,
 * the label that names it to the reader, and the paragraph a word location falls in. Pure: no DOM, no Pagefind.
 * (What counts as a match is exact.ts.)
 * '“world order” iaea' -> { phrases: ['world order'], words: ['iaea'], term: '"world order" iaea', label: '“world order” iaea' }
 */

/** A parsed query. */
export interface Query {
  /** Quoted phrases, as typed (without their quotes). */
  phrases: string[];
  /** The words outside quotes. */
  words: string[];
  /** What Pagefind searches: a lone phrase keeps its quotes (Pagefind's exact search); otherwise every word. */
  term: string;
  /** The query for the reader's eyes: phrases in curly quotes, words as typed. '' for an empty query. */
  label: string;
  /** What to mark on a result and on the article: each phrase whole, then each word. */
  highlights: string[];
}

// Typographic double quotes count as quotes: a phone or word processor types “…” for "…".
const QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** Parse what the reader typed. */
export function parseQuery(raw: string): Query {
  const text = raw.replace(QUOTES, '"');
  const phrases: string[] = [];
  // A quote left open runs to the end of the query, as the reader evidently meant.
  const loose = text.replace(/"([^"]*)("|$)/g, (_, inner: string) => {
    const phrase = inner.trim().replace(/\s+/g, ' ');
    if (phrase) phrases.push(phrase);
    return ' ';
  });
  const words = loose.split(/\s+/).filter(Boolean);
  const lonePhrase = phrases.length === 1 && words.length === 0;
  const term = lonePhrase ? `"${phrases[0]}"` : [...phrases, ...words].join(' ');
  const label = phrases.length === 0 ? (words.length > 0 ? `“${words.join(' ')}”` : '') : [...phrases.map((phrase) => `“${phrase}”`), ...words].join(' ');
  return { phrases, words, term, label, highlights: [...phrases, ...words] };
}

/** One anchor of a page as Pagefind records it: an element with an id, at a word location. */
export interface Anchor {
  element: string;
  id: string;
  location: number;
}

/**
 * The id of the block a word location falls in: the nearest paragraph (`p-…`), heading or footnote
 * before it. Inline ids (a footnote reference) are passed over. undefined before the first block.
 * ([{ element: 'h2', id: 'why', location: 0 }, { element: 'p', id: 'p-3f9a2c1', location: 3 }], 5) -> 'p-3f9a2c1'
 */
export function anchorAt(anchors: readonly Anchor[], location: number): string | undefined {
  let best: Anchor | undefined;
  for (const anchor of anchors) {
    if (anchor.location > location || !isBlock(anchor)) continue;
    if (!best || anchor.location >= best.location) best = anchor;
  }
  return best?.id;
}

function isBlock(anchor: Anchor): boolean {
  return /^p-/.test(anchor.id) || /^h[1-6]$/i.test(anchor.element) || /^user-content-fn-/.test(anchor.id);
}
