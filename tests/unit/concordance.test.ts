/**
 * The concordance's lines, built from the index the build writes (src/core/concordance.ts, src/core/concordance/): what counts as a
 * match (whole words, case and accents ignored, phrases adjacent inside one paragraph), the context windows
 * (exact slices of the text, every space and mark kept, no word cut), the sort orders and the counts.
 */
import { describe, expect, test } from 'vitest';
import { shardOf, textChunk } from '../../src/core/concordance/format.ts';
import { countOccurrences, findOccurrences, lineAt, sortOccurrences, type Occurrence } from '../../src/core/concordance/lookup.ts';
import { parseConcordanceQuery, tokenize } from '../../src/core/concordance/words.ts';
import { buildConcordance, type ConcordanceFiles, type SourceArticle } from '../../src/core/concordance.ts';

function article(slug: string, title: string, iso: string | null, outlet: string | null, texts: string[]): SourceArticle {
  return {
    slug,
    title,
    date: iso ?? 'Undated',
    iso,
    outlet,
    titleInferred: false,
    dateInferred: false,
    blocks: texts.map((text, index) => ({ id: `p-${slug}${index}`, text })),
  };
}

const corpus = [
  article('zeta', 'Zeta essay', '2026-01-02', 'Outlet A', ['An American oligopoly, they said.', 'Oligopoly\u00a0power is “oligopoly” — again.']),
  article('alpha', 'Alpha essay', '2026-03-01', 'Outlet B', ['The OLIGOPOLY of labs; an oligopolyish word.', 'A world order and a world  order.']),
  article('mid', 'Middle essay', null, 'Outlet A', ['World', 'order is split across paragraphs; an Oligopóly with an accent.']),
];

/** The lines of a query over an index, in the given order, as left|match|right. */
function lines(files: ConcordanceFiles, raw: string, sort: Parameters<typeof sortOccurrences>[1] = 'article'): string[] {
  const query = parseConcordanceQuery(raw);
  const found = findOccurrences(query.words, (word) => files.shard(shardOf(word, files.manifest.shards))[word]);
  return sortOccurrences(found, sort, files.manifest.articles).map((occurrence) => render(files, occurrence, query.words.length));
}

function render(files: ConcordanceFiles, occurrence: Occurrence, length: number): string {
  const { chunk, offset } = textChunk(occurrence.block);
  const [, text] = files.texts[occurrence.article]![chunk]![offset]!;
  const line = lineAt(text, tokenize(text), occurrence.token, length);
  return `${line.left}|${line.match}|${line.right}`;
}

describe('concordance', () => {
  const files = buildConcordance(corpus);

  test('articles are numbered in title order; each text file holds its blocks with their ids', () => {
    const long = buildConcordance([
      article(
        'long',
        'Long',
        null,
        null,
        Array.from({ length: 40 }, (_, index) => `Paragraph ${index}.`),
      ),
    ]);
    expect(long.texts[0]!.map((chunk) => chunk.length)).toEqual([16, 16, 8]);
    expect(long.texts[0]![2]![0]).toEqual(['p-long32', 'Paragraph 32.']);
    expect(textChunk(33)).toEqual({ chunk: 2, offset: 1 });
    expect(files.manifest.articles.map((entry) => entry.slug)).toEqual(['alpha', 'mid', 'zeta']);
    expect(files.texts[2]![0]![0]).toEqual(['p-zeta0', 'An American oligopoly, they said.']);
    const words = Array.from({ length: files.manifest.shards }, (_, index) => Object.keys(files.shard(index))).flat();
    expect(new Set(words).size).toBe(words.length);
    expect(words).toContain('oligopoly');
  });

  test('a word matches whole words only, whatever its case and accents, and every line is an exact slice of its text', () => {
    const found = lines(files, 'oligopoly');
    expect(found).toEqual([
      'The |OLIGOPOLY| of labs; an oligopolyish word.',
      'order is split across paragraphs; an |Oligopóly| with an accent.',
      'An American |oligopoly|, they said.',
      '|Oligopoly|\u00a0power is “oligopoly” — again.',
      'Oligopoly\u00a0power is “|oligopoly|” — again.',
    ]);
    // Joined again, each line is its paragraph's text exactly (no space added or lost, the no-break space kept).
    for (const line of found) expect(corpus.flatMap((entry) => entry.blocks.map((block) => block.text))).toContain(line.replaceAll('|', ''));
  });

  test('a phrase matches its words adjacent and in order, with what lies between them kept, never across paragraphs', () => {
    expect(lines(files, '"world order"')).toEqual(['A |world order| and a world  order.', 'A world order and a |world  order|.']);
    expect(lines(files, '“World Order”')).toHaveLength(2);
    expect(lines(files, 'order world')).toEqual([]);
    expect(lines(files, '"American oligopoly"')).toEqual(['An |American oligopoly|, they said.']);
  });

  test('a Persian word written with a zero-width non-joiner is one word, found with or without it', () => {
    const word = 'برنامه\u200Cنویسی';
    expect(tokenize(`یک ${word} خوب`).map((token) => token.norm)).toEqual(['یک', 'برنامهنویسی', 'خوب']);
    expect(parseConcordanceQuery(word).words).toEqual(parseConcordanceQuery('برنامهنویسی').words);
    // A non-joiner between words (or at a word's edge) is not part of either.
    expect(tokenize('\u200Cیک\u200C').map((token) => [token.start, token.end])).toEqual([[1, 3]]);
  });

  test('an empty query or an unknown word has no lines', () => {
    expect(parseConcordanceQuery('  " " ').words).toEqual([]);
    expect(lines(files, '')).toEqual([]);
    expect(lines(files, 'monopoly')).toEqual([]);
  });

  test('sorts: by date newest first (undated last), by the word before, by the word after', () => {
    expect(lines(files, 'oligopoly', 'date').map((line) => line.split('|')[0])).toEqual([
      'The ',
      'An American ',
      '',
      'Oligopoly\u00a0power is “',
      'order is split across paragraphs; an ',
    ]);
    // The word before: none (the paragraph starts with it) first, then "american", "an", "is", "the".
    expect(lines(files, 'oligopoly', 'before').map((line) => line.split('|')[0])).toEqual([
      '',
      'An American ',
      'order is split across paragraphs; an ',
      'Oligopoly\u00a0power is “',
      'The ',
    ]);
    // The word after: "again" (punctuation is no word), "of", "power", "they", "with".
    expect(lines(files, 'oligopoly', 'after').map((line) => line.split('|')[2])).toEqual([
      '” — again.',
      ' of labs; an oligopolyish word.',
      '\u00a0power is “oligopoly” — again.',
      ', they said.',
      ' with an accent.',
    ]);
  });

  test('context windows stop at a space within the limit, keeping punctuation with its word', () => {
    const text = 'First, “a quoted start” then a long run of words before the keyword and a long run of words after it, to the end.';
    const tokens = tokenize(text);
    const at = tokens.findIndex((token) => token.norm === 'keyword');
    const line = lineAt(text, tokens, at, 1, 20);
    expect(line).toEqual({ left: 'of words before the ', match: 'keyword', right: ' and a long run of' });
    expect(text).toContain(`${line.left}${line.match}${line.right}`);
    expect(lineAt(text, tokens, 1, 2, 20)).toEqual({ left: 'First, “', match: 'a quoted', right: ' start” then a long' });
  });

  test('counts per article and per source, most first', () => {
    const query = parseConcordanceQuery('oligopoly');
    const found = findOccurrences(query.words, (word) => files.shard(shardOf(word, files.manifest.shards))[word]);
    const counts = countOccurrences(found, files.manifest.articles);
    expect(counts.articles).toEqual([
      { article: 2, count: 3 },
      { article: 0, count: 1 },
      { article: 1, count: 1 },
    ]);
    expect(counts.sources).toEqual([
      { outlet: 'Outlet A', count: 4, articles: 2 },
      { outlet: 'Outlet B', count: 1, articles: 1 },
    ]);
  });
});

describe('words of unspaced scripts are segmented, as search segments them', () => {
  test.each([
    ['日本の人工知能規制について', '日本', ['日本']],
    ['彼は十戒を読んだ。', '十戒', ['十戒']],
    ['我把日本的项目拿出来', '日本', ['日本']],
    ['Both can end, 日本 too.', 'end', ['end']],
  ])('%s: %s is a word of its own', (text, query, expected) => {
    const words = tokenize(text).map((token) => token.norm);
    const wanted = parseConcordanceQuery(query).words;
    expect(wanted).toEqual(expected);
    expect(words).toEqual(expect.arrayContaining(wanted));
  });
});
