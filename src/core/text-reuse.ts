/**
 * Text reuse: the passages that appear in more than one article, verbatim or nearly (a quotation several critiques
 * carry, syndicated copy, press-release wording), each with its exact span in every paragraph that has it. Pure and
 * deterministic; the site runs it once per build on every body paragraph's plain text (src/utils/reuse.ts). This
 * module is the detection and its clusters; the steps it runs are modules of their own in text-reuse/:
 *
 * 1. Words (words.ts): each paragraph's plain text cut into words, compared lowercased, kept with their offsets.
 * 2. Candidates: each paragraph's winnowed fingerprints (winnowing.ts). An inverted index of fingerprints pairs each
 *    paragraph that has one with the first paragraph (of another article) that has it; a fingerprint in more than
 *    `maxParagraphs` paragraphs is boilerplate and pairs nothing (passim's document-frequency cut). So the candidate
 *    pairs are at most the fingerprints' postings: the work grows with the corpus, not its square.
 * 3. Alignment (alignment.ts): each candidate pair aligned word by word; the passages that pass the thresholds
 *    (options.ts) are kept.
 * 4. Clusters: passages that overlap in one paragraph are one version; versions joined by an alignment are one
 *    cluster, shared by the articles it spans (reuse within one article is never a pair). Clusters come sorted by
 *    how many articles share them, then how many versions, then where their first version stands.
 * For display, each version's differences from the first (diff.ts, diffVersions).
 *
 * Step 3 and the versions' diff are the costly ones and depend on nothing but the texts they compare: given a
 * `ReuseMemo` (memo.ts; src/utils/reuse-cache.ts keeps one between builds), their results are looked up by a hash of
 * those texts and computed only for texts not seen before, with the same result.
 *
 * detectReuse([{ slug: 'a', paragraphs: [{ id: 'p-1', text: 'It would hand a big advantage to an American oligopoly that includes his own company.' }] },
 *              { slug: 'b', paragraphs: [{ id: 'p-9', text: 'It could reward an American oligopoly that includes Altman’s own company, they say.' }] }])
 *   -> [{ id: 'r-…', articles: 2, versions: [{ slug: 'a', paragraph: 'p-1', start: 32, end: 82, text: 'an American … own company' }, { slug: 'b', … }] }]
 */
import { createHash } from 'node:crypto';
import { alignIds, sharedPassage } from './text-reuse/alignment.ts';
import { textKey, type ReuseMemo } from './text-reuse/memo.ts';
import { REUSE_OPTIONS, type ReuseOptions } from './text-reuse/options.ts';
import { fingerprintIds } from './text-reuse/winnowing.ts';
import { Lexicon, WORD, wordKey, words } from './text-reuse/words.ts';

/** One paragraph of an article: its id and its plain text as the page shows it. */
export interface ReuseParagraph {
  id: string;
  text: string;
}

/** One article: its slug and its body paragraphs in reading order. */
export interface ReuseDocument {
  slug: string;
  paragraphs: readonly ReuseParagraph[];
}

/** One version of a shared passage: where it stands, as offsets into its paragraph's text, and that text. */
export interface ReuseVersion {
  slug: string;
  paragraph: string;
  /** UTF-16 offsets into the paragraph's plain text: text === paragraphText.slice(start, end). */
  start: number;
  end: number;
  text: string;
}

/** A passage shared by several articles. */
export interface ReuseCluster {
  /** Stable id from its first version ("r-" + 8 hex digits). */
  id: string;
  /** How many distinct articles have it (at least 2). */
  articles: number;
  /** Its versions, in the order of the documents given, then of paragraphs, then of offsets. */
  versions: ReuseVersion[];
}

interface Paragraph {
  doc: number;
  index: number;
  id: string;
  text: string;
  /** Its words as lexicon ids, and where each stands in its text. */
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** A hash of its text, for the memo (made when first needed). */
  key?: string;
}

/** What a run did, for the benchmark: its input and how many candidates each step kept. */
export interface ReuseStats {
  paragraphs: number;
  words: number;
  /** Distinct fingerprints, and those in more than `maxParagraphs` paragraphs (boilerplate). */
  fingerprints: number;
  boilerplate: number;
  /** Paragraph pairs of different articles that a fingerprint pairs: each is aligned once. */
  candidatePairs: number;
  /** Aligned passages that passed the thresholds. */
  passages: number;
}

/** The passages shared by more than one of `documents` (see the module comment); `stats`, when given, is filled in. */
export function detectReuse(documents: readonly ReuseDocument[], options: ReuseOptions = REUSE_OPTIONS, stats?: ReuseStats, memo?: ReuseMemo): ReuseCluster[] {
  const lexicon = new Lexicon();
  const paragraphs: Paragraph[] = [];
  documents.forEach((document, doc) =>
    document.paragraphs.forEach(({ id, text }, index) => {
      const ids: number[] = [];
      const starts: number[] = [];
      const ends: number[] = [];
      for (const match of text.matchAll(WORD)) {
        ids.push(lexicon.id(wordKey(match[0])));
        starts.push(match.index);
        ends.push(match.index + match[0].length);
      }
      paragraphs.push({ doc, index, id, text, ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) });
    }),
  );

  // 2. Candidates: an inverted index of fingerprints (paragraph and word of each posting).
  const postings = new Map<number, number[]>();
  paragraphs.forEach((paragraph, p) => {
    for (const [hash, at] of fingerprintIds(paragraph.ids, lexicon, options)) {
      const list = postings.get(hash);
      if (list === undefined) postings.set(hash, [p, at]);
      else list.push(p, at);
    }
  });
  let boilerplate = 0;
  for (const list of postings.values()) if (list.length / 2 > options.maxParagraphs) boilerplate++;

  // Each fingerprint pairs its paragraphs with the first of them (of another article), not each with each: the
  // passage it marks joins them all in one cluster all the same, and the pairs grow with the postings, not their square.
  const total = paragraphs.length;
  const keys: number[] = [];
  for (const list of postings.values()) {
    const count = list.length / 2;
    if (count < 2 || count > options.maxParagraphs) continue;
    const first = list[0]!;
    const other = list.find((q, x) => x % 2 === 0 && paragraphs[q]!.doc !== paragraphs[first]!.doc);
    if (other === undefined) continue;
    for (let x = 2; x < list.length; x += 2) {
      const q = list[x]!;
      const centre = paragraphs[q]!.doc === paragraphs[first]!.doc ? other : first;
      if (q !== centre) keys.push(Math.min(q, centre) * total + Math.max(q, centre));
    }
  }
  const pairs = Float64Array.from(keys).sort();

  // 3. Alignment of each candidate pair; 4. clusters of the passages found.
  const spans = new Spans();
  let candidatePairs = 0;
  let passages = 0;
  for (let k = 0; k < pairs.length; k++) {
    if (k > 0 && pairs[k] === pairs[k - 1]) continue;
    candidatePairs++;
    const p = Math.floor(pairs[k]! / total);
    const q = pairs[k]! - p * total;
    const a = paragraphs[p]!;
    const b = paragraphs[q]!;
    const key = memo && `a${(a.key ??= textKey(a.text))}${(b.key ??= textKey(b.text))}`;
    let found = key === undefined ? undefined : memo!.get(key);
    if (found === undefined) {
      const offsets: number[] = [];
      for (const alignment of alignIds(a.ids, b.ids, lexicon, options.minMatched)) {
        if (!sharedPassage(alignment, a.ids, lexicon, options)) continue;
        const [firstA, firstB] = alignment.pairs[0]!;
        const [lastA, lastB] = alignment.pairs.at(-1)!;
        offsets.push(a.starts[firstA]!, a.ends[lastA]!, b.starts[firstB]!, b.ends[lastB]!);
      }
      if (key !== undefined) memo!.set(key, offsets);
      found = offsets;
    }
    for (let i = 0; i < found.length; i += 4) {
      passages++;
      spans.link({ paragraph: p, start: found[i]!, end: found[i + 1]! }, { paragraph: q, start: found[i + 2]!, end: found[i + 3]! });
    }
  }
  if (stats !== undefined) {
    Object.assign(stats, {
      paragraphs: paragraphs.length,
      words: paragraphs.reduce((sum, paragraph) => sum + paragraph.ids.length, 0),
      fingerprints: postings.size,
      boilerplate,
      candidatePairs,
      passages,
    } satisfies ReuseStats);
  }
  return spans.clusters(paragraphs, documents);
}

/** The passages found, as spans of paragraphs joined by alignments (a union-find over spans). */
interface Span {
  paragraph: number;
  /** Offsets into its text. */
  start: number;
  end: number;
}

class Spans {
  private spans: Span[] = [];
  private parent: number[] = [];
  private byParagraph = new Map<number, number[]>();

  link(x: Span, y: Span): void {
    this.union(this.add(x), this.add(y));
  }

  private add(span: Span): number {
    const { paragraph } = span;
    const node = this.spans.length;
    this.spans.push(span);
    this.parent.push(node);
    const list = this.byParagraph.get(paragraph) ?? [];
    list.push(node);
    this.byParagraph.set(paragraph, list);
    return node;
  }

  private find(node: number): number {
    while (this.parent[node] !== node) {
      this.parent[node] = this.parent[this.parent[node]!]!;
      node = this.parent[node]!;
    }
    return node;
  }

  private union(x: number, y: number): void {
    const rx = this.find(x);
    const ry = this.find(y);
    if (rx !== ry) this.parent[Math.max(rx, ry)] = Math.min(rx, ry);
  }

  clusters(paragraphs: readonly Paragraph[], documents: readonly ReuseDocument[]): ReuseCluster[] {
    // Spans that overlap in one paragraph are one version of the same passage.
    for (const nodes of this.byParagraph.values()) {
      const sorted = [...nodes].sort((x, y) => this.spans[x]!.start - this.spans[y]!.start);
      let reach = -1;
      let previous = -1;
      for (const node of sorted) {
        if (previous !== -1 && this.spans[node]!.start < reach) this.union(previous, node);
        if (this.spans[node]!.end > reach) reach = this.spans[node]!.end;
        previous = node;
      }
    }
    // Each cluster's versions: per paragraph, the union of its spans in the cluster.
    const groups = new Map<number, Map<number, { start: number; end: number }>>();
    this.spans.forEach((span, node) => {
      const root = this.find(node);
      const versions = groups.get(root) ?? new Map<number, { start: number; end: number }>();
      const known = versions.get(span.paragraph);
      if (known === undefined) versions.set(span.paragraph, { start: span.start, end: span.end });
      else versions.set(span.paragraph, { start: Math.min(known.start, span.start), end: Math.max(known.end, span.end) });
      groups.set(root, versions);
    });
    const clusters: (ReuseCluster & { longest: number; first: number[] })[] = [];
    for (const versions of groups.values()) {
      const list = [...versions]
        .map(([p, { start, end }]) => ({ p, start, end }))
        .sort((x, y) => paragraphs[x.p]!.doc - paragraphs[y.p]!.doc || paragraphs[x.p]!.index - paragraphs[y.p]!.index || x.start - y.start);
      const articles = new Set(list.map(({ p }) => paragraphs[p]!.doc)).size;
      if (articles < 2) continue;
      const out: ReuseVersion[] = list.map(({ p, start, end }) => ({
        slug: documents[paragraphs[p]!.doc]!.slug,
        paragraph: paragraphs[p]!.id,
        start,
        end,
        text: paragraphs[p]!.text.slice(start, end),
      }));
      // Named by its first version alone (no two clusters share one: overlapping spans are one version), so a
      // change to another article of the cluster leaves its id, and the links and pages keyed by it, as they are.
      const id = 'r-' + createHash('sha256').update(`${out[0]!.slug}#${out[0]!.paragraph}:${out[0]!.start}-${out[0]!.end}`).digest('hex').slice(0, 8);
      const head = list[0]!;
      const longest = Math.max(...out.map(({ text }) => words(text).length));
      clusters.push({ id, articles, versions: out, longest, first: [paragraphs[head.p]!.doc, paragraphs[head.p]!.index, head.start] });
    }
    clusters.sort(
      (x, y) =>
        y.articles - x.articles ||
        y.versions.length - x.versions.length ||
        y.longest - x.longest ||
        x.first[0]! - y.first[0]! ||
        x.first[1]! - y.first[1]! ||
        x.first[2]! - y.first[2]!,
    );
    return clusters.map(({ id, articles, versions }) => ({ id, articles, versions }));
  }
}
