/**
 * The MDX safety policy: read an entry with the MDX parser (src/core/mdx.ts) and refuse anything that
 * would run or become markup: ESM, expressions, JSX other than the allow-listed components (with literal
 * string attributes), unsafe URLs.
 * Also checks that the text survived the round trip. "export const x = 1" (unescaped) -> throws.
 * The ingest runs it before writing an entry; the site's renderer runs it again before rendering one.
 */
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { IngestError } from './errors.ts';
import { parseMdx } from './mdx.ts';
import { plainText } from './plain-text.ts';

/** The project's own components an entry may use, with the string attributes each may carry. */
const ALLOWED_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Residue: ['rule'],
  ResidueBlock: ['rule'],
  Figure: ['src', 'alt', 'width', 'height'],
  // A formula: its TeX as a string, typeset by the site at build time (src/core/math.ts), never run.
  Math: ['display', 'tex'],
};

/** URL attributes of allowed components, which must be http(s). */
const URL_ATTRIBUTES = new Set(['src']);

/** Attributes that take one of a few words. */
const WORD_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { 'Math display': ['block', 'inline'] };

const SAFE_URL = /^(?:https?:\/\/|mailto:|#)/i;

/** Throw an IngestError (naming `label` and the MDX line:column) unless the entry is inert.
 * `expectedText` is the body's plain text (src/core/plain-text.ts) before serializing; it must come back unchanged. */
export function checkMdx(mdx: string, label: string, expectedText?: string): void {
  checkTree(parseMdx(mdx), label, expectedText);
}

/** The verdict of checkTree on an entry body's tree (checkBodyTree), kept to check the body's entries with. */
export type BodyVerdict = { ok: true } | { ok: false; error: unknown };

/** checkTree on a body's tree alone (the ingest parses each body once, for paragraph ids), as a verdict. */
export function checkBodyTree(bodyTree: Root, label: string, expectedText?: string): BodyVerdict {
  try {
    checkTree(bodyTree, label, expectedText);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * checkMdx for an entry whose body was already checked (`verdict`, from checkBodyTree), without parsing it a
 * second time: when `mdx` is exactly a frontmatter block followed by `body`, the body reads the same inside
 * the file as alone, so the verdict stands (a body can be checked once and its entry made with more than one
 * slug). Anything else, and any problem found (to report its line:column in the file), goes through
 * checkMdx on the whole file.
 */
export function checkEntryMdx(mdx: string, body: string, verdict: BodyVerdict, label: string, expectedText?: string): void {
  const head = mdx.slice(0, mdx.length - body.length);
  if (body === '' || !mdx.endsWith(body) || !FRONTMATTER_BLOCK.test(head)) return checkMdx(mdx, label, expectedText);
  if (!verdict.ok) {
    checkMdx(mdx, label, expectedText);
    throw verdict.error;
  }
}

// `---`, YAML lines none of which could end the block or start a document (`---`, `...`), `---`, a blank line.
const FRONTMATTER_BLOCK = /^---\n(?:(?!---|\.\.\.)[^\n]*\n)*---\n\n$/;

function checkTree(tree: Root, label: string, expectedText?: string): void {
  visit(tree, (node: Nodes) => {
    const problem = describeProblem(node);
    if (problem !== null) {
      const start = node.position?.start;
      throw new IngestError(`generated MDX ${problem}; refusing to write an entry that could run code`, {
        file: label,
        line: start?.line,
        column: start?.column,
      });
    }
  });
  if (expectedText !== undefined) {
    const body: Root = { type: 'root', children: tree.children.filter((node) => node.type !== 'yaml') };
    // Whitespace is left out of the comparison: where a line break or block boundary puts a space is the
    // renderer's business; what this catches is a character the serializer lost, added or failed to escape.
    const got = withoutSpace(plainText(body));
    const want = withoutSpace(expectedText);
    if (got !== want) {
      let at = 0;
      while (at < want.length && want[at] === got[at]) at++;
      const near = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 30), at + 30));
      throw new IngestError(
        `its entry would not read back as the same text (the source's ${near(want)} as ${near(got)}, spaces left out), so it is not published wrong: ` +
          'a fault of the ingest, not of the source, which needs no change; report it with the source file',
        {
          file: label,
        },
      );
    }
  }
}

function describeProblem(node: Nodes): string | null {
  switch (node.type) {
    case 'mdxjsEsm':
      return 'holds an import/export statement';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return 'holds a {expression}';
    case 'html':
      return 'holds raw HTML';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const allowed = node.name === null ? undefined : ALLOWED_COMPONENTS[node.name];
      if (allowed === undefined) return `holds JSX <${node.name ?? ''}> that is not an allowed component`;
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || !allowed.includes(attribute.name)) {
          return `gives <${node.name}> an attribute that is not allowed`;
        }
        if (typeof attribute.value !== 'string') return `gives <${node.name} ${attribute.name}> a non-literal value`;
        if (URL_ATTRIBUTES.has(attribute.name) && !/^https?:\/\//i.test(attribute.value)) {
          return `gives <${node.name} ${attribute.name}> a URL that is not http(s)`;
        }
        const words = WORD_ATTRIBUTES[`${node.name} ${attribute.name}`];
        if (words !== undefined && !words.includes(attribute.value)) return `gives <${node.name} ${attribute.name}> a value that is not ${words.join(' or ')}`;
      }
      return null;
    }
    case 'link':
    case 'image':
    case 'definition':
      return SAFE_URL.test(node.url) ? null : `links to a URL that is not http(s), mailto: or #fragment (${node.url.slice(0, 40)})`;
    default:
      return null;
  }
}

function withoutSpace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** checkMdx for a tree already parsed with parseMdx's extensions: the site's renderer parses each entry once. */
export function checkMdxTree(tree: Root, label: string): void {
  checkTree(tree, label);
}
