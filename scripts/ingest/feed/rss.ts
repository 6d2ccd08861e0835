/**
 * RSS 2.0, 0.9x and 1.0 (RDF) channel and items -> ParsedFeed. Descriptions and content are HTML already.
 * <channel><title>T</title><item><title>A</title><guid>https://x.org/a</guid></item></channel>
 *   -> { channel: { title: "T", ... }, items: [{ index: 1, title: "A", guid: "https://x.org/a", link: "https://x.org/a", ... }] }
 */
import { parseFeedDate } from '../dates.ts';
import type { ParsedFeed } from './parse-feed.ts';
import { resolveUrl, webUrl } from './urls.ts';
import { attribute, child, children, joinNames, text, type XmlElement } from './xml-tree.ts';

/** Read an RSS channel and its items (RSS 1.0 keeps its items beside the channel, so they come apart). */
export function readRss(channel: XmlElement, items: XmlElement[]): ParsedFeed {
  const channelLink = webUrl(resolveUrl(text(child(channel, 'link')), channel.base));
  return {
    channel: {
      title: text(child(channel, 'title')),
      description: text(child(channel, 'description')),
      link: channelLink,
      copyright: text(child(channel, 'copyright')) ?? text(child(channel, 'dc:rights')),
      language: text(child(channel, 'language')) ?? text(child(channel, 'dc:language')),
      image: resolveUrl(text(child(child(channel, 'image'), 'url')), channel.base ?? channelLink),
    },
    items: items.map((item, position) => {
      const base = item.base ?? channelLink;
      const rawDate = text(child(item, 'pubDate')) ?? text(child(item, 'dc:date'));
      const enclosure = child(item, 'enclosure');
      const enclosureType = attribute(enclosure, 'type');
      const guidElement = child(item, 'guid');
      const guid = text(guidElement) ?? attribute(item, 'rdf:about');
      let link = resolveUrl(text(child(item, 'link')) ?? attribute(child(item, 'link'), 'href'), base);
      // RSS 2.0: a guid is the item's permalink unless isPermaLink="false".
      if (link === null && guid !== null && attribute(guidElement, 'isPermaLink') !== 'false' && webUrl(guid) !== null) link = guid;
      const content = child(item, 'content:encoded');
      return {
        index: position + 1,
        title: text(child(item, 'title')),
        description: text(child(item, 'description')),
        link,
        guid,
        author: joinNames(children(item, 'dc:creator').map(text)) ?? authorName(text(child(item, 'author'))),
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image: enclosureType === null || enclosureType.startsWith('image/') ? resolveUrl(attribute(enclosure, 'url'), base) : null,
        html: text(content),
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
