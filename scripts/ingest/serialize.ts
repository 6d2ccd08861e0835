/**
 * Article metadata + mdast body -> MDX text, through the serializer (never string templates).
 * { title: "A", ... } + paragraph("x < y {z}") -> "---\ntitle: \"A\"\n...---\n\nx \\< y \\{z}\n"
 */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { stringify as stringifyYaml } from 'yaml';
import type { Article } from '../../src/schemas/article.ts';

/** Markdown style of generated entries. The unsafe patterns keep a paragraph that starts with
 * `import ` or `export ` from becoming MDX ESM: the first letter is written as a character reference. */
const STRINGIFY_OPTIONS: StringifyOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  unsafe: [
    { character: 'i', atBreak: true, after: 'mport\\b' },
    { character: 'e', atBreak: true, after: 'xport\\b' },
  ],
};

const processor = unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).use(remarkStringify, STRINGIFY_OPTIONS);

/** Frontmatter YAML with every string double-quoted, so YAML never reinterprets a value (dates, "no", "1e3"). */
function frontmatterYaml(article: Article): string {
  return stringifyYaml(article, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

/** The MDX body alone (what Astro's MDX compiler will parse after the frontmatter). */
export function serializeBody(body: Root): string {
  return stringify(body);
}

/** The MDX file of one article entry. */
export function serializeEntry(article: Article, body: Root): string {
  const children: RootContent[] = [{ type: 'yaml', value: frontmatterYaml(article).trimEnd() }, ...body.children];
  return stringify({ type: 'root', children });
}

/**
 * MDX decodes character references in attribute values, and the serializer escapes only the quote: an `&` of a
 * value (TeX's `&` before `amp;`, a URL's query) is written `&amp;` for the time of the writing, so the value reads
 * back exactly as it is. The tree is left as it was given.
 */
function stringify(tree: Root): string {
  const attributes: { attribute: { value: string }; value: string }[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && attribute.value.includes('&')) {
        attributes.push({ attribute: attribute as { value: string }, value: attribute.value });
      }
    }
  });
  try {
    for (const { attribute, value } of attributes) attribute.value = value.replaceAll('&', '&amp;');
    return processor.stringify(tree);
  } finally {
    for (const { attribute, value } of attributes) attribute.value = value;
  }
}
