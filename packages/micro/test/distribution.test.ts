/**
 * Distribution measures on histograms built by hand (values derived from the
 * definitions, not from the code).
 */
import { describe, expect, it } from 'vitest';
import { binEdge, consumptionByDecile, giniOfHistogram, HIST_BINS, middleClassShare } from '../src/index.js';

/** A histogram with `count` households of income `income` and consumption `cons` in the bin holding `income`. */
function histogram(entries: { income: number; count: number; cons: number }[]): Float64Array {
  const h = new Float64Array(3 * HIST_BINS);
  for (const e of entries) {
    let k = 0;
    while (k + 1 < HIST_BINS && binEdge(k + 1) <= e.income) k++;
    h[3 * k] += e.count;
    h[3 * k + 1] += e.count * e.income;
    h[3 * k + 2] += e.count * e.cons;
  }
  return h;
}

describe('Gini', () => {
  it('is 0 for equal incomes', () => {
    expect(giniOfHistogram(histogram([{ income: 50, count: 10, cons: 40 }]))).toBeCloseTo(0, 12);
  });
  it('is 0.25 for incomes 10 and 30 (mean absolute difference 10 / twice the mean 40)', () => {
    const h = histogram([
      { income: 10, count: 1, cons: 10 },
      { income: 30, count: 1, cons: 20 },
    ]);
    expect(giniOfHistogram(h)).toBeCloseTo(0.25, 12);
  });
  it('is (n − 1) / n when one of n households has all the income', () => {
    const h = histogram([
      { income: 0, count: 3, cons: 1 },
      { income: 100, count: 1, cons: 50 },
    ]);
    expect(giniOfHistogram(h)).toBeCloseTo(0.75, 12);
  });
});

describe('middle-class share', () => {
  it('counts households between 2/3 and 2 times the median', () => {
    // 60 households at 100 (the median), 20 at 10 (below 2/3 median), 20 at 500 (above 2 x median)
    const h = histogram([
      { income: 10, count: 20, cons: 10 },
      { income: 100, count: 60, cons: 80 },
      { income: 500, count: 20, cons: 300 },
    ]);
    expect(middleClassShare(h)).toBeCloseTo(0.6, 9);
  });
});

describe('consumption by decile', () => {
  it('averages each tenth of households by income', () => {
    const entries = Array.from({ length: 10 }, (_, d) => ({ income: 10 * 2 ** d, count: 5, cons: 3 * (d + 1) }));
    expect(consumptionByDecile(histogram(entries))).toEqual(entries.map((e) => e.cons));
  });
  it('splits a bin that straddles deciles pro rata', () => {
    // 20 households at one income (consumption 5) and 80 at a higher one (consumption 9): deciles 1-2 and 3-10
    const h = histogram([
      { income: 20, count: 20, cons: 5 },
      { income: 200, count: 80, cons: 9 },
    ]);
    expect(consumptionByDecile(h)).toEqual([5, 5, 9, 9, 9, 9, 9, 9, 9, 9]);
  });
});
