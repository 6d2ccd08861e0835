/**
 * A plain text's title, inferred (the rule that found it is recorded): a headline first line; a one-sentence first
 * line followed by a heading (a dek that serves as title); else the text's first sentence, shortened.
 *   findTitle(["The Summary", "Body text."]) -> { title: "The Summary", titleRule: "headline", consumed: 1 }
 *   deriveTitle("Chip tracking works. It is cheap.") -> "Chip tracking works"
 */
import { END_PUNCTUATION, isHeadingLine, looksLikeHeading } from './heading-lines.ts';

/** How the title of a plain text was found; every one of them is an inference. */
export type TitleRule = 'headline' | 'dek' | 'first-sentence';

/** Derived titles: at most this many words before an ellipsis. */
const TITLE_MAX_WORDS = 16;

/** Title rules, in order: a headline first line; a one-sentence first line followed by a heading
 * (a dek that serves as title); else the first sentence of the text, shortened. */
export function findTitle(lines: readonly string[]): { title: string; titleRule: TitleRule; consumed: number } {
  const [first = '', second] = lines;
  if (looksLikeHeading(first) && second !== undefined && !looksLikeHeading(second)) {
    return { title: first, titleRule: 'headline', consumed: 1 };
  }
  if (isOneSentence(first) && second !== undefined && isHeadingLine(second, lines[2])) {
    return { title: first, titleRule: 'dek', consumed: 1 };
  }
  return { title: deriveTitle(first), titleRule: 'first-sentence', consumed: 0 };
}

function isOneSentence(line: string): boolean {
  return END_PUNCTUATION.test(line) && !/[.!?]\s+\p{Lu}/u.test(line) && line.split(/\s+/).length <= 40;
}

/** First sentence, cut at a colon or dash when that still leaves four words, at most TITLE_MAX_WORDS. */
export function deriveTitle(paragraphText: string): string {
  // A sentence ends at . ! ? before a capital (or the end): "v 6. třídě" and "e.g. this" go on.
  const text = paragraphText.replace(/\s+/g, ' ');
  const sentence = /^.*?[.!?](?=\s+[\p{Lu}"“‘(]|$)/u.exec(text)?.[0] ?? text;
  let title = sentence.replace(/[.!?]+$/u, '');
  const clause = /^(.*?)\s*(?::|;|\s[—–-]\s|—)/u.exec(title)?.[1];
  if (clause !== undefined && clause.split(/\s+/).length >= 4) title = clause;
  const words = title.split(/\s+/);
  return words.length > TITLE_MAX_WORDS ? `${words.slice(0, TITLE_MAX_WORDS).join(' ')}…` : title;
}
