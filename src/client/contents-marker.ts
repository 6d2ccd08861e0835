/**
 * The contents column marks the section being read: its link gets aria-current="true". That is the first
 * heading in the top third of the window (where a contents link puts it, however short its section), or else
 * the heading last scrolled past the top of the window. An IntersectionObserver says when a block of the text enters or
 * leaves that top third, and only then are the headings looked at: nothing runs while the reader scrolls
 * within a block. Every block is watched, not only the headings, because a jump (a contents link, End, the
 * scroll bar) can carry a heading past the top third between two frames, and that crosses no threshold.
 * Fetched by article-tools.ts only where the column shows; without it the column is a list of plain links.
 */
const column = document.querySelector<HTMLElement>('[data-toc-column]')!;
const links = [...column.querySelectorAll<HTMLAnchorElement>('a')];
const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
let current: HTMLAnchorElement | undefined;

function mark(): void {
  const tops = headings.map((heading) => heading?.getBoundingClientRect().top ?? Infinity);
  // A heading at the top of the window, or else the last one scrolled past it.
  let index = tops.findIndex((top) => top > -1 && top <= innerHeight / 3);
  if (index === -1) index = tops.findLastIndex((top) => top <= -1);
  const link = links[index];
  if (link === current) return;
  current?.removeAttribute('aria-current');
  link?.setAttribute('aria-current', 'true');
  current = link;
  // A column taller than the window scrolls on its own: keep the marked link in it (never the page).
  if (link && (link.offsetTop < column.scrollTop || link.offsetTop + link.offsetHeight > column.scrollTop + column.clientHeight)) {
    column.scrollTop = link.offsetTop - column.clientHeight / 3;
  }
}

const observer = new IntersectionObserver(mark, { rootMargin: '0px 0px -67% 0px' });
for (const block of document.querySelectorAll('.article > *, .prose > *')) observer.observe(block);
