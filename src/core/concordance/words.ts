/**
 * What the concordance counts as a word, on both sides of its index: a run of letters, digits and combining marks
 * (runs in scripts written without spaces segmented further), compared with case and accents dropped; and a reader's
 * query as the words it must find, adjacent and in order.
 * tokenize('Éclat, 日本の') -> [{ start: 0, end: 5, norm: 'eclat' }, { start: 7, end: 9, norm: '日本' }, { start: 9, end: 10, norm: 'の' }]
 */

/** A word of a text: a run of letters, digits and combining marks, with the zero-width non-joiner and joiner inside it
 * (Persian writes "برنامه‌نویسی" with one: a word joined in shape, as Unicode's word boundaries keep it). Anything else
 * separates words. */
const WORD = /[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}\u200C\u200D]*[\p{L}\p{N}\p{M}])?/gu;

/** Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): a run holding them is
 * split into words by the runtime's word segmenter (ICU's dictionaries), as Pagefind segments these languages, so
 * "日本の人工知能" is 日本 / の / 人工 / 知能, not one word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of `text` as [start, end) offsets: runs of WORD, those in unspaced scripts segmented further. */
export function* wordSpans(text: string): Generator<[number, number]> {
  for (const match of text.matchAll(WORD)) {
    if (!UNSPACED.test(match[0])) {
      yield [match.index, match.index + match[0].length];
      continue;
    }
    for (const segment of segmenter.segment(match[0])) {
      if (segment.isWordLike) yield [match.index + segment.index, match.index + segment.index + segment.segment.length];
    }
  }
}

/** One word of a block's text: where it is, and its form for comparison. */
export interface Token {
  start: number;
  end: number;
  /** Lowercased, accents dropped (NFD, combining marks removed): 'Éclat' -> 'eclat'. */
  norm: string;
}

/** A word's form for comparison: case and diacritics do not count, as in search. */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\p{M}\u200C\u200D]/gu, '')
    .toLowerCase();
}

/** The words of a text, in order. */
export function tokenize(text: string): Token[] {
  return [...wordSpans(text)].map(([start, end]) => ({ start, end, norm: normalizeWord(text.slice(start, end)) }));
}

/** A reader's query: its words, and how to name it. */
export interface ConcordanceQuery {
  /** The words to find, adjacent and in order (normalised). Empty when the query has no word. */
  words: string[];
  /** The query as the reader typed it, trimmed, without its quotes. */
  text: string;
  /** For the reader's eyes, in curly quotes: '“world order”'. */
  label: string;
}

// Typographic double quotes count as quotes, as in search.
const QUOTES = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** Parse a query: a word, or a phrase (in quotes or not, its words must be adjacent and in order). */
export function parseConcordanceQuery(raw: string): ConcordanceQuery {
  const text = raw.replace(QUOTES, ' ').trim().replace(/\s+/g, ' ');
  const words = tokenize(text).map((token) => token.norm);
  return { words, text, label: words.length > 0 ? `“${text}”` : '' };
}
