// Security over the built site: every HTML file in dist/ is scanned for anything that could run or leak,
// and every page is opened in Chromium under its Content-Security-Policy, which must report no violation.
import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { distPages, elements, type Page } from '../helpers/dist.ts';
import { entryBody, loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

const pages = distPages();
const articles = loadArticles();
/** The site's own host, as its canonical links give it; a build without SITE_URL has none (and no canonical links). */
const canonical = elements(pages[0]!, (node) => node.tagName === 'link' && String(node.properties['rel']) === 'canonical')[0]?.properties['href'];
const siteHost = canonical === undefined ? null : new URL(String(canonical)).host;
// Relative links resolve against the site itself; `.invalid` (RFC 2606) stands for it when it has no address.
const siteBase = `https://${siteHost ?? 'dossier.invalid'}/`;

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'data', 'cite', 'background', 'xLinkHref', 'srcSet', 'ping'];
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/i;

/** The page's CSP meta content, or null. */
function cspOf(page: Page): string | null {
  const metas = elements(page, (node) => node.tagName === 'meta' && String(node.properties['httpEquiv']).toLowerCase() === 'content-security-policy');
  return metas.length === 1 ? String(metas[0]!.properties['content']) : null;
}

function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found ? found.slice(1) : [];
}

function isRemote(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const url = URL.parse(value, siteBase);
  return url !== null && /^https?:$/.test(url.protocol) && url.host !== new URL(siteBase).host;
}

test('the scan covers the whole site: every article page', () => {
  const urls = new Set(pages.map((page) => page.url));
  expect(articles.filter((article) => !urls.has(`/articles/${article.slug}/`)).map((article) => article.slug)).toEqual([]);
  expect(siteHost).not.toBe('');
  // Canonical links on every page or on none: with SITE_URL or without.
  const withCanonical = pages.filter((page) => elements(page, (node) => node.tagName === 'link' && String(node.properties['rel']) === 'canonical').length > 0);
  expect([0, pages.length]).toContain(withCanonical.length);
});

test('every page carries one Content-Security-Policy meta that forbids inline code, plugins and foreign scripts', () => {
  const problems: string[] = [];
  for (const page of pages) {
    const csp = cspOf(page);
    if (csp === null) {
      problems.push(`${page.url}: no (or more than one) CSP meta`);
      continue;
    }
    const script = directive(csp, 'script-src');
    if (!script.includes("'self'")) problems.push(`${page.url}: script-src without 'self'`);
    const loose = script.filter((token) => !/^'(?:self|wasm-unsafe-eval|sha(?:256|384|512)-[A-Za-z0-9+/=]+)'$/.test(token));
    if (loose.length > 0) problems.push(`${page.url}: script-src allows ${loose.join(' ')}`);
    if (directive(csp, 'default-src').join(' ') !== "'self'") problems.push(`${page.url}: default-src is not 'self'`);
    if (directive(csp, 'object-src').join(' ') !== "'none'") problems.push(`${page.url}: object-src is not 'none'`);
    if (!directive(csp, 'base-uri').includes("'self'")) problems.push(`${page.url}: no base-uri`);
    if (directive(csp, 'style-src').some((token) => token.includes('unsafe'))) problems.push(`${page.url}: style-src allows unsafe styles`);
  }
  expect(problems).toEqual([]);
});

test('style attributes (only typeset formulas have them) are allowed one by one: style-src-attr holds exactly their hashes', () => {
  const problems: string[] = [];
  for (const page of pages) {
    const csp = cspOf(page) ?? '';
    const styles = new Set(elements(page, (node) => typeof node.properties['style'] === 'string').map((node) => String(node.properties['style'])));
    const hashes = [...styles].map((style) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    const attr = directive(csp, 'style-src-attr');
    if (styles.size === 0) {
      if (attr.length > 0) problems.push(`${page.url}: style-src-attr without style attributes`);
      continue;
    }
    if (attr[0] !== "'unsafe-hashes'" || attr.some((token, index) => index > 0 && !/^'sha256-[A-Za-z0-9+/=]+'$/.test(token)))
      problems.push(`${page.url}: style-src-attr ${attr.join(' ')}`);
    const missing = hashes.filter((hash) => !attr.includes(hash));
    if (missing.length > 0) problems.push(`${page.url}: ${missing.length} style attributes not in style-src-attr`);
    if (attr.length - 1 !== hashes.length) problems.push(`${page.url}: style-src-attr allows ${attr.length - 1 - hashes.length} values the page does not use`);
    // Every one of them inside a typeset formula (an element of class `math`).
    const inFormulas = new Set<Element>();
    for (const formula of elements(page, (node) => ((node.properties['className'] as string[] | undefined) ?? []).includes('math'))) {
      for (const node of elements({ ...page, tree: { type: 'root', children: [formula] } }, () => true)) inFormulas.add(node);
    }
    const outside = elements(page, (node) => typeof node.properties['style'] === 'string' && !inFormulas.has(node));
    if (outside.length > 0) problems.push(`${page.url}: style attribute outside a formula on <${outside[0]!.tagName}>`);
  }
  expect(problems).toEqual([]);
});

test("no script but the site's own: hashed inline scripts and bundles from /_astro/ and /pagefind/", () => {
  const problems: string[] = [];
  for (const page of pages) {
    const allowed = new Set(directive(cspOf(page) ?? '', 'script-src'));
    for (const script of elements(page, (node) => node.tagName === 'script')) {
      const type = String(script.properties['type'] ?? '').toLowerCase();
      // Data blocks (JSON-LD) are never executed.
      if (type === 'application/ld+json' || type === 'application/json') continue;
      const src = script.properties['src'];
      if (typeof src === 'string') {
        if (!/^\/(?:_astro\/[\w.-]+\.m?js|pagefind\/[\w./-]+)$/.test(src)) problems.push(`${page.url}: script from ${src}`);
        continue;
      }
      const hash = `'sha256-${createHash('sha256').update(toString(script)).digest('base64')}'`;
      if (!allowed.has(hash)) problems.push(`${page.url}: inline script not in its CSP: ${toString(script).slice(0, 60)}`);
    }
  }
  expect(problems).toEqual([]);
});

test('no event attribute, no javascript:/vbscript:/data: URL, no frame, object, embed, base or refresh', () => {
  const problems: string[] = [];
  for (const page of pages) {
    for (const node of elements(page, () => true)) {
      const where = `${page.url}: <${node.tagName}>`;
      if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base'].includes(node.tagName)) problems.push(`${where} element`);
      if (node.tagName === 'meta' && String(node.properties['httpEquiv']).toLowerCase() === 'refresh') problems.push(`${where} refresh`);
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/i.test(name)) problems.push(`${where} event attribute ${name}`);
        if (!URL_ATTRIBUTES.includes(name)) continue;
        for (const part of Array.isArray(value) ? value : [value]) {
          // Browsers ignore whitespace and control characters inside a scheme: "java\tscript:" is javascript:.
          if (UNSAFE_SCHEME.test(String(part).replace(/[\u0000-\u0020]/g, ''))) problems.push(`${where} ${name}=${String(part).slice(0, 40)}`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
});

test('links to other sites carry rel="noopener noreferrer"; no page loads a remote image by itself', () => {
  const problems: string[] = [];
  let links = 0;
  let figureLinks = 0;
  for (const page of pages) {
    for (const link of elements(page, (node) => node.tagName === 'a' && isRemote(node.properties['href']))) {
      links++;
      if (link.properties['dataFigureLoad'] !== undefined) figureLinks++;
      const rel = ([] as unknown[]).concat(link.properties['rel'] ?? []).map(String);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) problems.push(`${page.url}: <a href="${link.properties['href']}"> rel="${rel.join(' ')}"`);
    }
    // A source's image is put in place only when the reader asks (src/components/FigureFallback.astro).
    for (const image of elements(page, (node: Element) => node.tagName === 'img' && isRemote(node.properties['src']))) {
      problems.push(`${page.url}: <img src="${image.properties['src']}"> loads by itself`);
    }
  }
  expect(problems).toEqual([]);
  // Not vacuous: at least the links the corpus gives were found (each article's original URL in its provenance
  // panel; each remote figure of an entry, as its "Show the image" link).
  const remoteFigures = articles.reduce((sum, article) => sum + (entryBody(article).match(/<Figure\b[^>]*\bsrc="https?:\/\//g)?.length ?? 0), 0);
  expect(links, 'external links checked').toBeGreaterThanOrEqual(articles.filter((article) => isRemote(article.url)).length);
  expect(figureLinks, 'remote figures checked').toBeGreaterThanOrEqual(remoteFigures);
});

// ---------------------------------------------------------------------------
// In Chromium: the site works under its policy. Every page is opened (and the search page searched, the
// theme toggled) while `securitypolicyviolation` events and CSP console errors are collected.

/** Listens for violations before any page script runs. */
const LISTEN = () => {
  const seen: string[] = [];
  (window as unknown as { __csp: string[] }).__csp = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });
};

async function violations(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test('the policy is enforced: an injected inline script is blocked and reported', async ({ page }) => {
  await page.addInitScript(LISTEN);
  await page.goto('/');
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src-elem blocked inline/)]);
});

for (const url of pages.map((page) => page.url)) {
  test(`no CSP violation on ${url}`, async ({ page }) => {
    const logged: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) logged.push(message.text());
    });
    await page.addInitScript(LISTEN);
    await page.goto(url);
    await page.waitForLoadState('load');
    // Exercise the scripts the page has: the theme toggle everywhere, Pagefind (WebAssembly) on search.
    const toggle = page.locator('[data-theme-toggle]');
    if (await toggle.isVisible()) await toggle.click();
    if (url === '/search/') {
      await page.locator('#search-q').fill('IAEA');
      await expect(page.locator('[data-search-summary]')).toContainText(/result/, { timeout: 15_000 });
    }
    // The header search box (every page but the search page) loads Pagefind too.
    const header = page.locator('#site-search-q');
    if (url === '/' && (await header.count()) > 0) {
      await header.fill('nuclear');
      await expect(page.locator('#site-search-results')).toBeVisible({ timeout: 15_000 });
    }
    expect(await violations(page)).toEqual([]);
    expect(logged).toEqual([]);
  });
}
