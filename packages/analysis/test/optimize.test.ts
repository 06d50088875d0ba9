import { describe, expect, it } from 'vitest';
import { optimize, parseConstraint, robustOutcomes, slackOf } from '../src/optimize.js';

/** Objective (x − 2)² + (y − 1)², plus the constraint outcome x + y. */
function quadratic(points: Float64Array, dims: number): Float64Array {
  const rows = points.length / dims;
  const out = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    const [x, y] = [points[r * dims], points[r * dims + 1]];
    out[r * 2] = (x - 2) ** 2 + (y - 1) ** 2;
    out[r * 2 + 1] = x + y;
  }
  return out;
}

const LEVERS = [
  { name: 'x', lo: -5, hi: 5 },
  { name: 'y', lo: -5, hi: 5 },
];

describe('parseConstraint', () => {
  it('reads OUTCOME<=BOUND and OUTCOME>=BOUND', () => {
    expect(parseConstraint('unemployment_rate:max<=0.08')).toEqual({
      text: 'unemployment_rate:max<=0.08',
      outcome: 'unemployment_rate:max',
      op: '<=',
      bound: 0.08,
    });
    expect(parseConstraint('gdp:min >= -1e3')).toMatchObject({ op: '>=', bound: -1000 });
    expect(parseConstraint('u:at=2027-06<=0.1')).toMatchObject({ outcome: 'u:at=2027-06', op: '<=', bound: 0.1 });
    expect(parseConstraint('recession_years<=0')).toMatchObject({ outcome: 'recession_years', bound: 0 });
  });

  it('rejects anything else in one line', () => {
    expect(() => parseConstraint('u:max<0.08')).toThrow(
      /^bad --constraint 'u:max<0.08': expected SERIES:REDUCER<=NUMBER/,
    );
    expect(() => parseConstraint('u:max<=abc')).toThrow(/bad --constraint/);
  });
});

describe('optimize', () => {
  it('finds the constrained optimum of a quadratic: min (x−2)² + (y−1)² s.t. x + y ≤ 2 → (1.5, 0.5), binding', async () => {
    // KKT: ∇f = −λ∇g → 2(x−2) = 2(y−1) = −λ, x + y = 2 → x = 1.5, y = 0.5, f = 0.5.
    const result = await optimize(LEVERS, [parseConstraint('sum<=2')], quadratic, { seed: 1 });
    expect(result.levers.x).toBeCloseTo(1.5, 3);
    expect(result.levers.y).toBeCloseTo(0.5, 3);
    expect(result.objective).toBeCloseTo(0.5, 3);
    expect(result.feasible).toBe(true);
    expect(result.constraints[0]).toMatchObject({ satisfied: true, binding: true, bound: 2, op: '<=' });
    expect(result.constraints[0].slack).toBeGreaterThanOrEqual(0);
    expect(result.constraints[0].slack).toBeLessThan(1e-3);
  });

  it('finds the unconstrained optimum when the constraint is slack, and reports the slack', async () => {
    const result = await optimize(LEVERS, [parseConstraint('sum<=10')], quadratic, { seed: 2 });
    expect(result.levers.x).toBeCloseTo(2, 3);
    expect(result.levers.y).toBeCloseTo(1, 3);
    expect(result.constraints[0].binding).toBe(false);
    expect(result.constraints[0].slack).toBeCloseTo(7, 2);
  });

  it('honours >= constraints and the box', async () => {
    // min (x−2)² + (y−1)² with x + y ≥ 8 in [−5, 5]² → (4.5, 3.5).
    const result = await optimize(LEVERS, [parseConstraint('sum>=8')], quadratic, { seed: 3 });
    expect(result.levers.x).toBeCloseTo(4.5, 2);
    expect(result.levers.y).toBeCloseTo(3.5, 2);
    // Box-bound optimum: only x ∈ [−5, 0] → x = 0.
    const boxed = await optimize(
      [{ name: 'x', lo: -5, hi: 0 }, LEVERS[1]],
      [],
      (p, d) => {
        const q = quadratic(p, d);
        return Float64Array.from({ length: p.length / d }, (_, r) => q[r * 2]);
      },
      { seed: 4 },
    );
    expect(boxed.levers.x).toBeCloseTo(0, 3);
    expect(boxed.levers.y).toBeCloseTo(1, 3);
  });

  it('is deterministic for a seed', async () => {
    const a = await optimize(LEVERS, [parseConstraint('sum<=2')], quadratic, { seed: 5, restarts: 2 });
    const b = await optimize(LEVERS, [parseConstraint('sum<=2')], quadratic, { seed: 5, restarts: 2 });
    expect(b).toEqual(a);
  });

  it('rejects an impossible lever range in one line', async () => {
    await expect(optimize([{ name: 'x', lo: 1, hi: 0 }], [], quadratic, { seed: 1 })).rejects.toThrow(
      /^--lever x: impossible range 1\.\.0; give lo < hi$/,
    );
  });
});

describe('robustOutcomes and slackOf', () => {
  it('averages the objective and takes the worst constraint value over draws', () => {
    // 1 point, 3 draws, constraints [<=, >=].
    const outputs = Float64Array.from([1, 0.05, 2, 3, 0.09, 1, 5, 0.07, 4]);
    const robust = robustOutcomes(outputs, 1, 3, [{ op: '<=' }, { op: '>=' }]);
    expect(Array.from(robust)).toEqual([3, 0.09, 1]);
  });

  it('measures slack on the allowed side', () => {
    expect(slackOf({ op: '<=', bound: 0.08 }, 0.05)).toBeCloseTo(0.03, 12);
    expect(slackOf({ op: '>=', bound: 1 }, 0.5)).toBe(-0.5);
    expect(slackOf({ op: '<=', bound: 1 }, Number.NaN)).toBe(Number.NEGATIVE_INFINITY);
  });
});
