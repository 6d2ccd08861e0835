/**
 * A corpus too large for one build is indexed in shards and searched as one (docs/performance.md, "Beyond one
 * machine"): two Pagefind indexes, each of half the articles, written apart; in Chromium the first loads the
 * second with Pagefind's `mergeIndex`, and a query finds what one index of all the articles finds, each hit at
 * its own shard's address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../scripts/bench/measure-browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { ingest } from '../helpers/ingest-corpus.ts';

const articles = ingest().entries.map((entry) => entry.article);
const text = (article: (typeof articles)[number]) => [article.dek ?? '', ...article.passages.map((passage) => passage.text)].join('\n\n');
const words = (article: (typeof articles)[number]) =>
  new Set(
    text(article)
      .toLowerCase()
      .match(/\p{L}{6,}/gu) ?? [],
  );
const halves = [articles.filter((_, i) => i % 2 === 0), articles.filter((_, i) => i % 2 === 1)];
// Queries: words of the first half only, of the second only, and of both; each shares its first five letters with
// no other word of the corpus. A shard that lacks a query word falls back to near words it does hold ("watchdog"
// finding "watched"), as one index does only when no page has the word itself: so a word both shards hold is
// found exactly as one index finds it, and a word of one shard is found at least where one index finds it.
const vocabulary = new Set(articles.flatMap((article) => [...words(article)]));
const distinct = (word: string) => [...vocabulary].every((other) => other === word || other.slice(0, 5) !== word.slice(0, 5));
const only = (mine: typeof articles, theirs: typeof articles) =>
  [...new Set(mine.flatMap((article) => [...words(article)]))].filter((word) => distinct(word) && !theirs.some((other) => words(other).has(word)));
const queries = [
  ...only(halves[0]!, halves[1]!).slice(0, 2),
  ...only(halves[1]!, halves[0]!).slice(0, 2),
  ...[...words(articles[0]!)].filter((word) => distinct(word) && articles.every((article) => words(article).has(word))).slice(0, 2),
];

// Each shard records site paths; in the browser Pagefind puts each shard's own base (where its bundle is served) before them.
async function writeIndex(shard: typeof articles, outputPath: string): Promise<void> {
  const { index } = await pagefind.createIndex({});
  for (const article of shard)
    await index!.addCustomRecord({ url: `/articles/${article.slug}/`, content: text(article), language: 'en', meta: { title: article.title } });
  await index!.writeFiles({ outputPath });
}

describe('two search shards merged in the browser', () => {
  let browser: Browser;
  let server: { origin: string; close: () => Promise<void> };
  const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-shards-'));

  beforeAll(async () => {
    await writeIndex(halves[0]!, path.join(root, 'a', 'pagefind'));
    await writeIndex(halves[1]!, path.join(root, 'b', 'pagefind'));
    await writeIndex(articles, path.join(root, 'all', 'pagefind'));
    await pagefind.close();
    server = await serveStatic(root);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the merged shards find what one index of all the articles finds, each hit at its shard’s address', async () => {
    expect(halves[0]!.length).toBeGreaterThan(0);
    expect(halves[1]!.length).toBeGreaterThan(0);
    expect(queries.length).toBeGreaterThanOrEqual(4);
    const page = await browser.newPage();
    await page.goto(`${server.origin}/a/pagefind/pagefind-entry.json`);
    // Plain browser code, passed as text: vitest would rewrite a dynamic import() inside a function.
    const script = `(async (terms) => {
      const search = async (bundle, merge) => {
        const module = await import(bundle + 'pagefind.js');
        await module.options({ bundlePath: bundle });
        if (merge !== null) await module.mergeIndex(merge);
        const out = {};
        for (const term of terms) {
          const { results } = await module.search(term);
          out[term] = (await Promise.all(results.map((result) => result.data()))).map((data) => data.url);
        }
        return out;
      };
      return { merged: await search('/a/pagefind/', '/b/pagefind/'), single: await search('/all/pagefind/', null) };
    })(${JSON.stringify(queries)})`;
    const found = (await page.evaluate(script)) as { merged: Record<string, string[]>; single: Record<string, string[]> };
    for (const term of queries) {
      const slugs = (urls: string[]) => urls.map((url) => url.replace(/^\/(a|b|all)\/articles\//, '')).sort();
      expect(found.merged[term]!.length, term).toBeGreaterThan(0);
      const inBoth = halves.every((half) => half.some((article) => words(article).has(term)));
      if (inBoth) expect(slugs(found.merged[term]!), term).toEqual(slugs(found.single[term]!));
      else expect(slugs(found.merged[term]!), term).toEqual(expect.arrayContaining(slugs(found.single[term]!)));
      // Each hit is at the address of the shard that holds it.
      for (const url of found.merged[term]!) {
        const slug = url.replace(/^\/(a|b)\/articles\//, '').replace(/\/$/, '');
        expect(url.startsWith(halves[0]!.some((article) => article.slug === slug) ? '/a/' : '/b/'), url).toBe(true);
      }
    }
    const fromBoth = new Set(Object.values(found.merged).flatMap((urls) => urls.map((url) => url.slice(0, 3))));
    expect(fromBoth).toEqual(new Set(['/a/', '/b/']));
    await page.close();
  }, 120_000);
});
