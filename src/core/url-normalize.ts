/**
 * A web address reduced to a comparison key, so that two spellings of one page compare equal: the link an
 * author wrote and the address the corpus knows for an article (its URL, its feed guid). The fragment is
 * kept apart, because it names a place in the page, not the page.
 * "http://www.Example.com/p/essay/?utm_source=x&b=2&a=1#part" -> { key: "example.com/p/essay?a=1&b=2", fragment: "part" }
 *
 * Why hand-written: the parsing is the platform's WHATWG URL parser (scheme, host case and punycode, default
 * ports, dot segments, percent-encoding); what is left are the few rules below. normalize-url (npm) applies
 * most of the generic ones, but it makes an address to show, not a key: it keeps http and https apart
 * unless told to rewrite the scheme, it knows none of the aliases a publisher gives one post (Substack's
 * reader links), and it would be a dependency for some twenty lines.
 *
 * The rules, each of which leaves the page a server returns the same:
 * - http and https, `www.` or not, a trailing dot on the host: one page;
 * - a trailing slash on the path: none (`/p/essay/` is `/p/essay`; the root is the empty path);
 * - percent-escapes of unreserved characters decoded, the others upper-cased (RFC 3986, 6.2.2);
 * - tracking parameters dropped (`utm_*` and the click ids below), the others sorted by name;
 * - Substack's reader address `open.substack.com/pub/<name>/p/<post>` is `<name>.substack.com/p/<post>`;
 * - twitter.com and mobile.twitter.com are x.com, and its share parameters (`s`, `t`) are dropped there;
 * - an address that names a DOI or an arXiv id (src/core/work-ids.ts: doi.org and dx.doi.org; arXiv's abs, pdf and
 *   html pages, any version) is keyed by it, `doi.org/<doi>` or `arxiv.org/abs/<id>`, whatever its query.
 */
import { identifierInUrl, identifierUrl } from './work-ids.ts';

/** A comparison key and the fragment the address had (decoded; null when none). */
export interface NormalizedUrl {
  key: string;
  fragment: string | null;
}

/** Query parameters that only say where a reader came from: never a different page. */
const TRACKING = /^(?:utm_.+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|_ga|_gl)$/i;

/** Hosts that are another's, and the share parameters of a host (never a different page there). */
const ALIASES: Readonly<Record<string, string>> = { 'twitter.com': 'x.com', 'mobile.twitter.com': 'x.com', 'mobile.x.com': 'x.com' };
const SHARE: Readonly<Record<string, RegExp>> = { 'x.com': /^(?:s|t)$/ };

/** RFC 3986 unreserved characters: a percent-escape of one of them is the character itself. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The key of an absolute http(s) address, or null for anything else (a relative link, `mailto:`, not a URL).
 * normalizeUrl("https://open.substack.com/pub/name/p/post?r=1") -> { key: "name.substack.com/p/post?r=1", fragment: null }
 */
export function normalizeUrl(href: string): NormalizedUrl | null {
  const url = URL.parse(href.trim());
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  const identifier = identifierInUrl(url);
  if (identifier !== null) return { key: identifierUrl(identifier).replace(/^https:\/\//, ''), fragment: decodeFragment(url.hash) };
  let host = url.hostname.replace(/\.$/, '').replace(/^www\./, '');
  let path = normalizeEscapes(url.pathname).replace(/\/+$/, '');
  const reader = host === 'open.substack.com' ? /^\/pub\/([a-z0-9-]+)(\/p\/.+)$/i.exec(path) : null;
  if (reader) {
    host = `${reader[1]!.toLowerCase()}.substack.com`;
    path = reader[2]!;
  }
  host = ALIASES[host] ?? host;
  const share = SHARE[host];
  const port = url.port === '' ? '' : `:${url.port}`;
  const query = [...url.searchParams]
    .filter(([name]) => !TRACKING.test(name) && share?.test(name) !== true)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return { key: `${host}${port}${path}${query === '' ? '' : `?${query}`}`, fragment: decodeFragment(url.hash) };
}

/** `%7e` -> `~`, `%2f` -> `%2F`: one spelling per character (RFC 3986, 6.2.2.1 and 6.2.2.2). */
function normalizeEscapes(path: string): string {
  return path.replace(/%([0-9a-f]{2})/gi, (escape: string, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : escape.toUpperCase();
  });
}

/** The fragment as the id it names ("#caf%C3%A9" -> "café"); null when empty; as written when it is not valid UTF-8. */
function decodeFragment(hash: string): string | null {
  const raw = hash.slice(1);
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
