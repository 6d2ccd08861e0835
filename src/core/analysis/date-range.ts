/**
 * A date range for the concordance's URL (`?q=IAEA&from=2026-03-01&to=2026-03-31`, or `&dated=no` for the undated
 * articles only): what a point of a trend opens. Read from and written to URL parameters, tested against an
 * article's ISO date (its day in UTC, as the site dates it), and named for the reader. Pure.
 * readDateRange(new URLSearchParams('from=2026-03-01&to=2026-03-31')) -> { from: '2026-03-01', to: '2026-03-31', undated: false }
 */
import { utcDayOf } from './periods.ts';

export interface DateRange {
  /** First and last day, inclusive (ISO dates); null for no bound. */
  from: string | null;
  to: string | null;
  /** Only the undated articles. */
  undated: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The range in URL parameters; a malformed day is no bound. */
export function readDateRange(params: URLSearchParams): DateRange {
  const day = (name: string) => {
    const value = params.get(name);
    return value !== null && DAY.test(value) ? value : null;
  };
  return { from: day('from'), to: day('to'), undated: params.get('dated') === 'no' };
}

/** Write a range into URL parameters (nothing for no range). */
export function writeDateRange(params: URLSearchParams, range: DateRange): void {
  if (range.undated) params.set('dated', 'no');
  else {
    if (range.from) params.set('from', range.from);
    if (range.to) params.set('to', range.to);
  }
}

/** True when the range filters anything. */
export function hasDateRange(range: DateRange): boolean {
  return range.undated || range.from !== null || range.to !== null;
}

/** True when an article of date `iso` (null: undated) is in the range. */
export function inDateRange(iso: string | null, range: DateRange): boolean {
  if (range.undated) return iso === null;
  if (!hasDateRange(range)) return true;
  if (iso === null) return false;
  const day = utcDayOf(iso);
  return (range.from === null || day >= range.from) && (range.to === null || day <= range.to);
}

const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const named = (day: string) => long.format(new Date(`${day}T00:00:00Z`));

/** The range for the reader: 'undated articles', 'articles dated 1 March 2026 to 31 March 2026', 'articles dated from 1 March 2026'. */
export function describeDateRange(range: DateRange): string {
  if (range.undated) return 'undated articles';
  if (range.from && range.to)
    return range.from === range.to ? `articles dated ${named(range.from)}` : `articles dated ${named(range.from)} to ${named(range.to)}`;
  if (range.from) return `articles dated from ${named(range.from)}`;
  if (range.to) return `articles dated up to ${named(range.to)}`;
  return 'all articles';
}
