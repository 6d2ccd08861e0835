// The corpus export as a reader gets it: /corpus.json, then each part it lists (/corpus/<n>.json), followed from the site.
import type { APIRequestContext } from '@playwright/test';

/** A link from an export (absolute on SITE_URL, or a site path) as a path on the site under test. */
function pathOf(link: string): string {
  return new URL(link, 'http://localhost/').pathname;
}

/** /corpus.json as published (`corpus`), each part it lists (`parts`), and every article of the parts in order (`articles`). */
export async function fetchCorpus(request: APIRequestContext) {
  const corpus = await (await request.get('/corpus.json')).json();
  const parts = [];
  for (const link of corpus.parts as string[]) parts.push(await (await request.get(pathOf(link))).json());
  return { corpus, parts, articles: parts.flatMap((part) => part.articles) };
}

/** /reuse.json as published (`reuse`), each part it lists (`parts`), and every shared passage of the parts in order (`clusters`). */
export async function fetchReuse(request: APIRequestContext) {
  const reuse = await (await request.get('/reuse.json')).json();
  const parts = [];
  for (const link of reuse.parts as string[]) parts.push(await (await request.get(pathOf(link))).json());
  return { reuse, parts, clusters: parts.flatMap((part) => part.clusters) };
}
