import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/diagnostics.js';
import { firstDifference, instanceOf, yaml } from './fixtures/harness.js';

describe('generated dense solves of small blocks (compiled runs)', () => {
  it('solve a block with invariant parts (params, earlier variables, lags) to the closed form, as the interpreter does', () => {
    // I = G·(1 + 0.1·period) + 0·I[-1]; the block Y = C + I, C = c·(Y − T), T = tau·Y has
    // Y = I / (1 − c·(1 − tau)) = I / (1 − 0.8·0.75) = 2.5·I every period.
    const text = yaml(
      'periods: 6',
      'params: { G: 20, c: 0.8, tau: 0.25 }',
      'equations:',
      '  - I = G * (1 + 0.1 * period) + 0 * I[-1]',
      '  - Y = C + I',
      '  - C = c * (Y - T)',
      '  - T = tau * Y',
    );
    const instance = instanceOf(text);
    expect(instance.compiled.source).toMatch(/function b\d+d\(/);
    const compiled = instance.run();
    for (let p = 1; p <= 6; p++) {
      const closed = 2.5 * 20 * (1 + 0.1 * p);
      expect(Math.abs(compiled.series('Y')[p] - closed)).toBeLessThan(1e-12 * closed);
    }
    const interpreted = instance.run({ interpret: true });
    expect(firstDifference(compiled.buffer, interpreted.buffer)).toBe(-1);
    expect(compiled.iterations).toEqual(interpreted.iterations);
    expect(compiled.iterations[0].total).toBeGreaterThan(0);
  });

  it('factorise in memory with row swaps when the Jacobian needs them, as the interpreter does', () => {
    // x = y + 1, y = 3·x − 5 − 0.1·y[-1]: the column of x in J − I is (−1, 3), so partial
    // pivoting swaps the rows. y = 3·(y + 1) − 5 − 0.1·y[-1] ⇒ y = 1 + 0.05·y[-1], x = y + 1.
    const text = yaml(
      'periods: 4',
      'equations:',
      '  - x = y + 1',
      '  - y = 3 * x - 5 - 0.1 * y[-1]',
      'initial: { x: 5, y: 4 }',
    );
    const instance = instanceOf(text);
    expect(instance.compiled.source).toMatch(/if\(pivoted\)\{J\[0\]=/);
    const compiled = instance.run();
    const expected = [4, 1.2, 1.06, 1.053, 1.05265];
    for (let p = 1; p <= 4; p++) {
      expect(Math.abs(compiled.series('y')[p] - expected[p])).toBeLessThan(1e-12);
      expect(Math.abs(compiled.series('x')[p] - (expected[p] + 1))).toBeLessThan(1e-12);
    }
    const interpreted = instance.run({ interpret: true });
    expect(firstDifference(compiled.buffer, interpreted.buffer)).toBe(-1);
    expect(compiled.iterations).toEqual(interpreted.iterations);
  });

  it('hand a block whose Newton diverges to the general solver, with the same answer and counts as the interpreter', () => {
    // x = y − atan(y), y = x: the only solution is x = y = 0. Full Newton steps from 2 diverge
    // (x ← x − (1 + x²)·atan(x) overshoots ever further), so the dense solve fails and the
    // general solver (backtracking, Gauss–Seidel) must find 0.
    const text = yaml('periods: 2', 'equations:', '  - x = y - atan(y)', '  - y = x', 'initial: { x: 2, y: 2 }');
    const instance = instanceOf(text);
    expect(instance.compiled.source).toMatch(/function b\d+d\(/);
    const compiled = instance.run();
    expect(Math.abs(compiled.series('x')[1])).toBeLessThan(1e-10);
    const interpreted = instance.run({ interpret: true });
    expect(firstDifference(compiled.buffer, interpreted.buffer)).toBe(-1);
    expect(compiled.iterations).toEqual(interpreted.iterations);
  });

  it('keep the exogenous guard: a block variable given from outside stays at its value', () => {
    // With T given as 10 in period 1: Y = C + 20, C = 0.8·(Y − 10) ⇒ Y = (20 − 8) / 0.2 = 60.
    const text = yaml(
      'periods: 2',
      'params: { G: 20 }',
      'equations:',
      '  - Y = C + G',
      '  - C = 0.8 * (Y - T)',
      '  - T = 0.25 * Y',
    );
    const instance = instanceOf(text);
    const result = instance.run({ shocks: [{ set: 'T', from: 1, to: 1, value: 10 }] });
    expect(Math.abs(result.series('Y')[1] - 60)).toBeLessThan(1e-12 * 60);
    expect(Math.abs(result.series('Y')[2] - 50)).toBeLessThan(1e-12 * 50);
  });

  it('agree bit for bit with the interpreter on random nonlinear 3-variable blocks, with and without row swaps', () => {
    // Coefficients up to 3 make |∂F_i/∂x_k| > |∂F_k/∂x_k − 1| often, so both LU paths run.
    const coefficient = fc.constantFrom(-3, -1.5, -0.4, 0, 0.25, 0.7, 2, 3);
    let ran = 0;
    fc.assert(
      fc.property(fc.array(coefficient, { minLength: 7, maxLength: 7 }), (c) => {
        const text = yaml(
          'periods: 6',
          'params: { a: 0.5 }',
          'initial: { u: 0.1, v: 0.2, w: 0.3 }',
          'equations:',
          `  - u = ${c[0]} * v + ${c[1]} * w * w / (1 + w * w) + a * u[-1]`,
          `  - v = ${c[2]} * u + ${c[3]} * sqrt(1 + w * w) - 0.3 * v[-1]`,
          `  - w = ${c[4]} * u * v / (1 + v * v) + ${c[5]} * v + ${c[6]} * exp(-0.1 * u * u) + 1`,
        );
        const instance = instanceOf(text);
        expect(instance.compiled.source).toMatch(/function b\d+d\(/);
        const outcome = (interpret: boolean) => {
          try {
            return instance.run({ interpret });
          } catch (error) {
            if (!(error instanceof EngineError)) throw error;
            return error.message;
          }
        };
        const compiled = outcome(false);
        const interpreted = outcome(true);
        if (typeof compiled === 'string' || typeof interpreted === 'string') {
          expect(compiled).toEqual(interpreted);
          return;
        }
        ran++;
        expect(firstDifference(compiled.buffer, interpreted.buffer)).toBe(-1);
        expect(compiled.iterations).toEqual(interpreted.iterations);
      }),
      { numRuns: 80 },
    );
    expect(ran).toBeGreaterThan(40);
  });
});
