import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SolverOptions } from '../src/api-types.js';
import { type BlockEvaluators, BlockSolver } from '../src/block-solver.js';
import { EngineError } from '../src/diagnostics.js';
import { colourColumns } from '../src/sparse-lu.js';

/** F as a function of the block's current values (block-local order), the period and t. */
type BlockFunction = (x: number[], j: number, p: number, t: number) => number;

/**
 * Hand-written evaluators over a buffer: Jacobi reads every x from o, Seidel
 * writes each F_j into o before evaluating F_{j+1}. Counts jacobi() calls.
 */
function evaluators(slots: number[], f: BlockFunction): BlockEvaluators & { jacobiCalls: number } {
  const read = (o: Float64Array, S: number, p: number) => slots.map((s) => o[p * S + s]);
  return {
    jacobiCalls: 0,
    jacobi(o, S, p, t, _dt, r) {
      this.jacobiCalls++;
      const x = read(o, S, p);
      for (let j = 0; j < slots.length; j++) r[j] = f(x, j, p, t);
    },
    seidel(o, S, p, t) {
      for (let j = 0; j < slots.length; j++) o[p * S + slots[j]] = f(read(o, S, p), j, p, t);
    },
  };
}

function solver(names: string[], slots: number[], pattern: number[][], options?: SolverOptions): BlockSolver {
  return new BlockSolver(
    { names, slots: Int32Array.from(slots), pattern: pattern.map((row) => Int32Array.from(row)) },
    options,
  );
}

/** Residual max_j |F_j(x) − x_j| at the values stored in o. */
function maxResidual(o: Float64Array, S: number, p: number, slots: number[], f: BlockFunction, t = 0): number {
  const x = slots.map((s) => o[p * S + s]);
  return Math.max(...x.map((xj, j) => Math.abs(f(x, j, p, t) - xj)));
}

describe('BlockSolver', () => {
  it('solves a linear two-variable block to the closed-form answer, touching only its slots', () => {
    // x = 0.5·y + 1, y = 0.25·x + 2  ⇒  x = 2 / 0.875 = 16/7, y = 0.25·16/7 + 2 = 18/7.
    const f: BlockFunction = (v, j) => (j === 0 ? 0.5 * v[1] + 1 : 0.25 * v[0] + 2);
    const slots = [3, 1];
    const S = 5; // period-major rows of 5 slots: slot s of period p is o[p * S + s]
    const o = Float64Array.from({ length: 2 * S }, (_, i) => 100 + i);
    const before = Float64Array.from(o);
    const iterations = solver(['x', 'y'], slots, [[1], [0]]).solve(o, S, 1, 1, 1, evaluators(slots, f), 'p1');
    expect(Math.abs(o[1 * S + 3] - 16 / 7)).toBeLessThan(1e-12);
    expect(Math.abs(o[1 * S + 1] - 18 / 7)).toBeLessThan(1e-12);
    expect(iterations).toBeGreaterThan(0);
    expect(iterations).toBeLessThanOrEqual(3);
    for (let i = 0; i < o.length; i++) if (i !== 1 * S + 3 && i !== 1 * S + 1) expect(o[i]).toBe(before[i]);
  });

  it('returns 0 iterations without a Jacobian when the guess already solves the block', () => {
    const f: BlockFunction = (v, j) => (j === 0 ? 0.5 * v[1] + 1 : 0.25 * v[0] + 2);
    const o = Float64Array.from([16 / 7, 18 / 7]);
    const ev = evaluators([0, 1], f);
    const s = solver(['x', 'y'], [0, 1], [[1], [0]]);
    expect(s.solve(o, 1, 0, 0, 1, ev, 'p0')).toBe(0);
    expect(ev.jacobiCalls).toBe(1);
    expect(s.stats.jacobianEvaluations).toBe(0);
  });

  it('solves a nonlinear block to within 1e-10 and agrees with a plain fixed-point iteration', () => {
    // x = 0.5·cos y, y = 0.5·sin x + 1: a contraction (Lipschitz ≤ 0.5), so fixed-point iteration converges.
    const f: BlockFunction = (v, j) => (j === 0 ? 0.5 * Math.cos(v[1]) : 0.5 * Math.sin(v[0]) + 1);
    let [fx, fy] = [0, 0];
    for (let k = 0; k < 200; k++) [fx, fy] = [0.5 * Math.cos(fy), 0.5 * Math.sin(fx) + 1];
    const o = new Float64Array(2);
    solver(['x', 'y'], [0, 1], [[1], [0]]).solve(o, 1, 0, 0, 1, evaluators([0, 1], f), 'p0');
    expect(maxResidual(o, 1, 0, [0, 1], f)).toBeLessThan(1e-10);
    expect(Math.abs(o[0] - fx)).toBeLessThan(1e-10);
    expect(Math.abs(o[1] - fy)).toBeLessThan(1e-10);
  });

  it('is deterministic: the same evaluations give bit-identical solutions', () => {
    const f: BlockFunction = (v, j) =>
      j === 0 ? 0.3 * v[1] * v[2] + 1 : j === 1 ? Math.sqrt(1 + v[0] * v[0]) : 0.2 * v[0] - 0.1 * v[1];
    const pattern = [[1, 2], [0], [0, 1]];
    const run = () => {
      const o = Float64Array.from([0.5, 0.5, 0.5]);
      solver(['a', 'b', 'c'], [0, 1, 2], pattern).solve(o, 1, 0, 0, 1, evaluators([0, 1, 2], f), 'p0');
      return o;
    };
    const [first, second] = [run(), run()];
    for (let i = 0; i < 3; i++) expect(Object.is(first[i], second[i])).toBe(true);
    expect(maxResidual(first, 1, 0, [0, 1, 2], f)).toBeLessThan(1e-10);
  });

  it('throws no-convergence naming the variables, the period and the residuals when there is no solution', () => {
    // output = exp(zed), zed = output  ⇒  output = exp(output), which has no real solution.
    const f: BlockFunction = (v, j) => (j === 0 ? Math.exp(v[1]) : v[0]);
    // From 1 (not 0, where J happens to be singular) Newton iterates before giving up; Gauss–Seidel overflows.
    const o = Float64Array.from([1, 1]);
    let caught: unknown;
    try {
      solver(['output', 'zed'], [0, 1], [[1], [0]]).solve(o, 1, 0, 0, 1, evaluators([0, 1], f), '2026-07');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EngineError);
    const error = caught as EngineError;
    expect(error.code).toBe('no-convergence');
    expect(error.message).toContain('output');
    expect(error.message).toContain('zed');
    expect(error.message).toContain('2026-07');
    expect(error.message).toMatch(/output = |zed = /);
    expect(error.message).toMatch(/missing lag/);
    expect(error.message).toMatch(/Newton failed \(.+\) and so did Gauss–Seidel \(output became Infinity/);
    expect(error.detail.block).toEqual(['output', 'zed']);
    expect(error.detail.period).toBe('2026-07');
  });

  it('reuses LU factors across iterations and periods, and refactorises every iteration with reuseLU false', () => {
    // A slowly drifting nonlinear block solved over 100 periods, each starting from the previous solution.
    const f: BlockFunction = (v, j, _p, t) =>
      j === 0 ? 0.3 * v[1] + 1 + 0.01 * t : (0.2 * v[0] * v[0]) / (1 + v[0]) + 0.5;
    const periods = 100;
    const S = 2; // two slots per period row
    const runAll = (options: SolverOptions) => {
      const o = new Float64Array((periods + 1) * S);
      const s = solver(['x', 'y'], [0, 1], [[1], [0]], options);
      const ev = evaluators([0, 1], f);
      for (let p = 1; p <= periods; p++) {
        o[p * S] = o[(p - 1) * S];
        o[p * S + 1] = o[(p - 1) * S + 1];
        s.solve(o, S, p, p, 1, ev, `p${p}`);
        expect(maxResidual(o, S, p, [0, 1], f, p)).toBeLessThan(1e-9);
      }
      return { o, stats: { ...s.stats } };
    };
    const reused = runAll({});
    expect(reused.stats.gaussSeidelFallbacks).toBe(0);
    expect(reused.stats.totalIterations).toBeGreaterThanOrEqual(periods);
    expect(reused.stats.factorizations * 10).toBeLessThan(reused.stats.totalIterations);
    const fresh = runAll({ reuseLU: false });
    expect(fresh.stats.gaussSeidelFallbacks).toBe(0);
    expect(fresh.stats.factorizations).toBe(fresh.stats.totalIterations);
    for (let p = 1; p <= periods; p++) expect(Math.abs(fresh.o[p * S] - reused.o[p * S])).toBeLessThan(1e-9);
  });

  it('refactorises when factors cached from an earlier period stop working', () => {
    // Period 1: x = 0.5·y + 1, y = 0.25·x + 2. Period 2: x = −3·y + 1, y = 0.9·x − 2, whose Jacobian is so
    // different that the chord step with period 1's factors increases the residual.
    // Period 2 by hand: x = −3·(0.9·x − 2) + 1 ⇒ 3.7·x = 7 ⇒ x = 7/3.7, y = 0.9·7/3.7 − 2.
    const f: BlockFunction = (v, j, p) =>
      p === 1 ? (j === 0 ? 0.5 * v[1] + 1 : 0.25 * v[0] + 2) : j === 0 ? -3 * v[1] + 1 : 0.9 * v[0] - 2;
    const S = 2;
    const o = new Float64Array(3 * S);
    const s = solver(['x', 'y'], [0, 1], [[1], [0]]);
    const ev = evaluators([0, 1], f);
    for (let p = 1; p <= 2; p++) {
      o[p * S] = o[(p - 1) * S];
      o[p * S + 1] = o[(p - 1) * S + 1];
      s.solve(o, S, p, p, 1, ev, `p${p}`);
    }
    expect(s.stats.factorizations).toBe(2);
    expect(s.stats.gaussSeidelFallbacks).toBe(0);
    expect(Math.abs(o[2 * S] - 7 / 3.7)).toBeLessThan(1e-12);
    expect(Math.abs(o[2 * S + 1] - ((0.9 * 7) / 3.7 - 2))).toBeLessThan(1e-12);
  });

  it('backtracks when a full Newton step overshoots', () => {
    // x = x − atan(x) (g = −atan x), y = x; solution 0. From x = 2 the full Newton step lands at
    // 2 − atan(2)·(1 + 4) ≈ −3.5 where |atan| is larger, so without halving Newton would diverge.
    const f: BlockFunction = (v, j) => (j === 0 ? v[0] - Math.atan(v[0]) : v[0]);
    const o = Float64Array.from([2, 2]);
    const s = solver(['x', 'y'], [0, 1], [[0], [0]]);
    const ev = evaluators([0, 1], f);
    s.solve(o, 1, 0, 0, 1, ev, 'p0');
    expect(s.stats.gaussSeidelFallbacks).toBe(0);
    expect(Math.abs(o[0])).toBeLessThan(1e-10);
    expect(Math.abs(o[1])).toBeLessThan(1e-10);
    // More residual evaluations than 1 + iterations: the extra ones are the halved trial steps.
    const residualCalls = ev.jacobiCalls - s.colourCount * s.stats.jacobianEvaluations;
    expect(residualCalls).toBeGreaterThan(1 + s.stats.totalIterations);
  });

  it('reset() forgets factors and counters', () => {
    const f: BlockFunction = (v, j) => (j === 0 ? 0.5 * v[1] + 1 : 0.25 * v[0] + 2);
    const s = solver(['x', 'y'], [0, 1], [[1], [0]]);
    s.solve(new Float64Array(2), 1, 0, 0, 1, evaluators([0, 1], f), 'p0');
    expect(s.stats.factorizations).toBe(1);
    s.reset();
    expect(s.stats).toEqual({
      totalIterations: 0,
      maxIterations: 0,
      factorizations: 0,
      jacobianEvaluations: 0,
      gaussSeidelFallbacks: 0,
    });
    s.solve(new Float64Array(2), 1, 0, 0, 1, evaluators([0, 1], f), 'p0');
    expect(s.stats.factorizations).toBe(1);
  });

  it('falls back to Gauss–Seidel when the Jacobian is singular at the guess', () => {
    // x = F0(y) with F0(y) = y − 0.25 for y ≥ 1 and 0.5·y + 0.25 below (continuous at 1); y = x.
    // From the guess x = y = 2 both maps have slope exactly 1, so J = ∂F/∂x − I = [[−1, 1], [1, −1]]
    // is singular (the forward differences are exact: every number involved is a dyadic rational),
    // and Newton cannot take a step. Gauss–Seidel walks down by 0.25 a sweep into the lower piece,
    // where the loop's slope is 0.5, and converges to the fixed point x = 0.5·x + 0.25, i.e. 0.5.
    const f: BlockFunction = (v, j) => (j === 0 ? (v[1] >= 1 ? v[1] - 0.25 : 0.5 * v[1] + 0.25) : v[0]);
    const o = Float64Array.from([2, 2]);
    const s = solver(['x', 'y'], [0, 1], [[1], [0]]);
    const iterations = s.solve(o, 1, 0, 0, 1, evaluators([0, 1], f), 'p0');
    expect(s.stats.gaussSeidelFallbacks).toBe(1);
    expect(s.stats.factorizations).toBe(1);
    expect(Math.abs(o[0] - 0.5)).toBeLessThan(1e-9);
    expect(Math.abs(o[1] - 0.5)).toBeLessThan(1e-9);
    expect(iterations).toBeGreaterThan(4);
  });

  it('perturbs structurally independent columns together (one jacobi() call per colour)', () => {
    // 10 independent triples: within a triple every F depends on the other two, so 3 colours suffice.
    const triples = 10;
    const n = 3 * triples;
    const pattern = Array.from({ length: n }, (_, j) => {
      const base = j - (j % 3);
      return [base, base + 1, base + 2].filter((k) => k !== j);
    });
    const f: BlockFunction = (v, j) => {
      const [a, b] = pattern[j];
      return 0.2 * Math.sin(v[a]) + 0.1 * v[b] * v[b] + 1 + j / n;
    };
    const slots = Array.from({ length: n }, (_, j) => j);
    const s = solver(
      slots.map((j) => `v${j}`),
      slots,
      pattern,
      { reuseLU: false },
    );
    expect(s.colourCount).toBe(3);
    const ev = evaluators(slots, f);
    const o = new Float64Array(n);
    s.solve(o, 1, 0, 0, 1, ev, 'p0');
    expect(maxResidual(o, 1, 0, slots, f)).toBeLessThan(1e-10);
    // Non-Jacobian calls: the initial residual plus at least one per iteration.
    const residualCalls = ev.jacobiCalls - 3 * s.stats.jacobianEvaluations;
    expect(residualCalls).toBeGreaterThanOrEqual(1 + s.stats.totalIterations);
    expect(ev.jacobiCalls).toBeLessThan(n * s.stats.jacobianEvaluations);
  });

  it('colours columns so that no equation depends on two columns of one colour', () => {
    const patterns = fc
      .integer({ min: 1, max: 20 })
      .chain((n) =>
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }), { minLength: n, maxLength: n }),
      );
    fc.assert(
      fc.property(patterns, (rows) => {
        const { colourOf, count } = colourColumns(
          rows.length,
          rows.map((r) => Int32Array.from(r)),
        );
        for (const row of rows) {
          const colours = row.map((k) => colourOf[k]);
          expect(new Set(colours).size).toBe(colours.length);
        }
        for (const c of colourOf) expect(c >= 0 && c < count).toBe(true);
      }),
    );
    // A dense pattern needs one colour per column.
    const dense = [
      [1, 2],
      [0, 2],
      [0, 1],
    ].map((r) => Int32Array.from(r));
    expect(colourColumns(3, dense).count).toBe(3);
  });

  it('rejects invalid options and patterns', () => {
    expect(() => solver(['x'], [0], [[]], { tol: -1 })).toThrow(EngineError);
    expect(() => solver(['x'], [0], [[]], { maxIter: 0 })).toThrow(/maxIter/);
    expect(() => solver(['x', 'y'], [0, 1], [[5], [0]])).toThrow(/outside/);
  });
});
