/**
 * Dense LU with partial pivoting for the small (≤ 8 variables) simultaneous
 * blocks, used by {@link DenseNewton} (interpreted runs, exogenous blocks).
 * Compiled runs use the same algorithm unrolled per block size (codegen-lu.ts,
 * same operations in the same order), so both take bit-identical steps.
 */

/**
 * Factorises the n×n row-major matrix `a` in place: multipliers below the
 * diagonal, U on and above it, row swaps in `pivots`. Returns false when the
 * matrix is singular to working precision (a pivot ≤ 1e-14 × its largest entry).
 */
export function luFactor(a: Float64Array, n: number, pivots: Int32Array): boolean {
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]));
  return luFactorScaled(a, n, pivots, scale);
}

/**
 * {@link luFactor} with the largest |entry| of `a` given (NaN when an entry is NaN):
 * generated code computes it over the structurally nonzero entries only.
 */
export function luFactorScaled(a: Float64Array, n: number, pivots: Int32Array, scale: number): boolean {
  // A NaN entry makes scale NaN, and then no pivot passes the test below.
  const tiny = 1e-14 * scale;
  for (let k = 0; k < n; k++) {
    let pivot = k;
    let largest = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > largest) {
        largest = v;
        pivot = i;
      }
    }
    if (!(largest > tiny)) return false;
    pivots[k] = pivot;
    if (pivot !== k) {
      for (let c = 0; c < n; c++) {
        const tmp = a[k * n + c];
        a[k * n + c] = a[pivot * n + c];
        a[pivot * n + c] = tmp;
      }
    }
    const inv = 1 / a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const factor = a[i * n + k] * inv;
      a[i * n + k] = factor;
      if (factor === 0) continue;
      for (let c = k + 1; c < n; c++) a[i * n + c] -= factor * a[k * n + c];
    }
  }
  return true;
}

/** Solves (LU)·x = v in place (v ← x) with the factors and pivots from {@link luFactor}. */
export function luSolve(lu: Float64Array, n: number, pivots: Int32Array, v: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const pivot = pivots[k];
    if (pivot !== k) {
      const tmp = v[k];
      v[k] = v[pivot];
      v[pivot] = tmp;
    }
    for (let i = k + 1; i < n; i++) v[i] -= lu[i * n + k] * v[k];
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = v[k];
    for (let c = k + 1; c < n; c++) s -= lu[k * n + c] * v[c];
    v[k] = s / lu[k * n + k];
  }
}
