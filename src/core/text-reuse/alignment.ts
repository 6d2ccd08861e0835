/**
 * Text reuse, step 3: alignment. Two paragraphs' word lists are aligned word by word (Smith-Waterman local alignment:
 * a content word matched +2, a stopword +1, a changed, missing or extra word -2), repeatedly, so one pair can share
 * several passages (reordered sentences); only around the three-word runs both have (ALIGNMENT_REGION), so the work
 * grows with what they share, not with the product of their lengths. A passage counts when both sides are at least
 * `minWords` words long, at least `minMatched` words match, `minContentWords` distinct content words among them, and
 * the matched words are at least `minIdentity` of the longer side: "artificial intelligence" alone never counts.
 * align(['the', 'american', 'oligopoly', 'that', 'includes'], ['an', 'american', 'oligopoly', 'that', 'includes'])
 *   -> [{ pairs: [[1, 1], [2, 2], [3, 3], [4, 4]] }]
 */
import { ALIGNMENT_REGION, ALIGNMENT_SCORES, REUSE_OPTIONS, type ReuseOptions } from './options.ts';
import { Lexicon } from './words.ts';

/** One aligned passage of two word lists: the matched word pairs (indexes into each), in order. */
export interface Alignment {
  pairs: [number, number][];
}

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

export function* alignIds(wordsA: Int32Array, wordsB: Int32Array, lexicon: Lexicon, minPairs: number): Generator<Alignment> {
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

/** Whether an alignment is a shared passage under the thresholds (see the module comment). */
export function isSharedPassage(alignment: Alignment, a: readonly string[], options: ReuseOptions = REUSE_OPTIONS): boolean {
  const lexicon = new Lexicon();
  return sharedPassage(alignment, lexicon.of(a), lexicon, options);
}

export function sharedPassage({ pairs }: Alignment, a: Int32Array, lexicon: Lexicon, options: ReuseOptions): boolean {
  if (pairs.length < options.minMatched) return false;
  const wordsA = pairs.at(-1)![0] - pairs[0]![0] + 1;
  const wordsB = pairs.at(-1)![1] - pairs[0]![1] + 1;
  if (Math.min(wordsA, wordsB) < options.minWords) return false;
  if (pairs.length < options.minIdentity * Math.max(wordsA, wordsB)) return false;
  const content = new Set(pairs.map(([x]) => a[x]!).filter((id) => lexicon.content[id]));
  return content.size >= options.minContentWords;
}
