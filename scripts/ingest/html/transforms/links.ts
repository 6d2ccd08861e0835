/**
 * Links and images that can be followed, or none: URLs resolved against the base and kept only when http(s);
 * an unsafe or unresolvable link keeps its text, such an image goes (noted), and a link left empty goes too.
 * <a href="javascript:x()">go</a><img src="/a.png"> (base https://x.org/) -> go<img src="https://x.org/a.png">
 */
import type { Element, Root as HastRoot } from 'hast';
import { select } from 'hast-util-select';
import type { VFile } from 'vfile';
import { getConversion } from '../conversion.ts';
import { replaceElements } from '../hast.ts';
import { isRelativeUrl, toSafeHttpUrl } from '../urls.ts';
import { plainText } from '../../../../src/core/plain-text.ts';

/** Resolves link and image URLs; unwraps links and drops images that are not http(s) afterwards. */
export function enforceSafeUrls() {
  return (tree: HastRoot, file: VFile) => {
    const { baseUrl, notes } = getConversion(file);
    replaceElements(
      tree,
      (node) => node.tagName === 'a' || node.tagName === 'img',
      (node) => {
        const attribute = node.tagName === 'a' ? 'href' : 'src';
        const url = toSafeHttpUrl(node.properties[attribute], baseUrl);
        if (url) {
          node.properties[attribute] = url;
          return [node];
        }
        // A relative URL is harmless but cannot be followed without a base (item link or xml:base).
        const relative = baseUrl === null && isRelativeUrl(node.properties[attribute]);
        if (node.tagName === 'img') {
          if (relative) notes.add('relative image with no base URL to resolve it against', 'relative images with no base URL to resolve them against');
          else notes.add('image without a safe source', 'images without a safe source');
          return [];
        }
        if (relative)
          notes.add(
            'relative link with no base URL to resolve it against (kept as text)',
            'relative links with no base URL to resolve them against (kept as text)',
          );
        else notes.add('link without a safe URL (kept as text)', 'links without a safe URL (kept as text)');
        return node.children;
      },
    );
  };
}

/** Drops links with nothing to click (e.g. a Substack image link whose unsafe image was dropped). */
export function removeEmptyLinks() {
  return (tree: HastRoot) => {
    const isEmptyLink = (node: Element) => node.tagName === 'a' && plainText(node).trim() === '' && !select('img', node);
    replaceElements(tree, isEmptyLink, () => []);
  };
}
