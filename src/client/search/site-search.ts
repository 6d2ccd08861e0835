/**
 * The header search box on every page, in two steps to keep the page's JavaScript small. This bootstrap only
 * listens: "/" focuses the box, and the box's first focus (or input) fetches the combobox code
 * (header-search.ts), bundled on its own with Vite's `?worker&url` and run as a classic script, as
 * article-tools.ts does with its popovers. It also marks the terms of a search on the page it led to.
 */
import comboboxScript from './header-search.ts?worker&url';
import { highlightFromUrl } from './highlight.ts';

const input = document.querySelector<HTMLInputElement>('[data-site-search] input[role="combobox"]');
if (input) {
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    document.head.appendChild(Object.assign(document.createElement('script'), { src: comboboxScript }));
  };
  input.addEventListener('focus', load);
  input.addEventListener('input', load);
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
}
void highlightFromUrl();
