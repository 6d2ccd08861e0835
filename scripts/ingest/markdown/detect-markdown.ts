/**
 * Whether a text that is neither a feed nor a web page is Markdown, from its content; the name is a hint only.
 * "---\ntitle: A\n---\nBody" -> true (a front matter block); "# Notes\n\nSee [the draft](https://x.org/d)." -> true
 * (two kinds of Markdown syntax); "# Notes\n\nPlain words." -> false (one kind: a plain text may have a `# ` line);
 * the same text named `notes.md` -> true (one kind is enough when the name says Markdown).
 * The rule (docs/ingest.md, "Markdown sources"):
 * - a front matter block: the first line is `---` (YAML) or `+++` (TOML), a closing `---` or `+++` line follows,
 *   every line between is a field (`key: value` / `key = value`, the key one word), an indented or `- ` continuation,
 *   a table header (`[params]`, TOML), a comment or blank, the first of them a field, and one of the fields is a name
 *   the site generators use (`title`, `date`, `tags`, `layout`..., front-matter-fields.ts);
 * - or at least two of these kinds of syntax, outside fenced code: an ATX heading (`## Title`), an inline link or image
 *   to a web address, a path or a fragment (`[text](https://...)`, `![alt](/a.png)`), a link reference definition
 *   (`[1]: https://...`), strong emphasis (`**word**`, `__word__`), a fenced code block (```` ``` ```` ... ```` ``` ````),
 *   a GFM table (a header row, then a `|---|---|` delimiter row); one kind is enough for a `.md`/`.markdown` name.
 * Hand-written: no library decides whether text is Markdown (every text is valid CommonMark); this is the rule.
 */

import { isFrontMatterFieldName } from './front-matter-fields.ts';

/** How many leading lines a front matter block may take. */
const FRONT_MATTER_MAX_LINES = 500;

/** A field line's key: one word, bare or quoted (`title:`, `pubDate:`, `"og:title":` / `title =`). */
const YAML_FIELD = /^(?:([A-Za-z_][\w.-]*)|"([^"\n]+)"|'([^'\n]+)')[ \t]*:(?:\s|$)/;
const TOML_FIELD = /^(?:([A-Za-z_][\w.-]*)|"([^"\n]+)"|'([^'\n]+)')[ \t]*=/;
const CONTINUATION = /^(?:\s+\S|-\s|-$|#|\s*$)/;
const TOML_TABLE = /^\[{1,2}[^\]]+\]{1,2}\s*$|^[\]}]/;

// Bounded runs only: a 10 MiB source with a long line of unclosed brackets must not take quadratic time.
const SYNTAX: Readonly<Record<string, RegExp>> = {
  heading: /^ {0,3}#{1,6}[ \t]+\S/m,
  link: /!?\[[^[\]\n]{1,300}\]\((?:https?:\/\/|\/|\.{1,2}\/|#|mailto:)[^)\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/,
  definition: /^ {0,3}\[[^[\]\n]{1,300}\]:[ \t]+(?:https?:\/\/|\/)/m,
  strong: /(?:\*\*[^*\s][^*\n]{0,300}?\*\*|(?<!\w)__[^_\s][^_\n]{0,300}?__(?!\w))/,
  table: /^\|?[^\n|]{0,300}\|[^\n]{0,3000}\n {0,3}\|? *:?-{3,}:? *(?:\| *:?-{3,}:? *)+\|? *$/m,
};

/** Opening and closing fence lines of fenced code (CommonMark: three or more backticks or tildes). */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** The language of a front matter block opening the text, or null when the text does not open with one. */
export function frontMatterLanguage(text: string): 'yaml' | 'toml' | null {
  const lines = text.split('\n', FRONT_MATTER_MAX_LINES);
  const fence = lines[0]?.trimEnd();
  const lang = fence === '---' ? 'yaml' : fence === '+++' ? 'toml' : null;
  if (lang === null) return null;
  const closing = lang === 'yaml' ? /^---\s*$/ : /^\+\+\+\s*$/;
  const end = lines.findIndex((line, index) => index > 0 && closing.test(line));
  if (end === -1) return null;
  const inside = lines.slice(1, end);
  const field = lang === 'yaml' ? YAML_FIELD : TOML_FIELD;
  const content = inside.filter((line) => line.trim() !== '' && !line.startsWith('#'));
  // An empty header (`---` then `---`) is a header too; a block of prose between two lines of dashes is not.
  if (content.length === 0) return lang;
  if (!field.test(content[0]!)) return null;
  if (!content.every((line) => field.test(line) || CONTINUATION.test(line) || (lang === 'toml' && TOML_TABLE.test(line)))) return null;
  const keys = content.map((line) => field.exec(line)).flatMap((match) => (match ? [match[1] ?? match[2] ?? match[3]!] : []));
  return keys.some(isFrontMatterFieldName) ? lang : null;
}

/** The kinds of Markdown syntax a text uses, outside fenced code (fenced code is itself one). */
function markdownSyntaxKinds(text: string): string[] {
  const kinds: string[] = [];
  const unfenced = withoutFencedCode(text);
  if (unfenced.length < text.length) kinds.push('fenced-code');
  for (const [kind, pattern] of Object.entries(SYNTAX)) if (pattern.test(unfenced)) kinds.push(kind);
  return kinds;
}

/** The text without its closed fenced code blocks, in one pass over the lines (a regular expression would go back
 * over the rest of the file for every fence that is never closed). */
function withoutFencedCode(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let open: { fence: string; at: number } | null = null;
  for (const [index, line] of lines.entries()) {
    const fence = FENCE_LINE.exec(line);
    if (open === null) {
      // An opening fence of backticks cannot have a backtick in its info string.
      if (fence && !(fence[1]!.startsWith('`') && fence[2]!.includes('`'))) open = { fence: fence[1]!, at: index };
      else kept.push(line);
    } else if (fence && fence[1]!.startsWith(open.fence[0]!) && fence[1]!.length >= open.fence.length && fence[2]!.trim() === '') {
      open = null;
    }
  }
  // A fence never closed is no code block here: its lines count as text.
  if (open !== null) kept.push(...lines.slice(open.at));
  return kept.join('\n');
}

/** Whether a text is Markdown by the rule above. */
export function isMarkdown(text: string, file: string): boolean {
  if (frontMatterLanguage(text) !== null) return true;
  const named = /\.(?:md|markdown|mdown|mkd|mdx)$/i.test(file);
  return markdownSyntaxKinds(text).length >= (named ? 1 : 2);
}
