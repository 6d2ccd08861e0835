/**
 * Feed dates -> ISO 8601 in UTC, independent of the machine's time zone.
 * "Mon, 02 Mar 2026 13:53:04 GMT" -> "2026-03-02T13:53:04Z"; "2026-01-14" -> "2026-01-14"; "soon" -> null
 * Only Date.UTC and toISOString are used, never the local-time Date API, so TZ cannot change a result
 * (tests/unit/stages.test.ts runs the table under other zones to prove it). Accepted: ISO 8601 dates and
 * timestamps (no zone = UTC), RFC 822/2822 with or without weekday (full names too) and seconds, numeric
 * zones and the RFC 822 names UT, GMT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT; two-digit years 00-49 are
 * 20xx and 50-99 19xx. A date without a time stays a calendar date. Anything else (other zone names such
 * as CEST, which are ambiguous, or prose) is null and the item is shown as undated, with a warning.
 * Hand-written: Date.parse is implementation-defined beyond ISO and reads a zone-less date-time in local
 * time; these feed rules (full names, two-digit years, ambiguous zones refused) are a short table, not a library.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 zone names and their offsets in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** Parse an RFC 822/2822 (RSS) or ISO 8601 (Atom, dc:date) date; null when it cannot be read. */
export function parseFeedDate(value: string): string | null {
  const text = value.trim();
  return parseIsoDate(text) ?? parseRfc822Date(text);
}

function parseIsoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', zone] = match;
  if (hour === undefined) return validDay(Number(year), Number(month), Number(day)) ? `${year}-${month}-${day}` : null;
  // A timestamp without a zone is read as UTC, so the result never depends on where the build runs.
  const offset = zone === undefined ? 0 : zoneOffset(zone);
  if (offset === null) return null;
  return toIso(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second), offset);
}

function parseRfc822Date(text: string): string | null {
  const match =
    /^(?:[A-Za-z]{3,9}\.?,?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{2}|\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?)?$/.exec(
      text,
    );
  if (!match) return null;
  const [, day, monthName, rawYear, hour, minute, second = '00', zone] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  if (month === 0) return null;
  // RFC 2822 section 4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999.
  let year = Number(rawYear);
  if (rawYear!.length === 2) year += year < 50 ? 2000 : 1900;
  if (hour === undefined) {
    return validDay(year, month, Number(day)) ? `${year}-${pad(month)}-${pad(Number(day))}` : null;
  }
  const offset = zone === undefined ? 0 : zoneOffset(zone);
  if (offset === null) return null;
  return toIso(year, month, Number(day), Number(hour), Number(minute), Number(second), offset);
}

function zoneOffset(zone: string): number | null {
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toIso(year: number, month: number, day: number, hour: number, minute: number, second: number, offset: number): string | null {
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
