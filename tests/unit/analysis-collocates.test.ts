/**
 * Collocates, phrases, the concordance's filters and distinctive words (src/core/analysis/): what a reader would see
 * in each table, from small texts whose counts can be read off by eye.
 */
import { describe, expect, test } from 'vitest';
import { collocates, corpusFrequencies, phrases, type PhraseUse } from '../../src/core/analysis/collocates.ts';
import { describeFilters, filterOccurrences, readFilters, writeFilters } from '../../src/core/analysis/concordance-filters.ts';
import { addCounts, countWords, distinctiveWords } from '../../src/core/analysis/distinctive.ts';
import { keyness } from '../../src/core/analysis/keyness.ts';
import { stopWordsFor } from '../../src/core/analysis/stopwords.ts';
import type { ConcordanceArticle } from '../../src/core/concordance/format.ts';
import { findOccurrences } from '../../src/core/concordance/lookup.ts';
import { tokenize } from '../../src/core/concordance/words.ts';

/** The uses of `word` in each text, as the concordance page gives them to collocates(). */
function usesOf(word: string, texts: readonly string[]): PhraseUse[] {
  return texts.flatMap((text, block) => {
    const tokens = tokenize(text);
    const words = tokens.map((token) => token.norm);
    return words.flatMap((norm, token) => (norm === word ? [{ words, block: String(block), token, length: 1, text, spans: tokens }] : []));
  });
}

const filler = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
// "order" four times, "new" right before it each time; "new" nowhere else; lots of other words.
const texts = [
  `a new order came. ${filler}`,
  `then the new order went, ${filler}`,
  `${filler} and a new order stayed`,
  `${filler} the new order, again`,
  ...Array.from({ length: 20 }, () => filler),
];

describe('collocates', () => {
  const frequencies = corpusFrequencies(texts.map((text) => tokenize(text).map((token) => token.norm)));
  const found = collocates(usesOf('order', texts), frequencies);

  test('a word always beside the query is its strongest collocate, with its counts', () => {
    const top = found.collocates[0]!;
    expect(top.word).toBe('new');
    expect(top.observed).toBe(4);
    expect(top.left).toBe(4);
    expect(top.right).toBe(0);
    // Its score is the keyness of 4 in the windows against its 0 other uses in the rest of the corpus.
    const expected = keyness(4, found.windowWords, 0, frequencies.tokens - found.windowWords);
    expect(top.g2).toBeCloseTo(expected.g2, 10);
    expect(top.expected).toBeCloseTo(expected.expected, 10);
    expect(top.expected).toBeLessThan(top.observed);
  });

  test('words spread evenly over the corpus are not collocates; the query itself is not one', () => {
    const words = found.collocates.map((collocate) => collocate.word);
    expect(words).not.toContain('seven');
    expect(words).not.toContain('order');
  });

  test('a position near two uses counts once', () => {
    const text = 'order new order';
    const tokens = tokenize(text);
    const words = tokens.map((token) => token.norm);
    const uses = [0, 2].map((token) => ({ words, block: 'x', token, length: 1 }));
    expect(collocates(uses, { tokens: 1000, words: { new: 3 } }, { minCount: 1, floor: 0 }).windowWords).toBe(1);
  });

  test('frequencies keep the corpus size, and only words used at least 3 times', () => {
    expect(
      corpusFrequencies([
        ['a', 'b', 'a'],
        ['a', 'c'],
      ]),
    ).toEqual({ tokens: 5, words: { a: 3 } });
  });
});

describe('phrases', () => {
  test('the phrases of 2 to 4 words holding a use, as first written, most frequent first', () => {
    const list = phrases(usesOf('order', texts));
    expect(list[0]).toMatchObject({ words: ['new', 'order'], text: 'new order', count: 4 });
    expect(list.find((phrase) => phrase.words.join(' ') === 'a new order')?.count).toBe(2);
    expect(list.every((phrase) => phrase.words.includes('order') && phrase.count >= 2 && phrase.words.length <= 4)).toBe(true);
  });
});

describe('concordance filters', () => {
  const article = (outlet: string | null, iso: string | null, topics: string[]): ConcordanceArticle & { topics: string[] } => ({
    slug: 's',
    title: 't',
    date: 'd',
    iso,
    outlet,
    titleInferred: false,
    dateInferred: false,
    topics,
  });
  const articles = [article('Example Times', '2024-05-01', ['Antitrust']), article(null, null, [])];

  test('read from and written to a URL', () => {
    const filters = readFilters(new URLSearchParams('q=order&source=Example+Times&near=new&span=3'));
    expect(filters).toEqual({ source: 'Example Times', topic: null, year: null, near: 'new', span: 3 });
    const params = new URLSearchParams();
    writeFilters(filters, params);
    expect(params.toString()).toBe('source=Example+Times&near=new&span=3');
    expect(describeFilters(filters)).toBe('in Example Times, within 3 words of “new”');
  });

  test('source, year and topic keep the uses in that part; unknown outlet and undated have names of their own', () => {
    const uses = [
      { article: 0, block: 0, token: 0, before: -1, after: -1 },
      { article: 1, block: 0, token: 0, before: -1, after: -1 },
    ];
    const keep = (query: string) => filterOccurrences(uses, 1, articles, readFilters(new URLSearchParams(query))).map((use) => use.article);
    expect(keep('source=Example+Times')).toEqual([0]);
    expect(keep('source=Unknown+outlet')).toEqual([1]);
    expect(keep('year=2024')).toEqual([0]);
    expect(keep('year=Undated')).toEqual([1]);
    expect(keep('topic=Antitrust')).toEqual([0]);
    expect(keep('')).toEqual([0, 1]);
  });

  test('near keeps the uses with the other word within the span, in the same block', () => {
    // Postings as the index writes them: [article, count, block, token, before, after, …]
    const postings: Record<string, number[]> = {
      order: [0, 3, 0, 1, 0, 0, 0, 9, 0, 0, 1, 4, 0, 0],
      new: [0, 1, 0, 0, 0, 0],
    };
    const uses = findOccurrences(['order'], (word) => postings[word]);
    const near = findOccurrences(['new'], (word) => postings[word]);
    const filters = readFilters(new URLSearchParams('near=new&span=5'));
    expect(filterOccurrences(uses, 1, articles, filters, near).map((use) => use.token)).toEqual([1]);
  });
});

describe('distinctive words', () => {
  const stop = stopWordsFor('en');
  const part = countWords(['Antitrust law and antitrust cases: the antitrust division, antitrust again, 2024.'], stop);
  const rest = countWords(
    Array.from({ length: 40 }, () => 'The weather was fine and the market was calm today.'),
    stop,
  );
  const whole = addCounts([part, rest]);

  test('stop words and numbers are counted in the size but never listed', () => {
    expect(part.words.has('the')).toBe(false);
    expect(part.words.has('and')).toBe(false);
    expect(part.words.has('2024')).toBe(false);
    expect(part.total).toBe(tokenize('Antitrust law and antitrust cases: the antitrust division, antitrust again, 2024.').length);
  });

  test('a word the part uses far more than the rest is listed with its counts; words of the rest are not', () => {
    const list = distinctiveWords(part, whole);
    expect(list[0]).toMatchObject({ word: 'antitrust', observed: 4, rest: 0 });
    expect(list[0]!.g2).toBeGreaterThanOrEqual(10.83);
    expect(list.map((word) => word.word)).not.toContain('market');
    expect(distinctiveWords(rest, whole).map((word) => word.word)).not.toContain('antitrust');
  });

  test('stop words are normalised as the corpus words are, per language', () => {
    expect(stopWordsFor('fr-CA').has('les')).toBe(true);
    expect(stopWordsFor(null).has('the')).toBe(true);
    expect(stopWordsFor('xx').size).toBe(0);
  });
});
