import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SparseLU } from '../src/sparse-lu.js';

/** Dense matrix as rows. */
type Dense = number[][];

/** Reference: dense Gaussian elimination with partial pivoting on copies. */
function denseSolve(a: Dense, b: number[]): number[] {
  const n = a.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    let best = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[best][k])) best = i;
    [m[k], m[best]] = [m[best], m[k]];
    for (let i = k + 1; i < n; i++) {
      const f = m[i][k] / m[k][k];
      for (let j = k; j <= n; j++) m[i][j] -= f * m[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i][n];
    for (let j = i + 1; j < n; j++) s -= m[i][j] * x[j];
    x[i] = s / m[i][i];
  }
  return x;
}

/** CSC structure and values of the nonzeros of a dense matrix (plus any forced positions). */
function toCsc(a: Dense): { colPtr: Int32Array; rowIdx: Int32Array; values: Float64Array } {
  const n = a.length;
  const colPtr = new Int32Array(n + 1);
  const rows: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (a[i][k] !== 0) {
        rows.push(i);
        values.push(a[i][k]);
      }
    }
    colPtr[k + 1] = rows.length;
  }
  return { colPtr, rowIdx: Int32Array.from(rows), values: Float64Array.from(values) };
}

function sparseSolve(a: Dense, b: number[]): number[] {
  const { colPtr, rowIdx, values } = toCsc(a);
  const lu = new SparseLU(a.length, colPtr, rowIdx);
  expect(lu.factor(values)).toBe(true);
  const x = Float64Array.from(b);
  lu.solve(x);
  return [...x];
}

function expectClose(actual: number[], expected: number[], rel: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected[i])));
  }
}

/** A random sparse, strictly diagonally dominant matrix (hence nonsingular) with a random row order. */
const sparseSystem = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      entries: fc.array(
        fc.record({
          i: fc.integer({ min: 0, max: n - 1 }),
          j: fc.integer({ min: 0, max: n - 1 }),
          v: fc.double({ min: -10, max: 10, noNaN: true }),
        }),
        { maxLength: 3 * n },
      ),
      diagSigns: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      rowOrder: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      b: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ n, entries, diagSigns, rowOrder, b }) => {
    const a: Dense = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const { i, j, v } of entries) if (i !== j) a[i][j] = v;
    for (let i = 0; i < n; i++) {
      const offDiagonal = a[i].reduce((s, v) => s + Math.abs(v), 0);
      a[i][i] = (diagSigns[i] ? 1 : -1) * (offDiagonal + 1);
    }
    return { a, permuted: rowOrder.map((r) => a[r]), b };
  });

describe('SparseLU', () => {
  it('solves random sparse diagonally dominant systems like dense elimination', () => {
    fc.assert(
      fc.property(sparseSystem, ({ a, b }) => {
        expectClose(sparseSolve(a, b), denseSolve(a, b), 1e-10);
      }),
      { numRuns: 200 },
    );
  });

  it('solves the same systems with rows shuffled (zeros on the diagonal force pivoting)', () => {
    fc.assert(
      fc.property(sparseSystem, ({ permuted, b }) => {
        expectClose(sparseSolve(permuted, b), denseSolve(permuted, b), 1e-10);
      }),
      { numRuns: 200 },
    );
  });

  it('pivots past a zero diagonal', () => {
    // [[0,1],[1,0]] x = [2,3]  ⇒  x = [3,2].
    expectClose(
      sparseSolve(
        [
          [0, 1],
          [1, 0],
        ],
        [2, 3],
      ),
      [3, 2],
      1e-15,
    );
    // x1 = 1, x2 = 2, x3 = 3 substituted by hand: b = A·[1,2,3].
    const a = [
      [0, 2, 0],
      [1, 0, 3],
      [0, 4, 5],
    ];
    expectClose(sparseSolve(a, [4, 10, 23]), [1, 2, 3], 1e-14);
  });

  it('prefers a small pivot over the diagonal only when the diagonal is below the threshold', () => {
    // The diagonal 1e-3 is far below 0.1·1 so row 1 is chosen; the result must still be exact.
    // Solution of [[1e-3, 1],[1, 1]] x = [1, 2]: x0 = 1/(1 − 1e-3), x1 = 2 − x0.
    const x0 = 1 / (1 - 1e-3);
    expectClose(
      sparseSolve(
        [
          [1e-3, 1],
          [1, 1],
        ],
        [1, 2],
      ),
      [x0, 2 - x0],
      1e-13,
    );
  });

  it('refactorises new values on the same pattern', () => {
    const colPtr = Int32Array.from([0, 2, 4]);
    const rowIdx = Int32Array.from([0, 1, 0, 1]);
    const lu = new SparseLU(2, colPtr, rowIdx);
    // [[2,1],[1,3]] x = [3,4] ⇒ x = [1,1]; then [[4,0],[0,5]] x = [8,10] ⇒ x = [2,2].
    expect(lu.factor(Float64Array.from([2, 1, 1, 3]))).toBe(true);
    const x = Float64Array.from([3, 4]);
    lu.solve(x);
    expectClose([...x], [1, 1], 1e-15);
    expect(lu.factor(Float64Array.from([4, 0, 0, 5]))).toBe(true);
    const y = Float64Array.from([8, 10]);
    lu.solve(y);
    expectClose([...y], [2, 2], 1e-15);
  });

  it('grows its storage when fill exceeds the first estimate (arrow matrix)', () => {
    // Dense first row and column plus the diagonal: eliminating in natural order fills everything.
    const n = 60;
    const a: Dense = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? n + 1 : i === 0 || j === 0 ? 1 : 0)),
    );
    const b = Array.from({ length: n }, (_, i) => i + 1);
    const { colPtr, rowIdx, values } = toCsc(a);
    const lu = new SparseLU(n, colPtr, rowIdx);
    expect(lu.factor(values)).toBe(true);
    expect(lu.factorNonzeros).toBeGreaterThan(4 * rowIdx.length + n);
    const x = Float64Array.from(b);
    lu.solve(x);
    expectClose([...x], denseSolve(a, b), 1e-12);
  });

  it('reports a numerically singular matrix and the failing column', () => {
    const { colPtr, rowIdx, values } = toCsc([
      [1, 2],
      [2, 4],
    ]);
    const lu = new SparseLU(2, colPtr, rowIdx);
    expect(lu.factor(values)).toBe(false);
    expect(lu.singularColumn).toBe(1);
    expect(lu.isFactored).toBe(false);
    expect(() => lu.solve(new Float64Array(2))).toThrow(/no factors/);
  });

  it('reports a structurally singular matrix (an empty column) and non-finite entries', () => {
    const empty = new SparseLU(2, Int32Array.from([0, 1, 1]), Int32Array.from([0]));
    expect(empty.factor(Float64Array.from([1]))).toBe(false);
    expect(empty.singularColumn).toBe(1);
    const { colPtr, rowIdx } = toCsc([
      [1, 1],
      [1, 2],
    ]);
    const lu = new SparseLU(2, colPtr, rowIdx);
    expect(lu.factor(Float64Array.from([1, Number.NaN, 1, 2]))).toBe(false);
    expect(lu.factor(Float64Array.from([1, 1, 1, 2]))).toBe(true);
    expect(lu.singularColumn).toBe(-1);
  });

  it('rejects a malformed pattern', () => {
    expect(() => new SparseLU(2, Int32Array.from([0, 1]), Int32Array.from([0]))).toThrow(RangeError);
    expect(() => new SparseLU(1, Int32Array.from([0, 1]), Int32Array.from([3]))).toThrow(RangeError);
  });
});
