/**
 * Project Gutenberg's header and licence: the lines before its START marker (with it) and from its END marker on,
 * which the plain-text parser keeps as residue blocks, apart from the book's own text.
 *   ["Title: X", "*** START OF THE PROJECT GUTENBERG EBOOK X ***", "Chapter 1", "*** END OF THE PROJECT …", "Licence"]
 *   -> { body: ["Chapter 1"], boilerplate: { before: ["Title: X *** START OF …"], after: ["*** END OF … Licence"] } }
 */

/** The residue rule of Project Gutenberg's header and licence (src/core/residue.ts lists it). */
export const GUTENBERG_RULE = 'gutenberg-boilerplate';
const GUTENBERG_START = /^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b/i;
const GUTENBERG_END = /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b/i;

/** Lines before a Gutenberg START marker (with it) and from its END marker on, as blank-line-separated blocks. */
export function splitGutenberg(lines: readonly string[]): { body: string[]; boilerplate: { before: string[]; after: string[] } } {
  const start = lines.findIndex((line) => GUTENBERG_START.test(line));
  const end = lines.findIndex((line, index) => index > start && GUTENBERG_END.test(line));
  const from = start === -1 ? 0 : start + 1;
  const to = end === -1 ? lines.length : end;
  return { body: lines.slice(from, to), boilerplate: { before: blocksOf(lines.slice(0, from)), after: blocksOf(lines.slice(to)) } };
}

/** Blank-line-separated blocks, their lines joined with a space. */
function blocksOf(lines: readonly string[]): string[] {
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join(' '),
    )
    .filter((block) => block !== '');
}
