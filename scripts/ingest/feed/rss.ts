/**
 * RSS 2.0, 0.9x and 1.0 (RDF) channel and items -> ParsedFeed. Descriptions and content are HTML already.
 * <channel><title>T</title><item><title>A</title><guid>https://x.org/a</guid></item></channel>
 *   -> { channel: { title: "T", ... }, items: [{ index: 1, title: "A", guid: "https://x.org/a", link: "https://x.org/a", ... }] }
 */
import { parseFeedDate } from '../dates.ts';
import type { ParsedFeed } from './parse-feed.ts';
import { resolveUrl, toWebUrl } from './urls.ts';
import { readAttribute, findChild, findChildren, joinNames, readText, type XmlElement } from './xml-tree.ts';

/** Read an RSS channel and its items (RSS 1.0 keeps its items beside the channel, so they come apart). */
export function readRss(channel: XmlElement, items: XmlElement[]): ParsedFeed {
  const channelLink = toWebUrl(resolveUrl(readText(findChild(channel, 'link')), channel.base));
  return {
    channel: {
      title: readText(findChild(channel, 'title')),
      description: readText(findChild(channel, 'description')),
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
      let link = resolveUrl(readText(findChild(item, 'link')) ?? readAttribute(findChild(item, 'link'), 'href'), base);
      // RSS 2.0: a guid is the item's permalink unless isPermaLink="false".
      if (link === null && guid !== null && readAttribute(guidElement, 'isPermaLink') !== 'false' && toWebUrl(guid) !== null) link = guid;
      const content = findChild(item, 'content:encoded');
      return {
        index: position + 1,
        title: readText(findChild(item, 'title')),
        description: readText(findChild(item, 'description')),
        link,
        guid,
        author: joinNames(findChildren(item, 'dc:creator').map(readText)) ?? authorName(readText(findChild(item, 'author'))),
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image: enclosureType === null || enclosureType.startsWith('image/') ? resolveUrl(readAttribute(enclosure, 'url'), base) : null,
        html: readText(content),
        contentBase: content?.base ?? item.base,
        notes: [],
      };
    }),
  };
}

/** RSS 2.0 `<author>` is an e-mail address, often with the name in parentheses: keep the name. */
function authorName(value: string | null): string | null {
  if (value === null) return null;
  return /^\S+@\S+\s*\((.+)\)$/.exec(value)?.[1]?.trim() ?? value;
}
