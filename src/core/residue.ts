/**
 * The documented rule list for scraper residue: sentences that are not the author's argument
 * (related-link lists, cross-promotion, chatbot and newsletter prompts). The ingest marks the matches;
 * the site shows them de-emphasised under the rule's label, never deleted (docs/ingest.md, /about/).
 * "They are getting played. In related developments, take a look at: X."
 *   -> [{ rule: "related-links", start: 25, end: 69 }]
 */

/** One residue rule: an id kept in the entry, the label readers see, what it catches, and the pattern. */
export interface ResidueRule {
  id: string;
  /** The reader-facing name shown before a marked span ("Not the author's text: <label>"). */
  label: string;
  /** What the rule catches, in words a curator understands. */
  description: string;
  /** Global, Unicode regex; each match is one residue span. */
  pattern: RegExp;
}

/** The rules, applied in order to every paragraph and list item of plain-text sources, and to whole paragraphs of
 * feed items (scripts/ingest/html/residue-blocks.ts). */
export const RESIDUE_RULES: readonly ResidueRule[] = [
  {
    id: 'feed-footer',
    label: 'footer added by the blog software',
    description:
      'The line WordPress and Medium add to every feed item ("The post X appeared first on Y.", "X was originally published in Y on Medium, where people are continuing the conversation ...").',
    pattern: /^(?:The post\b[^\n]{1,400}?\bappeared first on\b[^\n]*|[^\n]{1,400}?\bwas originally published in\b[^\n]{1,200}?\bon Medium\b[^\n]*)/gu,
  },
  {
    id: 'related-links',
    label: 'related-links list from the source site',
    description: 'A "related developments / see also / read more:" lead-in and the link titles after it, to the end of the paragraph.',
    pattern: /\b(?:In related (?:developments|news)|Related(?: reading| stories| articles)?|Read more|See also|Also read)\b[^:\n]{0,40}:[^\n]*/gu,
  },
  {
    id: 'cross-promotion',
    label: 'promotion of other coverage',
    description: 'A sentence advertising another outlet\'s coverage ("X has also covered this subject in great detail.").',
    pattern: /\b(?:\p{Lu}[\p{L}\p{N}&'-]*\s+){0,3}has (?:also )?covered this\b[^.!?\n]*[.!?]/gu,
  },
  {
    id: 'reader-prompt',
    label: 'prompt from the source site',
    description: 'A prompt to the reader to learn more or use the site\'s chatbot ("Would you like to learn more ...? If so, ask our ... chatbot!").',
    pattern: /\bWould you like to (?:learn|know|read) more\b[^?\n]*\?(?:\s*If so,[^.!?\n]*[.!?])?/gu,
  },
  {
    id: 'newsletter-prompt',
    label: 'newsletter prompt from the source site',
    description: 'A newsletter or subscription call to action ("Subscribe to our newsletter ...", "Sign up for ...").',
    pattern: /\b(?:Subscribe|Sign up) (?:to|for) (?:our|the) (?:free |daily |weekly )?newsletter\b[^.!?\n]*[.!?]/giu,
  },
];

/**
 * Residue found by position, repetition or syntax rather than by a sentence pattern: the ingest marks these whole
 * blocks itself (plain texts: scripts/ingest/parse-text.ts; a feed's repeated paragraphs:
 * scripts/ingest/filters/feed-boilerplate.ts; Markdown markup: scripts/ingest/markdown/convert-markdown.ts); listed here
 * so that every rule has its label and description.
 */
export const BLOCK_RESIDUE_RULES: readonly Omit<ResidueRule, 'pattern'>[] = [
  {
    id: 'gutenberg-boilerplate',
    label: 'Project Gutenberg header or licence',
    description: 'Everything before "*** START OF THE PROJECT GUTENBERG EBOOK ... ***" and from "*** END OF THE PROJECT GUTENBERG EBOOK ... ***" on.',
  },
  {
    id: 'feed-boilerplate',
    label: 'repeated in many items of its feed',
    description:
      'A paragraph that at least 3 items of the same feed carry, word for word or differing only in numbers, case and punctuation, and at least a quarter of its items or 10 of them, whichever is fewer: a sign-off, a subscribe line, "Get the show on iTunes" (scripts/ingest/filters/feed-boilerplate.ts). Never across different sources: a quotation several articles carry is a shared passage.',
  },
  {
    id: 'source-markup',
    label: 'markup from the source file, shown as written',
    description:
      'In a Markdown file, a block of raw HTML or JSX (<Quote speaker="...">, <Figure ... />) and MDX import/export lines: the file\'s own markup, kept as the characters written and never run (scripts/ingest/markdown/convert-markdown.ts).',
  },
  {
    id: 'email-headers',
    label: 'e-mail headers',
    description:
      'The header block of an e-mail message (Received, From, To, Date, Subject, Message-ID, MIME fields), one field a line; From, Date and Subject also give the byline, date and title.',
  },
];

/** A residue span in a paragraph's text. */
export interface ResidueSpan {
  rule: string;
  start: number;
  end: number;
}

/** Residue spans in one paragraph, in order, never overlapping (the earlier rule wins). */
export function findResidue(text: string, rules: readonly ResidueRule[] = RESIDUE_RULES): ResidueSpan[] {
  const spans: ResidueSpan[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))) {
      const start = match.index;
      const end = start + match[0].trimEnd().length;
      if (spans.some((span) => start < span.end && end > span.start)) continue;
      spans.push({ rule: rule.id, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The label shown before a residue span; entries made by another rule list show a generic one. */
export function residueRuleLabel(rule: string): string {
  return [...RESIDUE_RULES, ...BLOCK_RESIDUE_RULES].find((candidate) => candidate.id === rule)?.label ?? 'scraper residue';
}
