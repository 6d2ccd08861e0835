// Link check over every built HTML file: no internal link, or #fragment, points nowhere.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { distDir, distPages, elements } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { expect, test } from './fixtures.ts';

const pages = distPages();
const byUrl = new Map(pages.map((page) => [page.url, page]));

/** The dist/ file a site path is served from, or null. */
function resolveFile(pathname: string): string | null {
  const decoded = decodeURIComponent(pathname);
  for (const candidate of [decoded, path.join(decoded, 'index.html')]) {
    const file = path.join(distDir, candidate);
    if (file.startsWith(distDir) && existsSync(file) && !file.endsWith('/')) {
      try {
        if (!statSync(file).isDirectory()) return file;
      } catch {
        // fall through
      }
    }
  }
  return null;
}

test('the site has pages to check: one for every article', () => {
  const articles = loadArticles();
  expect(articles.length).toBeGreaterThan(0);
  expect(articles.filter((article) => !byUrl.has(`/articles/${article.slug}/`)).map((article) => article.slug)).toEqual([]);
});

test('every internal link and fragment resolves', () => {
  const broken: string[] = [];
  for (const page of pages) {
    const links = elements(page, (node) => (node.tagName === 'a' || node.tagName === 'link') && typeof node.properties['href'] === 'string');
    for (const link of links) {
      const href = String(link.properties['href']);
      const target = new URL(href, `http://site.test${page.url}`);
      if (target.host !== 'site.test') continue; // external
      const targetPage = byUrl.get(target.pathname) ?? null;
      if (!targetPage && !resolveFile(target.pathname)) {
        broken.push(`${page.url}: ${href} (no such page)`);
        continue;
      }
      if (target.hash && targetPage && !targetPage.ids.has(decodeURIComponent(target.hash.slice(1)))) {
        broken.push(`${page.url}: ${href} (no element with that id)`);
      }
    }
  }
  expect(broken).toEqual([]);
});
