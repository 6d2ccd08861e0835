// Works cited as a reader meets them, checked the same way on any corpus (tests/e2e/references.spec.ts, the
// project corpus as a whole; tests/e2e-fixture/references.spec.ts, works of known shape): the list's views read
// page by page, sorting and the domain filter as pages of their own, the marks of articles in this reading room,
// the pages of works cited by two or more articles and the works cited that end each article. Expectations are
// derived from /references.json and /corpus.json.
//   readView(page, '/references/by-name/') -> [{ id: 'work-06d7…', count: 2, domain: 'arxiv.org', name: '…' }, …]
import type { APIRequestContext, Page } from '@playwright/test';
import type { Element } from 'hast';
import { distPages, elements } from '../helpers/dist.ts';
import type { Site } from '../helpers/sites.ts';
import { fetchCorpus } from './exports.ts';
import { expect } from './fixtures.ts';

/** A work of /references.json, as far as these checks read it. */
export interface Work {
  id: string;
  domain: string;
  citedByCount: number;
  citedBy: { slug: string }[];
}

/** /references.json's works. */
export async function fetchWorks(request: APIRequestContext): Promise<Work[]> {
  return ((await (await request.get('/references.json')).json()) as { works: Work[] }).works;
}

/** The next page of a list, through its pager, or null on its last page. */
const nextPage = (page: Page) =>
  page
    .locator('.pager a[rel="next"]')
    .getAttribute('href', { timeout: 1000 })
    .catch(() => null);

/** Every work of a view, read page by page through its pager from its first page. */
export async function readView(page: Page, first: string): Promise<{ id: string; count: number; domain: string; name: string }[]> {
  const rows: { id: string; count: number; domain: string; name: string }[] = [];
  let next: string | null = first;
  while (next !== null) {
    await page.goto(next);
    rows.push(
      ...(await page.locator('li.work').evaluateAll((items) =>
        items.map((item) => ({
          id: item.id,
          count: Number(item.getAttribute('data-count')),
          domain: item.getAttribute('data-domain')!,
          name: item.querySelector('.work-label')!.textContent!.trim(),
        })),
      )),
    );
    next = await nextPage(page);
  }
  return rows;
}

/**
 * The list's sort and domain links, followed from /references/: "By name" opens every work in order of name, and
 * the domain with the most works opens exactly its works, in both orders. The corpus must cite a work.
 */
export async function checkSortAndFilter(page: Page, works: Work[]): Promise<void> {
  await page.goto('/references/');
  await page.getByRole('navigation', { name: 'Sort and filter the works' }).getByRole('link', { name: 'By name' }).click();
  await expect(page).toHaveURL(/\/references\/by-name\/$/);
  const byName = await readView(page, '/references/by-name/');
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  expect(byName.map((row) => row.name)).toEqual(byName.map((row) => row.name).sort((a, b) => collator.compare(a, b)));
  expect(new Set(byName.map((row) => row.id))).toEqual(new Set(works.map((work) => work.id)));
  // The domain with the most works, as offered on the first page: exactly its works, in both orders.
  await page.goto('/references/');
  const domain = works.map((work) => work.domain).sort((a, b) => works.filter((w) => w.domain === b).length - works.filter((w) => w.domain === a).length)[0]!;
  const link = page
    .getByRole('navigation', { name: 'Sort and filter the works' })
    .getByRole('link', { name: new RegExp(`^${domain.replace(/\./g, '\\.')} \\(`) });
  await link.click();
  const onDomain = await readView(page, new URL(page.url()).pathname);
  expect(onDomain.map((row) => row.id)).toEqual(works.filter((work) => work.domain === domain).map((work) => work.id));
  await expect(page.locator('.references-status')).toContainText(`on ${domain}`);
}

/** The articles marked "in this reading room" on /references/, over all its pages, and those another article cites (/corpus.json). */
export async function inCorpusMarks(page: Page, request: APIRequestContext): Promise<{ marked: string[]; cited: string[] }> {
  const data = (await fetchCorpus(request)) as { articles: { slug: string; citedBy: unknown[] }[] };
  const marked = new Set<string>();
  let next: string | null = '/references/';
  while (next !== null) {
    await page.goto(next);
    for (const slug of await page.locator('[data-in-corpus]').evaluateAll((items) => items.map((item) => item.getAttribute('data-in-corpus')!)))
      marked.add(slug);
    next = await nextPage(page);
  }
  return {
    marked: [...marked].sort(),
    cited: data.articles
      .filter((article) => article.citedBy.length > 0)
      .map((article) => article.slug)
      .sort(),
  };
}

/**
 * The works cited at the end of each article page of a built site, read from its HTML: the ids of the works its
 * section lists (none when it has no section), how many places it links, and those that are not an id of the page.
 */
export function articleWorksCited(site?: Site): { slug: string; works: string[]; places: number; brokenPlaces: string[] }[] {
  return distPages(site)
    .filter((page) => /^\/articles\/[^/]+\/$/.test(page.url))
    .map((page) => {
      const section = elements(page, (node) => node.tagName === 'section' && String(node.properties['ariaLabelledBy']) === 'works-cited-heading');
      const within = (test: (node: Element) => boolean) => section.flatMap((root) => elements({ ...page, tree: { type: 'root', children: [root] } }, test));
      const works = within((node) => node.tagName === 'li' && node.properties['dataWork'] !== undefined).map((node) => String(node.properties['dataWork']));
      const places = within((node) => node.tagName === 'a' && node.properties['dataPlace'] !== undefined).map((node) => String(node.properties['href']));
      return {
        slug: page.url.split('/')[2]!,
        works,
        places: places.length,
        brokenPlaces: places.filter((href) => !href.startsWith('#') || !page.ids.has(decodeURIComponent(href.slice(1)))),
      };
    });
}
