/**
 * The classes of an HTML syntax-tree element (hast), as the site's transforms read them: a class list, never a
 * string to split. Pure.
 * hasClass(<p class="para residue">, 'residue') -> true; classes(<p>) -> []
 */
import type { Element } from 'hast';

/** The element's classes, in order (none when it has no class attribute). */
export function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

/** Whether the element has class `name`. */
export function hasClass(node: Element, name: string): boolean {
  return classes(node).includes(name);
}
