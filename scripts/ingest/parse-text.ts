/**
 * Plain text -> mdast. Every character is text: `*`, `_`, `#`, `[`, `<`, `{` never become markup
 * (the serializer escapes them). Structure is inferred by documented rules (docs/ingest.md):
 * - a text with one paragraph per line keeps its lines as blocks;
 * - a hard-wrapped text (most lines end near one width, as books, e-mail and RFCs are wrapped at 65-80
 *   columns: detectWrapWidth) has its lines joined into paragraphs, which blank lines (or a short line that
 *   ends a sentence) separate, and a heading needs evidence: a short line standing alone, or numbering;
 * - Project Gutenberg's header and licence, around its START/END markers, are residue.
 * "The Summary\n- A point\nBody text." -> heading "The Summary", list ["A point"], paragraph "Body text."
 * Its parts are in text/: heading-lines.ts (what a heading line is), title.ts (the inferred title), gutenberg.ts
 * (the boilerplate around the markers), residue-phrasing.ts (residue spans as `<Residue>` elements).
 */
import type { Heading, List, Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Residue } from '../../src/schemas/article.ts';
import { detectWrapWidth, displayWidth, joinLines, WRAP_SLACK } from './text-lines.ts';
import { GUTENBERG_RULE, splitGutenberg } from './text/gutenberg.ts';
import { END_PUNCTUATION, endsOpen, HEADING_MAX_WORDS, isHeadingLine, NUMBERED_HEADING, QUOTE_LINE } from './text/heading-lines.ts';
import { paragraph, residueElement, toPhrasing, toResidueBlock } from './text/residue-phrasing.ts';
import { findTitle, type TitleRule } from './text/title.ts';

export interface ParsedText {
  /** Title inferred from the text. */
  title: string;
  /** Which rule produced the title. */
  titleRule: TitleRule;
  /** The body as mdast (residue as `<Residue rule="...">` inline elements). */
  body: Root;
  /** Residue spans, in order. */
  residue: Residue[];
  /** True when the last block ends without end punctuation. */
  truncated: boolean;
}

type Line = { kind: 'heading' | 'item' | 'quote' | 'paragraph'; text: string };

/** Parse one plain-text source into blocks: its lines, or its paragraphs when it is hard-wrapped. With `titled`
 * (an e-mail's Subject is its title), no line of the text is taken as the title. */
export function parseText(text: string, options: { titled?: boolean } = {}): ParsedText {
  const { body: bodyLines, boilerplate } = splitGutenberg(text.split('\n'));
  const width = detectWrapWidth(bodyLines);
  // Whether the text separates its blocks with blank lines: at least one blank gap for every four lines of text (one
  // blank line added to a text of one paragraph per line does not change how the rest of it is read).
  const lastText = bodyLines.findLastIndex((line) => line.trim() !== '');
  const gaps = bodyLines.filter((line, index) => line.trim() === '' && bodyLines[index - 1]?.trim() && index < lastText).length;
  const blankLines = gaps >= 2 && gaps * 4 >= bodyLines.filter((line) => line.trim() !== '').length;
  const blocks = width === null ? splitLines(bodyLines, blankLines) : unwrap(bodyLines, width);
  const centred = width === null || options.titled ? -1 : centredTitle(blocks);
  if (centred > 0) blocks.unshift(...blocks.splice(centred, 1));
  const { title, titleRule, consumed } = options.titled
    ? { title: '', titleRule: 'headline' as const, consumed: 0 }
    : width !== null && blocks.length > 1 && (centred > 0 || isWrappedTitle(blocks[0]!))
      ? { title: blocks[0]!.text, titleRule: 'headline' as const, consumed: 1 }
      : findTitle(blocks.map((block) => block.text));
  const lines = width === null ? classifyLines(blocks.slice(consumed), blankLines) : classifyWrapped(blocks.slice(consumed));
  const residue: Residue[] = [];
  const children: RootContent[] = [];
  const residueBlock = (value: string) => {
    residue.push({ rule: GUTENBERG_RULE, text: value });
    return residueElement(GUTENBERG_RULE, value);
  };
  for (const block of boilerplate.before) children.push(toResidueBlock(residueBlock(block)));
  for (const line of lines) {
    const phrasing = toPhrasing(line.text, residue);
    if (line.kind === 'heading') {
      children.push({ type: 'heading', depth: 2, children: phrasing } satisfies Heading);
    } else if (line.kind === 'quote') {
      children.push({ type: 'blockquote', children: [paragraph(phrasing)] });
    } else if (line.kind === 'item') {
      const previous = children.at(-1);
      const item = { type: 'listItem' as const, spread: false, children: [paragraph(phrasing)] };
      if (previous?.type === 'list') previous.children.push(item);
      else children.push({ type: 'list', ordered: false, spread: false, children: [item] } satisfies List);
    } else if (phrasing.length === 1 && phrasing[0]!.type === 'mdxJsxTextElement') {
      // A paragraph that is residue from start to end is a block of its own, as MDX reads it.
      children.push(toResidueBlock(phrasing[0] as MdxJsxTextElement));
    } else {
      children.push(paragraph(phrasing));
    }
  }
  for (const block of boilerplate.after) children.push(toResidueBlock(residueBlock(block)));
  const last = lines.at(-1);
  const truncated = last !== undefined && last.kind !== 'heading' && !END_PUNCTUATION.test(last.text) && !CJK_END.test(last.text);
  return { title, titleRule, body: { type: 'root', children }, residue, truncated };
}

/** A block of a hard-wrapped text: a paragraph's joined lines, and whether the source set it apart as a heading
 * (underlined) or as a line of its own between blank lines (a heading candidate). */
interface WrappedBlock {
  text: string;
  shape: 'underlined' | 'alone' | 'joined';
  /** The text before it ends mid-sentence (a comma, a colon, a dash): it cannot start a section. */
  afterOpenSentence: boolean;
  /** Its first line is indented deeper than the text's body lines (an example, a formula, a centred line): 'body';
   * deeper than the text's least indented lines (an RFC's body, indented under its headings): 'margin'; else false. */
  indented: 'body' | 'margin' | false;
  /** A single line set in the middle of the width (indented, with about as much room left on its right). */
  centred?: boolean;
}

/** A line of only `=` or `-` (three or more) under a line at least about as wide: a setext-style heading underline. */
const UNDERLINE = /^\s*(?:={3,}|-{3,})\s*$/u;
/** A table-of-contents line: dot leaders and a page number. */
const DOT_LEADER = /(?:\.{2,}|(?:\.\s){3,})\s*\d+\s*$/u;
/** A gap of three spaces or a tab between words: columns of a table (an RFC's front matter, a list of key bindings). */
const COLUMN_GAP = /\S(?: {3,}|\t)\S/u;

/** A line that is a row of its own, never joined: a table-of-contents line or a row of columns. */
function isRow(line: string): boolean {
  return DOT_LEADER.test(line) || COLUMN_GAP.test(line);
}
/** Sentence ends of CJK scripts (full stop, exclamation and question marks, closing quotes after them). */
const CJK_END = /[。！？][」』）〕】]*$/u;
/** Where a CJK paragraph starts without a blank line: an ideographic-space indent, or an opening quote. */
const CJK_PARAGRAPH_START = /^[\u3000「『]/u;

/**
 * A hard-wrapped text's blocks: lines joined (joinLines: with no space between CJK characters), a block ending at a
 * blank line, or at a line that is well short of the width and ends a sentence (texts that do not leave blank
 * lines), or before a line that starts a paragraph by a clear convention: a list item (`- `, `* `), an ideographic
 * space or opening quote after a sentence end (CJK), a table-of-contents line. A line underlined with `===` or
 * `---` is a heading block.
 */
function unwrap(lines: readonly string[], width: number): WrappedBlock[] {
  const blocks: WrappedBlock[] = [];
  let current: string[] = [];
  let sawBlank = true;
  let startedAfterBlank = true;
  let firstIndent = 0;
  let previousRow = false;
  const { common: bodyIndent, least } = indentation(lines);
  const push = (block: Pick<WrappedBlock, 'text' | 'shape'>) => {
    const previous = blocks.at(-1);
    const afterOpenSentence = previous !== undefined && previous.shape !== 'underlined' && /[,;:\-–—、，；：]$/u.test(previous.text);
    const indented = firstIndent > bodyIndent ? 'body' : firstIndent > least ? 'margin' : false;
    const centred = block.shape === 'alone' && firstIndent >= 8 && Math.abs(width - firstIndent - displayWidth(block.text) - firstIndent) <= 8;
    blocks.push({ ...block, afterOpenSentence, indented, ...(centred && { centred }) });
  };
  const flush = (atBlank: boolean) => {
    if (current.length > 0) push({ text: joinLines(current), shape: atBlank && startedAfterBlank && current.length === 1 ? 'alone' : 'joined' });
    current = [];
  };
  for (const line of lines) {
    const text = line.trim();
    if (text === '') {
      flush(true);
      sawBlank = true;
      previousRow = false;
      continue;
    }
    if (UNDERLINE.test(text) && current.length === 1 && displayWidth(text) * 2 >= displayWidth(current[0]!)) {
      push({ text: current[0]!, shape: 'underlined' });
      current = [];
      continue;
    }
    const previous = current.at(-1);
    // A line set in the right half (an RFC's authors and date, a letter's sign-off) is a row of its own too.
    const lineIndent = indentOf(line);
    const row = isRow(text) || lineIndent >= width / 2;
    // In a block set deeper than the body (an example, a quoted message, a poem), every deeper line keeps its own line.
    const verbatim = current.length > 0 && firstIndent > bodyIndent && lineIndent > bodyIndent && !/^[-*•]\s/.test(current[0]!);
    const startsParagraph =
      /^[-*•]\s/.test(text) || row || previousRow || verbatim || (previous !== undefined && CJK_PARAGRAPH_START.test(text) && CJK_END.test(previous));
    previousRow = row;
    if (startsParagraph) flush(false);
    if (current.length === 0) {
      firstIndent = indentOf(line);
      startedAfterBlank = sawBlank;
      sawBlank = false;
    }
    current.push(text);
    if (displayWidth(line.trimEnd()) <= width - WRAP_SLACK && (END_PUNCTUATION.test(text) || CJK_END.test(text))) flush(false);
  }
  flush(true);
  return blocks;
}

/** Columns of spaces and tabs before a line's text (an ideographic space is a CJK paragraph's first character). */
function indentOf(line: string): number {
  return displayWidth(/^[ \t]*/u.exec(line)![0]);
}

/** The indentation (columns) most of a text's non-blank lines have (0 for a book, 3 for an RFC's body), and the least. */
function indentation(lines: readonly string[]): { common: number; least: number } {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = indentOf(line);
    counts.set(indent, (counts.get(indent) ?? 0) + 1);
  }
  const common = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0])[0];
  return { common, least: Math.min(common, ...counts.keys()) };
}

/** A text of one paragraph per line, as lines. Where the text separates its blocks with blank lines, a heading
 * is also a line standing alone between them. */
function classifyLines(blocks: readonly WrappedBlock[], blankLines: boolean): Line[] {
  return blocks.map(({ text, shape }, index) => {
    if (text.startsWith('- ')) return { kind: 'item', text: text.slice(2).trim() };
    if (QUOTE_LINE.test(text)) return { kind: 'quote', text };
    if ((!blankLines || shape === 'alone') && isHeadingLine(text, blocks[index + 1]?.text)) return { kind: 'heading', text };
    return { kind: 'paragraph', text };
  });
}

/** A line this wide (columns) or wider may have been wrapped (e-mail is wrapped at 60-80). */
const WRAPPED_LINE_MIN = 40;

/**
 * The lines of a text that is not hard-wrapped, each a block; but in a text that separates its blocks with blank
 * lines, a long line that stops mid-sentence with the next line of its block going on in lowercase is one wrapped
 * sentence with it, and the two are joined (an e-mail wrapped by hand).
 * "…to fly in formation, put on an" + "air show or just to have fun." -> "…to fly in formation, put on an air show or just to have fun."
 */
function splitLines(lines: readonly string[], blankLines: boolean): WrappedBlock[] {
  const blocks: WrappedBlock[] = [];
  let current: string[] = [];
  let startedAfterBlank = true;
  const flush = (atBlank: boolean) => {
    if (current.length > 0) {
      const shape = atBlank && startedAfterBlank ? 'alone' : 'joined';
      blocks.push({ text: joinLines(current), shape, afterOpenSentence: false, indented: false });
    }
    current = [];
  };
  for (const [index, line] of lines.entries()) {
    const text = line.trim();
    if (text === '') {
      flush(true);
      startedAfterBlank = true;
      continue;
    }
    current.push(text);
    const next = lines[index + 1]?.trim() ?? '';
    const goesOn = blankLines && displayWidth(text) >= WRAPPED_LINE_MIN && !END_PUNCTUATION.test(text) && !CJK_END.test(text) && /^\p{Ll}/u.test(next);
    if (!goesOn) {
      flush(next === '');
      startedAfterBlank = false;
    }
  }
  flush(true);
  return blocks;
}

/**
 * A hard-wrapped text's blocks as lines. Every joined paragraph stands alone there, so shortness is no evidence:
 * a heading is a line the source sets apart as one (isWrappedHeading), never a wrapped line that happens to be short.
 */
function classifyWrapped(blocks: readonly WrappedBlock[]): Line[] {
  return blocks.map((block, index) => {
    const { text } = block;
    if (block.shape === 'underlined') return { kind: 'heading', text };
    if (text.startsWith('- ')) return { kind: 'item', text: text.slice(2).trim() };
    if (QUOTE_LINE.test(text)) return { kind: 'quote', text };
    // A heading heads something: the last block (a signature, a closing line) is not one.
    return { kind: index < blocks.length - 1 && isWrappedHeading(block) ? 'heading' : 'paragraph', text };
  });
}

/** A hard-wrapped text's first block is its title when it is underlined, or would be a heading without numbering
 * ("CHAPTER I." starts the text, it does not name it); a centred line counts too. */
function isWrappedTitle(block: WrappedBlock): boolean {
  if (block.shape === 'underlined') return true;
  return !NUMBERED_HEADING.test(block.text) && isWrappedHeading({ ...block, indented: false });
}

/**
 * The index of a hard-wrapped text's centred title, when one comes before its first heading or paragraph of prose
 * (an RFC's title under its two columns of front matter), else -1.
 */
function centredTitle(blocks: readonly WrappedBlock[]): number {
  for (const [index, block] of blocks.slice(0, 24).entries()) {
    if (block.centred && isWrappedHeading({ ...block, indented: false, afterOpenSentence: false }) && !NUMBERED_HEADING.test(block.text)) return index;
    const prose = block.shape === 'joined' && END_PUNCTUATION.test(block.text) && block.text.split(/\s+/).length >= 8;
    if (block.shape === 'underlined' || prose || (block.indented === false && isWrappedHeading(block))) return -1;
  }
  return -1;
}

/**
 * Whether a block of a hard-wrapped text is a heading: numbering ("CHAPTER II.", "3. Method", "1.2 Terminology",
 * "IV."), or a short line standing alone between blank lines that reads as a title: it starts with a capital, a
 * digit or a letter of a script without case, ends with no punctuation (nor a conjunction, article or preposition,
 * nor an opening quote), holds no unbalanced quote, and the text before it does not end mid-sentence.
 */
function isWrappedHeading(block: WrappedBlock): boolean {
  const { text } = block;
  if (text.split(/\s+/).length > HEADING_MAX_WORDS || displayWidth(text) > 100 || block.afterOpenSentence || block.indented === 'body') return false;
  if (isRow(text)) return false;
  if (NUMBERED_HEADING.test(text) || /^[IVXLC]+\.?$/u.test(text)) return true;
  if (block.shape !== 'alone' || block.indented !== false || displayWidth(text) > 60) return false;
  if (!/^[\p{Lu}\p{N}\p{Lo}]/u.test(text) || /^\p{Ll}/u.test(text)) return false;
  if (/[.,;:!?…。、，；：！？"'“‘«»„(\-–—]["'”’)\]]*$/u.test(text)) return false;
  return !endsOpen(text);
}
