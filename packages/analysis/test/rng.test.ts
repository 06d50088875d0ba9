import fc from 'fast-check';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { checkSeed, MAX_SEED, randomIndex, runStreams, seededRng } from '../src/rng.js';
import type { Rng } from '../src/types.js';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());
const seedArb = fc.integer({ min: 0, max: MAX_SEED });

describe('runStreams', () => {
  it('gives run i the seed’s xoroshiro128+ jumped i + 1 times, as 53-bit doubles', () => {
    for (const seed of [0, 1, 42, MAX_SEED]) {
      const reference = xoroshiro128plus(seed | 0);
      const streams = runStreams(seed);
      for (let run = 0; run < 5; run++) {
        reference.jump();
        const copy = reference.clone();
        const expected = Array.from({ length: 4 }, () => uniformFloat64(copy));
        expect(draw(streams(run), 4)).toEqual(expected);
      }
    }
  });

  it('is reproducible: the same seed and run give the same numbers, also from a fresh stream set', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 0, max: 40 }), (seed, run) => {
        const a = draw(runStreams(seed)(run), 8);
        const streams = runStreams(seed);
        expect(draw(streams(run), 8)).toEqual(a);
        expect(draw(streams(run), 8)).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  it('does not depend on the order runs are requested in', () => {
    const runs = 24;
    fc.assert(
      fc.property(seedArb, fc.shuffledSubarray([...Array(runs).keys()], { minLength: runs }), (seed, order) => {
        const inOrder = runStreams(seed);
        const expected = [...Array(runs).keys()].map((run) => draw(inOrder(run), 3));
        const shuffled = runStreams(seed);
        for (const run of order) expect(draw(shuffled(run), 3)).toEqual(expected[run]);
      }),
      { numRuns: 20 },
    );
  });

  it('gives different runs and different seeds different numbers', () => {
    const streams = runStreams(7);
    const firsts = new Set([...Array(200).keys()].map((run) => streams(run).next()));
    expect(firsts.size).toBe(200);
    expect(runStreams(7)(0).next()).not.toBe(runStreams(8)(0).next());
  });

  it('draws doubles in [0, 1) with mean 1/2 and variance 1/12 (within 4 standard errors)', () => {
    const n = 40_000;
    const values = draw(runStreams(123)(3), n);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / n;
    // Var(U) = 1/12; Var of the sample mean = 1/(12n).
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / (12 * n)));
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    // The sample variance averages (U − 1/2)², whose variance is E(U − 1/2)⁴ − (1/12)² = 1/80 − 1/144 = 1/180.
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / (180 * n)));
  });

  it('gives uncorrelated neighbouring streams (first draws of runs 0..n−1)', () => {
    const n = 20_000;
    const streams = runStreams(5);
    let sxy = 0;
    let previous = streams(0).next() - 0.5;
    for (let run = 1; run < n; run++) {
      const x = streams(run).next() - 0.5;
      sxy += x * previous;
      previous = x;
    }
    // Each product of independent centred uniforms has variance 1/144.
    expect(Math.abs(sxy / (n - 1))).toBeLessThan(4 * Math.sqrt(1 / (144 * (n - 1))));
  });

  it('rejects bad seeds and run numbers with one-line bad-input errors', () => {
    for (const seed of [-1, 1.5, MAX_SEED + 1, Number.NaN]) {
      expect(() => runStreams(seed)).toThrow(/^seed must be a whole number from 0 to 4294967295, got/);
      expect(() => checkSeed(seed)).toThrow(expect.objectContaining({ code: 'bad-input' }));
    }
    const streams = runStreams(1);
    expect(() => streams(-1)).toThrow('run number must be a whole number ≥ 0, got -1');
    expect(() => streams(0.5)).toThrow('run number must be a whole number ≥ 0, got 0.5');
  });
});

describe('seededRng and randomIndex', () => {
  it('seededRng is run 0 of the seed’s streams', () => {
    expect(draw(seededRng(99), 5)).toEqual(draw(runStreams(99)(0), 5));
  });

  it('randomIndex stays in [0, n) and hits every index', () => {
    const rng = seededRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const k = randomIndex(rng, 7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      seen.add(k);
    }
    expect(seen.size).toBe(7);
    expect(randomIndex({ next: () => 0.9999999999999999 }, 3)).toBe(2);
  });
});
