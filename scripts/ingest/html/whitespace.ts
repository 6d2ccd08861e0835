/**
 * An mdast pass after conversion: spaces and line breaks at the edges of emphasis move out of it, and what
 * ends up at the edge of a block is dropped, so the serializer never needs `&#x20;` or a trailing `\`; an empty
 * inline code (`<code></code>`, which shows nothing) is dropped too, since Markdown cannot write one.
 * paragraph(emphasis("word "), "next") -> paragraph(emphasis("word"), " next")
 */
import type { Nodes as MdastNode, Parent, Root, Text } from 'mdast';

/** The transform: moves spaces and line breaks at the edges of emphasis out of it. */
export function hoistEdgeWhitespace() {
  return (tree: Root) => {
    hoistIn(tree);
  };
}

function hoistIn(parent: Parent): void {
  const children: MdastNode[] = [];
  for (const child of parent.children) {
    if ('children' in child) hoistIn(child as Parent);
    if (child.type === 'paragraph' && child.children.length === 0) continue;
    if (child.type === 'inlineCode' && child.value === '') continue;
    if (child.type !== 'emphasis' && child.type !== 'strong' && child.type !== 'delete') {
      children.push(child);
      continue;
    }
    const inner = (child as Parent).children;
    const before = takeEdge(inner, 0);
    const after = takeEdge(inner, -1);
    children.push(...before, ...(inner.length > 0 ? [child] : []), ...after);
  }
  // What was hoisted to the edge of a block is meaningless there (a final break would print a literal `\`).
  if (parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell') {
    takeEdge(children, 0);
    takeEdge(children, -1);
  }
  parent.children = mergeTexts(children) as Parent['children'];
}

/** Removes leading (`end` 0) or trailing (`end` -1) whitespace and breaks from `nodes`, returning them. */
function takeEdge(nodes: MdastNode[], end: 0 | -1): MdastNode[] {
  const taken: MdastNode[] = [];
  while (nodes.length > 0) {
    const node = end === 0 ? nodes[0]! : nodes[nodes.length - 1]!;
    if (node.type === 'break') {
      taken.push(node);
    } else if (node.type === 'text') {
      const value = (node as Text).value;
      const trimmed = end === 0 ? value.trimStart() : value.trimEnd();
      if (trimmed === value) break;
      taken.push({ type: 'text', value: ' ' } as Text);
      if (trimmed !== '') {
        (node as Text).value = trimmed;
        break;
      }
    } else {
      break;
    }
    if (end === 0) nodes.shift();
    else nodes.pop();
  }
  return end === 0 ? taken : taken.reverse();
}

function mergeTexts(nodes: MdastNode[]): MdastNode[] {
  const merged: MdastNode[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text') {
      // Collapse the doubled space two hoisted edges can produce.
      (last as Text).value = ((last as Text).value + (node as Text).value).replace(/ {2,}/g, ' ');
    } else merged.push(node);
  }
  return merged;
}
