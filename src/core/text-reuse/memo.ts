/**
 * The memo of a text-reuse run: results computed before (alignments of two paragraphs, a version's diff with the
 * first), looked up by a hash of the texts they came from, so only texts not seen before are computed again.
 * src/utils/reuse-cache.ts keeps one between builds.
 * textKey('It would hand a big advantage…') -> 'Xq3v…' (24 base64url characters)
 */
import { createHash } from 'node:crypto';

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
export function textKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 24);
}
