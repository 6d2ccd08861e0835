/**
 * The comparison of two articles in the browser (/compare/?a=<slug>&b=<slug>): reads the two slugs from the
 * address, fetches each article's file (/compare/<slug>.json, src/utils/compare-data.ts) and shows the view
 * (src/client/compare-sections.ts: DOM methods only, nothing from a source becomes markup), or says what is missing.
 * /compare/?a=one&b=two -> "Comparing “One” and “Two”." above the view; /compare/?a=one -> "Choose the second article to compare with."
 */
import type { CompareData } from '../utils/compare-data.ts';
import { renderComparison, shownTitle } from './compare-sections.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The article a field names: its slug as given, or the slug of an article address pasted into it (on a large corpus
 * the form takes addresses, see src/components/CompareForm.astro).
 * "https://example.org/articles/a-title/#p-1" -> "a-title"; "/articles/a-title/" -> "a-title"; "a-title" -> "a-title"
 */
export function slugFrom(value: string): string {
  const trimmed = value.trim();
  return /(?:^|\/)articles\/([^/?#]+)/.exec(trimmed)?.[1] ?? trimmed;
}

async function load(slug: string): Promise<CompareData | null> {
  const response = await fetch(`/compare/${slug}.json`);
  if (!response.ok) return null;
  const data = (await response.json()) as CompareData;
  // COMPARE_DATA_VERSION of src/utils/compare-data.ts (not imported: that module is the build's, not the browser's).
  return data.schemaVersion === 2 ? data : null;
}

/** Read the address, fetch the two articles and show them; or leave the picker, saying what is missing. */
export async function showComparison(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-compare-form]');
  const view = document.querySelector<HTMLElement>('[data-compare-view]');
  const status = document.querySelector<HTMLElement>('[data-compare-status]');
  const explanation = document.querySelector<HTMLElement>('[data-compare-static]');
  if (form === null || view === null || status === null) return;
  if (explanation !== null) explanation.hidden = true;
  const params = new URLSearchParams(location.search);
  const a = slugFrom(params.get('a') ?? '');
  const b = slugFrom(params.get('b') ?? '');
  // A list of every article, or (on a large corpus) a text field for one's address or slug.
  const selects = {
    a: form.elements.namedItem('a') as HTMLSelectElement | HTMLInputElement,
    b: form.elements.namedItem('b') as HTMLSelectElement | HTMLInputElement,
  };
  if (SLUG.test(a)) selects.a.value = a;
  if (SLUG.test(b)) selects.b.value = b;
  if (!SLUG.test(a) || !SLUG.test(b)) {
    status.textContent = a === '' && b === '' ? 'Choose two articles to compare.' : 'Choose the second article to compare with.';
    return;
  }
  if (a === b) {
    status.textContent = 'Both are the same article: choose another one to compare with.';
    return;
  }
  status.textContent = 'Loading the two articles…';
  const [first, second] = await Promise.all([load(a), load(b)]);
  if (first === null || second === null) {
    status.textContent = `No article here is called “${first === null ? a : b}”: choose another one.`;
    return;
  }
  view.replaceChildren(renderComparison(first, second));
  view.hidden = false;
  document.title = `Compare: ${shownTitle(first)} and ${shownTitle(second)} · Dossier`;
  status.textContent = `Comparing “${shownTitle(first)}” and “${shownTitle(second)}”.`;
}
