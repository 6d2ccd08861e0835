/**
 * Topic terms as the classifier (scripts/ingest/classify.ts) and the site's topic links match them: text and
 * terms compared after NFKC, lowercasing and one apostrophe; whole words only; a space or hyphen in a term
 * matches any run of spaces and dashes; a trailing `*` lets the last word continue.
 * termMatcher('nuclear watchdog')('a nuclear-watchdog body') -> [2, 18]
 */

/** Lowercase, NFKC, one apostrophe: the form both text and terms are compared in. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'");
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const SEPARATOR = '[\\s\\-\\u2010-\\u2015]+';

/** How a term is matched: its words, and its whole-word patterns (compiled on first use, see termShape). */
export interface TermShape {
  /** The term's words as they must appear in the normalised text for the pattern to match at all. */
  words: string[];
  /** Whether the last word may continue (a trailing `*`). */
  prefix: boolean;
  /** Whether every word is letters, marks and digits only: then matchAt finds the matches, not the regex. */
  plain: boolean;
  readonly pattern: RegExp;
  readonly sticky: RegExp;
}

const ONLY_WORD_CHARS = /^[\p{L}\p{M}\p{N}]+$/u;
const ONE_WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const ONE_SEPARATOR = /^[\s\-\u2010-\u2015]$/;

/**
 * The matches of one term, as `text.matchAll(p.pattern)` finds them (leftmost first, not overlapping), but
 * without scanning the text with a Unicode look-around regex: every match starts with the term's first
 * word, so a match is tried only where that word occurs, and not at all unless every word does; a plain
 * term is tried by matchAt, any other by the sticky pattern.
 */
export function termMatches(text: string, p: TermShape, onlyFirst = false): [number, number][] {
  const found: [number, number][] = [];
  if (!p.words.every((word) => text.includes(word))) return found;
  const first = p.words[0]!;
  if (first === '') return [...text.matchAll(p.pattern)].map((m) => [m.index, m.index + m[0].length]);
  for (let at = text.indexOf(first); at !== -1;) {
    let end = -1;
    if (p.plain) {
      end = matchAt(text, at, p);
    } else {
      p.sticky.lastIndex = at;
      const match = p.sticky.exec(text);
      if (match !== null) end = at + match[0].length;
    }
    if (end === -1) {
      at = text.indexOf(first, at + 1);
    } else {
      found.push([at, end]);
      if (onlyFirst) break;
      at = text.indexOf(first, Math.max(end, at + 1));
    }
  }
  return found;
}

/**
 * Where a match of a plain term (every word letters, marks and digits only) that starts at `at` ends, or -1:
 * what the sticky pattern matches there, without a regex. No WORD_CHAR before; the words, with a run of
 * separators between them (all taken: a word never starts with a separator); for a `*` term every WORD_CHAR
 * after the last word; then no WORD_CHAR. Code points, not code units, as the pattern's `u` flag reads them.
 */
export function matchAt(text: string, at: number, p: Pick<TermShape, 'words' | 'prefix'>): number {
  if (at > 0 && isWordChar(codePointBefore(text, at))) return -1;
  let position = at;
  for (let index = 0; index < p.words.length; index++) {
    if (index > 0) {
      const from = position;
      while (position < text.length && isSeparator(text.charCodeAt(position))) position++;
      if (position === from) return -1;
    }
    const word = p.words[index]!;
    if (!text.startsWith(word, position)) return -1;
    position += word.length;
  }
  if (p.prefix) {
    for (let code = text.codePointAt(position); code !== undefined && isWordChar(code); code = text.codePointAt(position)) {
      position += code > 0xffff ? 2 : 1;
    }
  } else if (position < text.length && isWordChar(text.codePointAt(position)!)) {
    return -1;
  }
  return position;
}

/** WORD_CHAR for one code point (ASCII decided without the regex). */
export function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return ONE_WORD_CHAR.test(String.fromCodePoint(code));
}

/** One character of SEPARATOR (all of them are single UTF-16 code units). */
function isSeparator(code: number): boolean {
  if (code < 0x80) return code === 0x20 || code === 0x2d || (code >= 0x09 && code <= 0x0d);
  return ONE_SEPARATOR.test(String.fromCharCode(code));
}

/** The code point that ends just before `at` (a surrogate pair read as one, as a `u` look-behind does). */
function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * The first match of a term in a normalised text, as `termPattern(term).exec(text)` finds it, but fast
 * (see termMatches); for the site's topic links, which look for the first mention in every text node.
 * termMatcher('nuclear watchdog')('a nuclear watchdog body') -> [2, 18]
 */
export function termMatcher(term: string): (text: string) => [number, number] | null {
  const p = termShape(term);
  return (text) => termMatches(text, p, true)[0] ?? null;
}

/** A term's words and patterns. The patterns are compiled on first use: Unicode property classes make
 * compiling a few hundred of them cost more than classifying one article, and plain terms never need them. */
export function termShape(term: string): TermShape {
  const words = termWords(term);
  let pattern: RegExp | undefined;
  let sticky: RegExp | undefined;
  return {
    words,
    prefix: term.endsWith('*'),
    plain: words.every((word) => ONLY_WORD_CHARS.test(word)),
    get pattern() {
      return (pattern ??= termPattern(term, 'g'));
    },
    get sticky() {
      return (sticky ??= termPattern(term, 'y'));
    },
  };
}

/** The words of a term as termPattern matches them, normalised, without the trailing `*`. */
function termWords(term: string): string[] {
  const prefix = term.endsWith('*');
  return normalize(prefix ? term.slice(0, -1) : term).split(/[ -]/);
}

/** The whole-word regular expression for one term (rule 2); `flags` adds e.g. `g`. */
export function termPattern(term: string, flags = ''): RegExp {
  const prefix = term.endsWith('*');
  const words = termWords(term);
  const body = words.map((word) => RegExp.escape(word)).join(SEPARATOR) + (prefix ? `${WORD_CHAR}*` : '');
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, `u${flags}`);
}
