import { readFileSync } from 'node:fs';
import type { Root as HastRoot } from 'hast';
import type { Nodes, Root } from 'mdast';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { convertHtml } from '../../scripts/ingest/html/convert-html.ts';

const markdownProcessor = unified().use(remarkGfm).use(remarkMdx).use(remarkStringify);

function toMarkdown(tree: Root): string {
  return markdownProcessor.stringify(tree);
}

function markdownOf(html: string, options?: { baseUrl?: string }): string {
  return toMarkdown(convertHtml(html, options).tree);
}

function nodeTypes(tree: Nodes): Set<string> {
  const types = new Set<string>();
  visit(tree, (node) => {
    types.add(node.type);
  });
  return types;
}

/** Every URL the tree would publish: links, images and Figure sources. */
function urlsOf(tree: Root): string[] {
  const urls: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image') urls.push(node.url);
    if (node.type === 'mdxJsxFlowElement') {
      for (const attribute of node.attributes) if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'src') urls.push(String(attribute.value));
    }
  });
  return urls;
}

/** Parses serialized output back as MDX, so we test what the lead's serializer would produce. */
function parseMdx(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).use(remarkMdx).parse(markdown);
}

const IMG = 'https://substackcdn.com/image/fetch/w_1456/https%3A%2F%2Fexample.com%2Fa.png';

function substackFigure({ src = IMG, alt = '', width = '1456', height = '971', caption = '' } = {}): string {
  return (
    `<div class="captioned-image-container"><figure><a class="image-link image2 is-viewable-img" target="_blank" href="${IMG}">` +
    `<div class="image2-inset"><picture><source type="image/webp" srcset="${IMG} 424w" sizes="100vw">` +
    `<img src="${src}" width="${width}" height="${height}" class="sizing-normal" alt="${alt}" fetchpriority="high"></picture>` +
    `<div class="image-link-expand"><div class="pencraft pc-display-flex"><button tabindex="0" type="button" class="icon-container restack-image"><svg role="img" width="20" height="20"><g><title></title><path d="M2 7"></path></g></svg></button>` +
    `<button tabindex="0" type="button" class="icon-container view-image"><svg width="20" height="20"><polyline points="15 3 21 3"></polyline></svg></button></div></div></div></a>` +
    (caption ? `<figcaption class="image-caption">${caption}</figcaption>` : '') +
    `</figure></div>`
  );
}

function attrs(value: unknown): string {
  return JSON.stringify(value).replaceAll('"', '&quot;');
}

describe('convertHtml: Substack footnotes', () => {
  it.each([
    {
      name: 'anchor and definition with link, emphasis and an empty trailing paragraph',
      html:
        '<p>Claim<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM" id="footnote-anchor-1" href="#footnote-1" target="_self">1</a>.</p>' +
        '<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number" contenteditable="false" target="_self">1</a>' +
        '<div class="footnote-content"><p>See <a href="https://example.com/paper">the paper</a>, <em>esp.</em> §2.</p><p></p></div></div>',
      expected: 'Claim[^1].\n\n[^1]: See [the paper](https://example.com/paper), *esp.* §2.\n',
    },
    {
      name: 'numbering kept as in the source, multi-paragraph body',
      html:
        '<p>A<a class="footnote-anchor" href="#footnote-7">7</a> B<a class="footnote-anchor" href="#footnote-12">12</a></p>' +
        '<div class="footnote"><a class="footnote-number" href="#footnote-anchor-7">7</a><div class="footnote-content"><p>Seven.</p><p>More.</p></div></div>' +
        '<div class="footnote"><a class="footnote-number" href="#footnote-anchor-12">12</a><div class="footnote-content"><p>Twelve.</p></div></div>',
      expected: 'A[^7] B[^12]\n\n[^7]: Seven.\n\n    More.\n\n[^12]: Twelve.\n',
    },
    {
      name: 'anchor without a definition keeps its number as text',
      html: '<p>Claim<a class="footnote-anchor" href="#footnote-3">3</a>.</p>',
      expected: 'Claim3.\n',
    },
    {
      name: 'footnote block without a usable number stays ordinary content',
      html: '<div class="footnote"><a class="footnote-number" href="#x">[not a label]</a><div class="footnote-content"><p>Body text.</p></div></div>',
      expected: '\\[not a label]\n\nBody text.\n',
    },
  ])('$name', ({ html, expected }) => {
    expect(markdownOf(html)).toBe(expected);
  });

  it('produces footnote nodes with identifier and label', () => {
    const { tree } = convertHtml(
      '<p>x<a class="footnote-anchor" href="#footnote-2">2</a></p><div class="footnote"><a class="footnote-number">2</a><div class="footnote-content"><p>y</p></div></div>',
    );
    expect(tree.children[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text' }, { type: 'footnoteReference', identifier: '2', label: '2' }] });
    expect(tree.children[1]).toMatchObject({ type: 'footnoteDefinition', identifier: '2', label: '2', children: [{ type: 'paragraph' }] });
  });
});

describe('convertHtml: figures', () => {
  it.each([
    {
      name: 'Substack figure with caption becomes <Figure> with the caption as children',
      html: substackFigure({ caption: '<em>In theory</em>, a caption (via: ChatGPT)' }),
      expected: `<Figure src="${IMG}" width="1456" height="971">\n  *In theory*, a caption (via: ChatGPT)\n</Figure>\n`,
    },
    {
      name: 'alt text is kept, missing caption gives no children',
      html: substackFigure({ alt: 'A chart of compute' }),
      expected: `<Figure src="${IMG}" alt="A chart of compute" width="1456" height="971" />\n`,
    },
    {
      name: 'fractional sizes are rounded, missing sizes omitted',
      html: substackFigure({ width: '579', height: '386.13255494505495' }),
      expected: `<Figure src="${IMG}" width="579" height="386" />\n`,
    },
    {
      name: 'plain figure without picture wrapper',
      html: '<figure><img src="https://example.com/b.png"><figcaption>Plain</figcaption></figure>',
      expected: '<Figure src="https://example.com/b.png">\n  Plain\n</Figure>\n',
    },
    {
      name: 'relative src is resolved against baseUrl',
      html: '<figure><img src="/img/c.png" alt="c"></figure>',
      baseUrl: 'https://writer.substack.com/p/post',
      expected: '<Figure src="https://writer.substack.com/img/c.png" alt="c" />\n',
    },
    {
      name: 'figure whose image is unsafe keeps only its caption',
      html: substackFigure({ src: 'javascript:alert(1)', caption: 'Still here' }),
      expected: 'Still here\n',
    },
    {
      name: 'figure with text outside the caption is unwrapped, not silently trimmed',
      html: '<figure><img src="https://example.com/d.png"><p>Loose text</p><figcaption>Cap</figcaption></figure>',
      expected: '![](https://example.com/d.png)\n\nLoose text\n\nCap\n',
    },
  ])('$name', ({ html, baseUrl, expected }) => {
    expect(markdownOf(html, { baseUrl })).toBe(expected);
  });

  it('returns the first figure image and notes the image buttons', () => {
    const result = convertHtml(substackFigure({ alt: 'First' }) + substackFigure({ src: 'https://example.com/second.png' }));
    expect(result.image).toEqual({ src: IMG, alt: 'First' });
    expect(result.removed).toEqual(['4 image buttons']);
  });

  it('returns image null without figures, and alt null for empty alt', () => {
    expect(convertHtml('<p>No pictures</p>').image).toBeNull();
    expect(convertHtml(substackFigure()).image).toEqual({ src: IMG, alt: null });
  });

  it('emits string-literal attributes only', () => {
    const { tree } = convertHtml(substackFigure({ alt: 'Quote &quot; and {brace}' }));
    const figure = tree.children[0];
    expect(figure).toMatchObject({ type: 'mdxJsxFlowElement', name: 'Figure' });
    if (figure.type !== 'mdxJsxFlowElement') throw new Error('expected a Figure');
    for (const attribute of figure.attributes) {
      expect(attribute.type).toBe('mdxJsxAttribute');
      if (attribute.type === 'mdxJsxAttribute') expect(typeof attribute.value).toBe('string');
    }
    const reparsed = parseMdx(toMarkdown(tree)).children[0];
    expect(reparsed).toMatchObject({
      type: 'mdxJsxFlowElement',
      attributes: expect.arrayContaining([expect.objectContaining({ type: 'mdxJsxAttribute', name: 'alt', value: 'Quote " and {brace}' })]),
    });
  });
});

describe('convertHtml: Substack embeds', () => {
  it.each([
    {
      name: 'mention becomes a link named from data-attrs',
      html: `<p>Read <span class="mention-wrap" data-attrs="${attrs({ name: "Don't Worry About the Vase", id: 1, type: 'pub', url: 'https://open.substack.com/pub/thezvi', photo_url: null })}" data-component-name="MentionToDOM"></span> now.</p>`,
      expected: "Read [Don't Worry About the Vase](https://open.substack.com/pub/thezvi) now.\n",
      removed: [],
    },
    {
      name: 'mention with a non-http url keeps just the name',
      html: `<p>Read <span class="mention-wrap" data-attrs="${attrs({ name: 'Someone', url: 'javascript:alert(1)' })}"></span>.</p>`,
      expected: 'Read Someone.\n',
      removed: ['link without a safe URL (kept as text)'],
    },
    {
      name: 'mention with broken JSON keeps its own text and is noted',
      html: '<p>Read <span class="mention-wrap" data-attrs="{name: broken">Fallback name</span>.</p>',
      expected: 'Read Fallback name.\n',
      removed: ['unreadable mention'],
    },
    {
      name: 'pull quote becomes a blockquote',
      html: '<div class="pullquote"><p>The Pentagon accepted it.</p></div>',
      expected: '> The Pentagon accepted it.\n',
      removed: [],
    },
    {
      name: 'LaTeX block becomes a display formula, its TeX kept literally',
      html: `<div class="latex-rendered" data-attrs="${attrs({ persistentExpression: '\\begin{array}{c l}\n\\textbf{A} & \\text{R&D} \\\\\n\\end{array}', id: 'X' })}" data-component-name="LatexBlockToDOM"></div>`,
      expected: '<Math\n  display="block"\n  tex="\\begin{array}{c l}\n\\textbf{A} & \\text{R&D} \\\\\n\\end{array}"\n/>\n',
      removed: [],
    },
    {
      name: 'LaTeX block with broken JSON is noted',
      html: '<div class="latex-rendered" data-attrs="not json"></div><p>After</p>',
      expected: 'After\n',
      removed: ['unreadable LaTeX block'],
    },
    {
      name: 'divider becomes a thematic break',
      html: '<p>One</p><div><hr></div><p>Two</p>',
      expected: 'One\n\n***\n\nTwo\n',
      removed: [],
    },
  ])('$name', ({ html, expected, removed }) => {
    const result = convertHtml(html);
    expect(toMarkdown(result.tree)).toBe(expected);
    expect(result.removed).toEqual(removed);
  });
});

describe('convertHtml: mathematics in text', () => {
  it.each([
    {
      name: '\\(...\\) in a sentence is an inline formula',
      html: '<p>Energy \\(E = mc^2\\) is conserved.</p>',
      expected: 'Energy <Math display="inline" tex="E = mc^2" /> is conserved.\n',
    },
    {
      name: 'a paragraph that is one $$...$$ is a display formula',
      html: '<p>$$a^2 + b^2 = c^2$$</p>',
      expected: '<Math display="block" tex="a^2 + b^2 = c^2" />\n',
    },
    {
      name: '\\[...\\] inside a sentence stays in it, as display math',
      html: '<p>So \\[x_1\\] holds.</p>',
      expected: 'So <Math display="block" tex="x_1" /> holds.\n',
    },
    { name: 'a single dollar is money, not math', html: '<p>It cost $10^{26}$ dollars.</p>', expected: 'It cost $10^\\{26}$ dollars.\n' },
    { name: 'TeX KaTeX cannot read stays text', html: '<p>Broken \\(\\frac{1}\\) here.</p>', expected: 'Broken \\\\(\\frac\\{1}\\\\) here.\n' },
    { name: 'code is never read as TeX', html: '<pre><code>\\(x\\)</code></pre><p><code>$$y$$</code></p>', expected: '```\n\\(x\\)\n```\n\n`$$y$$`\n' },
  ])('$name', ({ html, expected }) => {
    expect(markdownOf(html)).toBe(expected);
  });
});

describe('convertHtml: ordinary markup', () => {
  it.each([
    {
      name: 'table with strikethrough',
      html: '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td><del>x</del></td><td><s>y</s></td></tr></tbody></table>',
      expected: '| a     | b     |\n| ----- | ----- |\n| ~~x~~ | ~~y~~ |\n',
    },
    {
      name: 'lists, code and inline code',
      html: '<ol><li><p>one</p></li><li>two</li></ol><pre><code>let x = 1;</code></pre><p>a <code>b</code></p>',
      expected: '1. one\n\n2. two\n\n```\nlet x = 1;\n```\n\na `b`\n',
    },
    { name: 'blockquote with line breaks', html: '<blockquote><p>a<br>b</p></blockquote>', expected: '> a\\\n> b\n' },
    { name: 'empty input', html: '', expected: '' },
  ])('$name', ({ html, expected }) => {
    expect(markdownOf(html)).toBe(expected);
  });
});

describe('convertHtml: UI chrome', () => {
  it.each([
    {
      name: 'subscribe widget with its form and call to action',
      html:
        '<p>Body</p><div class="subscription-widget-wrap-editor" data-attrs="{}" data-component-name="SubscribeWidgetToDOM"><div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta-caption">Thanks for reading! Subscribe for free to receive new posts and support my work.</p></div>' +
        '<form class="subscription-widget-subscribe"><input type="email" class="email-input" name="email" placeholder="Type your email…"><input type="submit" class="button primary" value="Subscribe"></form></div></div>',
      expected: 'Body\n',
      removed: ['subscribe widget'],
    },
    {
      name: 'empty and whitespace-only headings',
      html: '<h1></h1><h2> \n </h2><h2>Kept</h2>',
      expected: '## Kept\n',
      removed: ['2 empty headings'],
    },
    {
      name: 'standalone svg icons',
      html: '<p>Icon <svg><title>Logo</title><path d="M0"></path></svg>here</p><svg></svg>',
      expected: 'Icon here\n',
      removed: ['2 svg icons'],
    },
    {
      name: 'image expand controls with stray text',
      html: '<div class="image-link-expand">Expand</div><p>Body</p>',
      expected: 'Body\n',
      removed: ['image expand control text'],
    },
  ])('$name', ({ html, expected, removed }) => {
    const result = convertHtml(html);
    expect(toMarkdown(result.tree)).toBe(expected);
    expect(result.removed).toEqual(removed);
  });
});

describe('convertHtml: headings', () => {
  it.each([
    { name: 'h1 sections become h2', html: '<h1>A</h1><p>x</p><h1>B</h1>', expected: '## A\n\nx\n\n## B\n' },
    { name: 'shallowest level becomes 2 when the item starts at h3', html: '<h3>A</h3><h4>B</h4>', expected: '## A\n\n### B\n' },
    { name: 'skipped levels are closed', html: '<h1>A</h1><h3>B</h3><h5>C</h5>', expected: '## A\n\n### B\n\n#### C\n' },
    {
      name: 'siblings stay at one depth',
      html: '<h1>A</h1><h3>B</h3><h3>C</h3><h2>D</h2><h4>E</h4><h4>F</h4>',
      expected: '## A\n\n### B\n\n### C\n\n### D\n\n#### E\n\n#### F\n',
    },
    {
      name: 'bold-only headings lose the bold',
      html: '<h1><strong>TL;DR</strong></h1><h4><strong>Hypothesis 1:</strong> <b>Paranoia</b></h4>',
      expected: '## TL;DR\n\n### Hypothesis 1: Paranoia\n',
    },
    { name: 'partly bold headings keep it', html: '<h2>The <strong>real</strong> gap</h2>', expected: '## The **real** gap\n' },
    {
      name: 'never deeper than 6',
      html: '<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>',
      expected: '## 1\n\n### 2\n\n#### 3\n\n##### 4\n\n###### 5\n\n###### 6\n',
    },
  ])('$name', ({ html, expected }) => {
    expect(markdownOf(html)).toBe(expected);
  });
});

describe('convertHtml: emphasis edges', () => {
  it.each([
    { name: 'trailing space moves out of emphasis', html: '<p>were <em>sufficient. </em>While now</p>', expected: 'were *sufficient.* While now\n' },
    { name: 'leading space moves out of strong', html: '<p><strong>work</strong><strong> on compute</strong></p>', expected: '**work** **on compute**\n' },
    { name: 'trailing line break moves out of strong', html: '<p><strong>Pattern 1.<br></strong>The EU</p>', expected: '**Pattern 1.**\\\nThe EU\n' },
    { name: 'whitespace-only emphasis becomes a space', html: '<p>a<em> </em>b</p>', expected: 'a b\n' },
    {
      name: 'hoisted edges at the ends of a block are dropped',
      html: '<p><strong><br>Lead</strong> text <em>end. <br></em></p><h2><em>Title </em></h2>',
      expected: '**Lead** text *end.*\n\n## *Title*\n',
    },
    { name: 'emphasis holding only a break leaves no empty paragraph', html: '<p>a</p><p><em><br></em></p><p>b</p>', expected: 'a\n\nb\n' },
  ])('$name', ({ html, expected }) => {
    expect(markdownOf(html)).toBe(expected);
  });
});

describe('convertHtml: URLs', () => {
  it.each([
    { name: 'http(s) links are kept', html: '<p><a href="https://example.com/a?b=1#c">x</a></p>', expected: '[x](https://example.com/a?b=1#c)\n', removed: [] },
    {
      name: 'relative link without baseUrl becomes text',
      html: '<p><a href="/p/other">other post</a></p>',
      expected: 'other post\n',
      removed: ['relative link with no base URL to resolve it against (kept as text)'],
    },
    {
      name: 'relative link with baseUrl is resolved',
      html: '<p><a href="/p/other">other post</a></p>',
      baseUrl: 'https://w.substack.com/p/this',
      expected: '[other post](https://w.substack.com/p/other)\n',
      removed: [],
    },
    {
      name: 'fragment link that is not a footnote becomes text',
      html: '<p><a href="#section">see below</a></p>',
      expected: 'see below\n',
      removed: ['relative link with no base URL to resolve it against (kept as text)'],
    },
    {
      name: 'mailto becomes text',
      html: '<p><a href="mailto:a@b.c">mail me</a></p>',
      expected: 'mail me\n',
      removed: ['link without a safe URL (kept as text)'],
    },
    {
      name: 'relative image without baseUrl is dropped with a note',
      html: '<p>a <img src="x.png" alt="x"> b</p>',
      expected: 'a b\n',
      removed: ['relative image with no base URL to resolve it against'],
    },
    {
      name: 'inline http image stays a markdown image',
      html: '<p><img src="https://example.com/i.png" alt="i"></p>',
      expected: '![i](https://example.com/i.png)\n',
      removed: [],
    },
  ])('$name', ({ html, baseUrl, expected, removed }) => {
    const result = convertHtml(html, { baseUrl });
    expect(toMarkdown(result.tree)).toBe(expected);
    expect(result.removed).toEqual(removed);
  });

  it.each(['javascript:alert(1)', '/relative', 'not a url'])('ignores the feed-supplied baseUrl %j with a note', (baseUrl) => {
    const result = convertHtml('<p><a href="/p/other">other</a> <a href="https://example.com/">abs</a></p>', { baseUrl });
    expect(toMarkdown(result.tree)).toBe('other [abs](https://example.com/)\n');
    expect(result.removed).toEqual(['unusable base URL (relative links kept as text)', 'relative link with no base URL to resolve it against (kept as text)']);
  });
});

describe('convertHtml: hostile input', () => {
  it.each([
    { name: 'script', html: '<p>Hi</p><script>alert(1)</script>', expected: 'Hi\n', removed: ['script'] },
    {
      name: 'img onerror without a usable src',
      html: '<p>Hi <img src=x onerror=alert(1)></p>',
      expected: 'Hi\n',
      removed: ['relative image with no base URL to resolve it against'],
    },
    { name: 'javascript: link', html: '<p><a href="javascript:alert(1)">x</a></p>', expected: 'x\n', removed: ['link without a safe URL (kept as text)'] },
    {
      name: 'obfuscated javascript: link',
      html: '<p><a href="  JaVa&#x09;Script&colon;alert(1)">x</a></p>',
      expected: 'x\n',
      removed: ['link without a safe URL (kept as text)'],
    },
    { name: 'vbscript: link', html: '<p><a href="vbscript:msgbox(1)">x</a></p>', expected: 'x\n', removed: ['link without a safe URL (kept as text)'] },
    {
      name: 'data: link',
      html: '<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>',
      expected: 'x\n',
      removed: ['link without a safe URL (kept as text)'],
    },
    { name: 'data: image', html: '<p>a<img src="data:image/svg+xml;base64,PHN2Zz4=">b</p>', expected: 'ab\n', removed: ['image without a safe source'] },
    { name: 'iframe', html: '<p>a</p><iframe src="https://evil.example/"></iframe>', expected: 'a\n', removed: ['embedded frame'] },
    { name: 'object and embed', html: '<object data="x.swf"><embed src="x.swf"></object><p>a</p>', expected: 'a\n', removed: ['embedded object'] },
    { name: 'event attribute', html: '<p onclick="alert(1)" onmouseover="alert(2)">Click</p>', expected: 'Click\n', removed: [] },
    {
      name: 'style element and attribute',
      html: '<style>p{color:red}</style><p style="background:url(javascript:alert(1))">a</p>',
      expected: 'a\n',
      removed: ['style block'],
    },
    {
      name: 'form with controls',
      html: '<form action="https://evil.example"><input name="q"><button>Go</button><textarea>t</textarea></form><p>a</p>',
      expected: 'a\n',
      removed: ['form'],
    },
    {
      name: 'template, noscript and comments',
      html: '<template><p>hidden</p></template><noscript>nojs</noscript><!-- <script>x</script> --><p>a</p>',
      expected: 'a\n',
      removed: ['template', 'noscript fallback'],
    },
    {
      name: 'svg with script inside',
      html: '<svg><script>alert(1)</script><a href="javascript:alert(2)">y</a></svg><p>a</p>',
      expected: 'a\n',
      removed: ['svg icon'],
    },
    {
      name: 'math and unknown elements are unwrapped, text kept',
      html: '<p><custom-el onclick="x">custom</custom-el> <font color="red">font</font> <math><mi>x</mi></math></p>',
      expected: 'custom font x\n',
      removed: [],
    },
    {
      name: 'escaped markup stays text',
      html: '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;Figure src="javascript:x" /&gt; {props.secret}</p>',
      expected: '\\<script>alert(1)\\</script> \\<Figure src="javascript:x" /> \\{props.secret}\n',
      removed: [],
    },
  ])('$name', ({ html, expected, removed }) => {
    const result = convertHtml(html);
    const markdown = toMarkdown(result.tree);
    expect(markdown).toBe(expected);
    expect(result.removed).toEqual(removed);
    expect(nodeTypes(result.tree).has('html')).toBe(false);
    expect(markdown).not.toMatch(/(?<!\\)<(script|iframe|style|form|object|embed)|onerror|onclick/i);
    expect(urlsOf(result.tree).filter((url) => !/^https?:\/\//.test(url))).toEqual([]);
    // What the serializer writes must parse back to plain markdown, without JSX or expressions.
    const reparsedTypes = nodeTypes(parseMdx(markdown));
    for (const type of ['html', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']) {
      expect(reparsedTypes.has(type)).toBe(false);
    }
  });
});

describe("convertHtml: a real Substack feed (the fixture corpus's 004)", () => {
  const feed = readFileSync(new URL('../fixture-corpus/sources/004_81a243f827e691fc.txt', import.meta.url), 'utf8');
  const items = [...feed.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/g)].map((match) => match[1]);

  /** Words a reader sees in the original HTML, minus the subscribe widget and icon/button chrome. */
  function visibleWords(html: string): string[] {
    const hast = unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot;
    for (const chrome of selectAll('div.subscription-widget-wrap-editor, p.button-wrapper, svg, button, form, script, style', hast)) chrome.children = [];
    const words: string[] = [];
    // Per text node, because block boundaries carry no whitespace in the source.
    visit(hast, 'text', (node) => {
      words.push(...(node.value.match(/[\p{L}\p{N}]+/gu) ?? []));
    });
    return words;
  }

  it('finds both items', () => {
    expect(items).toHaveLength(2);
  });

  it.each([
    { index: 0, footnotes: 17, removed: ['2 image buttons', 'subscribe widget', '"Leave a comment" button', 'empty heading'] },
    { index: 1, footnotes: 10, removed: ['2 image buttons'] },
  ])('item $index converts completely and safely', ({ index, footnotes, removed }) => {
    const html = items[index];
    const result = convertHtml(html);
    const markdown = toMarkdown(result.tree);

    const definitions: string[] = [];
    const references: string[] = [];
    const figures: unknown[] = [];
    const types = new Set<string>();
    visit(result.tree, (node) => {
      types.add(node.type);
      if (node.type === 'footnoteDefinition') definitions.push(node.identifier);
      if (node.type === 'footnoteReference') references.push(node.identifier);
      if (node.type === 'mdxJsxFlowElement' && node.name === 'Figure') figures.push(node);
    });
    const numbers = Array.from({ length: footnotes }, (_, i) => String(i + 1));
    expect(definitions).toEqual(numbers);
    expect([...new Set(references)].sort((a, b) => Number(a) - Number(b))).toEqual(numbers);

    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ name: 'Figure', attributes: expect.arrayContaining([expect.objectContaining({ name: 'src' })]) });
    expect(result.image?.src).toMatch(/^https:\/\/substackcdn\.com\//);
    expect(result.removed).toEqual(removed);

    const allowed = new Set([
      'root',
      'paragraph',
      'text',
      'heading',
      'thematicBreak',
      'blockquote',
      'list',
      'listItem',
      'emphasis',
      'strong',
      'delete',
      'link',
      'image',
      'break',
      'code',
      'inlineCode',
      'footnoteReference',
      'footnoteDefinition',
      'table',
      'tableRow',
      'tableCell',
      'mdxJsxFlowElement',
    ]);
    // Components: a figure in each item, the LaTeX table in item 1.
    const components = new Set<string>();
    visit(result.tree, (node) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') components.add(String(node.name));
    });
    expect([...components].sort()).toEqual(index === 1 ? ['Figure', 'Math'] : ['Figure']);
    expect([...types].filter((type) => !allowed.has(type))).toEqual([]);
    expect(types.has('html')).toBe(false);

    expect(markdown).not.toMatch(/Thanks for reading|Type your email/);
    const missing = visibleWords(html).filter((word) => !markdown.includes(word));
    expect(missing).toEqual([]);

    // The serialized document must itself be valid MDX with the same footnotes and figure.
    const reparsedTypes = new Map<string, number>();
    visit(parseMdx(markdown), (node) => {
      reparsedTypes.set(node.type, (reparsedTypes.get(node.type) ?? 0) + 1);
    });
    expect(reparsedTypes.get('footnoteDefinition')).toBe(footnotes);
    expect(reparsedTypes.get('mdxJsxFlowElement')).toBe(components.size);
    expect(reparsedTypes.has('mdxFlowExpression') || reparsedTypes.has('mdxTextExpression')).toBe(false);
  });

  it('item 0: pull quote, mention and headings', () => {
    const { tree } = convertHtml(items[0]);
    const markdown = toMarkdown(tree);
    expect(markdown).toContain('\n> The Pentagon accepted from OpenAI exactly what it refused from Anthropic.\n');
    expect(markdown).toContain("[Don't Worry About the Vase](https://open.substack.com/pub/thezvi)");
    expect(markdown).toContain('\n#### Hypothesis 1: The Paranoia Accelerant\n');
    expect(markdown).toContain('\n#### Hypothesis 2: The Self-Interest Precedent\n');
    expect(markdown).toContain('*In theory, global AI safety is a shared goal.');
  });

  it('item 1: LaTeX table kept literally, as a display formula, and said to be read with its "&" in text as an ampersand', () => {
    const result = convertHtml(items[1]);
    const markdown = toMarkdown(result.tree);
    expect(markdown).toContain(
      '<Math\n  display="block"\n  tex="\\begin{array}{c l l}\n\\hline\n\\textbf{Layer} & \\textbf{Mechanism} & \\textbf{Status} \\\\\n',
    );
    expect(markdown.startsWith('## TL;DR\n')).toBe(true);
    expect(result.notices).toEqual(['LaTeX block 1 is typeset with "&" in its text read as an ampersand']);
  });
});
