/**
 * Pagefind's results made trustworthy for both search interfaces: a result is kept only when its text
 * really holds the query (every word as a whole word, every phrase word for word: exact.ts), since
 * Pagefind also returns pages that hold only a near word ("banana" finds "banning" and "bans"). Those
 * near words are collected, to be offered as searches of their own. Each kept result becomes a hit that
 * opens at the paragraph that matched, with only the exact matches marked in its excerpt and sections.
 * (result of "world order", content "… a US-led world order and …") -> { href: "/articles/x/?highlight=world%20order#p-3f9a2c1", excerpt: [… <mark>world order</mark> …] }
 */
import { searchHitPath } from '../../core/urls.ts';
import { containsAll, exactSpans, nearWord, foldCharacters, type Span } from './exact.ts';
import { EXCERPT_LENGTH, excerptNodes, type FilterCounts, type Result, type ResultData } from './pagefind.ts';
import { anchorAt, type Query } from './query.ts';
import { yieldToMain } from './yield.ts';

/** A result as the interfaces show it. */
export interface Hit {
  /** Where it opens: the page at the matching paragraph, with the terms to mark there. */
  href: string;
  title: string;
  /** The article's language (the `lang` filter), for the title's and excerpt's lang and dir; null when not known. */
  lang?: string | null;
  /** Outlet and date. */
  byline: string;
  /** Whether the title and the date were inferred rather than given (the `inferred` filter, src/components/SearchMeta.astro). */
  inferred: { title: boolean; date: boolean };
  excerpt: Node[];
  /** Other matching sections (headings), for word searches; none that repeats the excerpt. */
  sections: Array<{ title: string; href: string; excerpt: Node[] }>;
}

/** The metadata a query may also match in (Pagefind searches these too; src/components/SearchMeta.astro). */
const SEARCHED_META = ['title', 'dek', 'author', 'outlet'];

/** Content split into words as Pagefind splits it: its word locations index into this. */
const SPACES = /[^\S\uFEFF]+/;

/** True when the query asks for words or phrases (an empty query with filters browses, unchecked). */
export const hasTerms = (query: Query): boolean => query.phrases.length + query.words.length > 0;

/**
 * Checks Pagefind's results against the query in Pagefind's order, `BATCH` at a time, loading each
 * candidate's data once (fragments are small and cached), so that a box showing five hits loads about five
 * fragments, not one per candidate: a common word has thousands of candidates at 10,000 articles.
 * Without words (browsing by facet) every result is kept, unloaded. The facet counts are counted over the
 * kept pages, and are known only once every candidate is checked; so are the near words.
 */
export class ExactCheck {
  static readonly BATCH = 5;
  readonly #results: Result[];
  readonly #query: Query;
  readonly #kept: { result: Result; data: ResultData | undefined }[] = [];
  /** Folded near word -> the form first seen and the pages it was seen on. */
  readonly #near = new Map<string, { word: string; pages: number }>();
  #checked = 0;

  constructor(results: Result[], query: Query) {
    this.#results = results;
    this.#query = query;
    if (!hasTerms(query)) {
      this.#kept = results.map((result) => ({ result, data: undefined }));
      this.#checked = results.length;
    }
  }

  /** Check candidates until `want` are kept or none is left; stops early when `cancelled()` says so. */
  async until(want: number, cancelled: () => boolean = () => false): Promise<void> {
    while (this.#kept.length < want && this.#checked < this.#results.length && !cancelled()) {
      const batch = this.#results.slice(this.#checked, this.#checked + ExactCheck.BATCH);
      const data = await Promise.all(batch.map((result) => result.data()));
      this.#checked += batch.length;
      for (const [index, result] of batch.entries()) {
        // One page's check per task: a long page's text takes a while to fold and search.
        if (index > 0) await yieldToMain();
        const page = data[index]!;
        if (containsAll(searchedTexts(page), this.#query)) this.#kept.push({ result, data: page });
        else this.#noteNearWords(page);
      }
    }
  }

  /** The words Pagefind matched on a page that does not hold the query: what it took for the query. */
  #noteNearWords(data: ResultData): void {
    const tokens = data.content.split(SPACES);
    const seen = new Set<string>();
    for (const location of data.locations) {
      const word = nearWord(tokens[location] ?? '', this.#query);
      if (!word) continue;
      const key = foldCharacters(word);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = this.#near.get(key);
      if (entry) entry.pages++;
      else this.#near.set(key, { word: word.toLowerCase() === word ? word : key, pages: 1 });
    }
  }

  /** The results kept so far, in Pagefind's order. */
  get results(): Result[] {
    return this.#kept.map(({ result }) => result);
  }

  /** Whether every candidate has been checked, so that `results` is all of them. */
  get complete(): boolean {
    return this.#checked >= this.#results.length;
  }

  /** The facet counts of the kept pages, once complete and only for a query with words (else Pagefind's own are right). */
  counts(): FilterCounts | undefined {
    if (!hasTerms(this.#query) || !this.complete) return undefined;
    const counts: FilterCounts = {};
    for (const { data } of this.#kept) {
      for (const [name, values] of Object.entries(data!.filters)) {
        const group = (counts[name] ??= {});
        for (const value of values ?? []) group[value] = (group[value] ?? 0) + 1;
      }
    }
    return counts;
  }

  /** The near words seen on the candidates turned away, most pages first: searches to offer instead. */
  nearWords(limit = 6): string[] {
    return [...this.#near.values()]
      .sort((a, b) => b.pages - a.pages || (a.word < b.word ? -1 : 1))
      .slice(0, limit)
      .map(({ word }) => word);
  }
}

function searchedTexts(data: ResultData): string[] {
  return [data.content, ...SEARCHED_META.map((name) => data.meta[name] ?? '')];
}

/** A loaded result as a hit for this query: the excerpt is cut around an exact match and marks only exact matches. */
export function toHit(data: ResultData, query: Query): Hit {
  const title = data.meta['title'] ?? data.url;
  const byline = [data.meta['outlet'] ?? 'unknown outlet', data.filters['date']?.[0]].filter(Boolean).join(' · ');
  const inferred = { title: data.filters['inferred']?.includes('title') ?? false, date: data.filters['inferred']?.includes('date') ?? false };
  const spans = exactSpans(data.content, query);
  const focus = focusSpan(data, spans);
  if (!focus) {
    // Matched in the title, dek, author or outlet only: the opening of the text, nothing marked in it.
    const opening = data.content.split(SPACES).slice(0, EXCERPT_LENGTH).join(' ');
    return { href: searchHitPath(data.url, query.highlights, undefined), title, byline, inferred, excerpt: [document.createTextNode(opening)], sections: [] };
  }
  const location = (data.content.slice(0, focus.start).match(new RegExp(SPACES.source, 'g')) ?? []).length;
  const href = searchHitPath(data.url, query.highlights, anchorAt(data.anchors, location));
  const sections =
    query.phrases.length > 0
      ? []
      : data.sub_results.flatMap((sub) => {
          if (!sub.anchor || sub.excerpt === data.excerpt) return [];
          const text = excerptNodes(sub.excerpt)
            .map((node) => node.textContent ?? '')
            .join('');
          const marks = exactSpans(text, query);
          return marks.length > 0 ? [{ title: sub.title, href: searchHitPath(data.url, query.highlights, sub.anchor.id), excerpt: marked(text, marks) }] : [];
        });
  return {
    href,
    title,
    lang: data.filters['lang']?.[0] ?? null,
    byline,
    inferred,
    excerpt: excerptAround(data.content, spans, focus),
    sections: sections.filter((section) => section.href !== href).slice(0, 3),
  };
}

/**
 * The match to open at and cut the excerpt around: the first exact match inside the passage Pagefind chose
 * for its excerpt (the densest), else the first exact match in the text; undefined when the body has none.
 */
function focusSpan(data: ResultData, spans: Span[]): Span | undefined {
  if (spans.length === 0) return undefined;
  const words = data.content.split(SPACES);
  const opening = data.plain_excerpt.split(SPACES).filter(Boolean).slice(0, 6);
  if (opening.length > 0) {
    for (let start = 0; start + opening.length <= words.length; start++) {
      if (opening.every((word, offset) => words[start + offset] === word)) {
        // Word `start` begins after the separators before it: count its offset once, then compare offsets.
        const from = offsetOfWord(data.content, start);
        const until = offsetOfWord(data.content, start + EXCERPT_LENGTH);
        const inside = spans.find((span) => span.start >= from && span.start < until);
        if (inside) return inside;
        break;
      }
    }
  }
  return spans[0];
}

/** The offset in `content` where its word number `word` (Pagefind's split) starts; the length past the last. */
function offsetOfWord(content: string, word: number): number {
  const separator = new RegExp(SPACES.source, 'g');
  let count = 0;
  let match: RegExpExecArray | null;
  while (count < word && (match = separator.exec(content))) {
    count++;
    if (count === word) return match.index + match[0].length;
  }
  return word === 0 ? 0 : content.length;
}

/** `EXCERPT_LENGTH` words of the content around the focus match, every exact match in them marked. */
function excerptAround(content: string, spans: Span[], focus: Span): Node[] {
  const tokens = [...content.matchAll(/(?:\S|\uFEFF)+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const first = tokens.findIndex((token) => token.end > focus.start);
  const last = tokens.findIndex((token) => token.end >= focus.end);
  const span = last - first + 1;
  const from = Math.max(0, Math.min(first - Math.floor((EXCERPT_LENGTH - span) / 2), tokens.length - EXCERPT_LENGTH));
  const to = Math.min(tokens.length, Math.max(from + EXCERPT_LENGTH, last + 1));
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const inside = spans.filter((mark) => mark.start >= start && mark.end <= end).map((mark) => ({ start: mark.start - start, end: mark.end - start }));
  return marked(content.slice(start, end), inside);
}

/** A text as nodes, each span in a <mark>. */
function marked(text: string, spans: Span[]): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) nodes.push(document.createTextNode(text.slice(at, span.start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(span.start, span.end);
    nodes.push(mark);
    at = span.end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}
