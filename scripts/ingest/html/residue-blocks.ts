/**
 * Residue in feed items: a paragraph (or list item's paragraph) that a residue rule (src/core/residue.ts, the one
 * list plain texts use too) matches from start to end becomes a `<ResidueBlock rule>`: kept in place and shown
 * labelled as not the author's, never deleted. Only whole paragraphs, since in HTML a sentence spans links and
 * emphasis; the feed-service footers ("The post ... appeared first on ...", "... was originally published in ...
 * on Medium") and "Related: ..." lines are whole paragraphs.
 * paragraph("The post ", link("A"), " appeared first on ", link("Site"), ".") -> <ResidueBlock rule="feed-footer">
 */
import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Residue } from '../../../src/schemas/article.ts';
import { findResidue } from '../../../src/core/residue.ts';
import { plainText } from '../../../src/core/plain-text.ts';

/** Wrap whole-paragraph residue in `tree`, in place; returns what was marked, in reading order. */
export function markResidueParagraphs(tree: Root): Residue[] {
  const residue: Residue[] = [];
  const walk = (parent: Parent): void => {
    parent.children = parent.children.map((child) => {
      if (child.type === 'paragraph') {
        const text = plainText(child).trim();
        const [span] = findResidue(text);
        if (span !== undefined && span.start === 0 && span.end >= text.replace(/\s+$/, '').length) {
          residue.push({ rule: span.rule, text });
          return residueBlock(span.rule, child);
        }
        return child;
      }
      if ((child.type === 'blockquote' || child.type === 'list' || child.type === 'listItem') && 'children' in child) walk(child as Parent);
      return child;
    }) as Parent['children'];
  };
  walk(tree);
  return residue;
}

function residueBlock(rule: string, paragraph: Paragraph): RootContent {
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'ResidueBlock',
    attributes: [{ type: 'mdxJsxAttribute', name: 'rule', value: rule }],
    children: [paragraph],
  };
  return element as RootContent;
}
