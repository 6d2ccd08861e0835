/**
 * Keyness statistics for word counts: Dunning's log-likelihood G2 of a 2x2 contingency table, its expected
 * counts, Hardie's log ratio (the binary log of the ratio of relative frequencies) as the effect size, and the
 * chi-squared floors (1 degree of freedom) a G2 is read against. Pure numbers in, numbers out.
 * A word 50 times in 10,000 words of one part and 10 times in the other 10,000:
 *   logLikelihood({ a: 50, b: 9950, c: 10, d: 9990 }) -> 29.19…;  logRatio(50, 10000, 10, 10000) -> 2.32 (5 times as frequent)
 *   significance(29.19) -> { floor: 15.13, p: '0.0001' }
 */

/**
 * A 2x2 table of counts. Rows: the part studied (a window, a source) and the rest; columns: the word and every
 * other word. a = the word in the part, b = other words in the part, c = the word in the rest, d = other words in the rest.
 */
export interface Table {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** The counts each cell would hold if the word were spread over the part and the rest by their sizes: row total x column total / N. */
export function expectedCounts({ a, b, c, d }: Table): Table {
  const n = a + b + c + d;
  if (n === 0) return { a: 0, b: 0, c: 0, d: 0 };
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const col2 = b + d;
  return { a: (row1 * col1) / n, b: (row1 * col2) / n, c: (row2 * col1) / n, d: (row2 * col2) / n };
}

/**
 * Dunning's (1993) log-likelihood over the four cells: G2 = 2 * sum O ln(O / E). A cell of 0 adds 0 (the limit of
 * O ln O). Never negative; 0 when the word is exactly as frequent in the part as in the rest.
 */
export function logLikelihood(table: Table): number {
  const expected = expectedCounts(table);
  let sum = 0;
  for (const cell of ['a', 'b', 'c', 'd'] as const) {
    const observed = table[cell];
    if (observed > 0) sum += observed * Math.log(observed / expected[cell]);
  }
  return Math.max(0, 2 * sum);
}

/** What stands in for a count of 0 in the log ratio (Hardie 2014): 0.5, so a word absent from one side has a finite ratio. */
const ZERO_CORRECTION = 0.5;

/**
 * Hardie's (2014) log ratio: log2 of the word's relative frequency in the part over its relative frequency in the
 * rest. 1 = twice as frequent, 2 = four times, -1 = half as frequent; a count of 0 is taken as 0.5.
 */
export function logRatio(inPart: number, partSize: number, inRest: number, restSize: number): number {
  if (partSize <= 0 || restSize <= 0) return 0;
  const part = (inPart === 0 ? ZERO_CORRECTION : inPart) / partSize;
  const rest = (inRest === 0 ? ZERO_CORRECTION : inRest) / restSize;
  return Math.log2(part / rest);
}

/** The chi-squared critical values for 1 degree of freedom, strictest last: a G2 at or above one is significant at its p. */
export const SIGNIFICANCE_FLOORS = [
  { floor: 3.84, p: '0.05' },
  { floor: 6.63, p: '0.01' },
  { floor: 10.83, p: '0.001' },
  { floor: 15.13, p: '0.0001' },
] as const;

export type Floor = (typeof SIGNIFICANCE_FLOORS)[number];

/** The strictest floor a G2 reaches, or null below p < 0.05. */
export function significance(g2: number): Floor | null {
  let reached: Floor | null = null;
  for (const floor of SIGNIFICANCE_FLOORS) if (g2 >= floor.floor) reached = floor;
  return reached;
}

/** A word's counts in a part of the corpus and in the rest, with its G2, expected count and effect size. */
export interface Keyness {
  /** Times in the part. */
  observed: number;
  /** Times it would be there if spread by size. */
  expected: number;
  g2: number;
  logRatio: number;
}

/** The keyness of a word seen `inPart` times in `partSize` words and `inRest` times in the other `restSize` words. */
export function keyness(inPart: number, partSize: number, inRest: number, restSize: number): Keyness {
  const table = { a: inPart, b: Math.max(0, partSize - inPart), c: inRest, d: Math.max(0, restSize - inRest) };
  return {
    observed: inPart,
    expected: expectedCounts(table).a,
    g2: logLikelihood(table),
    logRatio: logRatio(inPart, partSize, inRest, restSize),
  };
}
