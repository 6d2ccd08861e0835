/**
 * The date of this build, which the citation downloads give as the date accessed (CSL `accessed`, biblatex
 * `urldate`) and the article page says is the build's: `SOURCE_DATE_EPOCH` when set (the reproducible-builds
 * convention: scripts/test/check-reproducible.ts sets it for its second build to the first one's date), else the day the
 * build runs, in UTC, so the machine's time zone never changes it.
 * buildDate({ SOURCE_DATE_EPOCH: '1765065600' }, now) -> "2025-12-07"
 */

/** `YYYY-MM-DD` (UTC) of `SOURCE_DATE_EPOCH` (seconds since 1970) when it is a whole number, else of `now`. */
function buildDate(env: Readonly<Record<string, string | undefined>>, now: Date): string {
  const epoch = env['SOURCE_DATE_EPOCH']?.trim();
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return date.toISOString().slice(0, 10);
}

/** This build's date, read once when the site is built. */
export const BUILD_DATE = buildDate(process.env, new Date());
