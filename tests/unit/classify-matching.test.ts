/**
 * The classifier's fast term matching (literal pre-check, sticky pattern at the first word's positions)
 * finds exactly what the plain whole-word pattern finds, on every paragraph of the real corpus and on
 * edge cases (hyphens, apostrophes, prefixes, words inside words).
 */
import { describe, expect, test } from 'vitest';
import { normalize, termMatcher, termPattern } from '../../scripts/ingest/classify.ts';
import { corpusTopics, ingest } from '../helpers/ingest-corpus.ts';

const topics = corpusTopics();
const terms = [...new Set(topics.flatMap((topic) => [...topic.strong, ...topic.terms]))];

function firstMatch(term: string, text: string): [number, number] | null {
  const match = termPattern(term, 'g').exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}

describe('fast term matching', () => {
  const paragraphs = ingest().entries.flatMap((entry) => entry.article.passages.map((passage) => normalize(passage.text)));
  const edges = [
    "the un's role under iaea-style rules",
    'open-source and open source and open—source models',
    'geopolitical geopolitics geopolitic',
    'xgpai gpai-x unverified verification re-verify',
    'compute-based thresholds; compute threshold, compute thresholds',
  ].map(normalize);

  test('finds the same first match as the whole-word pattern, for every term and text', () => {
    expect(paragraphs.length).toBeGreaterThan(50);
    for (const term of terms) {
      const find = termMatcher(term);
      for (const text of [...paragraphs, ...edges]) expect(find(text), `${term} in ${text.slice(0, 40)}`).toEqual(firstMatch(term, text));
    }
  });
});
