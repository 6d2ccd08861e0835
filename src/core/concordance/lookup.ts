/**
 * The concordance in the browser, from the index's files (format.ts): every occurrence of a word or phrase found in
 * its shards' postings, sorted by the word before or after, by article or by date; each line an exact slice of its
 * block's text (left context, match, right context, every space and mark as the page shows it); the lines counted
 * per article and per source. Pure: no DOM, no fetching (the page hands it what it fetched).
 * lineAt('Both can end, “civilizations” too.', tokens, 3, 1) -> { left: 'Both can end, “', match: 'civilizations', right: '” too.' }
 */
import type { ConcordanceArticle } from './format.ts';
import type { Token } from './words.ts';

const titleOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

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
