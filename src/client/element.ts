/**
 * A new DOM element with its class and text, for the pages that build their lines and results in the browser
 * (search, concordance). Text is set as text, never as markup.
 * element('td', 'count', '12') -> <td class="count">12</td>
 */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
