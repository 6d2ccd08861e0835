/** Display helpers shared by pages: dates and bylines, never inventing what is unknown. */
import type { Article } from '../schemas/article.ts';

// One formatter for the whole build: constructing an Intl.DateTimeFormat costs far more than using one, and
// dates are formatted tens of thousands of times in a large corpus (bylines, citations, topic pages).
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2 March 2026" for an ISO date, in UTC so the build machine's zone never shows; "undated" for null. */
export function formatDate(iso: string | null): string {
  if (iso === null) return 'undated';
  return DATE_FORMAT.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
}

/** Outlet name, or "unknown outlet". */
export function outletName(article: Pick<Article, 'outlet'>): string {
  return article.outlet ?? 'unknown outlet';
}
