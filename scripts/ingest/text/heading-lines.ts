/**
 * What makes a line of a plain text a heading, or not one (docs/ingest.md, plain texts): short, starting with a
 * capital or digit, without end punctuation, not ending open on a conjunction or an unbalanced quote; numbering
 * ("CHAPTER II.", "3. Method") makes a heading even with a final full stop. Pure predicates on strings.
 *   isHeadingLine("The Summary", "Body text follows here.") -> true
 *   looksLikeHeading("Terms of the") -> false (ends open)
 */

/** Heading lines: at most this many words. */
export const HEADING_MAX_WORDS = 14;

export const END_PUNCTUATION = /[.!?…]["'”’)\]]*$/u;
export const QUOTE_LINE = /^["“][^"“”]+["”]$/u;

/** Numbering that makes a short line a heading even with a final full stop: "CHAPTER II.", "3. Method", "Part One". */
export const NUMBERED_HEADING =
  /^(?:(?:chapter|part|book|section|appendix)\s+(?:[\divxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten)\b|\d+(?:\.\d+)*\.?\s+\p{Lu})/iu;

/** A line is a heading when it is short, starts with a capital or digit, has no end punctuation
 * (a question mark is allowed), and the next line is body text rather than another heading. */
export function isHeadingLine(line: string, next: string | undefined): boolean {
  if (next === undefined || !looksLikeHeading(line)) return false;
  return !looksLikeHeading(next);
}

export function looksLikeHeading(line: string): boolean {
  if (line.startsWith('- ') || QUOTE_LINE.test(line)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(line)) return false;
  if (line.split(/\s+/).length > HEADING_MAX_WORDS || line.length > 100) return false;
  if (/[.,;:!…]["'”’)]*$/u.test(line)) return false;
  return !endsOpen(line);
}

/** A line that ends on a conjunction, an article or a preposition, or holds an unbalanced quote, goes on elsewhere:
 * `University" within the 60 days following each` is the middle of a sentence, not a heading. */
export function endsOpen(line: string): boolean {
  if (OPEN_ENDINGS.has(line.split(/\s+/).at(-1)!.toLowerCase())) return true;
  const straight = (line.match(/"/g) ?? []).length % 2 === 1;
  return straight || (line.match(/“/g) ?? []).length !== (line.match(/”/g) ?? []).length;
}

/** Words a heading does not end on: it would go on in the next line (English, German, French, Spanish). */
const OPEN_ENDINGS = new Set(
  'and or but nor the a an of to in on at by for with from as that than if und oder aber der die das ein eine zu mit von et ou le la les un une de du des y o el los las en con'.split(
    ' ',
  ),
);
