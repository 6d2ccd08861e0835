/**
 * A Markdown body's headings: the document's own title heading taken out (the page shows the title once), and the
 * rest shifted so the shallowest is `##` under the page title with no level skipped.
 *   "# Report\n\n### Method\n\n##### Data" (title "Report")
 *   -> takeLeadingHeading -> "Report"; normalizeHeadingDepths -> "## Method", "### Data"
 */
import type { Heading, Parent, Root } from 'mdast';
import { plainText } from '../../../src/core/plain-text.ts';

/** The document's own title heading: a level-1 heading that opens the body or, when the header gives a title, the
 * first heading when it is level 1 and says that title (MDX `import` lines may come before it). It is taken out and
 * returned; a level-1 heading that says something else stays as a section heading, so its words stay on the page. */
export function takeLeadingHeading(tree: Root, title: string | null): string | null {
  const index = title === null ? 0 : tree.children.findIndex((node) => node.type === 'heading');
  const heading = tree.children[index];
  if (heading?.type !== 'heading' || heading.depth !== 1) return null;
  const text = plainText(heading).trim();
  if (text === '' || (title !== null && normalize(text) !== normalize(title))) return null;
  tree.children.splice(index, 1);
  return text;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Headings shifted so the shallowest is `##` under the page title, with no level skipped (as feed HTML's are). */
export function normalizeHeadingDepths(tree: Root): void {
  const headings: Heading[] = [];
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'heading') headings.push(child);
      else if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
  const depths = [...new Set(headings.map((heading) => heading.depth))].sort();
  for (const heading of headings) heading.depth = Math.min(6, depths.indexOf(heading.depth) + 2) as Heading['depth'];
}
