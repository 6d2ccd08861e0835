/**
 * Plain text -> mdast. Every character is text: `*`, `_`, `#`, `[`, `<`, `{` never become markup
 * (the serializer escapes them). Structure is inferred by documented rules (docs/ingest.md):
 * - a text with one paragraph per line keeps its lines as blocks;
 * - a hard-wrapped text (most lines end near one width, as books, e-mail and RFCs are wrapped at 65-80
 *   columns: detectWrapWidth) has its lines joined into paragraphs, which blank lines (or a short line that
 *   ends a sentence) separate, and a heading needs evidence: a short line standing alone, or numbering;
 * - Project Gutenberg's header and licence, around its START/END markers, are residue.
 * "The Summary\n- A point\nBody text." -> heading "The Summary", list ["A point"], paragraph "Body text."
 */
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Residue } from '../../src/schemas/article.ts';
import { findResidue } from '../../src/core/residue.ts';

/** How the title of a plain text was found; every one of them is an inference. */
export type TitleRule = 'headline' | 'dek' | 'first-sentence';

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

/** Heading lines: at most this many words. */
export const HEADING_MAX_WORDS = 14;
/** Derived titles: at most this many words before an ellipsis. */
export const TITLE_MAX_WORDS = 16;

type Line = { kind: 'heading' | 'item' | 'quote' | 'paragraph'; text: string };

const END_PUNCTUATION = /[.!?…]["'”’)\]]*$/u;
const QUOTE_LINE = /^["“][^"“”]+["”]$/u;

/** Parse one plain-text source into blocks: its lines, or its paragraphs when it is hard-wrapped. */
export function parseText(text: string): ParsedText {
  const { body: bodyLines, boilerplate } = splitGutenberg(text.split('\n'));
  const width = detectWrapWidth(bodyLines);
  const raw = width === null ? bodyLines.map((line) => line.trim()).filter((line) => line !== '') : unwrap(bodyLines, width);
  const { title, titleRule, consumed } = findTitle(raw);
  const lines = classifyLines(raw.slice(consumed), width !== null);
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
  const truncated = last !== undefined && last.kind !== 'heading' && !END_PUNCTUATION.test(last.text);
  return { title, titleRule, body: { type: 'root', children }, residue, truncated };
}

/** The residue rule of Project Gutenberg's header and licence (src/core/residue.ts lists it). */
const GUTENBERG_RULE = 'gutenberg-boilerplate';
const GUTENBERG_START = /^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b/i;
const GUTENBERG_END = /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b/i;

/** Lines before a Gutenberg START marker (with it) and from its END marker on, as blank-line-separated blocks. */
function splitGutenberg(lines: readonly string[]): { body: string[]; boilerplate: { before: string[]; after: string[] } } {
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

/** Hard-wrap detection: at least this many lines, wrapped at a width in this range. */
const WRAP_MIN_LINES = 6;
const WRAP_WIDTHS = { min: 40, max: 100 } as const;
/** A wrapped line ends within this many characters of the width (a word that did not fit went to the next line). */
const WRAP_SLACK = 16;

/**
 * The width a text is hard-wrapped at, or null when it is not: the length 95% of its lines stay within, when
 * that is 40-100 characters and at least half of the lines end within WRAP_SLACK of it. A text with one
 * paragraph per line has long lines of every length, and is not wrapped.
 * 70-column Gutenberg book -> 72; a text with one paragraph per line -> null
 */
export function detectWrapWidth(lines: readonly string[]): number | null {
  const lengths = lines.map((line) => line.trimEnd().length).filter((length) => length > 0);
  if (lengths.length < WRAP_MIN_LINES) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.ceil(0.95 * sorted.length) - 1]!;
  if (width < WRAP_WIDTHS.min || width > WRAP_WIDTHS.max) return null;
  const near = lengths.filter((length) => length > width - WRAP_SLACK && length <= width).length;
  return near / lengths.length >= 0.5 ? width : null;
}

/**
 * A hard-wrapped text's paragraphs: lines joined with a space, a paragraph ending at a blank line, or at a
 * line that is well short of the width and ends a sentence (texts that do not leave blank lines). List items
 * (`- `, `* `) start a paragraph of their own.
 */
function unwrap(lines: readonly string[], width: number): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const line of lines) {
    const text = line.trim();
    if (text === '') {
      flush();
      continue;
    }
    if (/^[-*•]\s/.test(text)) flush();
    current.push(text);
    if (line.trimEnd().length <= width - WRAP_SLACK && END_PUNCTUATION.test(text)) flush();
  }
  flush();
  return paragraphs;
}

/** Numbering that makes a short line a heading even with a final full stop: "CHAPTER II.", "3. Method", "Part One". */
const NUMBERED_HEADING =
  /^(?:(?:chapter|part|book|section|appendix)\s+(?:[\divxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten)\b|\d+(?:\.\d+)*\.?\s+\p{Lu})/iu;

/** A line is a heading when it is short, starts with a capital or digit, has no end punctuation
 * (a question mark is allowed), and the next line is body text rather than another heading. */
export function isHeadingLine(line: string, next: string | undefined): boolean {
  if (next === undefined || !looksLikeHeading(line)) return false;
  return !looksLikeHeading(next);
}

function looksLikeHeading(line: string): boolean {
  if (line.startsWith('- ') || QUOTE_LINE.test(line)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(line)) return false;
  if (line.split(/\s+/).length > HEADING_MAX_WORDS || line.length > 100) return false;
  return !/[.,;:!…]["'”’)]*$/u.test(line);
}

function classifyLines(lines: readonly string[], wrapped: boolean): Line[] {
  return lines.map((text, index) => {
    if (text.startsWith('- ')) return { kind: 'item', text: text.slice(2).trim() };
    if (QUOTE_LINE.test(text)) return { kind: 'quote', text };
    // In a wrapped text every joined paragraph stands alone, so shortness is evidence only with numbering or
    // capitals ("CHAPTER II.", "DOWN THE RABBIT-HOLE"); a short sentence-case line is a short paragraph.
    if (wrapped) {
      const short = text.split(/\s+/).length <= HEADING_MAX_WORDS && text.length <= 100;
      if (short && (NUMBERED_HEADING.test(text) || (looksLikeHeading(text) && text === text.toUpperCase() && /\p{Lu}{2}/u.test(text)))) {
        return { kind: 'heading', text };
      }
      return { kind: 'paragraph', text };
    }
    if (isHeadingLine(text, lines[index + 1])) return { kind: 'heading', text };
    return { kind: 'paragraph', text };
  });
}

/** Title rules, in order: a headline first line; a one-sentence first line followed by a heading
 * (a dek that serves as title); else the first sentence of the text, shortened. */
function findTitle(lines: readonly string[]): { title: string; titleRule: TitleRule; consumed: number } {
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

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

/** `<Residue rule="...">text</Residue>`. */
function residueElement(rule: string, value: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'Residue',
    attributes: [{ type: 'mdxJsxAttribute', name: 'rule', value: rule }],
    children: [{ type: 'text', value }],
  };
}

/** A residue element as a block of its own (`<ResidueBlock>`), as MDX reads a paragraph that is residue throughout. */
function toResidueBlock(element: MdxJsxTextElement): RootContent {
  return { ...element, type: 'mdxJsxFlowElement', name: 'ResidueBlock', children: [paragraph(element.children)] };
}

/** Text with residue spans wrapped in `<Residue rule="...">`. */
function toPhrasing(text: string, residue: Residue[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor = 0;
  for (const span of findResidue(text)) {
    if (span.start > cursor) out.push({ type: 'text', value: text.slice(cursor, span.start) });
    const value = text.slice(span.start, span.end);
    residue.push({ rule: span.rule, text: value });
    out.push(residueElement(span.rule, value));
    cursor = span.end;
  }
  if (cursor < text.length) out.push({ type: 'text', value: text.slice(cursor) });
  return out;
}
