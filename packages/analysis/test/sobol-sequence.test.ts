import { EngineError } from '@endgame/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { owenScramble, SOBOL_MAX_DIMS, sobolPoints } from '../src/sobol-sequence.js';

const row = (points: Float64Array, dims: number, i: number) => Array.from(points.subarray(i * dims, (i + 1) * dims));

/** True when the values put exactly one point in each interval [j/m, (j+1)/m). */
function stratified(values: number[], m: number): boolean {
  const seen = new Uint8Array(m);
  for (const v of values) seen[Math.floor(v * m)]++;
  return seen.every((c) => c === 1);
}

/** Coordinate d of points 0..n−1 of an n × dims array. */
const column = (points: Float64Array, dims: number, d: number, n: number) =>
  Array.from({ length: n }, (_, i) => points[i * dims + d]);

describe('sobolPoints: unscrambled values', () => {
  it('starts (0.5, 0.5, 0.5), (0.75, 0.25, 0.25), (0.25, 0.75, 0.75), (0.375, 0.375, 0.625) — the Joe–Kuo recurrence by hand', () => {
    // Direction numbers v_k (as fractions): dim 1: 1/2, 1/4, 1/8; dim 2 (s = 1, a = 0, m = 1):
    // v1 = 1/2, v_k = v_{k−1} ⊕ v_{k−1}/2 → 3/4, 5/8; dim 3 (s = 2, a = 1, m = 1, 3): v1 = 1/2,
    // v2 = 3/4, v3 = v1 ⊕ v1/4 ⊕ v2 = 0.100 ⊕ 0.001 ⊕ 0.110 (binary) = 3/8.
    // Gray-code order: x1 = v1, x2 = x1 ⊕ v2, x3 = x2 ⊕ v1, x4 = x3 ⊕ v3.
    const p = sobolPoints(4, 3);
    expect(row(p, 3, 0)).toEqual([0.5, 0.5, 0.5]);
    expect(row(p, 3, 1)).toEqual([0.75, 0.25, 0.25]);
    expect(row(p, 3, 2)).toEqual([0.25, 0.75, 0.75]);
    expect(row(p, 3, 3)).toEqual([0.375, 0.375, 0.625]);
  });

  it('matches SciPy’s independent Joe–Kuo implementation far into the sequence and in high dimensions', () => {
    // scipy.stats.qmc.Sobol(d, scramble=False) (SciPy 1.17, new-joe-kuo-6.21201): index 1000 in 8
    // dimensions, and index 12345 in dimensions 64, 65, 256, 512, 1024.
    expect(row(sobolPoints(1, 8, { skip: 1000 }), 8, 0)).toEqual(
      [225, 99, 531, 693, 287, 929, 47, 921].map((v) => v / 1024),
    );
    const far = sobolPoints(1, SOBOL_MAX_DIMS, { skip: 12345 });
    expect([63, 64, 255, 511, 1023].map((d) => far[d])).toEqual(
      [30516, 62036, 38540, 57780, 37820].map((v) => v / 65536),
    );
    // Without skip, row i is sequence index i + 1.
    expect(row(sobolPoints(1000, 8), 8, 999)).toEqual(row(sobolPoints(1, 8, { skip: 1000 }), 8, 0));
  });

  it('stratifies every dimension: indices 0..2^k − 1 put one value in each 1/2^k interval', () => {
    const dims = SOBOL_MAX_DIMS;
    const points = sobolPoints(1024, dims, { skip: 0 });
    for (const k of [1, 2, 5, 10]) {
      for (let d = 0; d < dims; d += d < 64 ? 1 : 37)
        expect(stratified(column(points, dims, d, 2 ** k), 2 ** k)).toBe(true);
    }
  });

  it('makes dimensions 1 and 2 a (0, m, 2)-net: one point in each elementary box of area 2^−m', () => {
    const m = 8;
    const p = sobolPoints(2 ** m, 2, { skip: 0 });
    for (let i = 0; i <= m; i++) {
      const counts = new Map<string, number>();
      for (let n = 0; n < 2 ** m; n++) {
        const key = `${Math.floor(p[2 * n] * 2 ** i)},${Math.floor(p[2 * n + 1] * 2 ** (m - i))}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(counts.size).toBe(2 ** m);
    }
  });

  it('skip drops leading points: rows equal a longer sequence’s later rows', () => {
    const all = sobolPoints(20, 5, { skip: 0 });
    expect(Array.from(sobolPoints(6, 5, { skip: 7 }))).toEqual(Array.from(all.subarray(35, 65)));
    expect(Array.from(sobolPoints(3, 5))).toEqual(Array.from(all.subarray(5, 20)));
  });
});

describe('sobolPoints: Owen scrambling', () => {
  it('keeps points in [0, 1), stratified in every dimension for each 2^k block, and balanced in 2-D', () => {
    const dims = 40;
    const points = sobolPoints(2048, dims, { scrambleSeed: 11 });
    expect(points.every((v) => v >= 0 && v < 1)).toBe(true);
    for (const k of [1, 4, 11]) {
      for (let d = 0; d < dims; d++) expect(stratified(column(points, dims, d, 2 ** k), 2 ** k)).toBe(true);
    }
    // The second block of 1024 points is stratified too.
    for (let d = 0; d < dims; d++) {
      expect(stratified(column(points.subarray(1024 * dims), dims, d, 1024), 1024)).toBe(true);
    }
    const p = sobolPoints(256, 2, { scrambleSeed: 3 });
    for (let i = 0; i <= 8; i++) {
      const boxes = new Set<string>();
      for (let n = 0; n < 256; n++)
        boxes.add(`${Math.floor(p[2 * n] * 2 ** i)},${Math.floor(p[2 * n + 1] * 2 ** (8 - i))}`);
      expect(boxes.size).toBe(256);
    }
  });

  it('is deterministic for a seed and differs between seeds and from the unscrambled points', () => {
    const a = sobolPoints(64, 6, { scrambleSeed: 5 });
    expect(Array.from(sobolPoints(64, 6, { scrambleSeed: 5 }))).toEqual(Array.from(a));
    const b = sobolPoints(64, 6, { scrambleSeed: 6 });
    expect(a.some((v, i) => v !== b[i])).toBe(true);
    const plain = sobolPoints(64, 6, { skip: 0 });
    expect(a.filter((v, i) => v === plain[i]).length).toBeLessThan(10);
  });

  it('owenScramble flips each digit by a function of the digits before it (a nested scramble)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 31 }),
        (x, y, seed, prefix) => {
          // Two inputs agreeing on their first `prefix` digits give outputs agreeing on them too.
          const mask = (0xffffffff << (32 - prefix)) >>> 0;
          const y2 = ((x & mask) | (y & ~mask)) >>> 0;
          expect((owenScramble(x, seed) & mask) >>> 0).toBe((owenScramble(y2, seed) & mask) >>> 0);
          expect(owenScramble(x, seed)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('sobolPoints: bad input', () => {
  it('rejects bad sizes, dimensions, skips and seeds with one-line bad-input errors', () => {
    const cases: [() => unknown, string][] = [
      [() => sobolPoints(-1, 2), 'Sobol points: the number of points must be a whole number ≥ 0, got -1'],
      [() => sobolPoints(1.5, 2), 'Sobol points: the number of points must be a whole number ≥ 0, got 1.5'],
      [() => sobolPoints(4, 0), 'Sobol points: dimensions must be 1..1024, got 0; vary fewer params'],
      [() => sobolPoints(4, 1025), 'Sobol points: dimensions must be 1..1024, got 1025; vary fewer params'],
      [() => sobolPoints(4, 2, { skip: -2 }), 'Sobol points: skip must be a whole number ≥ 0, got -2'],
      [() => sobolPoints(4, 2, { scrambleSeed: -1 }), 'seed must be a whole number from 0 to 4294967295, got -1'],
    ];
    for (const [f, message] of cases) {
      expect(f).toThrow(EngineError);
      expect(f).toThrow(message);
    }
    expect(sobolPoints(0, 3)).toHaveLength(0);
  });
});
