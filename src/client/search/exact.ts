/**
 * What counts as a hit: the query's words as whole words, and its phrases word for word, in a text Pagefind
 * returned. Pagefind stems and completes prefixes ("banana" also finds "banning" and "bans"); this is the
 * check that keeps such near words out of the results, the counts and the marks. Pure: no DOM, no Pagefind.
 * Case, diacritics, the apostrophe's forms (’ ʼ ') and the hyphen's (‐ ‑) are folded as a reader expects;
 * nothing else is: "regulate" is not "regulation", "IAEA" is in "IAEA's" and "IAEA-style" (the apostrophe
 * and the hyphen end a word), and a phrase's spaces must be spaces (any run of them, a line break included),
 * with the punctuation the source attaches to its words ignored ("on AI” on" holds the phrase "on AI on").
 * Han, kana and Hangul are written without spaces, so a CJK term is found as a contiguous substring.
 * ('Ban the IAEA’s rules', { words: ['iaea'] }) -> [{ start: 8, end: 12 }]
 * Hand-written: the folding must keep each folded character's place in the original text to mark it, and the
 * match rules are ours (the concordance's word rule, src/core/concordance/words.ts, plus CJK and phrases); the
 * libraries that mark text (mark.js, inside Pagefind's highlighter) work on the DOM and their "exactly"
 * mode splits on spaces only.
 */

/** The parts of a query that must all be found (src/client/search/query.ts `Query`). */
export interface ExactTerms {
  /** Quoted phrases, matched word for word, their spaces as spaces. */
  phrases: readonly string[];
  /** Loose words, each matched as a whole word. */
  words: readonly string[];
}

/** A match in the original text: [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Punctuation the source may attach to a phrase's words (quotes, commas) where the query has none. */
const PUNCTUATION = '[^\\p{L}\\p{N}\\s]*';
const APOSTROPHES = /[\u2019\u2018\u02BC\u02B9\u0060\u00B4\u2032\uFF07]/g;
const HYPHENS = /[\u2010\u2011]/g;

/** Text folded for comparison, with each folded code unit's start and end in the original (empty: the same places). */
interface Folded {
  text: string;
  from: number[];
  to: number[];
}

/** One character as the matcher compares it: no diacritics, lower case, one apostrophe and one hyphen; a soft hyphen is nothing. */
export function foldCharacters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .replace(/\u00AD/g, '');
}

/** Each character's folded form, remembered: a text repeats few distinct characters. */
const folds = new Map<string, string>();

/** The last texts folded whole: a page's text is checked for each term and then marked, folding it once. */
const recent = new Map<string, string>();

function foldWhole(text: string): string {
  let folded = recent.get(text);
  if (folded === undefined) {
    folded = foldCharacters(text);
    if (recent.size >= 32) recent.delete(recent.keys().next().value!);
    recent.set(text, folded);
  }
  return folded;
}

function fold(text: string): Folded {
  const whole = foldWhole(text);
  // Most texts fold character for character (an accented letter loses its accent and stays one letter): the
  // places are the same. Otherwise (decomposed accents, soft hyphens, Hangul syllables) each is worked out.
  if (whole.length === text.length && !/[\u00AD\p{M}\p{Script=Hangul}]/u.test(text)) {
    return { text: whole, from: [], to: [] };
  }
  const from: number[] = [];
  const to: number[] = [];
  let folded = '';
  let index = 0;
  for (const character of text) {
    const next = index + character.length;
    let piece = folds.get(character);
    if (piece === undefined) {
      piece = foldCharacters(character);
      folds.set(character, piece);
    }
    for (let unit = 0; unit < piece.length; unit++) {
      from.push(index);
      to.push(next);
    }
    folded += piece;
    index = next;
  }
  return { text: folded, from, to };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A typed word without the punctuation around it ("“IAEA,”" -> "IAEA"); inner apostrophes and hyphens stay. */
function trimWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * The pattern for one term: its folded tokens joined by any run of white space (none needed between two
 * CJK characters), with a word boundary at each end that is a letter or digit of a spaced script.
 */
function termPattern(term: string): string | undefined {
  // Punctuation around the term is not part of it; punctuation inside a phrase is ("IAEA, for AI").
  const tokens = trimWord(foldCharacters(term)).split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return undefined;
  let pattern = escape(tokens[0]!);
  for (let index = 1; index < tokens.length; index++) {
    const left = tokens[index - 1]!.at(-1)!;
    const right = tokens[index]![0]!;
    // Punctuation on a word is not a word ("on AI” on" holds "on AI on"); a space is needed, a lone dash breaks it.
    pattern += CJK.test(left) && CJK.test(right) ? '\\s*' : `${PUNCTUATION}\\s+${PUNCTUATION}`;
    pattern += escape(tokens[index]!);
  }
  const first = tokens[0]![0]!;
  const last = tokens.at(-1)!.at(-1)!;
  // A CJK character next to a Latin word is a boundary ("日本AI" holds "ai").
  const spacedWordChar = `(?:(?!${CJK.source})[\\p{L}\\p{N}])`;
  const before = WORD_CHAR.test(first) && !CJK.test(first) ? `(?<!${spacedWordChar})` : '';
  const after = WORD_CHAR.test(last) && !CJK.test(last) ? `(?!${spacedWordChar})` : '';
  return `${before}${pattern}${after}`;
}

/** Every term of a query: its phrases, then its words, each as typed. */
function terms(query: ExactTerms): string[] {
  return [...query.phrases, ...query.words].filter((term) => termPattern(term) !== undefined);
}

/** The matches of one term in a text, in order, not overlapping. */
export function termSpans(text: string, term: string): Span[] {
  const pattern = termPattern(term);
  if (!pattern) return [];
  const folded = fold(text);
  const spans: Span[] = [];
  const same = folded.from.length === 0;
  for (const match of folded.text.matchAll(new RegExp(pattern, 'gu'))) {
    if (match[0].length === 0) continue;
    const last = match.index + match[0].length - 1;
    spans.push(same ? { start: match.index, end: last + 1 } : { start: folded.from[match.index]!, end: folded.to[last]! });
  }
  return spans;
}

/** True when the text holds the term as a whole word (or, quoted, the phrase word for word). */
export function containsTerm(text: string, term: string): boolean {
  const pattern = termPattern(term);
  return pattern !== undefined && new RegExp(pattern, 'u').test(foldWhole(text));
}

/**
 * True when every term of the query is found in one of the texts (a page's body, title, dek, author, outlet),
 * each term in any of them. A query with no term matches nothing.
 * (['The IAEA model'], { phrases: [], words: ['iaea', 'model'] }) -> true; (['banning bans'], { words: ['banana'] }) -> false
 */
export function containsAll(texts: readonly string[], query: ExactTerms): boolean {
  const all = terms(query);
  return all.length > 0 && all.every((term) => texts.some((text) => containsTerm(text, term)));
}

/**
 * Every match of every term in a text, sorted, overlaps merged: what to mark in an excerpt.
 * ('Ban bans; BAN.', { phrases: [], words: ['ban'] }) -> [{ start: 0, end: 3 }, { start: 10, end: 13 }]
 */
export function exactSpans(text: string, query: ExactTerms): Span[] {
  const spans = terms(query)
    .flatMap((term) => termSpans(text, term))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The word a near match stands in: a content word as Pagefind split it (on white space), less the
 * punctuation around it; where that token holds several words (an address, a hyphenated compound), the one
 * that begins most like a query word. undefined when it is one of the query's own words (then it is not
 * near, it is the word) or holds no letter or digit.
 * ('“banning,”', { words: ['banana'] }) -> 'banning'; ('https://x.com/trump-bans-us', { words: ['banana'] }) -> 'bans'
 */
export function nearWord(token: string, query: ExactTerms): string | undefined {
  const own = terms(query).flatMap((term) => foldCharacters(term).split(/\s+/).map(trimWord));
  const parts = token
    .split(/[^\p{L}\p{N}'\u2019]+/u)
    .map(trimWord)
    .filter(Boolean);
  const shared = (part: string) => Math.max(0, ...own.map((word) => commonPrefix(foldCharacters(part), word)));
  const word = parts.reduce<string | undefined>((best, part) => (best === undefined || shared(part) > shared(best) ? part : best), undefined);
  if (!word) return undefined;
  return own.includes(foldCharacters(word)) ? undefined : word;
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}
