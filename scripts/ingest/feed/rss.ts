/**
 * RSS 2.0, 0.9x and 1.0 (RDF) channel and items -> ParsedFeed. Descriptions and content are HTML already.
 * <channel><title>T</title><item><title>A</title><guid>https://x.org/a</guid></item></channel>
 *   -> { channel: { title: "T", ... }, items: [{ index: 1, title: "A", guid: "https://x.org/a", link: "https://x.org/a", ... }] }
 */
import { parseFeedDate } from '../dates.ts';
import type { ParsedFeed } from './parse-feed.ts';
import { readMediaDescription } from './atom.ts';
import { readOriginalEnclosure, readOriginalLink } from './feedburner.ts';
import { resolveLink, resolveUrl, toWebUrl } from './urls.ts';
import { textToHtml } from './xhtml.ts';
import { readAttribute, findChild, findChildren, joinNames, readText, type XmlElement } from './xml-tree.ts';

/** Read an RSS channel and its items (RSS 1.0 keeps its items beside the channel, so they come apart). */
export function readRss(channel: XmlElement, items: XmlElement[]): ParsedFeed {
  const channelLink = toWebUrl(resolveUrl(readText(findChild(channel, 'link')), channel.base));
  // RSS 2.0 feeds often carry Atom's self link (atom:link rel="self"): the address the feed itself is served at.
  const selfLink = toWebUrl(
    resolveUrl(
      readAttribute(
        findChildren(channel, 'atom:link').find((link) => readAttribute(link, 'rel') === 'self'),
        'href',
      ),
      channel.base,
    ),
  );
  // A podcast names its author on the channel (itunes:author); items without one of their own carry it.
  const channelAuthor = readText(findChild(channel, 'itunes:author')) ?? readText(findChild(channel, 'dc:creator'));
  return {
    channel: {
      title: readText(findChild(channel, 'title')),
      description: readText(findChild(channel, 'description')) ?? plainToHtml(readText(findChild(channel, 'itunes:summary'))),
      link: channelLink,
      copyright: readText(findChild(channel, 'copyright')) ?? readText(findChild(channel, 'dc:rights')),
      language: readText(findChild(channel, 'language')) ?? readText(findChild(channel, 'dc:language')),
      image: resolveUrl(readText(findChild(findChild(channel, 'image'), 'url')), channel.base ?? channelLink),
    },
    items: items.map((item, position) => {
      const base = item.base ?? channelLink;
      const rawDate = readText(findChild(item, 'pubDate')) ?? readText(findChild(item, 'dc:date'));
      const enclosure = findChild(item, 'enclosure');
      const enclosureType = readAttribute(enclosure, 'type');
      const guidElement = findChild(item, 'guid');
      const guid = readText(guidElement) ?? readAttribute(item, 'rdf:about');
      const resolved = resolveLink(readText(findChild(item, 'link')) ?? readAttribute(findChild(item, 'link'), 'href'), [
        { what: 'xml:base', base: item.base },
        { what: "the channel's <link>", base: channelLink },
        { what: "the feed's self link", base: selfLink },
      ]);
      let link = resolved.link;
      // RSS 2.0: a guid is the item's permalink unless isPermaLink="false".
      if (link === null && guid !== null && readAttribute(guidElement, 'isPermaLink') !== 'false' && toWebUrl(guid) !== null) link = guid;
      const original = readOriginalLink(item, link);
      const content = findChild(item, 'content:encoded');
      const ownAuthor =
        joinNames(findChildren(item, 'dc:creator').map(readText)) ??
        authorName(readText(findChild(item, 'author'))) ??
        readText(findChild(item, 'itunes:author'));
      const notes = ownAuthor === null && channelAuthor !== null ? [`names no author: the byline is the channel's own author ("${channelAuthor}")`] : [];
      if (original.note !== null) notes.push(original.note);
      return {
        index: position + 1,
        title: readText(findChild(item, 'title')),
        // Podcasts and media feeds may give their text only as itunes:summary or Media RSS (plain text both).
        description: readText(findChild(item, 'description')) ?? plainToHtml(readText(findChild(item, 'itunes:summary'))) ?? readMediaDescription(item),
        link: original.link,
        linkNote: original.feedLink === null && link === resolved.link ? resolved.note : null,
        feedLink: original.feedLink,
        guid,
        author: ownAuthor ?? channelAuthor,
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image:
          enclosureType === null || enclosureType.startsWith('image/') ? readOriginalEnclosure(item, resolveUrl(readAttribute(enclosure, 'url'), base)) : null,
        html: readText(content),
        contentBase: content?.base ?? item.base,
        notes,
      };
    }),
  };
}

/** A plain-text field (itunes:summary) as HTML paragraphs; null when absent or empty. */
function plainToHtml(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : textToHtml(text);
}

/** RSS 2.0 `<author>` is an e-mail address, often with the name in parentheses: keep the name. */
function authorName(value: string | null): string | null {
  if (value === null) return null;
  return /^\S+@\S+\s*\((.+)\)$/.exec(value)?.[1]?.trim() ?? value;
}
