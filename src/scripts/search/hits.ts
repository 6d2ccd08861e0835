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
 * The results that truly match, in Pagefind's order. Without phrases, every result, unloaded. With
 * phrases, every result's data is loaded to check it (fragments are small and cached), and the facet
 * counts are counted again over the pages that stay.
 */
export async function matchingResults(results: Result[], query: Query): Promise<{ results: Result[]; counts?: FilterCounts }> {
  if (query.phrases.length === 0) return { results };
  const data = await Promise.all(results.map((result) => result.data()));
  const kept = results.filter((_, index) => containsPhrases(searchedTexts(data[index]!), query.phrases));
  const counts: FilterCounts = {};
  data.forEach((page, index) => {
    if (!kept.includes(results[index]!)) return;
    for (const [name, values] of Object.entries(page.filters)) {
      const group = (counts[name] ??= {});
      for (const value of values ?? []) group[value] = (group[value] ?? 0) + 1;
    }
  });
  return { results: kept, counts };
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
  return { href, title, byline, inferred, excerpt: excerptNodes(data.excerpt), sections: sections.filter((section) => section.href !== href).slice(0, 3) };
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
