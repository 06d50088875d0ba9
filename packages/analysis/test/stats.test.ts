import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRanks, mean, pearson, percentile, sortedCopy, spearman } from '../src/stats.js';

describe('percentile', () => {
  it('interpolates linearly between closest ranks (hand values)', () => {
    const x = [1, 2, 3, 4];
    expect(percentile(x, 0)).toBe(1);
    expect(percentile(x, 1)).toBe(4);
    expect(percentile(x, 0.5)).toBe(2.5); // h = 1.5
    expect(percentile(x, 0.25)).toBe(1.75); // h = 0.75
    expect(percentile(new Float64Array([10, 20, 30, 40, 50]), 0.9)).toBeCloseTo(46, 12); // h = 3.6
    expect(percentile(new Float64Array([10, 20, 30, 40, 50]), 0.05)).toBeCloseTo(12, 12); // h = 0.2
    expect(percentile([7], 0.3)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('is monotone in q and stays within [min, max]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q1, q2) => {
          const sorted = sortedCopy(values);
          const a = percentile(sorted, Math.min(q1, q2));
          const b = percentile(sorted, Math.max(q1, q2));
          expect(a).toBeLessThanOrEqual(b);
          expect(a).toBeGreaterThanOrEqual(sorted[0]);
          expect(b).toBeLessThanOrEqual(sorted[sorted.length - 1]);
        },
      ),
    );
  });

  it('sortedCopy sorts numerically without touching its input', () => {
    const input = [10, 9, -1, 100];
    expect(Array.from(sortedCopy(input))).toEqual([-1, 9, 10, 100]);
    expect(input).toEqual([10, 9, -1, 100]);
  });
});

describe('ranks and correlations', () => {
  it('averageRanks gives tied values the average of their ranks', () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(averageRanks([3, 1, 3, 3, 2]))).toEqual([4, 1, 4, 4, 2]);
  });

  it('mean and pearson on hand values', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([])).toBeNaN();
    // x = [1, 2, 3], y = [1, 3, 2]: cov·n = 1, var·n = 2 each → 1/2.
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 14);
  });

  it('spearman: 1 for a monotone increasing relation, −1 for a decreasing one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }), (x) => {
        expect(
          spearman(
            x,
            x.map((v) => Math.exp(v / 10)),
          ),
        ).toBeCloseTo(1, 12);
        expect(
          spearman(
            x,
            x.map((v) => -(v ** 3)),
          ),
        ).toBeCloseTo(-1, 12);
      }),
    );
  });

  it('spearman on a small case by hand: 1 − 6Σd²/(n(n² − 1)) = 0.8', () => {
    // Ranks differ by d = (1, 1, 1, 1, 0): Σd² = 4, n = 5 → 1 − 24/120.
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 14);
  });

  it('spearman averages tied ranks (hand case)', () => {
    // Ranks a = (1, 2.5, 2.5, 4), b = (1, 3, 2, 4); deviations from 2.5: a (−1.5, 0, 0, 1.5),
    // b (−1.5, 0.5, −0.5, 1.5): Σab = 4.5, Σa² = 4.5, Σb² = 5 → 4.5/√22.5.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 14);
  });

  it('spearman is symmetric, within [−1, 1], and NaN for a constant sample or unequal lengths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.double({ min: -1, max: 1, noNaN: true })), {
          minLength: 3,
          maxLength: 30,
        }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const rho = spearman(a, b);
          if (Number.isNaN(rho)) return;
          expect(Math.abs(rho)).toBeLessThanOrEqual(1);
          expect(spearman(b, a)).toBeCloseTo(rho, 12);
        },
      ),
    );
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1, 2], [1, 2, 3])).toBeNaN();
  });
});
