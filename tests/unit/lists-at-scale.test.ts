/**
 * Lists that stay usable at real variety: the works cited cut into views and pages (src/utils/references-pages.ts),
 * and the topic x source matrix's columns chosen by topic hits (src/utils/topic-matrix.ts), on the real corpus
 * grown with what a real one holds: thousands of works, large sources off the subject; and a feed's boilerplate
 * (scripts/ingest/filters/feed-boilerplate.ts) kept out of the shared passages, which still find a quotation that
 * different sources carry (the fixture tests/fixtures/feed-repeated-sign-off/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { draftSource } from '../../scripts/ingest/draft-source.ts';
import { boilerplateThreshold, foldParagraph } from '../../scripts/ingest/filters/feed-boilerplate.ts';
import { anchoredParagraphs } from '../../src/core/paragraph-id.ts';
import { detectReuse } from '../../src/core/text-reuse.ts';
import type { Article } from '../../src/schemas/article.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { PAGE_SIZE } from '../../src/utils/pagination.ts';
import { domainsOf, referencesParam, referencesPath, referenceViews, viewPages } from '../../src/utils/references-pages.ts';
import { sourceMatrix } from '../../src/utils/topic-matrix.ts';
import type { CitedWork } from '../../src/utils/works-cited.ts';
import { corpusTopics, ingest } from '../helpers/ingest-corpus.ts';

const real = ingest().entries.map((entry) => entry.article);

describe('works cited, a page at a time in every view', () => {
  // As many works as a real corpus of 2,000 articles cites, on a few domains, most cited once, a few by many.
  const works: CitedWork[] = Array.from({ length: 3682 }, (_, i) => {
    const citing = real.slice(0, i % 97 === 0 ? real.length : 1 + (i % 3)).map((article) => ({
      article,
      places: [{ anchor: 'p-1', place: 'para. 1', text: 'text', label: `Work ${i}`, href: null }],
    }));
    const domain = ['arxiv.org', 'example.com', `site-${i % 40}.example`][i % 3]!;
    return {
      key: `${domain}/${i}`,
      id: `work-${i}`,
      identifier: null,
      url: `https://${domain}/${i}`,
      domain,
      label: `Work ${(i * 7919) % 3682}`,
      labels: [],
      addresses: [],
      inCorpus: null,
      citing,
    };
  }).sort((a, b) => b.citing.length - a.citing.length);
  const pages = referenceViews(works);

  test('every view holds every work of its domain once, in its order, over pages of at most 100 works', () => {
    for (const view of [...new Set(pages.map((page) => JSON.stringify(page.view)))].map((json) => JSON.parse(json) as (typeof pages)[number]['view'])) {
      const shown = pages.filter((page) => JSON.stringify(page.view) === JSON.stringify(view));
      expect(shown.map((page) => page.page)).toEqual(shown.map((_, i) => i + 1));
      const listed = shown.flatMap((page) => page.works);
      const expected = works.filter((work) => view.domain === null || work.domain === view.domain);
      expect(new Set(listed)).toEqual(new Set(expected));
      expect(listed).toHaveLength(expected.length);
      if (view.sort === 'count') expect(listed).toEqual(expected);
      else
        expect(listed.map((work) => work.label)).toEqual(
          expected.map((work) => work.label).sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare),
        );
      for (const page of shown) expect(page.works.length).toBeLessThanOrEqual(100);
    }
  });

  test('works citing many articles weigh more: their pages hold fewer', () => {
    const [heavy] = viewPages(
      works.filter((work) => work.citing.length >= PAGE_SIZE.workCiting),
      { sort: 'count', domain: null },
    );
    const [light] = viewPages(
      works.filter((work) => work.citing.length === 1),
      { sort: 'count', domain: null },
    );
    expect(heavy!.works.length).toBeLessThan(light!.works.length);
  });

  test('each page has its own address, and the domains index lists each domain once', () => {
    const paths = pages.map((page) => referencesPath(page.view, page.page));
    expect(new Set(paths).size).toBe(paths.length);
    expect(referencesPath({ sort: 'count', domain: null })).toBe('/references/');
    expect(referencesPath({ sort: 'name', domain: 'arxiv.org' }, 2)).toBe('/references/domain/arxiv.org/by-name/page/2/');
    expect(referencesParam({ sort: 'count', domain: null }, 1)).toBeUndefined();
    expect(referencesParam({ sort: 'count', domain: null }, 3)).toBe('page/3');
    const domains = domainsOf(works);
    expect(domains.reduce((sum, { count }) => sum + count, 0)).toBe(works.length);
    expect(new Set(domains.map(({ domain }) => domain)).size).toBe(new Set(works.map((work) => work.domain)).size);
  });
});

describe('the topic x source matrix chooses its columns by topic hits', () => {
  // The real corpus, beside large sources none of whose articles carries a topic (feeds off the subject).
  const offSubject: Article[] = Array.from({ length: 12 }, (_, s) =>
    Array.from({ length: real.length + 20 + s }, (_, i): Article => ({
      ...real[i % real.length]!,
      slug: `off-${s}-${i}`,
      url: null,
      outlet: `Off-subject feed ${s}`,
      topics: [],
      stance: {},
    })),
  ).flat();
  const index = buildCorpusIndex([...real, ...offSubject], corpusTopics());
  const matrix = sourceMatrix(index.sources, index.topics, 10);
  const anyTopic = new Set(index.topics.flatMap((entry) => entry.articles.map((article) => article.slug)));
  const tagged = (articles: readonly Article[]) => articles.filter((article) => anyTopic.has(article.slug)).length;

  test('columns are the sources with the most topic-tagged articles, most first; none is empty', () => {
    expect(matrix.columns.length).toBeGreaterThan(0);
    for (const column of matrix.columns) expect(column.tagged).toBe(tagged(column.group.articles));
    expect(matrix.columns.every((column) => column.tagged > 0)).toBe(true);
    const counts = matrix.columns.map((column) => column.tagged);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const leastShown = Math.min(...counts);
    for (const group of matrix.others.groups) expect(tagged(group.articles)).toBeLessThanOrEqual(leastShown);
  });

  test('the sources without a topic are summed in a column of their own, the largest sources among them', () => {
    const largest = [...index.sources].sort((a, b) => b.articles.length - a.articles.length).slice(0, 10);
    expect(largest.every((group) => matrix.untouched.groups.includes(group))).toBe(true);
    expect(matrix.untouched.tagged).toBe(0);
    expect(matrix.untouched.groups.every((group) => tagged(group.articles) === 0)).toBe(true);
    // Every source is in exactly one place; every topic's articles are counted in the columns and "other sources".
    const placed = [...matrix.columns.map((column) => column.group), ...matrix.others.groups, ...matrix.untouched.groups];
    expect(new Set(placed)).toEqual(new Set(index.sources));
    expect(placed).toHaveLength(index.sources.length);
    for (const entry of index.topics) {
      const counted = [...matrix.columns.map((column) => column.group), ...matrix.others.groups].reduce(
        (sum, group) => sum + matrix.count(entry, group.articles),
        0,
      );
      expect(counted).toBe(entry.articles.length);
    }
  });
});

describe("a feed's boilerplate is residue, not a shared passage", () => {
  const folder = path.resolve(import.meta.dirname, '../fixtures/feed-repeated-sign-off/sources');
  const drafts = readdirSync(folder)
    .sort()
    .flatMap((file) => draftSource({ file, bytes: readFileSync(path.join(folder, file)) }, undefined).drafts);
  const documents = drafts.map(({ label, draft }) => ({
    slug: label,
    paragraphs: anchoredParagraphs(draft.body).map(({ text }, i) => ({ id: `p-${i}`, text })),
  }));
  const clusters = detectReuse(documents);
  // What the fixture's feeds repeat, read from their drafts: each folded paragraph, with the items of each feed carrying it.
  const byFeed = Map.groupBy(drafts, ({ draft }) => draft.article.source.file);

  test('a paragraph repeated in enough items of one feed is marked as residue in each, and is in no shared passage', () => {
    const marked = drafts.flatMap(({ draft }) => draft.article.residue.filter((residue) => residue.rule === 'feed-boilerplate'));
    expect(marked.length).toBeGreaterThan(0);
    for (const [, items] of byFeed) {
      const threshold = boilerplateThreshold(items.length);
      for (const { draft } of items) {
        for (const residue of draft.article.residue.filter((one) => one.rule === 'feed-boilerplate')) {
          const carriers = items.filter(({ draft: other }) =>
            [...other.article.residue.map((one) => one.text), ...anchoredParagraphs(other.body).map(({ text }) => text)].some(
              (text) => foldParagraph(text) === foldParagraph(residue.text),
            ),
          );
          expect(carriers.length).toBeGreaterThanOrEqual(threshold);
        }
      }
    }
    const shared = clusters.flatMap((cluster) => cluster.versions.map((version) => foldParagraph(version.text)));
    for (const residue of marked) expect(shared.some((text) => foldParagraph(residue.text).includes(text))).toBe(false);
  });

  test('a quotation that items of different sources carry is still a shared passage, in each of them', () => {
    const files = new Set(drafts.map(({ draft }) => draft.article.source.file));
    expect(files.size).toBeGreaterThan(1);
    const across = clusters.filter(
      (cluster) => new Set(cluster.versions.map((version) => drafts.find(({ label }) => label === version.slug)!.draft.article.source.file)).size > 1,
    );
    expect(across.length).toBeGreaterThan(0);
    // Below the threshold within its own feed, so it stays the author's text there.
    for (const cluster of across) {
      for (const version of cluster.versions) {
        const { draft } = drafts.find(({ label }) => label === version.slug)!;
        expect(draft.article.residue.some((residue) => residue.text.includes(version.text))).toBe(false);
      }
    }
  });
});
