/**
 * The concordance (keyword in context): words and what counts as a match, the static index a build writes
 * (one file of articles, word shards of postings, an article's text in files of 16 blocks) and, in the browser, the lines
 * built from it: every occurrence of a word or phrase with its left context, the match and its right context,
 * each an exact slice of its block's text (every space and mark as the page shows it), sorted by the word
 * before or after, by article or by date. Pure: no DOM, no file system.
 * lineAt('Both can end, “civilizations” too.', tokens, 3, 1) -> { left: 'Both can end, “', match: 'civilizations', right: '” too.' }
 */

/** Bumped when a file of the index changes shape. */
const CONCORDANCE_VERSION = 1;

/** Where the index lives in the built site. */
export const CONCORDANCE_DATA = '/concordance/data';

/** A word of a text: a run of letters, digits and combining marks. Anything else separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): a run holding them is
 * split into words by the runtime's word segmenter (ICU's dictionaries), as Pagefind segments these languages, so
 * "日本の人工知能" is 日本 / の / 人工 / 知能, not one word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of `text` as [start, end) offsets: runs of WORD, those in unspaced scripts segmented further. */
function* wordSpans(text: string): Generator<[number, number]> {
  for (const match of text.matchAll(WORD)) {
    if (!UNSPACED.test(match[0])) {
      yield [match.index, match.index + match[0].length];
      continue;
    }
    for (const segment of segmenter.segment(match[0])) {
      if (segment.isWordLike) yield [match.index + segment.index, match.index + segment.index + segment.segment.length];
    }
  }
}

/** One word of a block's text: where it is, and its form for comparison. */
export interface Token {
  start: number;
  end: number;
  /** Lowercased, accents dropped (NFD, combining marks removed): 'Éclat' -> 'eclat'. */
  norm: string;
}

/** A word's form for comparison: case and diacritics do not count, as in search. */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, in order. */
export function tokenize(text: string): Token[] {
  return [...wordSpans(text)].map(([start, end]) => ({ start, end, norm: normalizeWord(text.slice(start, end)) }));
}

/** A reader's query: its words, and how to name it. */
export interface ConcordanceQuery {
  /** The words to find, adjacent and in order (normalised). Empty when the query has no word. */
  words: string[];
  /** The query as the reader typed it, trimmed, without its quotes. */
  text: string;
  /** For the reader's eyes, in curly quotes: '“world order”'. */
  label: string;
}

// Typographic double quotes count as quotes, as in search.
const QUOTES = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** Parse a query: a word, or a phrase (in quotes or not, its words must be adjacent and in order). */
export function parseConcordanceQuery(raw: string): ConcordanceQuery {
  const text = raw.replace(QUOTES, ' ').trim().replace(/\s+/g, ' ');
  const words = tokenize(text).map((token) => token.norm);
  return { words, text, label: words.length > 0 ? `“${text}”` : '' };
}

/** The shard a word's postings are in (FNV-1a of its UTF-16 code units). */
export function shardOf(word: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** An article as the index records it (`articles.json`); the index of the list is the article's number. */
export interface ConcordanceArticle {
  slug: string;
  title: string;
  /** The date as the site displays it ('2 March 2026', or 'Undated'). */
  date: string;
  /** ISO date for sorting, null when undated. */
  iso: string | null;
  /** null when the outlet is not known. */
  outlet: string | null;
  titleInferred: boolean;
  dateInferred: boolean;
  /** The article's language (BCP 47), for its lines' and title's `lang` and `dir`; absent or null when not known. */
  lang?: string | null;
}

/** `articles.json`: the articles, in title order (an article's number is its rank by title), and the number of shards. */
export interface ConcordanceManifest {
  version: number;
  shards: number;
  articles: ConcordanceArticle[];
}

/**
 * A word shard (`w/<n>.json`): word -> its postings, one flat list of numbers: for each article with the
 * word, its number and how many times it has it, then for each occurrence its block, its word position in
 * the block, and the ranks (in the sorted vocabulary) of the word before and the word after it in the block
 * (-1 at the block's edge). [article, count, block, token, before, after, block, token, before, after, article, ...]
 */
export type ConcordanceShard = Record<string, number[]>;

/** A text file (`t/<article>-<chunk>.json`): TEXT_CHUNK blocks of an article (fewer in its last), each its id on the page and its text. */
export type ConcordanceText = Array<[id: string, text: string]>;

/** Blocks per text file: a line fetches a sixteenth-or-so of a long article, not all of it. */
export const TEXT_CHUNK = 16;

/** The text file of block `block` of an article, and the block's place in it. */
export function textChunk(block: number): { chunk: number; offset: number } {
  return { chunk: Math.floor(block / TEXT_CHUNK), offset: block % TEXT_CHUNK };
}

/** One block of an article's indexed text: a paragraph, heading or note with its id on the page. */
export interface SourceBlock {
  id: string;
  text: string;
}

/** What the build gives for each article. */
export interface SourceArticle extends ConcordanceArticle {
  blocks: SourceBlock[];
  /** Its topics' labels, for the trends' facts file (src/core/analysis/trends.ts); not in `articles.json`. */
  topics?: readonly string[];
}

/** The files of the index: `articles.json`, `w/<shard>.json`, and for each article its text files (`t/<article>-<chunk>.json`). */
export interface ConcordanceFiles {
  manifest: ConcordanceManifest;
  /** Word shard `index` (0 to `manifest.shards` - 1), made when asked for: all of them at once would hold every posting twice. */
  shard(index: number): ConcordanceShard;
  texts: ConcordanceText[][];
  /** Each article's number of words (in `articles.json` order), as the index counts them: what trends divide by. */
  words: number[];
  /** Each article's topics, in the same order. */
  topics: Array<readonly string[]>;
}

/** Raw bytes of postings aimed at per shard, estimated at 4 characters a number (shards come out smaller: about 25 KB, 7 KB gzipped, at 1,000 articles). */
const SHARD_TARGET = 48 * 1024;

const titleOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Build the whole index from the articles' blocks. Each distinct word is held once, by a number of its own, each
 * block's words as those numbers, and every word's postings in one typed array sized beforehand (a token object per
 * word and a list per posting took about 2.5 GB for 10,000 articles). Shards are made one at a time when asked for.
 */
export function buildConcordance(input: readonly SourceArticle[]): ConcordanceFiles {
  const sorted = [...input].sort((a, b) => titleOrder.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const blockWords = sorted.map((article) =>
    article.blocks.map((block) => {
      const words: number[] = [];
      for (const [start, end] of wordSpans(block.text)) {
        const norm = normalizeWord(block.text.slice(start, end));
        let id = ids.get(norm);
        if (id === undefined) {
          id = vocabulary.push(norm) - 1;
          ids.set(norm, id);
        }
        words.push(id);
      }
      return Int32Array.from(words);
    }),
  );
  ids.clear();
  // The words in code unit order (as Array.prototype.sort orders strings); a word's rank is its place there.
  const order = vocabulary.map((_, id) => id).sort((a, b) => (vocabulary[a]! < vocabulary[b]! ? -1 : 1));
  const rank = new Int32Array(vocabulary.length);
  order.forEach((id, place) => (rank[id] = place));

  // A word's postings: for each article with it, 2 numbers, and 4 for each occurrence.
  const lastArticle = new Int32Array(vocabulary.length).fill(-1);
  const start = new Int32Array(vocabulary.length + 1);
  blockWords.forEach((blocks, article) => {
    for (const words of blocks)
      for (const id of words) {
        if (lastArticle[id] !== article) {
          lastArticle[id] = article;
          start[id + 1]! += 2;
        }
        start[id + 1]! += 4;
      }
  });
  for (let id = 0; id < vocabulary.length; id++) start[id + 1]! += start[id]!;
  const postings = new Int32Array(start[vocabulary.length]!);
  const next = start.slice(0, vocabulary.length);
  const inArticle = new Int32Array(vocabulary.length);
  lastArticle.fill(-1);
  blockWords.forEach((blocks, article) => {
    const seen: number[] = [];
    for (const words of blocks)
      for (const id of words) {
        if (lastArticle[id] !== article) {
          lastArticle[id] = article;
          inArticle[id] = 0;
          seen.push(id);
        }
        inArticle[id]!++;
      }
    for (const id of seen) {
      postings[next[id]!++] = article;
      postings[next[id]!++] = inArticle[id]!;
    }
    blocks.forEach((words, block) => {
      for (let position = 0; position < words.length; position++) {
        const id = words[position]!;
        postings[next[id]!++] = block;
        postings[next[id]!++] = position;
        postings[next[id]!++] = position > 0 ? rank[words[position - 1]!]! : -1;
        postings[next[id]!++] = position + 1 < words.length ? rank[words[position + 1]!]! : -1;
      }
    });
  });

  // About 4 characters a number, with its comma.
  let bytes = 0;
  vocabulary.forEach((word, id) => (bytes += word.length + 4 + (start[id + 1]! - start[id]!) * 4));
  const count = Math.max(1, Math.ceil(bytes / SHARD_TARGET));
  const inShard: number[][] = Array.from({ length: count }, () => []);
  for (const id of order) inShard[shardOf(vocabulary[id]!, count)]!.push(id);
  return {
    manifest: { version: CONCORDANCE_VERSION, shards: count, articles: sorted.map(({ blocks: _blocks, topics: _topics, ...article }) => article) },
    shard: (index) => Object.fromEntries(inShard[index]!.map((id) => [vocabulary[id]!, Array.from(postings.subarray(start[id]!, start[id + 1]!))])),
    texts: sorted.map((article) => {
      const chunks: ConcordanceText[] = [];
      article.blocks.forEach((block, index) => (chunks[textChunk(index).chunk] ??= []).push([block.id, block.text]));
      return chunks;
    }),
    words: blockWords.map((blocks) => blocks.reduce((sum, words) => sum + words.length, 0)),
    topics: sorted.map((article) => article.topics ?? []),
  };
}

/** One occurrence of the query: where it is, and its sort keys. */
export interface Occurrence {
  article: number;
  block: number;
  /** Word position of the match's first word in the block. */
  token: number;
  /** Rank of the word before and after the match (-1: none, the match is at the block's edge). */
  before: number;
  after: number;
}

interface Posting {
  block: number;
  token: number;
  before: number;
  after: number;
}

/** Each article's postings of a word, from its shard. */
function readPostings(list: readonly number[] | undefined): Map<number, Posting[]> {
  const byArticle = new Map<number, Posting[]>();
  if (list === undefined) return byArticle;
  for (let index = 0; index < list.length;) {
    const article = list[index]!;
    const count = list[index + 1]!;
    const postings: Posting[] = [];
    for (let at = index + 2; at < index + 2 + count * 4; at += 4)
      postings.push({ block: list[at]!, token: list[at + 1]!, before: list[at + 2]!, after: list[at + 3]! });
    byArticle.set(article, postings);
    index += 2 + count * 4;
  }
  return byArticle;
}

/**
 * Every occurrence of the query's words, adjacent and in order inside one block, in reading order (article
 * number, block, position). `postingsOf(word)` is the word's list from its shard (undefined: not in the corpus).
 */
export function findOccurrences(words: readonly string[], postingsOf: (word: string) => readonly number[] | undefined): Occurrence[] {
  if (words.length === 0) return [];
  const lists = words.map((word) => readPostings(postingsOf(word)));
  const found: Occurrence[] = [];
  const first = lists[0]!;
  for (const article of [...first.keys()].sort((a, b) => a - b)) {
    const rest = lists.slice(1).map((list) => list.get(article));
    if (rest.some((postings) => postings === undefined)) continue;
    const at = rest.map((postings) => new Set(postings!.map((posting) => `${posting.block}:${posting.token}`)));
    const lastOf = rest.at(-1);
    for (const posting of first.get(article)!) {
      if (!at.every((set, offset) => set.has(`${posting.block}:${posting.token + offset + 1}`))) continue;
      const last = lastOf?.find((other) => other.block === posting.block && other.token === posting.token + words.length - 1) ?? posting;
      found.push({ article, block: posting.block, token: posting.token, before: posting.before, after: last.after });
    }
  }
  return found;
}

/** The orders a concordance can be read in. */
const SORTS = ['article', 'date', 'before', 'after'] as const;
export type ConcordanceSort = (typeof SORTS)[number];

/** True for a sort the page knows (anything else in a URL falls back to the default). */
export function isSort(value: string | null): value is ConcordanceSort {
  return (SORTS as readonly string[]).includes(value ?? '');
}

/**
 * The occurrences in the chosen order, ties in reading order: by article (title A-Z, as numbered), by date
 * (newest first, undated last), by the word before or the word after the match (A-Z; none, at a paragraph's
 * edge, first). Returns a new array.
 */
export function sortOccurrences(occurrences: readonly Occurrence[], sort: ConcordanceSort, articles: readonly ConcordanceArticle[]): Occurrence[] {
  const reading = (a: Occurrence, b: Occurrence) => a.article - b.article || a.block - b.block || a.token - b.token;
  const iso = (occurrence: Occurrence) => articles[occurrence.article]?.iso ?? '';
  const by: Record<ConcordanceSort, (a: Occurrence, b: Occurrence) => number> = {
    article: reading,
    date: (a, b) => (iso(a) === iso(b) ? 0 : iso(a) < iso(b) ? 1 : -1) || reading(a, b),
    before: (a, b) => a.before - b.before || a.after - b.after || reading(a, b),
    after: (a, b) => a.after - b.after || a.before - b.before || reading(a, b),
  };
  return [...occurrences].sort(by[sort]);
}

/** A line of the concordance: three exact slices of the block's text, which join to a stretch of it. */
export interface Line {
  left: string;
  match: string;
  right: string;
}

/** Characters of context on each side, at most (cut at a space, so no word is cut). */
const CONTEXT = 72;

/**
 * The line for a match of `length` words at word `token` of `text` (`tokens` = tokenize(text)). The match runs
 * from its first word's first character to its last word's last (what lies between, spaces and punctuation, is
 * kept); the contexts run to the block's edges or to the last space within `context` characters, so a word is
 * never cut and the punctuation beside a word stays with it.
 */
export function lineAt(text: string, tokens: readonly Token[], token: number, length: number, context = CONTEXT): Line {
  const start = tokens[token]!.start;
  const end = tokens[token + length - 1]!.end;
  let from = 0;
  if (start > context) {
    // From the character before the window, so a word that starts right at its edge is kept whole.
    const space = text.slice(start - context - 1, start).search(/\s/);
    from = space < 0 ? start - context : start - context + space;
  }
  let to = text.length;
  if (text.length - end > context) {
    const window = text.slice(end, end + context + 1);
    let space = window.length - 1;
    while (space > 0 && !/\s/.test(window[space]!)) space--;
    to = space <= 0 ? end + context : end + space;
  }
  return { left: text.slice(from, start), match: text.slice(start, end), right: text.slice(end, to) };
}

/** Lines per article and per source, most first (ties: the articles' order, the outlet's name). */
export interface Counts {
  articles: Array<{ article: number; count: number }>;
  sources: Array<{ outlet: string | null; count: number; articles: number }>;
}

/** How many lines each article and each source has. */
export function countOccurrences(occurrences: readonly Occurrence[], articles: readonly ConcordanceArticle[]): Counts {
  const perArticle = new Map<number, number>();
  for (const occurrence of occurrences) perArticle.set(occurrence.article, (perArticle.get(occurrence.article) ?? 0) + 1);
  const perSource = new Map<string | null, { count: number; articles: number }>();
  for (const [article, count] of perArticle) {
    const outlet = articles[article]?.outlet ?? null;
    const entry = perSource.get(outlet) ?? { count: 0, articles: 0 };
    perSource.set(outlet, { count: entry.count + count, articles: entry.articles + 1 });
  }
  return {
    articles: [...perArticle].map(([article, count]) => ({ article, count })).sort((a, b) => b.count - a.count || a.article - b.article),
    sources: [...perSource]
      .map(([outlet, entry]) => ({ outlet, ...entry }))
      .sort((a, b) => b.count - a.count || titleOrder.compare(a.outlet ?? '\uffff', b.outlet ?? '\uffff')),
  };
}
