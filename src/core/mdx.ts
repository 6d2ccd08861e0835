/**
 * The MDX parser every entry is read with, by the ingest's safety gate and by the site's renderer alike,
 * so the tree that is checked is the tree that is rendered: remark-parse + frontmatter + GFM + MDX syntax.
 * parseMdx("# Hi\n\nText") -> { type: "root", children: [heading, paragraph] }
 */
import type { Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).freeze();

/**
 * Two GFM constructs that are tried all the time can only succeed on text holding certain characters:
 * the email autolink literal (tried at the start of every word, about 40 % of the parse) must consume an
 * `@`; a table's delimiter row must hold a `|`, or a `:` next to a `-` (`:-`, `-:`; only dashes make a
 * thematic break or a setext underline instead). A construct that fails leaves nothing behind (the text it
 * was tried on is merged back into the same data), so for text without those characters the parser without
 * the construct gives the same tree as the full one, positions included
 * (tests/unit/check-mdx-parser.test.ts compares them); any other text gets the full parser.
 */
const OPTIONAL_CONSTRUCTS = [
  { name: 'emailAutolink', mayOccur: (text: string) => text.includes('@') },
  { name: 'table', mayOccur: (text: string) => text.includes('|') || text.includes(':-') || text.includes('-:') },
];

// One parser per set of constructs left out, made when first needed.
const parsers = new Map<string, typeof parser>([['', parser]]);

function parserFor(text: string): typeof parser {
  const left = OPTIONAL_CONSTRUCTS.filter((construct) => !construct.mayOccur(text)).map((construct) => construct.name);
  const key = left.join(' ');
  let chosen = parsers.get(key);
  if (chosen === undefined) {
    chosen = unified()
      .use(remarkParse)
      .data(
        'micromarkExtensions',
        (parser.data('micromarkExtensions') ?? []).map((extension) => withoutConstructs(extension, left)),
      )
      .data('fromMarkdownExtensions', parser.data('fromMarkdownExtensions') ?? [])
      .freeze();
    parsers.set(key, chosen);
  }
  return chosen;
}

/** A micromark extension without the constructs named in `names`. */
function withoutConstructs(extension: Extension, names: readonly string[]): Extension {
  const kept: Extension = { ...extension };
  for (const field of ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'] as const) {
    const record = extension[field];
    if (record === undefined) continue;
    const constructs: NonNullable<Extension[typeof field]> = {};
    for (const [code, value] of Object.entries(record)) {
      if (value === undefined) continue;
      const list = (Array.isArray(value) ? value : [value]).filter((construct) => !names.includes(construct.name ?? ''));
      if (list.length > 0) constructs[code] = Array.isArray(value) ? list : list[0]!;
    }
    kept[field] = constructs;
  }
  return kept;
}

/** Parse MDX text to mdast (what Astro's MDX compiler will see). */
export function parseMdx(mdx: string): Root {
  const chosen = parserFor(mdx);
  return chosen.runSync(chosen.parse(mdx)) as Root;
}
