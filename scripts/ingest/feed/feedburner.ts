/**
 * FeedBurner's record of the publisher's own addresses. A feed served through FeedBurner gives each item a
 * `<link>` to a FeedBurner redirect (`feeds.feedburner.com/~r/…`, `feedproxy.google.com/~r/…`, a publisher's
 * `feeds.<host>/~r/…`), which no longer resolves, and the real address in `feedburner:origLink` (an enclosure's in
 * `feedburner:origEnclosureLink`). The real address wins; the redirect is kept as the item's `feedLink`, for provenance.
 * <item><link>http://feeds.x.com/~r/a/~3/b</link><feedburner:origLink>https://x.com/a</feedburner:origLink></item>
 *   -> { link: "https://x.com/a", feedLink: "http://feeds.x.com/~r/a/~3/b", note: null }
 * Hand-written: feed parsers that read the extension (Python's feedparser) are not JavaScript, and the rule is four lines.
 */
import { toWebUrl } from './urls.ts';
import { findChild, readText, type XmlElement } from './xml-tree.ts';

/** An item's address: its origLink when that is a web address, with the link the feed gave kept beside it. */
export interface OriginalLink {
  link: string | null;
  /** The link as the feed gave it, when origLink replaced it; null otherwise. */
  feedLink: string | null;
  /** Why an origLink present was not used (for the curator); null when none was or it was used. */
  note: string | null;
}

/** `link` (the item's own, resolved), or the item's `feedburner:origLink` when it gives a web address. */
export function readOriginalLink(item: XmlElement, link: string | null): OriginalLink {
  const given = readText(findChild(item, 'feedburner:origLink'));
  if (given === null) return { link, feedLink: null, note: null };
  const original = toWebUrl(given);
  if (original === null) return { link, feedLink: null, note: `feedburner:origLink "${given}" is not a web address: the item's own link is used` };
  return { link: original, feedLink: original === link ? null : link, note: null };
}

/** An enclosure's address: `feedburner:origEnclosureLink` when it gives a web address, else `url` as the feed gave it. */
export function readOriginalEnclosure(item: XmlElement, url: string | null): string | null {
  return toWebUrl(readText(findChild(item, 'feedburner:origEnclosureLink'))) ?? url;
}
