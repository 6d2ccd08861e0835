/**
 * The popover of article pages, loaded on first use by article-tools.ts, which then sends a
 * `dossier-tools` event to what the reader clicked. One shared element
 * (Popover API: Escape and clicking outside close it; focus returns to what opened it):
 * - a ¶ permalink goes to its paragraph and offers "copy citation": the article's citation with the
 *   paragraph's number ("para. 12"), the date read, the paragraph's URL and a text-fragment link
 *   (`#p-id:~:text=start,end`) as fallback;
 * - a footnote reference opens its note next to it, with a link to the note in the list;
 * - the article's Copy citation button copies the citation with the date read.
 */
export {}; // a module: its names stay out of the page's global scope
const pop = document.createElement('div');
pop.popover = 'auto';
pop.className = 'popover';
pop.tabIndex = -1;
pop.setAttribute('role', 'dialog');
document.body.append(pop);
let opener: HTMLElement | null = null;

// Links inside the popover (the note in the list, the note's own links) close it as they are followed.
pop.addEventListener('click', (event) => {
  if ((event.target as Element).closest('a')) pop.hidePopover();
});
pop.addEventListener('toggle', (event) => {
  const focused = document.activeElement;
  if ((event as ToggleEvent).newState === 'closed' && (focused === document.body || pop.contains(focused))) opener?.focus({ preventScroll: true });
});

// The page's public address from its canonical link; a build without SITE_URL has none, so the address the
// reader has it open at (without the search highlight query or the anchor) is the honest one to give.
const base = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href.split(/[?#]/)[0]!;
const cite = document.querySelector('[data-cite]');
const citation = cite ? `${cite.textContent!.trim()}${cite.hasAttribute('data-cite-here') ? ` Copy in Dossier: ${base}.` : ''}` : document.title;
const accessed = () => ` Accessed ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.`;
const cited = () => citation + accessed();

/** Write to the clipboard; if that is refused, show the text selected for Ctrl+C. */
async function copy(text: string, status: Element, area?: HTMLTextAreaElement) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch {
    if (area) {
      area.value = text;
      area.select();
    }
    status.textContent = 'Press Ctrl+C to copy.';
  }
}

/** Fill the popover (`html`, then `fill`), show it below `from` (inside the viewport), and move focus into it. */
function open(from: HTMLElement, label: string, html: string, fill?: () => void) {
  pop.innerHTML = `<p class="popover-title">${label}</p>${html}`;
  pop.setAttribute('aria-label', label);
  fill?.();
  opener = from;
  pop.showPopover();
  const box = from.getBoundingClientRect();
  const room = document.documentElement.clientWidth - pop.offsetWidth - 8;
  pop.style.top = `${box.bottom + scrollY + 6}px`;
  pop.style.left = `${Math.max(8, Math.min(box.left, room)) + scrollX}px`;
  (pop.querySelector('button') ?? pop).focus({ preventScroll: true });
}

/**
 * A text directive for a paragraph: its first and last words, as many as it takes for the start
 * to occur once on the page (all of it when short), so the link lands here even if the id changed.
 */
function textDirective(paragraph: Element): string {
  const words = (paragraph.textContent ?? '').replace(/¶\s*$/, '').trim().split(/\s+/);
  const page = (document.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ').toLowerCase();
  const encode = (part: string[]) => encodeURIComponent(part.join(' ')).replace(/-/g, '%2D');
  let n = 4;
  while (2 * n < words.length && page.split(words.slice(0, n).join(' ').toLowerCase()).length > 2) n++;
  return 2 * n < words.length ? `${encode(words.slice(0, n))},${encode(words.slice(-n))}` : encode(words);
}

function citeParagraph(link: HTMLAnchorElement) {
  location.hash = link.hash; // the permalink's own job: go to the paragraph (and :target it)
  const url = base + link.hash;
  // Its number: the paragraphs with a ¶ in reading order (list items that carry one count too).
  const number = [...document.querySelectorAll('.prose a.permalink')].indexOf(link) + 1;
  // The citation ends with the copy in Dossier ("…: <address>."); the paragraph is located in that copy.
  const located = citation.replace(/\.$/, `, para. ${number}.`);
  const text = `${located}${accessed()}\nParagraph ${number}: ${url}\nText link: ${url}:~:text=${textDirective(link.parentElement!)}`;
  open(
    link,
    'Cite this paragraph',
    '<textarea readonly rows="6" aria-label="Citation of this paragraph"></textarea><p><button type="button">Copy citation</button> <button type="button">Copy link</button> <span role="status"></span></p>',
  );
  const area = pop.querySelector('textarea')!;
  const [citeButton, linkButton] = pop.querySelectorAll('button');
  const status = pop.querySelector('[role=status]')!;
  area.value = text;
  citeButton!.onclick = () => copy(text, status, area);
  linkButton!.onclick = () => copy(url, status, area);
}

function showNote(ref: HTMLAnchorElement) {
  const note = document.getElementById(ref.hash.slice(1));
  if (!note) {
    location.hash = ref.hash;
    return;
  }
  const number = ref.textContent;
  open(ref, `Note ${number}`, `<div></div><p><a href="${ref.hash}">Show note ${number} in the list of notes</a></p>`, () => {
    const body = note.cloneNode(true) as Element;
    body.querySelectorAll('[data-footnote-backref]').forEach((node) => node.remove());
    body.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
    pop.querySelector('div')!.append(...body.childNodes);
  });
}

// Act on what the reader clicked: a ¶ permalink, a footnote reference or the Copy citation button.
document.addEventListener('dossier-tools', (event) => {
  const target = event.target as HTMLElement;
  if (target.matches('[data-footnote-ref]')) showNote(target as HTMLAnchorElement);
  else if (target.matches('a.permalink')) citeParagraph(target as HTMLAnchorElement);
  else copy(cited(), target.nextElementSibling!);
});
