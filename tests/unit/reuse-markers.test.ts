/**
 * The "Also in" marks of shared passages on an article body (src/plugins/rehype-reuse-markers.ts, through the renderer):
 * under the paragraph, after a quotation rather than inside it, in a tight list's item; with links to the other
 * articles' paragraphs and to the passage on /reuse/; out of the search index. And the paragraphs the renderer reports
 * for the detector are the ids and plain texts the page has.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { renderArticle } from '../../src/utils/render-article.ts';

const MDX = 'First paragraph here.\n\n> Quoted words of the press.\n\n- Item one\n- Item two\n';
const other = { slug: 'b', title: 'Article B', paragraph: 'p-0000009' };

async function marked() {
  const plain = await renderArticle(MDX, { label: 'x.mdx', topics: [] });
  const [first, quoted, item] = plain.paragraphs;
  const alsoIn = Object.fromEntries([first!, quoted!, item!].map(({ id }, index) => [id, [{ cluster: `r-0000000${index}`, articles: [other] }]]));
  const { html } = await renderArticle(MDX, { label: 'x.mdx', topics: [], alsoIn });
  const markers: { before: string; parent: string; text: string; ignored: boolean; links: string[] }[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element, _index, parent) => {
    if (!Array.isArray(node.properties['className']) || !node.properties['className'].includes('also-in')) return;
    const siblings = (parent as Element).children.filter((child): child is Element => child.type === 'element');
    const before = siblings[siblings.indexOf(node) - 1]!;
    markers.push({
      before: before.tagName,
      parent: (parent as Element).tagName ?? 'root',
      text: toString(node),
      ignored: node.properties['dataPagefindIgnore'] === '',
      links: node.children.filter((child): child is Element => child.type === 'element').map((link) => String(link.properties['href'])),
    });
  });
  return { plain, markers };
}

describe('Also-in marks', () => {
  test('the renderer reports each anchored paragraph with its id and plain text', async () => {
    const { plain } = await marked();
    expect(plain.paragraphs.map(({ text }) => text)).toEqual(['First paragraph here.', 'Quoted words of the press.', 'Item one', 'Item two']);
    expect(plain.paragraphs.every(({ id }) => plain.anchors.includes(id))).toBe(true);
  });

  test('each mark names the other article, links to its paragraph and to the passage, and is not indexed', async () => {
    const { markers } = await marked();
    expect(markers).toHaveLength(3);
    for (const [index, mark] of markers.entries()) {
      expect(mark.text).toBe('Also in: Article B · compare the versions');
      expect(mark.links).toEqual(['/articles/b/#p-0000009', `/reuse/r-0000000${index}/`]);
      expect(mark.ignored).toBe(true);
    }
  });

  test('under a paragraph, after the quotation that holds one, and inside a tight list item after its permalink', async () => {
    const { markers } = await marked();
    expect(markers.map(({ before, parent }) => [before, parent])).toEqual([
      ['p', 'root'],
      ['blockquote', 'root'],
      ['a', 'li'],
    ]);
  });
});

describe('a passage many articles carry', () => {
  test('the mark names the first few others, counts the rest, and links the passage’s own page, whatever page of /reuse/ shows it', async () => {
    const plain = await renderArticle(MDX, { label: 'x.mdx', topics: [] });
    const id = plain.paragraphs[0]!.id;
    const { html } = await renderArticle(MDX, {
      label: 'x.mdx',
      topics: [],
      alsoIn: { [id]: [{ cluster: 'r-00000001', articles: [other], more: 46 }] },
    });
    const tree = fromHtml(html, { fragment: true });
    const marks: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (Array.isArray(node.properties['className']) && node.properties['className'].includes('also-in')) marks.push(node);
    });
    expect(marks.map((node) => toString(node))).toEqual(['Also in: Article B and 46 more · compare the versions']);
    const links = marks[0]!.children.filter((child): child is Element => child.type === 'element').map((link) => String(link.properties['href']));
    expect(links).toEqual(['/articles/b/#p-0000009', '/reuse/r-00000001/']);
  });
});
