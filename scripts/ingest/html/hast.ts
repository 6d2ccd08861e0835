/**
 * The hast helpers the transforms share: find, test and replace elements by plain predicates, and read
 * Substack's `data-attrs`.
 * replaceElements(tree, (node) => node.tagName === "b", (node) => node.children): <p><b>x</b></p> -> <p>x</p>
 */
import type { Element, ElementContent, Parents as HastParents, Root as HastRoot, Text as HastText } from 'hast';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';

/**
 * Replaces each matching element with `replace(element)`; replacements are revisited, so they must not match again.
 * The walk is unist-util-visit's (preorder; a replaced element's own children are still walked, in the element
 * now out of the tree; then the walk goes on at its index, through the replacement), written out: it runs
 * several times per item, and visit's closure per node made it a tenth of the conversion.
 */
export function replaceElements(tree: HastRoot, test: (node: Element) => boolean, replace: (node: Element) => ElementContent[]): void {
  const walk = (parent: HastParents): void => {
    for (let index = 0; index < parent.children.length;) {
      const node = parent.children[index]!;
      let next = index + 1;
      if (node.type === 'element' && test(node)) {
        const replacement = replace(node);
        if (replacement.length !== 1 || replacement[0] !== node) {
          parent.children.splice(index, 1, ...replacement);
          next = index;
        }
      }
      if ('children' in node) walk(node);
      index = next;
    }
  };
  walk(tree);
}

/** The elements under `tree` that pass `test`, in document order: selectAll for a simple selector, without
 * parsing the selector and walking with its general machinery. */
export function elementsIn(tree: HastParents, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (parent: HastParents): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

/** Whether `node` matches the selector `tag.className`, as hast-util-select decides it. */
export function hasClass(node: Element, tagName: string, className: string): boolean {
  return node.tagName === tagName && ((node.properties.className || []) as readonly string[]).includes(className);
}

/** Whether `node` has non-whitespace text outside `except`. */
export function hasTextOutside(node: Element, except: Element | undefined): boolean {
  let found = false;
  visit(node, (child) => {
    if (child === except) return SKIP;
    if (child.type === 'text' && child.value.trim() !== '') found = true;
    return found ? false : CONTINUE;
  });
  return found;
}

export function isWhitespaceText(node: ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

export function createTextNode(value: string): HastText {
  return { type: 'text', value };
}

/** Parses Substack's JSON `data-attrs`, returning null when it is missing or malformed. */
export function parseDataAttrs(node: Element): Record<string, unknown> | null {
  const raw = node.properties.dataAttrs;
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
