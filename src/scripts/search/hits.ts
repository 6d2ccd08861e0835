/**
 * Pagefind's results made trustworthy for both search interfaces: a query with phrases keeps only the
 * pages that contain every phrase word for word (Pagefind's exact search matches stems, "compute
 * thresholds" also finds "compute threshold"), and each result becomes a hit that opens at the paragraph
 * that matched, with the phrase marked whole in its excerpt.
 * (result of "world order", content "… a US-led world order and …") -> { href: "/articles/x/?highlight=world%20order#p-3f9a2c1", excerpt: [… <mark>world order</mark> …] }
 */
import { searchHitPath } from '../../core/urls.ts';
import { EXCERPT_LENGTH, excerptNodes, type FilterCounts, type Result, type ResultData } from './pagefind.ts';
import { anchorAt, containsPhrases, contentWords, findPhrase, phraseSpan, type Query } from './query.ts';

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

/** The metadata a phrase may also match in (Pagefind searches these too; src/components/SearchMeta.astro). */
const SEARCHED_META = ['title', 'dek', 'author', 'outlet'];

/**
 * Checks Pagefind's results against a query's phrases in Pagefind's order, `BATCH` at a time, loading each
 * candidate's data once (fragments are small and cached), so that a box showing five hits loads about five
 * fragments, not one per candidate: a phrase of common words has thousands of candidates at 10,000 articles.
 * Without phrases every result is kept, unloaded. The facet counts are counted over the kept pages, and are
 * known only once every candidate is checked.
 */
export class PhraseCheck {
  static readonly BATCH = 5;
  readonly #results: Result[];
  readonly #query: Query;
  readonly #kept: { result: Result; data: ResultData | undefined }[] = [];
  #checked = 0;

  constructor(results: Result[], query: Query) {
    this.#results = results;
    this.#query = query;
    if (query.phrases.length === 0) {
      this.#kept = results.map((result) => ({ result, data: undefined }));
      this.#checked = results.length;
    }
  }

  /** Check candidates until `want` are kept or none is left; stops early when `cancelled()` says so. */
  async until(want: number, cancelled: () => boolean = () => false): Promise<void> {
    while (this.#kept.length < want && this.#checked < this.#results.length && !cancelled()) {
      const batch = this.#results.slice(this.#checked, this.#checked + PhraseCheck.BATCH);
      const data = await Promise.all(batch.map((result) => result.data()));
      this.#checked += batch.length;
      batch.forEach((result, index) => {
        if (containsPhrases(searchedTexts(data[index]!), this.#query.phrases)) this.#kept.push({ result, data: data[index] });
      });
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

  /** The facet counts of the kept pages, once complete and only for a query with phrases (else Pagefind's own are right). */
  counts(): FilterCounts | undefined {
    if (this.#query.phrases.length === 0 || !this.complete) return undefined;
    const counts: FilterCounts = {};
    for (const { data } of this.#kept) {
      for (const [name, values] of Object.entries(data!.filters)) {
        const group = (counts[name] ??= {});
        for (const value of values ?? []) group[value] = (group[value] ?? 0) + 1;
      }
    }
    return counts;
  }
}

function searchedTexts(data: ResultData): string[] {
  return [data.content, ...SEARCHED_META.map((name) => data.meta[name] ?? '')];
}

/** A loaded result as a hit for this query. */
export function toHit(data: ResultData, query: Query): Hit {
  const title = data.meta['title'] ?? data.url;
  const byline = [data.meta['outlet'] ?? 'unknown outlet', data.filters['date']?.[0]].filter(Boolean).join(' · ');
  const inferred = { title: data.filters['inferred']?.includes('title') ?? false, date: data.filters['inferred']?.includes('date') ?? false };
  const words = contentWords(data.content);
  const phraseAt = query.phrases.map((phrase) => ({ phrase, location: findPhrase(words, phrase) })).find(({ location }) => location >= 0);
  if (phraseAt) {
    // The excerpt is cut around the phrase we verified, not Pagefind's first stem match.
    const href = searchHitPath(data.url, query.highlights, anchorAt(data.anchors, phraseAt.location));
    return {
      href,
      title,
      byline,
      inferred,
      excerpt: phraseExcerpt(data.content, phraseAt.location, phraseSpan(words, phraseAt.location, phraseAt.phrase)),
      sections: [],
    };
  }
  const location = excerptLocation(data);
  const href = searchHitPath(data.url, query.highlights, location === undefined ? undefined : anchorAt(data.anchors, location));
  const sections =
    query.phrases.length > 0
      ? []
      : data.sub_results.flatMap((sub) =>
          sub.anchor && sub.excerpt !== data.excerpt
            ? [{ title: sub.title, href: searchHitPath(data.url, query.highlights, sub.anchor.id), excerpt: excerptNodes(sub.excerpt) }]
            : [],
        );
  const lang = data.filters['lang']?.[0] ?? null;
  const others = sections.filter((section) => section.href !== href).slice(0, 3);
  return { href, title, lang, byline, inferred, excerpt: excerptNodes(data.excerpt), sections: others };
}

/** `EXCERPT_LENGTH` words of the content around the phrase, the phrase in one <mark>. */
function phraseExcerpt(content: string, start: number, span: number): Node[] {
  const all = content.split(/[^\S\uFEFF]+/);
  const from = Math.max(0, Math.min(start - Math.floor((EXCERPT_LENGTH - span) / 2), all.length - EXCERPT_LENGTH));
  const before = all.slice(from, start).join(' ');
  const after = all.slice(start + span, Math.max(from + EXCERPT_LENGTH, start + span)).join(' ');
  const mark = document.createElement('mark');
  mark.textContent = all.slice(start, start + span).join(' ');
  return [document.createTextNode(before ? `${before} ` : ''), mark, document.createTextNode(after ? ` ${after}` : '')];
}

/**
 * The word location of the first match inside Pagefind's excerpt (the passage it chose to show), so the
 * link opens where the excerpt is; the first match anywhere if the excerpt cannot be placed.
 */
function excerptLocation(data: ResultData): number | undefined {
  const locations = [...data.locations].sort((a, b) => a - b);
  const words = (data.raw_content ?? data.content).split(/[^\S\uFEFF]+/);
  const opening = data.plain_excerpt
    .split(/[^\S\uFEFF]+/)
    .filter(Boolean)
    .slice(0, 6);
  if (opening.length > 0) {
    for (let start = 0; start + opening.length <= words.length; start++) {
      if (opening.every((word, offset) => words[start + offset] === word)) {
        const inside = locations.find((location) => location >= start && location < start + EXCERPT_LENGTH);
        if (inside !== undefined) return inside;
        break;
      }
    }
  }
  return locations[0];
}
