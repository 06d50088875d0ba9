import { describe, expect, it } from 'vitest';
import { DenseNewton, type NewtonEvaluator } from '../src/dense-newton.js';
import { instanceOf, runText, yaml } from './fixtures/harness.js';

describe('DenseNewton', () => {
  it('solves a linear block in one step (exact Jacobian) to the closed form', () => {
    // x = 0.5·y + 1, y = 0.25·x + 2 ⇒ x = 16/7, y = 18/7. Slots 3 and 1 of a 5-slot row, period 1.
    const S = 5;
    const o = new Float64Array(2 * S);
    const f: NewtonEvaluator = (o, S, p, _t, _dt, r, J) => {
      const x = o[p * S + 3];
      const y = o[p * S + 1];
      r[0] = 0.5 * y + 1;
      r[1] = 0.25 * x + 2;
      J[1] = 0.5; // ∂F0/∂y
      J[2] = 0.25; // ∂F1/∂x
    };
    const solver = new DenseNewton(Int32Array.from([3, 1]));
    const iterations = solver.solve(o, S, 1, 0, 1, f);
    expect(iterations).toBeGreaterThanOrEqual(1);
    expect(iterations).toBeLessThanOrEqual(2);
    expect(Math.abs(o[S + 3] - 16 / 7)).toBeLessThan(1e-15);
    expect(Math.abs(o[S + 1] - 18 / 7)).toBeLessThan(1e-15);
  });

  it('returns −1 and restores the starting guesses when there is no solution', () => {
    // x = exp(x) has no real solution.
    const f: NewtonEvaluator = (o, S, p, _t, _dt, r, J) => {
      const x = o[p * S];
      r[0] = Math.exp(x);
      J[0] = Math.exp(x);
    };
    const o = Float64Array.from([0, 0.25]);
    expect(new DenseNewton(Int32Array.from([0])).solve(o, 1, 1, 0, 1, f)).toBe(-1);
    expect(o[1]).toBe(0.25);
  });
});

describe('blocks in a model: exact Jacobian, and the fallback', () => {
  it('a small differentiable block gives the same answer compiled and interpreted, to the closed form', () => {
    // Y = C + G, C = 0.8·(Y − T), T = 0.25·Y ⇒ Y = G / (1 − 0.8·0.75) = 20 / 0.4 = 50.
    const text = yaml(
      'periods: 3',
      'params: { G: 20 }',
      'equations:',
      '  - Y = C + G',
      '  - C = 0.8 * (Y - T)',
      '  - T = 0.25 * Y',
    );
    const compiled = runText(text);
    const interpreted = runText(text, { interpret: true });
    expect(Math.abs(compiled.series('Y')[1] - 50)).toBeLessThan(1e-12);
    expect(Array.from(interpreted.series('Y'))).toEqual(Array.from(compiled.series('Y')));
  });

  it('a block using lookup() of a block variable (no exact Jacobian) is solved by finite differences', () => {
    // y = lookup(t, x) with t linear (slope 0.5 through (0,1)), x = y ⇒ x = 1 + 0.5·x ⇒ x = 2.
    const text = yaml(
      'periods: 2',
      'tables: { t: { x: [0, 10], y: [1, 6] } }',
      'equations:',
      '  - y = lookup(t, x)',
      '  - x = y',
    );
    const instance = instanceOf(text);
    expect((instance.compiled.source.match(/newton:/g) ?? []).length).toBe(0);
    expect(Math.abs(instance.run().series('x')[1] - 2)).toBeLessThan(1e-10);
  });
});
