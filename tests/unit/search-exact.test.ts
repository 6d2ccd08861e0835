/** What search counts as a hit (src/client/search/exact.ts): whole words, folded case and diacritics, CJK substrings, apostrophes and hyphens, phrases with their spaces. */
import { describe, expect, test } from 'vitest';
import { containsAll, containsTerm, exactSpans, nearWord, termSpans } from '../../src/client/search/exact.ts';

describe('a word', () => {
  test.each([
    // [text, term, found]
    ['The IAEA for AI', 'iaea', true],
    ['the iaea for ai', 'IAEA', true],
    ['the IAEA’s rules', 'IAEA', true],
    ["the IAEA's rules", 'IAEA', true],
    ['an IAEA-style body', 'IAEA', true],
    ['IAEAs everywhere', 'IAEA', false],
    ['banning and bans', 'banana', false],
    ['blocked', 'blockchain', false],
    ['regulation of AI', 'regulate', false],
    ['we regulate AI', 'regulate', true],
    ['Élan vital', 'elan', true],
    ['elan vital', 'Élan', true],
    ['Zürich and Zurich', 'zurich', true],
    ['naïve', 'naive', true],
    ['ban2 and xban', 'ban', false],
    ['“ban,” she said', 'ban', true],
    ['don’t', "don't", true],
    ["don't", 'don’t', true],
    ['don t', "don't", false],
    ['an IAEA‑style body', 'iaea-style', true],
    ['an IAEA style body', 'iaea-style', false],
    ['co\u00ADoperation', 'cooperation', true],
    // CJK: no spaces, so a contiguous substring is the word.
    ['日本の十戒について', '十戒', true],
    ['日本の十戒について', '十誡', false],
    ['我们在日本工作', '日本', true],
    ['서울에서 만나요', '서울', true],
    ['AI日本', '日本', true],
    ['日本AI', 'ai', true],
  ])('%j has %j: %s', (text, term, found) => {
    expect(containsTerm(text, term)).toBe(found);
  });

  test('punctuation typed around a word is not part of it', () => {
    expect(containsTerm('the IAEA model', '“IAEA,”')).toBe(true);
  });
});

describe('a phrase', () => {
  test.each([
    ['a US-led world order and', 'world order', true],
    ['a world  order', 'world order', true],
    ['a world\norder', 'world order', true],
    ['a world\u00A0order', 'world order', true],
    ['a world\r\n   order', 'world order', true],
    ['World Order', 'world order', true],
    ['worldorder', 'world order', false],
    ['world — order', 'world order', false],
    ['world, order', 'world order', true],
    ['on AI”¹ on', 'on ai on', false],
    ['on AI” on', 'on ai on', true],
    ['world-order', 'world order', false],
    ['the world orders', 'world order', false],
    ['compute threshold limits', 'compute thresholds', false],
    ['order world', 'world order', false],
    ['IAEA, for AI', 'IAEA, for AI', true],
    ['IAEA for AI', 'IAEA, for AI', false],
    ['日本の 十戒', '日本の十戒', false],
    ['日本の十戒', '日本の 十戒', true],
  ])('%j has the phrase %j: %s', (text, phrase, found) => {
    expect(containsAll([text], { phrases: [phrase], words: [] })).toBe(found);
  });
});

describe('a query', () => {
  test('every term must be found, each in any of the texts', () => {
    expect(containsAll(['a world order here', 'The IAEA'], { phrases: ['world order'], words: ['iaea'] })).toBe(true);
    expect(containsAll(['a world order here', 'The IAEA'], { phrases: ['world order'], words: ['iaeas'] })).toBe(false);
  });
  test('a query of punctuation only matches nothing', () => {
    expect(containsAll(['a - b'], { phrases: [], words: ['-'] })).toBe(false);
  });
});

describe('spans to mark', () => {
  test('only exact matches, in the original text, diacritics and case kept', () => {
    const text = 'Ban bans; BÁN. banning';
    expect(exactSpans(text, { phrases: [], words: ['ban'] }).map(({ start, end }) => text.slice(start, end))).toEqual(['Ban', 'BÁN']);
  });
  test('a decomposed accent counts as its letter', () => {
    const text = 'E\u0301lan';
    expect(termSpans(text, 'elan')).toHaveLength(1);
  });
  test('a phrase is one span, across its line break', () => {
    const text = 'a world\n  order b';
    expect(exactSpans(text, { phrases: ['world order'], words: ['order'] }).map(({ start, end }) => text.slice(start, end))).toEqual(['world\n  order']);
  });
  test('positions after a character that folds to more or fewer units stay right', () => {
    const text = 'co\u00ADop İstanbul iaea';
    const [span] = termSpans(text, 'iaea');
    expect(text.slice(span!.start, span!.end)).toBe('iaea');
  });
});

describe('near words', () => {
  test.each([
    ['“banning,”', 'banana', 'banning'],
    ['Banana.', 'banana', undefined],
    ['—', 'banana', undefined],
    ['https://www.forbes.com/sites/x/2026/02/27/trump-bans-government-us.', 'banana', 'bans'],
    ['IAEA’s', 'iaea', 'IAEA’s'],
  ])('%j for %j -> %j', (token, word, near) => {
    expect(nearWord(token, { phrases: [], words: [word] })).toBe(near);
  });
});
