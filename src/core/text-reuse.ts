/**
 * Text reuse: the passages that appear in more than one article, verbatim or nearly (a quotation several critiques
 * carry, syndicated copy, press-release wording), each with its exact span in every paragraph that has it. Pure and
 * deterministic; the site runs it once per build on every body paragraph's plain text (src/utils/reuse.ts).
 *
 * 1. Words: each paragraph's plain text is cut into words (letters and digits, with inner apostrophes and hyphens:
 *    "US-led" is one word), each compared lowercased (NFKC, curly apostrophes straight, hyphens the ASCII one) and
 *    kept with its offsets in the text as shown.
 * 2. Candidates (winnowing, Schleimer et al. 2003): every run of `shingle` words is hashed; of each `window`
 *    consecutive hashes the smallest is the paragraph's fingerprint, so any run of shingle + window - 1 words two
 *    paragraphs share gives both the same fingerprint. Runs of stopwords only are not hashed. An inverted index of
 *    fingerprints pairs each paragraph that has one with the first paragraph (of another article) that has it; a
 *    fingerprint in more than `maxParagraphs` paragraphs is boilerplate and pairs nothing (passim's document-frequency
 *    cut). So the candidate pairs are at most the fingerprints' postings: the work grows with the corpus, not its square.
 * 3. Alignment: each candidate pair is aligned word by word (Smith-Waterman local alignment: a content word
 *    matched +2, a stopword +1, a changed, missing or extra word -2), repeatedly, so one pair can share several
 *    passages (reordered sentences); only around the three-word runs both paragraphs have (ALIGNMENT_REGION), so
 *    its work grows with what they share, not with the product of their lengths. A passage counts when both sides are at least `minWords` words long, at least
 *    `minMatched` words match, `minContentWords` distinct content words among them, and the matched words are at
 *    least `minIdentity` of the longer side: "artificial intelligence" alone, or any common phrase, never counts.
 * 4. Clusters: passages that overlap in one paragraph are one version; versions joined by an alignment are one
 *    cluster, shared by the articles it spans (reuse within one article is never a pair). Clusters come sorted by
 *    how many articles share them, then how many versions, then where their first version stands.
 *
 * Steps 3 and the versions' diff are the costly ones and depend on nothing but the texts they compare: given a
 * `ReuseMemo` (src/utils/reuse-cache.ts keeps one between builds), their results are looked up by a hash of those
 * texts and computed only for texts not seen before, with the same result.
 *
 * detectReuse([{ slug: 'a', paragraphs: [{ id: 'p-1', text: 'It would hand a big advantage to an American oligopoly that includes his own company.' }] },
 *              { slug: 'b', paragraphs: [{ id: 'p-9', text: 'It could reward an American oligopoly that includes Altman’s own company, they say.' }] }])
 *   -> [{ id: 'r-…', articles: 2, versions: [{ slug: 'a', paragraph: 'p-1', start: 32, end: 82, text: 'an American … own company' }, { slug: 'b', … }] }]
 */
import { createHash } from 'node:crypto';

/** The thresholds of the method (documented on /about/ and in docs/research-tools.md). */
export interface ReuseOptions {
  /** Words per shingle. */
  shingle: number;
  /** Shingles per winnowing window: a shared run of shingle + window - 1 words is always found. */
  window: number;
  /** A fingerprint in more paragraphs than this is boilerplate and pairs none of them. */
  maxParagraphs: number;
  /** The fewest words a passage has on each side. */
  minWords: number;
  /** The fewest words that match exactly (after lowercasing) between its two sides. */
  minMatched: number;
  /** The fewest distinct content words (not stopwords) among the matched words. */
  minContentWords: number;
  /** The least share of the longer side's words that match. */
  minIdentity: number;
}

export const REUSE_OPTIONS: Readonly<ReuseOptions> = {
  shingle: 3,
  window: 3,
  maxParagraphs: 100,
  minWords: 7,
  minMatched: 6,
  minContentWords: 4,
  minIdentity: 0.6,
};

/**
 * Results of an earlier run, by a key made of a hash of the texts they were computed from: the passages two
 * paragraphs share (`a` keys: offsets [startA, endA, startB, endB, …]) and each version of a passage compared with
 * its first version (`d` keys, of the two texts: the first's words in the common subsequence and not, as runs, and
 * the version's pieces; see comparePair).
 */
export interface ReuseMemo {
  get(key: string): readonly number[] | undefined;
  set(key: string, value: readonly number[]): void;
}

/** A short, collision-safe hash of a text, for memo keys. */
function textKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 24);
}

/** Alignment scores: a content word matched, a stopword matched, a word changed, missing or extra. */
export const ALIGNMENT_SCORES = { content: 2, stopword: 1, mismatch: -2, gap: -2 } as const;

/** Function words that alone never make a passage (they match, but count only once toward a passage's score). */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just may me might more most much must my myself no nor not now of off on once only or other our ' +
    'ours ourselves out over same she should so some such than that the their theirs them themselves then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom why will with would you your yours yourself ' +
    "yourselves it's that's there's they're we're i'm don't doesn't isn't can't won't"
  ).split(' '),
);

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

/** A word of a text: compared by `key`, shown as text.slice(start, end). */
export interface Word {
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;

/** A word as compared: lowercased, NFKC, curly apostrophe and Unicode hyphens as the ASCII ones (ASCII words need only the first). */
function wordKey(word: string): string {
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKC').toLowerCase().replaceAll('’', "'").replace(/[‐‑]/g, '-');
}

/** The words of a text with their offsets. */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) found.push({ key: wordKey(match[0]), start: match.index, end: match.index + match[0].length });
  return found;
}

/**
 * The distinct words of a run, each as a small integer with its hash and whether it is content: paragraphs hold
 * their words as arrays of these, so 10,000 articles' 13 million words cost bytes, not objects.
 */
class Lexicon {
  private ids = new Map<string, number>();
  readonly hashes: number[] = [];
  readonly content: boolean[] = [];

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.hashes.length;
      this.ids.set(key, id);
      this.hashes.push(hash32(key));
      this.content.push(isContentWord(key));
    }
    return id;
  }

  /** A list of keys as ids. */
  of(keys: readonly string[]): Int32Array {
    return Int32Array.from(keys, (key) => this.id(key));
  }
}

/** Whether a word (its key) counts as content. */
function isContentWord(key: string): boolean {
  return !STOPWORDS.has(key);
}

/** 32-bit FNV-1a of a string. */
function hash32(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The winnowed fingerprints of a word list: hash -> the first word of its shingle (each hash once, first place). */
export function fingerprints(keys: readonly string[], options: Pick<ReuseOptions, 'shingle' | 'window'> = REUSE_OPTIONS): Map<number, number> {
  const lexicon = new Lexicon();
  return fingerprintIds(lexicon.of(keys), lexicon, options);
}

function fingerprintIds(ids: Int32Array, lexicon: Lexicon, options: Pick<ReuseOptions, 'shingle' | 'window'>): Map<number, number> {
  const { shingle, window } = options;
  const hashes: number[] = [];
  for (let i = 0; i + shingle <= ids.length; i++) {
    // A run of stopwords only ("one of the") is everywhere: it is no evidence of reuse.
    let any = false;
    let h = 0x811c9dc5;
    for (let k = i; k < i + shingle; k++) {
      any ||= lexicon.content[ids[k]!]!;
      h = Math.imul(h ^ lexicon.hashes[ids[k]!]!, 0x01000193) >>> 0;
      h = (h ^ (h >>> 15)) >>> 0;
    }
    hashes.push(any ? h : -1);
  }
  const chosen = new Map<number, number>();
  const pick = (from: number, to: number): void => {
    let best = -1;
    for (let i = from; i < to; i++) if (hashes[i]! >= 0 && (best === -1 || hashes[i]! <= hashes[best]!)) best = i;
    if (best !== -1 && !chosen.has(hashes[best]!)) chosen.set(hashes[best]!, best);
  };
  if (hashes.length <= window) pick(0, hashes.length);
  else for (let i = 0; i + window <= hashes.length; i++) pick(i, i + window);
  return chosen;
}

/** One aligned passage of two word lists: the matched word pairs (indexes into each), in order. */
export interface Alignment {
  pairs: [number, number][];
}

/**
 * Where the alignment looks: around the runs of `seed` words two paragraphs share (with a content word; the pair's
 * candidate fingerprint is one), seeds within `reach` words of each other in both joined, each region `reach` words
 * wider on every side (documented on /about/).
 */
export const ALIGNMENT_REGION = { seed: 3, reach: 12 } as const;
const { seed: SEED, reach: REACH } = ALIGNMENT_REGION;

/** The score matrix of one region, reused from alignment to alignment (each fill and trace back ends before a yield). */
let scratch = new Int32Array(1024);

/** A rectangle of two word lists to align: rows a[i0, i1), columns b[j0, j1). */
interface Region {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

/**
 * Where two word lists can share a passage: around the runs of SEED words both have (with a content word), seeds
 * within REACH words of each other in both lists joined, each region padded by REACH. The alignment then fills
 * these rectangles only, so its work grows with the passages the lists share, not with the product of their lengths.
 */
function seedRegions(idA: Int32Array, idB: Int32Array, content: Uint8Array): Region[] {
  const at = new Map<number, number[]>();
  for (let i = 0; i + SEED <= idA.length; i++) {
    const list = at.get(idA[i]!);
    if (list === undefined) at.set(idA[i]!, [i]);
    else list.push(i);
  }
  const seeds: [number, number][] = [];
  for (let j = 0; j + SEED <= idB.length; j++) {
    const starts = at.get(idB[j]!);
    if (starts === undefined) continue;
    for (const i of starts) {
      let same = true;
      let any = false;
      for (let k = 0; k < SEED && same; k++) {
        same = idA[i + k] === idB[j + k];
        any ||= content[i + k] === 1;
      }
      if (same && any) seeds.push([i, j]);
    }
  }
  seeds.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const regions: Region[] = [];
  const open: Region[] = [];
  for (const [i, j] of seeds) {
    // Seeds come in order of their place in a: a region that ends too far before this one is closed.
    while (open.length > 0 && open[0]!.i1 + REACH < i) open.shift();
    const region = open.find((r) => i <= r.i1 + REACH && j + SEED >= r.j0 - REACH && j <= r.j1 + REACH);
    if (region === undefined) {
      const added = { i0: i, i1: i + SEED, j0: j, j1: j + SEED };
      regions.push(added);
      open.push(added);
    } else {
      region.i1 = Math.max(region.i1, i + SEED);
      region.j0 = Math.min(region.j0, j);
      region.j1 = Math.max(region.j1, j + SEED);
    }
  }
  return regions.map(({ i0, i1, j0, j1 }) => ({
    i0: Math.max(0, i0 - REACH),
    i1: Math.min(idA.length, i1 + REACH),
    j0: Math.max(0, j0 - REACH),
    j1: Math.min(idB.length, j1 + REACH),
  }));
}

/**
 * The best local alignments of two word lists (Smith-Waterman, linear gaps), one at a time, region by region (see
 * `seedRegions`), best first in each; each later one uses only words no earlier one matched, so a pair of paragraphs
 * yields each passage it shares once. A region is done when its best alignment matches fewer than `minPairs` words.
 */
function alignments(a: readonly string[], b: readonly string[], minPairs = 1): Generator<Alignment> {
  const lexicon = new Lexicon();
  return alignIds(lexicon.of(a), lexicon.of(b), lexicon, minPairs);
}

function* alignIds(wordsA: Int32Array, wordsB: Int32Array, lexicon: Lexicon, minPairs: number): Generator<Alignment> {
  // Copies, whose matched words are set to -1 (in a) and -3 (in b) once used.
  const idA = wordsA.slice();
  const idB = wordsB.slice();
  const content = Uint8Array.from(idA, (id) => (lexicon.content[id]! ? 1 : 0));
  const gain = Int32Array.from(content, (flag) => (flag === 1 ? ALIGNMENT_SCORES.content : ALIGNMENT_SCORES.stopword));
  const { mismatch, gap } = ALIGNMENT_SCORES;
  for (const { i0, i1, j0, j1 } of seedRegions(idA, idB, content)) {
    // Cell (r, c) of the region's matrix is a[i0 + r - 1] against b[j0 + c - 1]; row 0 and column 0 are zeros.
    const rows = i1 - i0;
    const cols = j1 - j0 + 1;
    if (scratch.length < (rows + 1) * cols) scratch = new Int32Array(2 * (rows + 1) * cols);
    const score = scratch;
    for (;;) {
      score.fill(0, 0, (rows + 1) * cols);
      let best = 0;
      let bestAt = -1;
      for (let r = 1; r <= rows; r++) {
        const word = idA[i0 + r - 1]!;
        const match = gain[i0 + r - 1]!;
        const row = r * cols;
        const above = row - cols;
        for (let c = 1; c < cols; c++) {
          let value = score[above + c - 1]! + (word === idB[j0 + c - 1] ? match : mismatch);
          const up = score[above + c]! + gap;
          const left = score[row + c - 1]! + gap;
          if (up > value) value = up;
          if (left > value) value = left;
          if (value < 0) value = 0;
          score[row + c] = value;
          if (value > best) {
            best = value;
            bestAt = row + c;
          }
        }
      }
      if (bestAt === -1) break;
      // Trace back from the best cell to where the score started.
      const pairs: [number, number][] = [];
      let r = Math.floor(bestAt / cols);
      let c = bestAt % cols;
      while (r > 0 && c > 0 && score[r * cols + c]! > 0) {
        const here = score[r * cols + c]!;
        const same = idA[i0 + r - 1] === idB[j0 + c - 1];
        if (here === score[(r - 1) * cols + c - 1]! + (same ? gain[i0 + r - 1]! : mismatch)) {
          if (same) pairs.push([i0 + r - 1, j0 + c - 1]);
          r--;
          c--;
        } else if (here === score[(r - 1) * cols + c]! + gap) r--;
        else c--;
      }
      if (pairs.length === 0 || pairs.length < minPairs) break;
      pairs.reverse();
      // A word matched once matches nothing again.
      for (const [x, y] of pairs) {
        idA[x] = -1;
        idB[y] = -3;
      }
      yield { pairs };
    }
  }
}

/** The first `limit` alignments of two word lists (see `alignments`). */
export function align(a: readonly string[], b: readonly string[], limit = 8): Alignment[] {
  const found: Alignment[] = [];
  for (const alignment of alignments(a, b)) {
    found.push(alignment);
    if (found.length === limit) break;
  }
  return found;
}

/** Whether an alignment is a shared passage under the thresholds (see the module comment, step 3). */
export function isSharedPassage(alignment: Alignment, a: readonly string[], options: ReuseOptions = REUSE_OPTIONS): boolean {
  const lexicon = new Lexicon();
  return sharedPassage(alignment, lexicon.of(a), lexicon, options);
}

function sharedPassage({ pairs }: Alignment, a: Int32Array, lexicon: Lexicon, options: ReuseOptions): boolean {
  if (pairs.length < options.minMatched) return false;
  const wordsA = pairs.at(-1)![0] - pairs[0]![0] + 1;
  const wordsB = pairs.at(-1)![1] - pairs[0]![1] + 1;
  if (Math.min(wordsA, wordsB) < options.minWords) return false;
  if (pairs.length < options.minIdentity * Math.max(wordsA, wordsB)) return false;
  const content = new Set(pairs.map(([x]) => a[x]!).filter((id) => lexicon.content[id]));
  return content.size >= options.minContentWords;
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

/** A piece of a version's text, marked where it differs from the other versions. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

/**
 * Each version's text in pieces that together are exactly its text, a word marked `changed` where it is not in the
 * longest common word subsequence with the first version (for the first version: not in that of every other one).
 * The spaces and punctuation between two changed words are changed too, so a change reads as one run.
 * With a memo, each version is compared with the first once for a pair of texts: when one article of a passage
 * of thousands of versions changes, only its version is compared again (and only its text and the first are
 * split into words), not every version of the passage.
 */
export function diffVersions(texts: readonly string[], memo?: ReuseMemo): DiffSegment[][] {
  if (texts.length === 0) return [];
  const first = texts[0]!;
  const firstWords = words(first);
  const firstKeys = firstWords.map((word) => word.key);
  const firstKey = memo && textKey(first);
  const keepFirst = new Uint8Array(firstWords.length).fill(1);
  const out: DiffSegment[][] = [[]];
  for (let v = 1; v < texts.length; v++) {
    const text = texts[v]!;
    const key = memo && `d${firstKey}${textKey(text)}`;
    let known = key === undefined ? undefined : memo!.get(key);
    if (known === undefined) {
      known = comparePair(firstKeys, text);
      if (key !== undefined) memo!.set(key, known);
    }
    // The runs of the first version's words kept and not, then this version's pieces (see comparePair).
    const runs = known[0]!;
    let at = 0;
    for (let r = 0; r < runs; r++) {
      const length = known[1 + r]!;
      if (r % 2 === 1) keepFirst.fill(0, at, at + length);
      at += length;
    }
    const pieces: DiffSegment[] = [];
    let offset = 0;
    for (let k = 1 + runs; k < known.length; k++) {
      const size = Math.abs(known[k]!);
      pieces.push({ text: text.slice(offset, offset + size), changed: known[k]! < 0 });
      offset += size;
    }
    out.push(pieces);
  }
  out[0] = segments(first, firstWords, keepFirst);
  return out;
}

/**
 * A version compared with the first, as numbers (what the memo keeps): the count of runs that follow, the runs of
 * the first version's words alternately in the common subsequence and not (the first run kept, maybe empty), then
 * the lengths of this version's pieces, changed ones negative.
 */
function comparePair(firstKeys: readonly string[], text: string): number[] {
  const list = words(text);
  const [inFirst, inOther] = commonWords(
    firstKeys,
    list.map((word) => word.key),
  );
  const runs: number[] = [];
  let value = 1;
  let length = 0;
  for (const kept of inFirst) {
    if (kept === value) length++;
    else {
      runs.push(length);
      value = kept;
      length = 1;
    }
  }
  runs.push(length);
  const pieces = segments(text, list, inOther).map(({ text: piece, changed }) => (changed ? -piece.length : piece.length));
  return [runs.length, ...runs, ...pieces];
}

/** Which words of each list are in their longest common subsequence (1) and which are not (0). */
function commonWords(a: readonly string[], b: readonly string[]): [Uint8Array, Uint8Array] {
  const cols = b.length + 1;
  const table = new Uint32Array((a.length + 1) * cols);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * cols + j] = a[i] === b[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
  const inA = new Uint8Array(a.length);
  const inB = new Uint8Array(b.length);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inA[i++] = 1;
      inB[j++] = 1;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i++;
    else j++;
  }
  return [inA, inB];
}

function segments(text: string, list: readonly Word[], keep: Uint8Array): DiffSegment[] {
  const out: DiffSegment[] = [];
  const push = (piece: string, changed: boolean): void => {
    if (piece === '') return;
    const last = out.at(-1);
    if (last !== undefined && last.changed === changed) last.text += piece;
    else out.push({ text: piece, changed });
  };
  let at = 0;
  list.forEach((word, index) => {
    const between = text.slice(at, word.start);
    push(between, index > 0 && keep[index - 1] === 0 && keep[index] === 0);
    push(text.slice(word.start, word.end), keep[index] === 0);
    at = word.end;
  });
  push(text.slice(at), false);
  return out;
}
