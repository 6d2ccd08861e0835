/**
 * Trackers and feed furniture out of a feed item, before sanitizing (it reads the classes and sizes sanitize
 * drops), each removal noted for the entry's warnings. A tracker would call its host on every page view, and the
 * site's CSP blocks `http:` ones, which leaves gaps; furniture is the feed service's, not the author's.
 * Rules (docs/ingest.md):
 *   - an image 1 pixel wide or high, or hidden (`display:none`, `visibility:hidden`, `hidden`): a tracking pixel;
 *   - an image or link on a known tracker host or path (TRACKERS): FeedBurner's `~r`/`~ff`, Medium's `_/stat`, ...;
 *   - FeedBurner's "feedflare" share buttons (`div.feedflare`), and a link that is nothing but such an image.
 * <p>Text<img src="https://medium.com/_/stat?event=post" width="1" height="1"></p> -> <p>Text</p>, note "tracking pixel"
 */
import type { Element, Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import { getConversion } from '../conversion.ts';
import { hasClass, replaceElements } from '../hast.ts';

/** Hosts and paths whose images and links only count readers. */
const TRACKERS: readonly RegExp[] = [
  /^https?:\/\/feeds\.feedburner\.com\/~(?:r|ff|a)\//i,
  /^https?:\/\/feeds\.feedblitz\.com\/~\//i,
  /^https?:\/\/(?:www\.)?medium\.com\/_\/stat\b/i,
  /^https?:\/\/(?:pixel\.wp\.com|stats\.wordpress\.com)\//i,
  /^https?:\/\/(?:www\.)?google-analytics\.com\//i,
  /^https?:\/\/[^/]*\.doubleclick\.net\//i,
];

const isTrackerUrl = (value: unknown) => typeof value === 'string' && TRACKERS.some((pattern) => pattern.test(value.trim()));

/** 1x1 or hidden: an image no reader sees. */
function isInvisibleImage(node: Element): boolean {
  if (node.tagName !== 'img') return false;
  const { width, height, style, hidden } = node.properties;
  const size = (value: unknown) => (value === undefined ? null : Number.parseFloat(String(value)));
  if (size(width) !== null && size(width)! <= 1) return true;
  if (size(height) !== null && size(height)! <= 1) return true;
  if (hidden !== undefined && hidden !== false) return true;
  return typeof style === 'string' && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const isTrackerImage = (node: Element) => node.tagName === 'img' && (isInvisibleImage(node) || isTrackerUrl(node.properties['src']));
const isFeedFlare = (node: Element) => hasClass(node, 'div', 'feedflare');
/** A link to a tracker, or one whose only content is tracker images. */
const isTrackerLink = (node: Element) =>
  node.tagName === 'a' &&
  (isTrackerUrl(node.properties['href']) ||
    (node.children.some((child) => child.type === 'element') &&
      node.children.every((child) => (child.type === 'element' ? isTrackerImage(child) : child.type === 'text' && child.value.trim() === ''))));

/** The transform. */
export function removeTrackers() {
  return (tree: HastRoot, file: VFile) => {
    const { notes } = getConversion(file);
    replaceElements(tree, isFeedFlare, () => {
      notes.add('FeedBurner share-button block');
      return [];
    });
    replaceElements(tree, isTrackerLink, () => {
      notes.add('tracking link');
      return [];
    });
    replaceElements(tree, isTrackerImage, () => {
      notes.add('tracking pixel');
      return [];
    });
  };
}
