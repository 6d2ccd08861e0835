/**
 * Atom 1.0 (RFC 4287, and Atom 0.3's names for dates) feed and entries -> ParsedFeed. Text constructs come
 * out as HTML by their `type`: text is escaped, html decoded once, xhtml serialized (xhtml.ts).
 * <feed><title>T</title><entry><title type="html">A &amp;amp; B</title></entry></feed>
 *   -> { channel: { title: "T", ... }, items: [{ index: 1, title: "A &amp; B", ... }] }
 */
import { parseFeedDate } from '../dates.ts';
import { readOriginalEnclosure, readOriginalLink } from './feedburner.ts';
import type { ParsedFeed } from './parse-feed.ts';
import { resolveLink, resolveUrl } from './urls.ts';
import { serializeXhtml, textToHtml } from './xhtml.ts';
import { readAttribute, findChild, findChildren, joinNames, toLocalName, readText, type XmlElement } from './xml-tree.ts';

/** Read an Atom feed element and its entries. */
export function readAtom(feed: XmlElement): ParsedFeed {
  const feedAuthors = readAuthors(feed);
  const alternate = findLink(feed, 'alternate');
  const self = findLink(feed, 'self');
  return {
    channel: {
      title: readTextConstruct(findChild(feed, 'title')).html,
      description: readTextConstruct(findChild(feed, 'subtitle') ?? findChild(feed, 'tagline')).html,
      link: alternate,
      copyright: readTextConstruct(findChild(feed, 'rights') ?? findChild(feed, 'copyright')).html,
      language: readAttribute(feed, 'xml:lang'),
      image: resolveUrl(readText(findChild(feed, 'logo')) ?? readText(findChild(feed, 'icon')), feed.base),
    },
    items: findChildren(feed, 'entry').map((entry, position) => {
      const rawDate =
        readText(findChild(entry, 'published')) ??
        readText(findChild(entry, 'updated')) ??
        readText(findChild(entry, 'issued')) ??
        readText(findChild(entry, 'modified'));
      const contentElement = findChild(entry, 'content');
      const content = readTextConstruct(contentElement, 'content');
      const summary = readTextConstruct(findChild(entry, 'summary'));
      const notes = [...content.notes, ...summary.notes];
      const ownAuthors = readAuthors(entry) ?? readAuthors(findChild(entry, 'source'));
      // Marked where it is used: the byline is the feed's, not one the entry gives.
      if (ownAuthors === null && feedAuthors !== null)
        notes.push(`names no author: the byline is the feed's own <author> ("${feedAuthors}"), as Atom says (RFC 4287, 4.2.1)`);
      // findLink has applied xml:base already; the feed's own links come next.
      const link = resolveLink(findLink(entry, 'alternate'), [
        { what: 'xml:base', base: entry.base },
        { what: "the feed's alternate link", base: alternate },
        { what: "the feed's self link", base: self },
      ]);
      const original = readOriginalLink(entry, link.link);
      if (original.note !== null) notes.push(original.note);
      return {
        index: position + 1,
        title: readTextConstruct(findChild(entry, 'title')).html,
        // YouTube and other media feeds put the text in Media RSS: media:group/media:description (plain text).
        description: summary.html ?? readMediaDescription(entry),
        link: original.link,
        linkNote: original.feedLink === null ? link.note : null,
        feedLink: original.feedLink,
        guid: readText(findChild(entry, 'id')),
        // An entry without authors takes the feed's (RFC 4287 section 4.2.1).
        author: ownAuthors ?? feedAuthors,
        rawDate,
        publishedAt: rawDate === null ? null : parseFeedDate(rawDate),
        image: readOriginalEnclosure(entry, findLink(entry, 'enclosure', /^image\//)),
        html: content.html,
        contentBase: contentElement?.base ?? entry.base,
        // xml:lang is inherited: an entry without its own speaks the feed's.
        language: readAttribute(entry, 'xml:lang'),
        notes,
      };
    }),
  };
}

/** Media RSS text of an entry (media:group/media:description, or media:description), as HTML paragraphs; null when empty. */
export function readMediaDescription(element: XmlElement): string | null {
  const description = findChild(findChild(element, 'media:group'), 'media:description') ?? findChild(element, 'media:description');
  const text = readText(description);
  if (text === null || text.trim() === '') return null;
  // Media RSS says type="plain" unless it says "html".
  return readAttribute(description, 'type') === 'html' ? text : textToHtml(text);
}

function readAuthors(element: XmlElement | undefined): string | null {
  return joinNames(findChildren(element, 'author').map((author) => readText(findChild(author, 'name')) ?? readText(author)));
}

/**
 * An Atom text construct (title, summary, content, rights) as HTML, by its `type`:
 * `text` is escaped (blank lines separate paragraphs), `html` is the decoded markup, `xhtml` is the
 * inner XHTML serialized as HTML. Other media types are left out with a note.
 */
function readTextConstruct(element: XmlElement | undefined, role: 'content' | 'text' = 'text'): { html: string | null; notes: string[] } {
  if (element === undefined) return { html: null, notes: [] };
  const type = (readAttribute(element, 'type') ?? 'text').toLowerCase();
  const src = readAttribute(element, 'src');
  if (role === 'content' && src !== null) {
    return { html: null, notes: [`content is not in the feed (it links to ${src}); the summary is used instead`] };
  }
  if (type === 'html' || type === 'text/html') return { html: readText(element), notes: [] };
  if (type === 'xhtml' || /[+/]xml$/.test(type)) {
    // The content is the children of one xhtml:div wrapper (RFC 4287 section 3.1.1.3).
    const elements = element.children.filter((node): node is XmlElement => typeof node !== 'string');
    const wrapper = elements.length === 1 && toLocalName(elements[0]!.name) === 'div' ? elements[0]! : null;
    const html = serializeXhtml(wrapper ? wrapper.children : element.children).trim();
    return { html: html === '' ? null : html, notes: [] };
  }
  if (type === 'text' || type.startsWith('text/')) {
    const value = readText(element);
    return { html: value === null ? null : textToHtml(value), notes: [] };
  }
  return { html: null, notes: [`${role === 'content' ? 'content' : 'a text field'} of type "${type}" is not text: left out`] };
}

/** The href of the first link with this rel (default alternate), resolved against its xml:base. */
function findLink(element: XmlElement, rel: string, type?: RegExp): string | null {
  const links = findChildren(element, 'link').filter((link) => (readAttribute(link, 'rel') ?? 'alternate') === rel);
  const typed = type ? links.filter((link) => type.test(readAttribute(link, 'type') ?? '')) : links;
  // Among alternates prefer the HTML page.
  const preferred = typed.find((link) => /html/.test(readAttribute(link, 'type') ?? 'text/html')) ?? typed[0];
  return preferred === undefined ? null : resolveUrl(readAttribute(preferred, 'href'), preferred.base);
}
