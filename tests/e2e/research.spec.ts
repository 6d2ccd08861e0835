// Research tools over the whole corpus: Highwire tags, provenance panel, raw sources byte for byte, citation
// downloads read by real parsers, corpus exports against their schema, and the JavaScript budget of article pages.
// (The formatted citation, paragraph citation and popovers, which need a known shape, are tested on the fixture
// corpus: tests/e2e-fixture/research.spec.ts.)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { distDir, distFiles, distPages, elements } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { citationKind, citedTitle } from '../../src/utils/citation.ts';
import { EXPORT_SCHEMA_VERSION } from '../../src/schemas/corpus-export.ts';
import { fetchCorpus } from './exports.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const pages = distPages();
const pageAt = (url: string) => pages.find((page) => page.url === url)!;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The public origin the build used (SITE_URL), read from a canonical link; null for a build without one (`npm test`). */
const canonical = elements(pageAt('/'), (node) => node.tagName === 'link' && String(node.properties['rel']) === 'canonical')[0]?.properties['href'];
const site = canonical === undefined ? null : new URL(String(canonical)).origin;
/** The article's public address, or null when the build has none. */
const publicUrl = (slug: string) => (site === null ? null : `${site}/articles/${slug}/`);
/** Path and anchor of a link from the exports: absolute on SITE_URL, or a site path without it. */
const local = (link: string) => {
  const url = new URL(link, site ?? 'https://dossier.invalid'); // .invalid (RFC 2606): only to split the path off
  if (site === null) expect(link.startsWith('/')).toBe(true);
  else expect(url.origin).toBe(site);
  return { pathname: url.pathname, hash: url.hash };
};

/** The address a citation gives for the page open at `url`: its public one, or where it is open without SITE_URL. */
const pageAddress = (url: string) => publicUrl(new URL(url).pathname.split('/')[2]!) ?? url.split(/[?#]/)[0]!;

test('every article head carries citation_* tags whose values match the article; unknown fields are left out', () => {
  for (const article of articles) {
    const metas = elements(
      pageAt(`/articles/${article.slug}/`),
      (node) => node.tagName === 'meta' && String(node.properties['name'] ?? '').startsWith('citation_'),
    );
    const actual = metas.map((node) => [String(node.properties['name']), String(node.properties['content'])]);
    // An inferred title in square brackets; no citation_journal_title (no text here is a journal article).
    const expected: [string, string][] = [['citation_title', citedTitle(article)]];
    if (article.author !== null) expected.push(['citation_author', article.author]);
    if (article.publishedAt !== null) expected.push(['citation_publication_date', article.publishedAt.slice(0, 10).replaceAll('-', '/')]);
    if (site !== null) expected.push(['citation_public_url', publicUrl(article.slug)!]);
    expect(actual, article.slug).toEqual(expected);
  }
});

test('every article head carries Dublin Core and Open Graph tags for the known fields', () => {
  for (const article of articles) {
    const page = pageAt(`/articles/${article.slug}/`);
    const meta = (key: string) =>
      elements(page, (node) => node.tagName === 'meta' && (node.properties['name'] === key || node.properties['property'] === key)).map((node) =>
        String(node.properties['content']),
      );
    expect(meta('DC.title'), article.slug).toEqual([citedTitle(article)]);
    expect(meta('DC.creator')).toEqual(article.author === null ? [] : [article.author]);
    expect(meta('DC.date')).toEqual(article.publishedAt === null ? [] : [article.publishedAt.slice(0, 10)]);
    expect(meta('DC.publisher')).toEqual(article.outlet === null ? [] : [article.outlet]);
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('article:published_time')).toEqual(article.publishedAt === null ? [] : [article.publishedAt]);
    expect(meta('article:author')).toEqual(article.author === null ? [] : [article.author]);
  }
});

test('no file of the build names a placeholder address (.example)', () => {
  const found = distFiles().filter((file) => /\.example\b/i.test(readFileSync(path.join(distDir, file), 'latin1')));
  expect(found).toEqual([]);
});

test('the Dossier address appears exactly where the build has one: canonical links, sitemap, feeds', async ({ request }) => {
  const withAddress = pages.filter((page) => elements(page, (node) => node.tagName === 'link' && String(node.properties['rel']) === 'canonical').length > 0);
  const feedLinks = pages.filter((page) => elements(page, (node) => node.tagName === 'link' && node.properties['type'] === 'application/rss+xml').length > 0);
  const files = distFiles();
  if (site === null) {
    expect(withAddress).toEqual([]);
    expect(feedLinks).toEqual([]);
    expect(files.filter((file) => /(^|\/)(rss\.xml|sitemap[^/]*\.xml)$/.test(file))).toEqual([]);
    expect((await request.get('/rss.xml')).status()).toBe(404);
  } else {
    expect(withAddress).toHaveLength(pages.length);
    for (const file of ['rss.xml', 'sitemap-index.xml']) expect(readFileSync(path.join(distDir, file), 'utf8'), file).toContain(`${site}/`);
  }
});

for (const article of articles) {
  test(`provenance panel of ${article.slug} states the facts of its source`, async ({ page }) => {
    await page.goto(`/articles/${article.slug}/`);
    const panel = page.getByRole('region', { name: 'Provenance' });
    await expect(panel.locator('[data-fact=file]')).toContainText(article.source.file);
    await expect(panel.locator('[data-fact=format]')).toContainText(
      { text: 'plain text', rss: 'RSS feed', atom: 'Atom feed', rdf: 'RSS 1.0 (RDF) feed', json: 'JSON Feed', markdown: 'Markdown' }[article.source.format] +
        (article.source.item ? `, item ${article.source.item}` : ''),
    );
    await expect(panel.locator('[data-fact=guid]')).toContainText(article.source.guid ?? 'none (not a feed item)');
    await expect(panel.locator('[data-fact=sha256] dd')).toHaveText(article.source.sha256);
    await expect(panel.locator('[data-fact=url] dd')).toHaveText(article.url ?? 'not known');
    await expect(panel.locator('[data-fact=truncated] dd')).toHaveText(article.truncated ? /^Yes/ : /^No/);
    const labels = { catalog: 'set by the curator', feed: 'given by the source', inferred: 'inferred from the text', unknown: 'not known' };
    for (const field of ['title', 'author', 'outlet', 'publishedAt'] as const) {
      const row = panel.locator(`tr[data-field=${field}]`);
      await expect(row).toHaveAttribute('data-origin', article.origins[field]);
      await expect(row.locator('td.origin')).toHaveText(labels[article.origins[field]]);
      if (field !== 'publishedAt') await expect(row.locator('td').first()).toHaveText(article[field] ?? 'unknown');
    }
    await expect(panel.locator('[data-residue-count]')).toHaveAttribute('data-residue-count', String(article.residue.length));
    for (const residue of article.residue) await expect(panel).toContainText(residue.text);
  });
}

test('the raw source link of every article returns the exact bytes received (sha256)', async ({ page, request }) => {
  // Every article in one test: the time it may take grows with the corpus.
  test.setTimeout(30_000 + articles.length * 3_000);
  for (const article of articles) {
    await page.goto(`/articles/${article.slug}/`);
    const href = await page.getByRole('link', { name: 'raw source as received' }).getAttribute('href');
    expect(href).toBe(`/sources/raw/${encodeURIComponent(article.source.file)}`);
    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    // The type comes from the file name on a static host (.txt: text/plain); never an HTML error page.
    expect(response.headers()['content-type']).not.toMatch(/html/);
    const body = await response.body();
    expect(sha256(body), article.source.file).toBe(article.source.sha256);
    expect(body.equals(readFileSync(path.resolve(import.meta.dirname, '../../corpus/sources', article.source.file)))).toBe(true);
  }
});

test('/sources/raw/ lists every raw source and is not an outlet page', async ({ page }) => {
  await page.goto('/sources/raw/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Raw sources');
  for (const file of new Set(articles.map((article) => article.source.file))) {
    await expect(page.getByRole('link', { name: file, exact: true })).toHaveAttribute('href', `/sources/raw/${file}`);
  }
});

test('every article links its BibTeX and CSL-JSON citations, which real parsers read', async ({ request }) => {
  test.setTimeout(30_000 + articles.length * 1_000);
  for (const article of articles) {
    const hrefs = elements(pageAt(`/articles/${article.slug}/`), (node) => node.tagName === 'a').map((node) => String(node.properties['href']));
    expect(hrefs, article.slug).toEqual(expect.arrayContaining([`/articles/${article.slug}/citation.bib`, `/articles/${article.slug}/citation.json`]));
    const bib = parseBibtex(await (await request.get(`/articles/${article.slug}/citation.bib`)).text(), { english: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(1);
    const { key, type, fields } = bib.entries[0]!;
    const periodical = /^article-/.test(citationKind(article));
    expect(key).toBe(article.slug);
    expect(type).toBe(periodical ? 'article' : 'online');
    expect(fields.title).toBe(citedTitle(article));
    expect(fields.author?.map((creator) => creator.name)).toEqual(article.author === null ? undefined : [article.author]);
    expect(fields['year']).toBe(article.publishedAt?.slice(0, 4));
    if (periodical) expect(fields['journal']).toBe(article.outlet ?? undefined);
    else expect(fields['organization']).toEqual(article.outlet === null ? undefined : [article.outlet]);
    expect(fields['url']).toBe(article.url ?? publicUrl(article.slug) ?? undefined);
    const csl = await (await request.get(`/articles/${article.slug}/citation.json`)).json();
    expect(csl).toHaveLength(1);
    expect(csl[0]).toMatchObject({ id: article.slug, type: citationKind(article), title: citedTitle(article) });
    expect(csl[0].URL).toBe(article.url ?? publicUrl(article.slug) ?? undefined);
    expect(csl[0].author).toEqual(article.author === null ? undefined : [{ literal: article.author }]);
    expect(csl[0].issued).toEqual(article.publishedAt === null ? undefined : { 'date-parts': [article.publishedAt.slice(0, 10).split('-').map(Number)] });
  }
});

test('corpus exports: corpus.json and its parts list every article and validate against their schemas; .bib and .csl.json hold them all', async ({
  request,
}) => {
  const { corpus, parts, articles: listed } = await fetchCorpus(request);
  const schema = await (await request.get('/corpus.schema.json')).json();
  const partSchema = await (await request.get('/corpus-part.schema.json')).json();
  expect(corpus.$schema).toBe(site === null ? '/corpus.schema.json' : schema.$id);
  expect(corpus.site).toBe(site === null ? null : `${site}/`);
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const validate = ajv.compile(schema);
  expect(validate(corpus), JSON.stringify(validate.errors)).toBe(true);
  expect(corpus.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
  const validatePart = ajv.compile(partSchema);
  for (const part of parts) {
    expect(part.$schema).toBe(site === null ? '/corpus-part.schema.json' : partSchema.$id);
    expect(validatePart(part), JSON.stringify(validatePart.errors)).toBe(true);
  }
  const slugs = articles.map((article) => article.slug).sort();
  expect(listed.map((article: { slug: string }) => article.slug).sort()).toEqual(slugs);
  const bib = parseBibtex(await (await request.get('/corpus.bib')).text(), { english: false });
  expect(bib.errors).toEqual([]);
  expect(bib.entries.map((entry) => entry.key).sort()).toEqual(slugs);
  const csl = await (await request.get('/corpus.csl.json')).json();
  expect(csl.map((item: { id: string }) => item.id).sort()).toEqual(slugs);
});

test('every topic’s passages.json, with its parts, quotes its passages with anchors (absolute on SITE_URL) that exist on the article pages', async ({
  request,
}) => {
  const corpus = await (await request.get('/corpus.json')).json();
  const schema = await (await request.get('/passages.schema.json')).json();
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const validate = ajv.compile(schema);
  expect(corpus.topics.length).toBeGreaterThan(0);
  for (const topic of corpus.topics) {
    // The first part lists every part; together they hold the topic's passages.
    const first = await (await request.get(local(topic.passages).pathname)).json();
    const parts = [first];
    for (const url of first.parts.slice(1)) parts.push(await (await request.get(local(url).pathname)).json());
    for (const data of parts) expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const passages = parts.flatMap((data) => data.passages);
    expect(passages).toHaveLength(topic.passageCount);
    for (const passage of passages) {
      const url = local(passage.url);
      const target = pageAt(url.pathname);
      expect(target.ids.has(url.hash.slice(1)), passage.url).toBe(true);
      const paragraph = elements(target, (node: Element) => node.properties['id'] === url.hash.slice(1))[0]!;
      // Same letters (the page adds footnote numbers, the ¶ link and, after a link to another article, its "original").
      const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]+/gu, '');
      const original = (node: Element) => Array.isArray(node.properties['className']) && node.properties['className'].includes('original-link');
      const authors = structuredClone(paragraph);
      visit(authors, 'element', (node: Element) => void (node.children = node.children.filter((child) => child.type !== 'element' || !original(child))));
      expect(letters(toString(authors))).toContain(letters(passage.text));
    }
  }
});

test('passages.json quotes each paragraph as the page shows it, with every space: no words glued at a line break or block', async ({ page, request }) => {
  const corpus = await (await request.get('/corpus.json')).json();
  const quoted = new Map<string, Map<string, string>>(); // article path -> paragraph id -> passage text
  for (const topic of corpus.topics) {
    for (const passage of (await (await request.get(local(topic.passages).pathname)).json()).passages) {
      const url = local(passage.url);
      if (!quoted.has(url.pathname)) quoted.set(url.pathname, new Map());
      quoted.get(url.pathname)!.set(url.hash.slice(1), passage.text);
    }
  }
  expect(quoted.size).toBeGreaterThan(0);
  let compared = 0;
  for (const [pathname, passages] of quoted) {
    await page.goto(pathname);
    // The paragraph as the browser lays it out (innerText: a line break or a block is white space), less what the
    // page adds and passages leave out: footnote numbers, the ¶ link, residue, the "original" link after an in-corpus link, a nested list.
    const shown = await page.evaluate(
      (ids) => {
        const texts: Record<string, string | null> = {};
        for (const id of ids) {
          const paragraph = document.getElementById(id)!;
          if (paragraph.querySelector('.math')) {
            texts[id] = null; // a formula reads as its TeX in a passage, as glyphs on the page
            continue;
          }
          const copy = paragraph.cloneNode(true) as HTMLElement;
          copy.removeAttribute('id');
          copy.querySelectorAll('sup, .permalink, .residue, .original-link, ul, ol').forEach((node) => node.remove());
          paragraph.after(copy);
          texts[id] = copy.innerText;
          copy.remove();
        }
        return texts;
      },
      [...passages.keys()],
    );
    for (const [id, text] of passages) {
      if (shown[id] === null) continue;
      compared++;
      expect(text, `${pathname}#${id}`).toBe(shown[id]!.replace(/\s+/g, ' ').trim());
    }
  }
  expect(compared).toBeGreaterThan(0);
});

test('article pages ship at most 5 KB of JavaScript before search is used; the popover code loads on use', () => {
  for (const article of articles) {
    const page = pageAt(`/articles/${article.slug}/`);
    let bytes = 0;
    for (const script of elements(page, (node) => node.tagName === 'script')) {
      const src = script.properties['src'];
      if (typeof src === 'string') bytes += statSync(path.join(distDir, src)).size;
      else bytes += Buffer.byteLength(toString(script));
    }
    expect(bytes, `${article.slug}: ${bytes} bytes of JavaScript`).toBeLessThanOrEqual(5 * 1024);
  }
  const popover = readdirSync(path.join(distDir, '_astro')).filter((file) => /^article-tools-popover-.*\.js$/.test(file));
  expect(popover).toHaveLength(1);
  expect(statSync(path.join(distDir, '_astro', popover[0]!)).size).toBeLessThanOrEqual(3 * 1024);
});

test.describe('the Copy citation button', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the article citation with the address the build has: its public one, or the page’s own without SITE_URL', async ({ page }) => {
    const article = articles[0]!;
    await page.goto(`/articles/${article.slug}/`);
    const cite = page.getByRole('region', { name: 'Cite this article' });
    await cite.getByRole('button', { name: 'Copy citation' }).click();
    await expect(cite.getByRole('status')).toHaveText('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`Copy in Dossier: ${pageAddress(page.url())}.`);
    expect(copied).not.toMatch(/\.example\b|\.invalid\b/);
  });
});
