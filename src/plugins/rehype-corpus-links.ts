/**
 * Rehype plugin: a body's links that the corpus link graph found to name another article of this corpus
 * (`file.data.corpusLinks`: href as written -> site path, src/utils/corpus-links.ts) go to its copy here, with the
 * original one click away in a small link after them. It runs on a body already rendered (src/utils/render-article.ts,
 * `decorateBody`), so the links are known before the body is rendered again.
 * <a href="https://x.substack.com/p/essay" rel="noopener noreferrer">An essay</a>
 *   -> <a href="/articles/essay/" class="corpus-link">An essay</a><span class="original-link" data-pagefind-ignore="">
 *      <a href="https://x.substack.com/p/essay">original<span class="sr-only"> on x.substack.com</span></a></span>
 * The link an image that cannot load gets ("Open it at its source") is the site's, and stays as it is.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { classes, hasClass } from '../core/hast.ts';

declare module 'vfile' {
  interface DataMap {
    /** In-corpus links of this body: href as written -> the site path of the article it names (input). */
    corpusLinks: Readonly<Record<string, string>>;
  }
}

/** Send the in-corpus links to the copy here. */
export function rehypeCorpusLinks() {
  return (tree: Root, file: VFile) => {
    const rewrites = file.data.corpusLinks ?? {};
    if (Object.keys(rewrites).length === 0) return;
    const found: { link: Element; parent: Element | Root; original: string }[] = [];
    visitParents(tree, 'element', (node, ancestors) => {
      if (ancestors.some((ancestor) => ancestor.type === 'element' && (hasClass(ancestor, 'figure-unavailable') || hasClass(ancestor, 'figure-remote'))))
        return 'skip';
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href === 'string' && Object.hasOwn(rewrites, href)) found.push({ link: node, parent: ancestors.at(-1) as Element | Root, original: href });
      return 'skip';
    });
    for (const { link, parent, original } of found) {
      link.properties['href'] = rewrites[original]!;
      // A link within the site: what an outbound link carries (rel="noopener noreferrer") is not its.
      delete link.properties['rel'];
      link.properties['className'] = [...classes(link), 'corpus-link'];
      parent.children.splice(parent.children.indexOf(link) + 1, 0, originalLink(original));
    }
  };
}

/** The small link to the original after an in-corpus link; its host said to a screen reader. */
function originalLink(href: string): ElementContent {
  const host = URL.parse(href.trim())?.hostname.replace(/^www\./, '') ?? '';
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['original-link'], dataPagefindIgnore: '' },
    children: [
      { type: 'text', value: ' ' },
      {
        type: 'element',
        tagName: 'a',
        properties: { href },
        children: [
          { type: 'text', value: 'original' },
          { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: ` on ${host}` }] },
        ],
      },
    ],
  };
}
