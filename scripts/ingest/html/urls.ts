/**
 * Which URLs in feed HTML may stay: absolute http(s) ones, after resolving against the item's base URL.
 * toSafeHttpUrl("/a", new URL("https://x.org/b")) -> "https://x.org/a"; toSafeHttpUrl("javascript:x", null) -> null
 */
import type { Notes } from './conversion.ts';

/** Parses the optional base URL; one that is not absolute http(s) (it comes from the feed) is ignored with a note. */
export function parseBaseUrl(baseUrl: string | undefined, notes: Notes): URL | null {
  if (baseUrl === undefined) return null;
  const url = URL.parse(baseUrl);
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return url;
  notes.add('unusable base URL (relative links kept as text)');
  return null;
}

/** Returns the absolute http(s) form of a URL attribute, or null if it has none. */
export function toSafeHttpUrl(value: unknown, baseUrl: URL | null): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const url = URL.parse(value, baseUrl ?? undefined);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}

/** Whether a URL attribute is a relative reference (no scheme), such as `page.html`, `/about` or `#notes`. */
export function isRelativeUrl(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && !URL.canParse(value.trim()) && URL.canParse(value.trim(), 'https://base.invalid/');
}
