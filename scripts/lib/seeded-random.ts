/**
 * One seeded pseudo-random generator (mulberry32) for everything that must come out the same on every run: the
 * benchmark's synthetic corpora (scripts/bench/generate.ts) and the tests' random corpora. Not for anything secret.
 *
 *   const random = seededRandom(14);
 *   random() -> 0.4479… (then 0.4258…, …): the same numbers in [0, 1) for the same seed, on every machine
 *
 * Hand-written rather than a dependency: six lines, and the sequence for a seed must never change under a
 * library update, or every generated corpus and every test built on one would change with it.
 */

/** A generator of numbers in [0, 1), the same sequence for the same seed (taken as an unsigned 32-bit integer). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
