import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../src/index.js';

describe('latinHypercube', () => {
  it('puts exactly one point in each of the n strata of every dimension, inside [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        (n, dims, seed) => {
          const points = latinHypercube(n, dims, seed);
          expect(points.length).toBe(n * dims);
          for (let d = 0; d < dims; d++) {
            const seen = new Set<number>();
            for (let i = 0; i < n; i++) {
              const v = points[i * dims + d];
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThan(1);
              seen.add(Math.floor(v * n));
            }
            expect(seen.size).toBe(n);
          }
        },
      ),
    );
  });

  it('gives the same points for the same seed and others for another seed', () => {
    expect(latinHypercube(8, 3, 42)).toEqual(latinHypercube(8, 3, 42));
    expect(latinHypercube(8, 3, 42)).not.toEqual(latinHypercube(8, 3, 43));
  });

  it('is a single point anywhere in the cube when n = 1', () => {
    const [x, y] = latinHypercube(1, 2, 5);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThan(1);
  });

  it('rejects bad sizes and seeds with one-line errors', () => {
    expect(() => latinHypercube(0, 2, 1)).toThrow(/number of points must be a whole number ≥ 1, got 0/);
    expect(() => latinHypercube(4, 1.5, 1)).toThrow(/dimensions must be a whole number ≥ 1, got 1.5/);
    expect(() => latinHypercube(4, 2, -1)).toThrow(/seed must be a whole number/);
  });
});
