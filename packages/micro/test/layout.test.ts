/** The histogram's bins: every income lands in the bin whose edges hold it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binEdge, binOf, HIST_BINS } from '../src/layout.js';

describe('income bins', () => {
  it('put an income between its bin edges', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 32767, noNaN: true }), (y) => {
        const k = binOf(y);
        return k >= 0 && k < HIST_BINS && binEdge(k) <= y && y < binEdge(k + 1);
      }),
    );
  });
  it('send incomes below the first edge to bin 0 and above the last to the top bin', () => {
    expect([binOf(-5), binOf(0), binOf(0.5), binOf(Number.NaN)]).toEqual([0, 0, 0, 0]);
    expect([binOf(40_000), binOf(1e12)]).toEqual([HIST_BINS - 1, HIST_BINS - 1]);
  });
  it('have edges 1, 1 + 1/16, ..., 2, ... doubling each octave', () => {
    expect([binEdge(0), binEdge(1), binEdge(16), binEdge(17), binEdge(HIST_BINS)]).toEqual([
      1, 1.0625, 2, 2.125, 32768,
    ]);
  });
});
