/**
 * URLs as feeds give them: resolved against xml:base or the channel link, and checked to be web addresses.
 * resolveUrl("a.html", "https://x.org/b/") -> "https://x.org/b/a.html"; toWebUrl("ftp://x") -> null
 * resolveLink("/a", [{ what: "the feed's alternate link", base: "https://x.org/" }]) -> { link: "https://x.org/a", note: null }
 */

/** `value` resolved against `base` when it is relative and a base is known; otherwise as given. */
export function resolveUrl(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  if (base === null || URL.canParse(value)) return value;
  return URL.parse(value, base)?.href ?? value;
}

/** The value when it is an absolute http(s) URL, else null. */
export function toWebUrl(value: string | null): string | null {
  if (value === null) return null;
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}

/** One base an item's link may resolve against, named for the warning when none does. */
export interface LinkBase {
  /** "xml:base", "the feed's alternate link", ...: how the warning names it. */
  what: string;
  base: string | null;
}

/**
 * An item's link resolved against the first base that makes it an absolute web URL, in the order given
 * (xml:base, then the feed's alternate link, then its self link); when none does, the link as given and a
 * note saying what was tried.
 */
export function resolveLink(value: string | null, bases: readonly LinkBase[]): { link: string | null; note: string | null } {
  if (value === null || toWebUrl(value) !== null) return { link: value, note: null };
  for (const { base } of bases) {
    const web = toWebUrl(base);
    if (web === null) continue;
    const resolved = toWebUrl(URL.parse(value, web)?.href ?? null);
    if (resolved !== null) return { link: resolved, note: null };
  }
  if (URL.canParse(value)) return { link: value, note: `link "${value}" is not a web address (http or https)` };
  const tried = bases.map(({ what, base }) => (base === null ? `no ${what}` : `${what} "${base}" is not absolute`));
  return { link: value, note: `link "${value}" is relative and nothing in the feed resolves it (${tried.join('; ')})` };
}
