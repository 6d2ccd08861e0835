/**
 * The article body renderer (src/utils/render-article.ts): what a reader gets from an entry's MDX, and
 * that nothing in an entry can run or become markup of its own, even if an entry file was edited by hand.
 */
import { describe, expect, test } from 'vitest';
import { renderArticle } from '../../src/utils/render-article.ts';

const render = (mdx: string, topics: string[] = []) => renderArticle(mdx, { label: 'entries/x.mdx', topics });

describe('renderArticle', () => {
  test('paragraphs get stable anchors and permalinks; headings get ids and make the contents list', async () => {
    const { html, headings } = await render('---\nslug: x\n---\n\n## Why it matters\n\nBoth can end civilizations.\n\n### Detail\n\nMore.\n');
    expect(html).toContain('<h2 id="why-it-matters">Why it matters</h2>');
    expect(html).toMatch(/<p id="p-[0-9a-f]{7}" class="para">Both can end civilizations\.<a class="permalink" href="#p-[0-9a-f]{7}"/);
    expect(headings).toEqual([
      { depth: 2, slug: 'why-it-matters', text: 'Why it matters' },
      { depth: 3, slug: 'detail', text: 'Detail' },
    ]);
  });

  test('footnotes open a Notes section with back links', async () => {
    const { html, headings } = await render('Claim.[^1]\n\n[^1]: The source.\n');
    expect(html).toContain('<h2 class="sr-only" id="footnote-label" data-pagefind-ignore="">Notes</h2>');
    expect(html).toContain('aria-label="Back to reference 1"');
    expect(headings.map((heading) => heading.text)).toEqual(['Notes']);
  });

  test('footnote numbers, back links and the notes label are left out of search; the note itself is not', async () => {
    const { html } = await render('Claim.[^1]\n\n[^1]: The source.\n');
    expect(html).toMatch(/<sup data-pagefind-ignore=""><a [^>]*data-footnote-ref[^>]*>1<\/a><\/sup>/);
    expect(html).toMatch(/<a [^>]*data-footnote-backref[^>]*data-pagefind-ignore=""[^>]*>↩<\/a>/);
    expect(html).toMatch(/<li id="user-content-fn-1">\s*<p[^>]*>The source\./);
  });

  test('residue stays in place, labelled and left out of search and topic links', async () => {
    const { html } = await render(
      'The IAEA model. <Residue rule="related-links">Read also: IAEA news.</Residue>\n\n<ResidueBlock rule="reader-prompt">\n  Ask our chatbot!\n</ResidueBlock>\n',
      ['iaea-nuclear-analogy'],
    );
    expect(html).toContain(
      '<span class="residue" data-pagefind-ignore=""><span class="residue-label">[Not the author’s text: related-links list from the source site]</span> Read also: IAEA news.</span>',
    );
    expect(html).toContain(
      '<aside class="residue residue-block" data-pagefind-ignore="" aria-label="Not the author’s text"><span class="residue-label">Not the author’s text: prompt from the source site</span><p>Ask our chatbot!</p></aside>',
    );
    expect(html.match(/class="topic-link"/g)).toHaveLength(1);
    expect(html).toMatch(
      /The <a class="topic-link" href="\/topics\/iaea-nuclear-analogy\/" data-topic="iaea-nuclear-analogy" title="Topic: [^"]+ \(a link this reading room added\)">IAEA<\/a> model\./,
    );
  });

  test('a figure keeps its description, says when it has none, and has a note for when the image cannot load', async () => {
    const bare = await render('<Figure src="https://cdn.example/a.png" width="600" height="400" />\n', ['iaea-nuclear-analogy']);
    expect(bare.hasFigures).toBe(true);
    // The remote image is not requested until the reader asks: a box with its description and a link in its place.
    expect(bare.html).not.toContain('<img');
    expect(bare.html).toContain(
      '<div class="figure-remote" data-pagefind-ignore=""><p class="figure-alt">Image from the source</p><p class="figure-load"><a href="https://cdn.example/a.png" rel="noopener noreferrer" data-figure-load="" data-alt="Image from the source" data-width="600" data-height="400">Show the image</a> from cdn.example (not loaded until you ask: it is on another site).</p></div>',
    );
    expect(bare.links, 'the figure’s own links are not works cited').toEqual([]);
    // The fallback and the "no caption" note are the site's words, not the author's: out of search.
    expect(bare.html).toContain(
      '<p class="figure-unavailable" hidden data-pagefind-ignore="">The image could not be loaded from cdn.example. <a href="https://cdn.example/a.png" rel="noopener noreferrer">Open it at its source</a>.</p>',
    );
    expect(bare.html).toContain(
      '<figcaption class="figure-note" data-pagefind-ignore="">Image from the source; it has no caption or description.</figcaption>',
    );

    const captioned = await render('<Figure src="https://cdn.example/a.png" alt="A reactor">\n  _The IAEA at work._\n</Figure>\n', ['iaea-nuclear-analogy']);
    expect(captioned.html).toContain('<p class="figure-alt">A reactor</p>');
    expect(captioned.html).toContain('data-alt="A reactor"');
    expect(captioned.html).toContain('<figcaption><p><em>The IAEA at work.</em></p></figcaption>');
    expect(captioned.html).not.toContain('topic-link');

    const plain = await render('Text only.\n');
    expect(plain.hasFigures).toBe(false);
  });

  test('code blocks are focusable, so a keyboard can scroll them', async () => {
    const { html } = await render('```latex\n\\begin{array}\n```\n');
    expect(html).toContain('<pre tabindex="0"><code class="language-latex">');
  });

  test('a formula is typeset at build time (HTML and MathML, its TeX as the annotation), a block one with its LaTeX source', async () => {
    const tex = '\\begin{array}{l l}\n\\textbf{Layer} & \\text{R&D needed} \\\\\n\\end{array}';
    const block = await render(`<Math display="block" tex="${tex.replaceAll('&', '&amp;')}" />\n`);
    expect(block.html).toMatch(
      /^<div class="math math-display"><div class="math-formula" tabindex="0" role="group" aria-label="Formula"><span class="katex-display">/,
    );
    expect(block.html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(block.html).toContain('<mtext mathvariant="bold">Layer</mtext>');
    // The TeX exactly as the entry holds it, in the annotation and under "LaTeX source" (its bare "&" in \text typeset as "&").
    const escaped = tex.replaceAll('&', '&#x26;');
    expect(block.html).toContain(`<annotation encoding="application/x-tex">${escaped}</annotation>`);
    expect(block.html).toContain(
      `<details class="math-source" data-pagefind-ignore=""><summary>LaTeX source, as given (its “&#x26;” in text typeset as an ampersand)</summary><pre tabindex="0"><code class="language-latex">${escaped}</code></pre></details>`,
    );
    // Search reads the formula once, as its TeX: the glyphs and the MathML presentation are left out.
    expect(block.html).toContain('<span class="katex-html" aria-hidden="true" data-pagefind-ignore="">');
    expect(block.html).toMatch(/<semantics><m[a-z]+ [^>]*data-pagefind-ignore="">/);
    // KaTeX's style attributes, for the page's Content-Security-Policy to allow by hash.
    expect(block.inlineStyles.length).toBeGreaterThan(0);
    expect(block.inlineStyles).toEqual([...new Set(block.html.match(/(?<= style=")[^"]*/g))].sort());
    expect(block.html).not.toContain('\\begin{array}</');

    const inline = await render('Energy <Math display="inline" tex="E = mc^2" /> is conserved.\n');
    expect(inline.html).toMatch(/<p id="p-[0-9a-f]{7}" class="para">Energy <span class="math math-inline"><span class="katex">/);
    expect(inline.html).toMatch(/<\/span><\/span> is conserved\.<a class="permalink"/);
    expect(inline.html).not.toContain('<details');

    const plain = await render('No formulas.\n');
    expect(plain.inlineStyles).toEqual([]);

    // A topic term inside a formula's text is not a link (a link inside MathML would be a control inside the formula).
    const linked = await render('<Math display="block" tex="\\text{AI chips}" />\n\nExport controls on chips.\n', ['chips-and-hardware']);
    expect(linked.html.match(/class="topic-link"/g)).toHaveLength(1);
    expect(linked.html.indexOf('class="topic-link"')).toBeGreaterThan(linked.html.indexOf('</details>'));
  });

  test('TeX KaTeX cannot read is shown as its source, saying so', async () => {
    const { html } = await render('<Math display="block" tex="\\frac{1}" />\n');
    expect(html).toMatch(
      /^<div class="math math-unrendered"><p class="math-note" data-pagefind-ignore="">This formula could not be typeset \(.+\)\. Its LaTeX source, as given:<\/p>/,
    );
    expect(html).toContain('<pre tabindex="0"><code class="math-unrendered">\\frac{1}</code></pre>');
  });

  test("list items: a tight item carries its anchor and ¶ on the item's line, a loose item in its <p>", async () => {
    const tight = await render('- One\n- Two\n  - Nested\n');
    expect(tight.html).toMatch(/<li id="p-[0-9a-f]{7}" class="para">One<a class="permalink"[^>]*>¶<\/a><\/li>/);
    expect(tight.html).toMatch(/<li id="p-[0-9a-f]{7}" class="para">Two<a class="permalink"[^>]*>¶<\/a>\n<ul>/);
    const loose = await render('- One\n\n- Two\n');
    expect(loose.html).toMatch(/<li>\n<p id="p-[0-9a-f]{7}" class="para">One<a class="permalink"[^>]*>¶<\/a><\/p>\n<\/li>/);
  });

  test.each([
    ['an expression', 'Total: {1 + 1}\n', 'entries/x.mdx:1:8: generated MDX holds a {expression}'],
    ['an import', 'import x from "y"\n\nText.\n', 'entries/x.mdx:1:1: generated MDX holds an import/export statement'],
    ['an unknown component', '<Script src="https://x.example/a.js" />\n', 'entries/x.mdx:1:1: generated MDX holds JSX <Script>'],
    ['raw HTML', 'A <b onclick="alert(1)">bold</b> claim.\n', 'entries/x.mdx:1:3: generated MDX holds JSX <b>'],
    ['a script URL', '[click](javascript:alert(1))\n', 'entries/x.mdx:1:1: generated MDX links to a URL that is not http(s)'],
    ['an attribute expression', '<Figure src={"https://x.example/a.png"} />\n', 'entries/x.mdx:1:1: generated MDX gives <Figure src> a non-literal value'],
    [
      'a formula of another kind',
      '<Math display="wide" tex="x" />\n',
      'entries/x.mdx:1:1: generated MDX gives <Math display> a value that is not block or inline',
    ],
  ])('refuses %s, naming the file and line:column', async (_name, mdx, message) => {
    await expect(render(mdx)).rejects.toThrow(message);
  });
});
