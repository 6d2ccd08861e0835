/**
 * Plain text -> mdast. Every character is text: `*`, `_`, `#`, `[`, `<`, `{` never become markup
 * (the serializer escapes them). Structure is inferred line by line, by documented rules:
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

/** Parse one plain-text source. Blank lines and single line breaks both separate blocks. */
export function parseText(text: string): ParsedText {
  const raw = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const { title, titleRule, consumed } = findTitle(raw);
  const lines = classifyLines(raw.slice(consumed));
  const residue: Residue[] = [];
  const children: RootContent[] = [];
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
      const [element] = phrasing as [MdxJsxTextElement];
      children.push({ ...element, type: 'mdxJsxFlowElement', name: 'ResidueBlock', children: [paragraph(element.children)] });
    } else {
      children.push(paragraph(phrasing));
    }
  }
  const last = lines.at(-1);
  const truncated = last !== undefined && last.kind !== 'heading' && !END_PUNCTUATION.test(last.text);
  return { title, titleRule, body: { type: 'root', children }, residue, truncated };
}

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

function classifyLines(lines: readonly string[]): Line[] {
  return lines.map((text, index) => {
    if (text.startsWith('- ')) return { kind: 'item', text: text.slice(2).trim() };
    if (QUOTE_LINE.test(text)) return { kind: 'quote', text };
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
  const sentence = /^.*?[.!?](?=\s|$)/u.exec(paragraphText)?.[0] ?? paragraphText;
  let title = sentence.replace(/[.!?]+$/u, '');
  const clause = /^(.*?)\s*(?::|;|\s[—–-]\s|—)/u.exec(title)?.[1];
  if (clause !== undefined && clause.split(/\s+/).length >= 4) title = clause;
  const words = title.split(/\s+/);
  return words.length > TITLE_MAX_WORDS ? `${words.slice(0, TITLE_MAX_WORDS).join(' ')}…` : title;
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

/** Text with residue spans wrapped in `<Residue rule="...">`. */
function toPhrasing(text: string, residue: Residue[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor = 0;
  for (const span of findResidue(text)) {
    if (span.start > cursor) out.push({ type: 'text', value: text.slice(cursor, span.start) });
    const value = text.slice(span.start, span.end);
    residue.push({ rule: span.rule, text: value });
    const element: MdxJsxTextElement = {
      type: 'mdxJsxTextElement',
      name: 'Residue',
      attributes: [{ type: 'mdxJsxAttribute', name: 'rule', value: span.rule }],
      children: [{ type: 'text', value }],
    };
    out.push(element);
    cursor = span.end;
  }
  if (cursor < text.length) out.push({ type: 'text', value: text.slice(cursor) });
  return out;
}
