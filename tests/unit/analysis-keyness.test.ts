/**
 * The keyness statistics (src/core/analysis/keyness.ts) against tables worked by hand, with the formula of Rayson and
 * Garside (2000, "Comparing corpora using frequency profiling") for expected counts, E = row total x column total / N,
 * Dunning's (1993) G2 = 2 sum O ln(O/E) over the four cells, and Hardie's (2014) log ratio with 0.5 for a zero count.
 * Each case's arithmetic is written out, to 5 or 6 significant figures, so the expected values are not the code's own.
 */
import { describe, expect, test } from 'vitest';
import { expectedCounts, keyness, logLikelihood, logRatio, significance, SIGNIFICANCE_FLOORS } from '../../src/core/analysis/keyness.ts';

describe('expected counts', () => {
  test('row total x column total / N, for every cell', () => {
    // a=50, b=9,950 (part: 10,000 words); c=10, d=9,990 (rest: 10,000 words); N = 20,000; the word: 60 uses.
    // E(a) = 10,000 x 60 / 20,000 = 30; E(b) = 10,000 x 19,940 / 20,000 = 9,970; E(c) = 30; E(d) = 9,970.
    expect(expectedCounts({ a: 50, b: 9950, c: 10, d: 9990 })).toEqual({ a: 30, b: 9970, c: 30, d: 9970 });
  });
});

describe('log-likelihood G2', () => {
  test('a word five times as frequent in one of two equal parts', () => {
    // 50 ln(50/30)     = 50 x 0.510826     =  25.5413
    // 9,950 ln(9,950/9,970) = 9,950 x -0.00200803 = -19.9799
    // 10 ln(10/30)     = 10 x -1.098612    = -10.9861
    // 9,990 ln(9,990/9,970) = 9,990 x 0.00200401  =  20.0201
    // sum = 14.5954; G2 = 2 x 14.5954 = 29.191 (above 15.13: p < 0.0001)
    expect(logLikelihood({ a: 50, b: 9950, c: 10, d: 9990 })).toBeCloseTo(29.191, 2);
  });

  test('twice as frequent in a small sample is not significant', () => {
    // a=10, b=990, c=5, d=995; N = 2,000; E(a) = E(c) = 1,000 x 15 / 2,000 = 7.5; E(b) = E(d) = 992.5.
    // 10 ln(10/7.5) = 2.87682; 990 ln(990/992.5) = 990 x -0.00252207 = -2.49685;
    // 5 ln(5/7.5) = -2.02733; 995 ln(995/992.5) = 995 x 0.00251573 = 2.50315. Sum 0.85579; G2 = 1.7116 (< 3.84).
    const g2 = logLikelihood({ a: 10, b: 990, c: 5, d: 995 });
    expect(g2).toBeCloseTo(1.7116, 3);
    expect(significance(g2)).toBeNull();
  });

  test('a zero cell adds nothing', () => {
    // a=5, b=995, c=0, d=1,000; E(a) = E(c) = 2.5; E(b) = E(d) = 997.5.
    // 5 ln 2 = 3.46574; 995 ln(995/997.5) = 995 x -0.00250941 = -2.49686; 0; 1,000 ln(1,000/997.5) = 2.50313.
    // Sum 3.47201; G2 = 6.944 (p < 0.01, not p < 0.001).
    const g2 = logLikelihood({ a: 5, b: 995, c: 0, d: 1000 });
    expect(g2).toBeCloseTo(6.944, 2);
    expect(significance(g2)?.p).toBe('0.01');
  });

  test('0 when the word is as frequent in the part as in the rest; never negative', () => {
    expect(logLikelihood({ a: 20, b: 980, c: 40, d: 1960 })).toBeCloseTo(0, 10);
    expect(logLikelihood({ a: 0, b: 0, c: 0, d: 0 })).toBe(0);
  });

  test('keyness() fills the table from counts and sizes', () => {
    const score = keyness(50, 10000, 10, 10000);
    expect(score.expected).toBe(30);
    expect(score.g2).toBeCloseTo(29.191, 2);
    expect(score.logRatio).toBeCloseTo(Math.log2(5), 10);
  });
});

describe('log ratio', () => {
  test('the binary log of the ratio of relative frequencies', () => {
    // (50 / 10,000) / (10 / 10,000) = 5; log2 5 = 2.32193
    expect(logRatio(50, 10000, 10, 10000)).toBeCloseTo(2.32193, 4);
    // (10 / 1,000) / (40 / 2,000) = 0.5; log2 0.5 = -1
    expect(logRatio(10, 1000, 40, 2000)).toBeCloseTo(-1, 10);
  });

  test('a zero count is taken as 0.5', () => {
    // (5 / 1,000) / (0.5 / 1,000) = 10; log2 10 = 3.32193
    expect(logRatio(5, 1000, 0, 1000)).toBeCloseTo(3.32193, 4);
    expect(Number.isFinite(logRatio(0, 1000, 0, 1000))).toBe(true);
  });
});

describe('significance floors', () => {
  test('chi-squared with 1 degree of freedom, strictest reached', () => {
    expect(SIGNIFICANCE_FLOORS.map((floor) => floor.floor)).toEqual([3.84, 6.63, 10.83, 15.13]);
    expect(significance(3.83)).toBeNull();
    expect(significance(3.84)?.p).toBe('0.05');
    expect(significance(10.83)?.p).toBe('0.001');
    expect(significance(29.19)?.p).toBe('0.0001');
  });
});
