/**
 * Drops the positions the HTML parser gives every node: nothing reads them (the entry is made from the tree,
 * and problems in an item are reported by item, not by offset in its HTML), and each step after copies them.
 * { type: "text", value: "x", position: {...} } -> { type: "text", value: "x" }
 */
import type { Nodes as HastNodes, Root as HastRoot } from 'hast';

export function dropPositions() {
  return (tree: HastRoot) => {
    const walk = (node: HastNodes): void => {
      delete node.position;
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(tree);
  };
}
