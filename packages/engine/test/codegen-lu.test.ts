import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertWhitelisted } from '../src/codegen.js';
import { emitLocalLu, emitLuFunctions } from '../src/codegen-lu.js';
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

  it('in locals: the same factors and solution as dense-lu.ts when no row swap is needed, and says when one is', () => {
    const value = fc.integer({ min: -1000, max: 1000 }).map((v) => v / 97);
    const system = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        // Structurally nonzero cells (the diagonal is always one) and their values.
        inPattern: fc.array(fc.boolean(), { minLength: n * n, maxLength: n * n }),
        values: fc.array(value, { minLength: n * n, maxLength: n * n }),
        dominance: fc.boolean(),
        rhs: fc.array(value, { minLength: n, maxLength: n }),
      }),
    );
    let withoutSwap = 0;
    let withSwap = 0;
    fc.assert(
      fc.property(system, ({ n, inPattern, values, dominance, rhs }) => {
        const original = [...Array(n * n).keys()].filter((c) => inPattern[c] || c % (n + 1) === 0);
        // Half the cases get a heavy diagonal, so most of those need no swap.
        const a = new Float64Array(n * n);
        for (const c of original)
          a[c] = values[c] + (dominance && c % (n + 1) === 0 ? 20 * Math.sign(values[c] || 1) : 0);
        const lu = emitLocalLu(n, original);
        const body = [
          `let ${lu.cells.map((c) => `m${c}=A[${c}]`).join(',')};`,
          `let ${[...Array(n).keys()].map((j) => `s${j}=G[${j}]`).join(',')};`,
          'let pivoted=true,inv=0,fk=0,ak=0;',
          `const tiny=1e-14*SC;`,
          lu.factor,
          'if(pivoted)return 1;',
          lu.solve,
          `${lu.cells.map((c) => `A[${c}]=m${c};`).join('')}${[...Array(n).keys()].map((j) => `G[${j}]=s${j};`).join('')}`,
          'return 0;',
        ].join('\n');
        const run = new Function('A', 'G', 'SC', body) as (A: Float64Array, G: Float64Array, sc: number) => number;
        const mine = Float64Array.from(a);
        const g = Float64Array.from(rhs);
        const scale = largestEntry(a);
        const outcome = run(mine, g, scale);
        const loops = Float64Array.from(a);
        const pivots = new Int32Array(n);
        const ok = luFactorScaled(loops, n, pivots, scale);
        if (outcome === -1) expect(ok).toBe(false);
        if (outcome === 1 && ok) {
          withSwap++;
          expect(pivots.some((pv, k) => pv !== k)).toBe(true);
        }
        if (outcome === 0) {
          withoutSwap++;
          expect(ok).toBe(true);
          expect([...pivots]).toEqual([...Array(n).keys()]);
          for (const c of lu.cells) expect(mine[c]).toBe(loops[c]);
          const v = Float64Array.from(rhs);
          luSolve(loops, n, pivots, v);
          expect([...g]).toEqual([...v]);
        }
      }),
      { numRuns: 400 },
    );
    // Both paths were exercised.
    expect(withoutSwap).toBeGreaterThan(20);
    expect(withSwap).toBeGreaterThan(20);
  });
});
