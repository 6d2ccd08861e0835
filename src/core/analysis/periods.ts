/**
 * Periods of time for the charts: which grain a corpus's span calls for (week, month, quarter or year), the
 * period a date falls in, every period between two (so an empty one is shown as empty, not left out), each
 * period's first and last day, and its name. Calendar arithmetic is d3-time's (UTC, weeks from Monday), so no
 * month length or leap year is worked out by hand here. Pure.
 * periodOf('2026-03-02T10:00:00Z', 'month') -> '2026-03';  periodDays('2026-Q1', 'quarter') -> { from: '2026-01-01', to: '2026-03-31' }
 */
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';

export type Grain = 'week' | 'month' | 'quarter' | 'year';

const utcQuarter: TimeInterval = utcMonth.every(3)!;
const INTERVAL: Record<Grain, TimeInterval> = { week: utcMonday, month: utcMonth, quarter: utcQuarter, year: utcYear };

/** The day of an ISO date or date-time in UTC, as the site dates articles (src/utils/format.ts): '2026-03-02T23:30:00-05:00' -> '2026-03-03'. */
export function utcDayOf(iso: string): string {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toISOString().slice(0, 10);
}

function dayOf(iso: string): Date {
  return new Date(`${utcDayOf(iso)}T00:00:00Z`);
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A period's key: the week's Monday ('2026-03-02'), '2026-03', '2026-Q1' or '2026'. */
function keyOf(start: Date, grain: Grain): string {
  const year = String(start.getUTCFullYear());
  if (grain === 'year') return year;
  if (grain === 'quarter') return `${year}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
  if (grain === 'month') return `${year}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  return day(start);
}

function startOf(key: string, grain: Grain): Date {
  if (grain === 'year') return new Date(`${key}-01-01T00:00:00Z`);
  if (grain === 'quarter') return new Date(Date.UTC(Number(key.slice(0, 4)), (Number(key.slice(6)) - 1) * 3, 1));
  if (grain === 'month') return new Date(`${key}-01T00:00:00Z`);
  return new Date(`${key}T00:00:00Z`);
}

/** The period an ISO date falls in. */
export function periodOf(iso: string, grain: Grain): string {
  return keyOf(INTERVAL[grain].floor(dayOf(iso)), grain);
}

/** A period's first and last day (ISO dates, both in it). */
export function periodDays(key: string, grain: Grain): { from: string; to: string } {
  const start = startOf(key, grain);
  return { from: day(start), to: day(utcDay.offset(INTERVAL[grain].offset(start, 1), -1)) };
}

/** Every period from the one of `first` to the one of `last` (ISO dates), in order. */
export function periodsBetween(first: string, last: string, grain: Grain): string[] {
  const interval = INTERVAL[grain];
  return interval.range(interval.floor(dayOf(first)), interval.offset(interval.floor(dayOf(last)), 1)).map((start) => keyOf(start, grain));
}

/**
 * The grain for a span: the finest of `grains` that gives at most `maxPeriods` periods from `first` to `last`
 * (the coarsest when none does). Trends offer month, quarter, year; the time line week and month.
 */
export function chooseGrain(first: string, last: string, grains: readonly Grain[], maxPeriods: number): Grain {
  return grains.find((grain) => periodsBetween(first, last, grain).length <= maxPeriods) ?? grains.at(-1)!;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A period's name in prose: 'March 2026', 'the first quarter of 2026', '2026', 'the week of 2 March 2026'. */
export function periodName(key: string, grain: Grain): string {
  const start = startOf(key, grain);
  const year = start.getUTCFullYear();
  if (grain === 'year') return String(year);
  if (grain === 'quarter') return `${['the first', 'the second', 'the third', 'the fourth'][Math.floor(start.getUTCMonth() / 3)]} quarter of ${year}`;
  if (grain === 'month') return `${MONTHS[start.getUTCMonth()]} ${year}`;
  return `the week of ${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]} ${year}`;
}

/** A period's short name for an axis or a table: 'Mar 2026', 'Q1 2026', '2026', '2 Mar 2026' (the week's Monday). */
export function periodLabel(key: string, grain: Grain): string {
  const start = startOf(key, grain);
  const month = MONTHS[start.getUTCMonth()]!.slice(0, 3);
  if (grain === 'year') return String(start.getUTCFullYear());
  if (grain === 'quarter') return `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
  if (grain === 'month') return `${month} ${start.getUTCFullYear()}`;
  return `${start.getUTCDate()} ${month} ${start.getUTCFullYear()}`;
}
