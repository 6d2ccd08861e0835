/**
 * Article pages, progressive enhancement, in two steps to keep the page's JavaScript small. This
 * bootstrap only listens; the popover code (article-tools-popover.ts) is fetched when a reader
 * points at or focuses a ¶ permalink, a footnote reference or the Copy citation button.
 * Without JavaScript, or without the Popover API, the permalinks and footnotes are plain links.
 * Where the contents column shows (from 1100px, as in global.css, when the page loads), it fetches the
 * script that marks the section being read (contents-marker.ts); without it the column is plain links.
 *
 * The popover code is bundled on its own with Vite's `?worker&url` (a standalone, minified script
 * and its URL) and run as a classic script on the page, not in a worker: a plain `import()` would
 * pull Vite's 2 KB preload helper into every article page.
 */
import popoverScript from './article-tools-popover.ts?worker&url';
import markerScript from './contents-marker.ts?worker&url';

/** Run a script file on the page (classic, as the bundles above are built). */
const run = (src: string) => document.head.appendChild(Object.assign(document.createElement('script'), { src }));

if (document.querySelector('[data-toc-column]') && matchMedia('(min-width:68.75rem)').matches) run(markerScript);

const WANTED = 'a.permalink, a[data-footnote-ref], [data-copy-cite]';
if ('showPopover' in HTMLElement.prototype) {
  let loading: Promise<unknown> | undefined;
  const load = () =>
    (loading ??= new Promise((resolve, reject) => {
      // Loading starts after this task, so the handlers are in time.
      Object.assign(run(popoverScript), { onload: resolve, onerror: reject });
    }));
  const wanted = (event: Event) => (event.target as Element).closest?.<HTMLElement>(WANTED);
  const warm = (event: Event) => void (wanted(event) && load());
  document.addEventListener('pointerover', warm);
  document.addEventListener('focusin', warm);
  document.querySelector('[data-copy-cite]')?.removeAttribute('hidden');
  document.addEventListener('click', (event) => {
    const target = wanted(event);
    if (!target || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // The popover code navigates (a ¶ permalink) or opens the note (a footnote reference); if it
    // cannot load, the link is followed after all.
    event.preventDefault();
    load().then(
      () => target.dispatchEvent(new Event('dossier-tools', { bubbles: true })),
      () => target instanceof HTMLAnchorElement && (location.hash = target.hash),
    );
  });
}
