/**
 * Lines of a hard-wrapped plain text: how wide a line is on screen, the width a text is wrapped at, and how two
 * lines of one paragraph join. Columns are counted as a terminal counts them (get-east-asian-width: a Han, Kana
 * or full-width character takes two), so a Japanese text wrapped at 35 characters is 70 columns wide.
 * Lines join by the CSS Text rule for a segment break (https://www.w3.org/TR/css-text-3/#line-break-transform):
 * removed between two East Asian wide characters that are not Hangul, a space everywhere else.
 * ["日本語の文章は", "改行されている。"] -> "日本語の文章は改行されている。"; ["a wrapped", "line"] -> "a wrapped line"
 * Hand-written because the join is one rule over two characters; the width table is the library's.
 */
import { eastAsianWidth, eastAsianWidthType } from 'get-east-asian-width';

/** Columns a line takes on a terminal: 2 for a wide or full-width character, 0 for a combining mark, else 1. */
export function displayWidth(line: string): number {
  let width = 0;
  for (const character of line) {
    if (/\p{M}/u.test(character)) continue;
    width += eastAsianWidth(character.codePointAt(0)!);
  }
  return width;
}

/** Hard-wrap detection: at least this many lines, wrapped at a width in this range (columns). */
const WRAP_MIN_LINES = 6;
const WRAP_WIDTHS = { min: 40, max: 100 } as const;
/** A wrapped line ends within this many columns of the width (a word that did not fit went to the next line). */
export const WRAP_SLACK = 16;

/**
 * The width (in columns) a text is hard-wrapped at, or null when it is not: the width 95% of its lines stay within,
 * when that is 40-100 columns and at least half of the lines end within WRAP_SLACK of it. A text with one
 * paragraph per line has long lines of every length, and is not wrapped.
 * 70-column Gutenberg book -> 72; a Japanese text of 35 characters a line -> 70; one paragraph per line -> null
 */
export function detectWrapWidth(lines: readonly string[]): number | null {
  const widths = lines.map((line) => displayWidth(line.trimEnd())).filter((width) => width > 0);
  if (widths.length < WRAP_MIN_LINES) return null;
  const sorted = [...widths].sort((a, b) => a - b);
  const width = sorted[Math.ceil(0.95 * sorted.length) - 1]!;
  if (width < WRAP_WIDTHS.min || width > WRAP_WIDTHS.max) return null;
  const near = widths.filter((length) => length > width - WRAP_SLACK && length <= width).length;
  return near / widths.length >= 0.5 ? width : null;
}

/**
 * The lines of one paragraph as one text: each line trimmed, joined with nothing between two East Asian wide
 * characters (Han, Kana, full-width punctuation; not Hangul, which separates words with spaces), else with one
 * space. Spaces inside a line are kept as the source has them.
 * ["これは", "ペンです。"] -> "これはペンです。"; ["한국어", "문장"] -> "한국어 문장"; ["C-v 來向前移", "動"] -> "C-v 來向前移動"
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines.map((raw) => raw.trim()).filter((trimmed) => trimmed !== '')) {
    if (text === '') text = line;
    else text += (closesUp(lastCharacter(text), line[Symbol.iterator]().next().value!) ? '' : ' ') + line;
  }
  return text;
}

function lastCharacter(text: string): string {
  return Array.from(text.slice(-2)).at(-1)!;
}

/** A segment break between these two characters is removed (CSS Text 3, segment break transformation rules). */
function closesUp(before: string, after: string): boolean {
  return isWide(before) && isWide(after) && !HANGUL.test(before) && !HANGUL.test(after);
}

const HANGUL = /\p{Script=Hangul}/u;

/** East Asian Width F, W or H (full-width, wide, half-width): the characters CSS joins without a space. */
function isWide(character: string): boolean {
  const type = eastAsianWidthType(character.codePointAt(0)!);
  return type === 'fullwidth' || type === 'wide' || type === 'halfwidth';
}
