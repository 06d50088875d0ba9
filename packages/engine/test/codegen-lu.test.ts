import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertWhitelisted } from '../src/codegen.js';
import { emitLuFunctions } from '../src/codegen-lu.js';
import { luFactorScaled, luSolve } from '../src/dense-lu.js';

type Factor = (J: Float64Array, P: Int32Array, sc: number) => boolean;
type Solve = (J: Float64Array, P: Int32Array, g: Float64Array) => void;

/** The unrolled functions of size n, built from the generated source (test-generated text only). */
function unrolled(n: number): { factor: Factor; solve: Solve } {
  const emitted = `"use strict";${emitLuFunctions([n])}`;
  assertWhitelisted(emitted);
  const [factor, solve] = new Function(`${emitted}\nreturn [luf${n},lus${n}];`)() as [Factor, Solve];
  return { factor, solve };
}

function largestEntry(a: Float64Array): number {
  let scale = 0;
  for (const v of a) scale = Math.max(scale, Math.abs(v));
  return scale;
}

/** Factorises and solves with both implementations; every output must be the same double. */
function expectSameAsLoops(n: number, entries: number[], rhs: number[]): void {
  const { factor, solve } = unrolled(n);
  const a = Float64Array.from(entries);
  const b = Float64Array.from(entries);
  const pa = new Int32Array(n);
  const pb = new Int32Array(n);
  const scale = largestEntry(a);
  const okLoops = luFactorScaled(a, n, pa, scale);
  const okUnrolled = factor(b, pb, scale);
  expect(okUnrolled).toBe(okLoops);
  if (!okLoops) return;
  expect([...b].map((v) => (Object.is(v, -0) ? '-0' : v))).toEqual([...a].map((v) => (Object.is(v, -0) ? '-0' : v)));
  expect([...pb]).toEqual([...pa]);
  const ga = Float64Array.from(rhs);
  const gb = Float64Array.from(rhs);
  luSolve(a, n, pa, ga);
  solve(b, pb, gb);
  expect([...gb]).toEqual([...ga]);
}

describe('dense LU unrolled for one size (generated dense solves)', () => {
  it('solves a 3×3 system that needs a row swap to the hand-computed answer', () => {
    // [0 1 1; 1 0 1; 1 1 0]·x = [5, 4, 3] has x = (1, 2, 3) (sum of all: 2Σx = 12, so Σx = 6).
    const { factor, solve } = unrolled(3);
    const J = Float64Array.from([0, 1, 1, 1, 0, 1, 1, 1, 0]);
    const P = new Int32Array(3);
    expect(factor(J, P, 1)).toBe(true);
    expect(P[0]).not.toBe(0);
    const g = Float64Array.from([5, 4, 3]);
    solve(J, P, g);
    expect(Math.abs(g[0] - 1)).toBeLessThan(1e-15);
    expect(Math.abs(g[1] - 2)).toBeLessThan(1e-15);
    expect(Math.abs(g[2] - 3)).toBeLessThan(1e-15);
  });

  it('reports a singular matrix as the loops do', () => {
    const { factor } = unrolled(2);
    expect(factor(Float64Array.from([1, 2, 2, 4]), new Int32Array(2), 4)).toBe(false);
    expect(factor(Float64Array.from([1, Number.NaN, 0, 1]), new Int32Array(2), Number.NaN)).toBe(false);
  });

  it('gives bit for bit the factors, pivots and solutions of dense-lu.ts (sizes 1–8, with pivoting and zeros)', () => {
    const entry = fc.oneof(fc.constant(0), fc.double({ min: -10, max: 10, noNaN: true }));
    const system = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        entries: fc.array(entry, { minLength: n * n, maxLength: n * n }),
        rhs: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(system, ({ n, entries, rhs }) => {
        expectSameAsLoops(n, entries, rhs);
      }),
      { numRuns: 300 },
    );
  });
});
