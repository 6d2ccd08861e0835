/**
 * Shared passages: the detector finds the passages planted in a corpus (verbatim, with small edits, reordered, quoted
 * by three, nearly paraphrased) and nothing else (common phrases, reuse within one article, function words), with
 * each version's exact span in its paragraph; precision and recall are printed. And the word-level differences.
 */
import { describe, expect, test } from 'vitest';
import { align, isSharedPassage } from '../../src/core/text-reuse/alignment.ts';
import { diffVersions } from '../../src/core/text-reuse/diff.ts';
import type { ReuseMemo } from '../../src/core/text-reuse/memo.ts';
import { REUSE_OPTIONS } from '../../src/core/text-reuse/options.ts';
import { fingerprints } from '../../src/core/text-reuse/winnowing.ts';
import { words } from '../../src/core/text-reuse/words.ts';
import { detectReuse, type ReuseCluster } from '../../src/core/text-reuse.ts';
import { plantedCorpus, type Planted } from '../helpers/planted-reuse.ts';

const { documents, planted } = plantedCorpus();

/** A memo in a map that counts the lookups it could not answer (`misses.count`, reset by setting it). */
function countingMemo(): { memo: ReuseMemo; store: Map<string, readonly number[]>; misses: { count: number } } {
  const store = new Map<string, readonly number[]>();
  const misses = { count: 0 };
  const memo: ReuseMemo = {
    get: (key) => {
      const value = store.get(key);
      if (value === undefined) misses.count++;
      return value;
    },
    set: (key, value) => void store.set(key, value),
  };
  return { memo, store, misses };
}
const paragraphText = new Map(documents.flatMap((document) => document.paragraphs.map(({ id, text }) => [`${document.slug}#${id}`, text])));

/** Whether a found cluster is a planted passage: the same articles, each version covering most of the planted text and little else. */
function matches(cluster: ReuseCluster, truth: Planted): boolean {
  const slugs = Object.keys(truth.versions).sort();
  if (JSON.stringify([...new Set(cluster.versions.map(({ slug }) => slug))].sort()) !== JSON.stringify(slugs)) return false;
  return cluster.versions.every(({ slug, paragraph, start, end }) => {
    const text = paragraphText.get(`${slug}#${paragraph}`)!;
    const at = text.indexOf(truth.versions[slug]!);
    if (at === -1) return false;
    const overlap = Math.min(end, at + truth.versions[slug]!.length) - Math.max(start, at);
    return overlap / Math.max(end - start, truth.versions[slug]!.length) >= 0.8;
  });
}

describe('detectReuse on the planted corpus', () => {
  const found = detectReuse(documents);

  test('finds every planted passage and nothing else (precision and recall)', () => {
    const truePositives = found.filter((cluster) => planted.some((truth) => matches(cluster, truth)));
    const recalled = planted.filter((truth) => found.some((cluster) => matches(cluster, truth)));
    const precision = found.length === 0 ? 1 : truePositives.length / found.length;
    const recall = recalled.length / planted.length;
    console.log(
      `text reuse on the planted corpus: ${found.length} found, ${planted.length} planted; precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}` +
        (recalled.length < planted.length ? `; missed: ${planted.filter((truth) => !recalled.includes(truth)).map(({ name }) => name)}` : ''),
    );
    expect(recall).toBe(1);
    expect(precision).toBe(1);
  });

  test('each version is its paragraph’s text between its offsets, every space kept, starting and ending on a word', () => {
    for (const cluster of found) {
      for (const { slug, paragraph, start, end, text } of cluster.versions) {
        const whole = paragraphText.get(`${slug}#${paragraph}`)!;
        expect(whole.slice(start, end)).toBe(text);
        expect(text).toMatch(/^[\p{L}\p{N}].*[\p{L}\p{N}]$/u);
      }
    }
  });

  test('the passage three articles quote comes first, as one cluster of three', () => {
    expect(found[0]!.articles).toBe(3);
    expect(found[0]!.versions.map(({ slug }) => slug)).toEqual(['alpha', 'gamma', 'delta']);
    expect(found.slice(1).every((cluster) => cluster.articles === 2)).toBe(true);
  });

  test('reordered sentences are two passages of the same pair of paragraphs', () => {
    const reordered = found.filter((cluster) => cluster.versions.some(({ paragraph }) => paragraph === 'a2'));
    expect(reordered.map((cluster) => cluster.versions.map(({ paragraph }) => paragraph))).toEqual([
      ['a2', 'b2'],
      ['a2', 'b2'],
    ]);
  });

  test('common phrases, function-word runs and reuse within one article never count', () => {
    const slugs = found.flatMap((cluster) => cluster.versions.map(({ slug, paragraph }) => `${slug}#${paragraph}`));
    expect(slugs).not.toContain('gamma#g3');
    expect(slugs).not.toContain('delta#d3');
    expect(slugs.filter((key) => key.startsWith('epsilon'))).toEqual([]);
    for (const cluster of found) for (const { text } of cluster.versions) expect(text.toLowerCase()).not.toBe('artificial intelligence');
  });

  test('with a memo of an earlier run, the same clusters and diffs, and nothing aligned or diffed again', () => {
    const { memo, store, misses } = countingMemo();
    const diffs = (clusters: ReuseCluster[], with_?: ReuseMemo) =>
      clusters.map((cluster) =>
        diffVersions(
          cluster.versions.map(({ text }) => text),
          with_,
        ),
      );
    const first = detectReuse(documents, REUSE_OPTIONS, undefined, memo);
    const firstDiffs = diffs(first, memo);
    expect(first).toEqual(found);
    expect(firstDiffs).toEqual(diffs(found));
    expect(store.size).toBeGreaterThan(found.length);
    misses.count = 0;
    expect(detectReuse(documents, REUSE_OPTIONS, undefined, memo)).toEqual(found);
    expect(diffs(found, memo)).toEqual(firstDiffs);
    expect(misses.count).toBe(0);
    // A changed paragraph is aligned again: its old results are not reused for the new text.
    const changed = documents.map((document, d) =>
      d === 0 ? { ...document, paragraphs: document.paragraphs.map((p, i) => (i === 0 ? { ...p, text: `${p.text} Added.` } : p)) } : document,
    );
    misses.count = 0;
    expect(detectReuse(changed, REUSE_OPTIONS, undefined, memo)).toEqual(detectReuse(changed));
    expect(misses.count).toBeGreaterThan(0);
  });

  test('the same result whatever else the corpus holds: clusters and their ids are stable', () => {
    expect(detectReuse(documents).map(({ id }) => id)).toEqual(found.map(({ id }) => id));
    expect(found.every(({ id }) => /^r-[0-9a-f]{8}$/.test(id))).toBe(true);
  });
});

describe('the thresholds', () => {
  const keys = (text: string) => words(text).map(({ key }) => key);

  test('"artificial intelligence" alone, or a named body, is no shared passage', () => {
    for (const phrase of [
      'artificial intelligence',
      'the International Atomic Energy Agency',
      'one of the most important questions',
      'a US-led Allied Public-Private Partnership',
    ]) {
      const a = keys(`We talk about ${phrase} today.`);
      const b = keys(`They wrote on ${phrase} yesterday.`);
      expect(align(a, b).some((alignment) => isSharedPassage(alignment, a))).toBe(false);
    }
  });

  test('runs of stopwords give no fingerprint; a shared run of shingle + window - 1 words always does', () => {
    expect(fingerprints(keys('and it is not that it was in the of to')).size).toBe(0);
    const shared = 'american oligopoly that includes his';
    expect(shared.split(' ')).toHaveLength(REUSE_OPTIONS.shingle + REUSE_OPTIONS.window - 1);
    for (let i = 0; i < 20; i++) {
      const a = fingerprints(keys(`filler ${'x'.repeat(i)} words ${shared} tail end`));
      const b = fingerprints(keys(`other ${'y'.repeat(i)} text here and ${shared} more`));
      expect([...a.keys()].some((hash) => b.has(hash))).toBe(true);
    }
  });

  test('words keep their offsets; curly and straight apostrophes compare equal; a hyphenated word is one word', () => {
    const text = 'Altman’s own — US‑led company';
    expect(words(text).map(({ key, start, end }) => [key, text.slice(start, end)])).toEqual([
      ["altman's", 'Altman’s'],
      ['own', 'own'],
      ['us-led', 'US‑led'],
      ['company', 'company'],
    ]);
  });
});

describe('diffVersions', () => {
  test('marks the words that differ, and the pieces are exactly each text', () => {
    const texts = ['an American oligopoly that includes his own company', 'an American oligopoly that includes Altman’s own company'];
    const diff = diffVersions(texts);
    expect(diff.map((segments) => segments.map(({ text }) => text).join(''))).toEqual(texts);
    expect(diff.map((segments) => segments.filter(({ changed }) => changed).map(({ text }) => text))).toEqual([['his'], ['Altman’s']]);
  });

  test('a run of changed words is one mark, spaces included; the first version is marked where any other differs', () => {
    const diff = diffVersions(['one two three four', 'one six seven four', 'one two three four']);
    expect(diff[1]!.filter(({ changed }) => changed).map(({ text }) => text)).toEqual(['six seven']);
    expect(diff[0]!.filter(({ changed }) => changed).map(({ text }) => text)).toEqual(['two three']);
    expect(diff[2]!.some(({ changed }) => changed)).toBe(false);
  });

  test('with a memo, a changed version is compared again alone, and the diff is as computed afresh', () => {
    const { memo, misses } = countingMemo();
    const texts = ['one two three four five', 'one six seven four five', 'one two three four', 'one two eight four five'];
    expect(diffVersions(texts, memo)).toEqual(diffVersions(texts));
    expect(misses.count).toBe(texts.length - 1);
    misses.count = 0;
    const changed = texts.map((text, v) => (v === 2 ? 'one two three nine five' : text));
    const diff = diffVersions(changed, memo);
    expect(misses.count).toBe(1);
    expect(diff).toEqual(diffVersions(changed));
    expect(diff[0]!.filter(({ changed: marked }) => marked).map(({ text }) => text)).toEqual(['two three four']);
  });
});
