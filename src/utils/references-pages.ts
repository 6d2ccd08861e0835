/**
 * How /references/ is cut into pages that stay small whatever the corpus cites (a real corpus of 2,000 articles
 * cites 3,682 works: one page of 3.2 MB). Each view of the list is its own set of server-rendered pages, so sorting
 * and the domain filter work without a script and across pages: every work, most cited first (`/references/`) or by
 * name (`/references/by-name/`), and the works on one domain (`/references/domain/<domain>/`, likewise by name).
 * Pages are packed by the lines their works show (a work cited by eight articles weighs more than one cited once).
 * A work cited by two or more articles has a page of its own (`/references/work/<id>/`), the address the articles
 * and comparisons link, which stays while works move from page to page of a list. Pure: the works in, the pages out.
 * referenceViews(works) -> [{ view: { sort: 'count', domain: null }, page: 1, last: 3, works: [...] }, ...,
 *                           { view: { sort: 'name', domain: 'arxiv.org' }, page: 1, last: 1, works: [...] }]
 * referencesPath({ sort: 'name', domain: 'arxiv.org' }, 2) -> "/references/domain/arxiv.org/by-name/page/2/"
 * Hand-written: the paging is the project's own (src/utils/pagination.ts); no library knows these views.
 */
import { packPages, PAGE_SIZE } from './pagination.ts';
import { byName, workDomains, type CitedWork } from './works-cited.ts';

/** The orders a list of works is shown in: most cited first (the works' own order), or by the label shown. */
type WorkSort = 'count' | 'name';

/** One view of the works: an order, and all works or those on one domain. */
export interface WorksView {
  sort: WorkSort;
  /** The domain shown (as on a work, "arxiv.org"), or null for every domain. */
  domain: string | null;
}

/** One page of a view. */
export interface WorksPage {
  view: WorksView;
  page: number;
  last: number;
  /** How many works the view holds, over all its pages. */
  total: number;
  works: CitedWork[];
}

/** Lines of a page of works: about 100 KB of HTML (a line is about 330 bytes). */
const PAGE_LINES = 300;
/** Works on a page at most, however light. */
const PAGE_WORKS = 100;

/** A domain as a path segment: lowercase letters, digits, dots and hyphens ("example.com:8080" -> "example.com-8080"). */
function domainSegment(domain: string): string {
  return domain.toLowerCase().replace(/[^a-z0-9.-]+/g, '-') || '-';
}

/** The address of page `page` of a view. */
export function referencesPath(view: WorksView, page = 1): string {
  const domain = view.domain === null ? '' : `domain/${domainSegment(view.domain)}/`;
  const sort = view.sort === 'name' ? 'by-name/' : '';
  return `/references/${domain}${sort}${page > 1 ? `page/${page}/` : ''}`;
}

/** The same path as a rest parameter of the route src/pages/references/[...page].astro (undefined for /references/). */
export function referencesParam(view: WorksView, page: number): string | undefined {
  const path = referencesPath(view, page).slice('/references/'.length, -1);
  return path === '' ? undefined : path;
}

/** `/references/work/<id>/`: the page of a work cited by two or more articles. */
export function workPagePath(work: Pick<CitedWork, 'id'>): string {
  return `/references/work/${work.id}/`;
}

/** Whether a work has a page of its own: it is cited by two or more articles. */
export function hasWorkPage(work: Pick<CitedWork, 'citing'>): boolean {
  return work.citing.length >= 2;
}

/** The lines a work shows on a list: its label and meta, each citing article listed, its badges. */
function workLines(work: CitedWork): number {
  const shown = work.citing.slice(0, PAGE_SIZE.workCiting);
  return 2 + shown.reduce((sum, { places }) => sum + 1 + places.length / 5, 0) + (work.inCorpus === null ? 0 : 1) + (work.labels.length > 1 ? 1 : 0);
}

/** Works in their own order (most cited first), or by their label (byName). */
function sortWorks(works: readonly CitedWork[], sort: WorkSort): CitedWork[] {
  return sort === 'count' ? [...works] : [...works].sort(byName);
}

/** The pages of one view of `works` (in their own order, most cited first). */
export function viewPages(works: readonly CitedWork[], view: WorksView): WorksPage[] {
  const chosen = sortWorks(view.domain === null ? works : works.filter((work) => domainSegment(work.domain) === domainSegment(view.domain!)), view.sort);
  const pages = packPages(chosen, workLines, PAGE_LINES, PAGE_WORKS);
  return pages.map((shown, i) => ({ view, page: i + 1, last: pages.length, total: chosen.length, works: shown }));
}

/** The domains of the works, most works first, then by name (workDomains), each once by its path segment. */
export function domainsOf(works: readonly CitedWork[]): { domain: string; count: number }[] {
  const bySegment = new Map<string, { domain: string; count: number }>();
  for (const { domain, count } of workDomains(works)) {
    const entry = bySegment.get(domainSegment(domain));
    if (entry === undefined) bySegment.set(domainSegment(domain), { domain, count });
    else entry.count += count;
  }
  return [...bySegment.values()];
}

/** Every page of every view: all works in both orders, then each domain's (by name only where it has two works or more). */
export function referenceViews(works: readonly CitedWork[]): WorksPage[] {
  const views: WorksView[] = [
    { sort: 'count', domain: null },
    { sort: 'name', domain: null },
    ...domainsOf(works).flatMap(({ domain, count }): WorksView[] => [
      { sort: 'count', domain },
      ...(count >= 2 ? [{ sort: 'name', domain } satisfies WorksView] : []),
    ]),
  ];
  return views.flatMap((view) => viewPages(works, view));
}

/** Domains offered as links on every page of a list (the most works first); the rest are on /references/domains/. */
export const DOMAIN_LINKS = 8;

/** Domains listed on each page of /references/domains/. */
export const DOMAINS_PAGE = 400;

/** `/references/domains/` or its page `page`. */
export function domainsPath(page = 1): string {
  return page > 1 ? `/references/domains/page/${page}/` : '/references/domains/';
}

/** What a work's row shows, for a page's cache key (src/utils/page-keys.ts): each article it names by its entry's digest. */
export function workKeyData(work: CitedWork, digests: ReadonlyMap<string, string>): unknown {
  const { inCorpus, citing, ...rest } = work;
  return {
    ...rest,
    inCorpus: inCorpus === null ? null : digests.get(inCorpus.slug),
    citing: citing.map(({ article, places }) => ({ article: digests.get(article.slug), places })),
  };
}
