/**
 * URLs as feeds give them: resolved against xml:base or the channel link, and checked to be web addresses.
 * resolveUrl("a.html", "https://x.org/b/") -> "https://x.org/b/a.html"; toWebUrl("ftp://x") -> null
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
