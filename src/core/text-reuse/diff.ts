/**
 * Text reuse, for display: each version of a shared passage against the first, word by word (longest common
 * subsequence), the words that differ marked so /reuse/ can show what changed. With a memo, a pair of texts is
 * compared once.
 * diffVersions(['an American oligopoly', 'an American monopoly'])
 *   -> [[{ text: 'an American ', changed: false }, { text: 'oligopoly', changed: true }], [{ text: 'an American ', changed: false }, { text: 'monopoly', changed: true }]]
 */
import { textKey, type ReuseMemo } from './memo.ts';
import { words, type Word } from './words.ts';

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
