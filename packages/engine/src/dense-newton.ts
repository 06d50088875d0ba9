/**
 * Newton for small simultaneous blocks with an exact Jacobian (from
 * derivative.ts): F and ∂F/∂x come from one generated (or interpreted)
 * function, the n×n system is solved densely with partial pivoting. With an
 * exact Jacobian every step is a full Newton step, so two or three steps
 * reach the tolerance; a fresh factorisation costs less than the bookkeeping
 * of reusing one at these sizes. When it fails (singular, not finite, no
 * convergence) the caller falls back to {@link BlockSolver}, which has
 * backtracking and Gauss–Seidel.
 */
import { luFactor, luSolve } from './dense-lu.js';

/** F and its Jacobian at the guesses in o: r[j] = F_j, J[j·n + k] = ∂F_j/∂x_k (J is zeroed first). */
export type NewtonEvaluator = (
  o: Float64Array,
  S: number,
  p: number,
  t: number,
  dt: number,
  r: Float64Array,
  J: Float64Array,
) => void;

/** Dense Newton on one small block. */
export class DenseNewton {
  private readonly x: Float64Array;
  private readonly initial: Float64Array;
  private readonly r: Float64Array;
  private readonly J: Float64Array;
  private readonly step: Float64Array;
  private readonly lu: Float64Array;
  private readonly pivots: Int32Array;
  /** Newton iterations over all solves since the last reset. */
  totalIterations = 0;
  /** Largest iteration count of one solve. */
  maxIterations = 0;

  constructor(
    private readonly slots: Int32Array,
    private readonly tol = 1e-12,
    private readonly maxIter = 20,
  ) {
    const n = slots.length;
    this.x = new Float64Array(n);
    this.initial = new Float64Array(n);
    this.r = new Float64Array(n);
    this.J = new Float64Array(n * n);
    this.step = new Float64Array(n);
    this.lu = new Float64Array(n * n);
    this.pivots = new Int32Array(n);
  }

  /** Counts one solve done elsewhere (by generated code) in the iteration statistics. */
  record(iterations: number): void {
    this.totalIterations += iterations;
    if (iterations > this.maxIterations) this.maxIterations = iterations;
  }

  /** Clears the counters. */
  reset(): void {
    this.totalIterations = 0;
    this.maxIterations = 0;
  }

  /**
   * Solves from the guesses in o. Returns the iterations used, or −1 (with
   * the starting guesses restored in o) when Newton did not converge.
   */
  solve(o: Float64Array, S: number, p: number, t: number, dt: number, f: NewtonEvaluator): number {
    const { slots, x, initial, r, J, step, tol } = this;
    const n = slots.length;
    const base = p * S;
    for (let j = 0; j < n; j++) x[j] = initial[j] = o[base + slots[j]];
    let factored = false;
    for (let it = 1; it <= this.maxIter; it++) {
      J.fill(0);
      f(o, S, p, t, dt, r, J);
      let converged = true;
      for (let j = 0; j < n; j++) {
        const g = r[j] - x[j];
        if (!Number.isFinite(g)) return this.fail(o, base);
        step[j] = g;
        if (!(Math.abs(g) <= tol * Math.max(1, Math.abs(x[j])))) converged = false;
        J[j * n + j] -= 1; // ∂g/∂x = J − I
      }
      // At convergence the final (polishing) step reuses this solve's previous factors:
      // the Jacobian has barely moved, and the step is already below the tolerance.
      if (!(converged && factored)) {
        this.lu.set(J);
        if (!luFactor(this.lu, n, this.pivots)) return this.fail(o, base);
        factored = true;
      }
      luSolve(this.lu, n, this.pivots, step);
      let small = true;
      for (let j = 0; j < n; j++) {
        const next = x[j] - step[j];
        if (!Number.isFinite(next)) return this.fail(o, base);
        if (!(Math.abs(step[j]) <= tol * Math.max(1, Math.abs(next)))) small = false;
        x[j] = next;
        o[base + slots[j]] = next;
      }
      // Converged at the start of this step (then the step just polished), or the step was negligible.
      if (converged || small) {
        this.record(it);
        return it;
      }
    }
    return this.fail(o, base);
  }

  private fail(o: Float64Array, base: number): number {
    for (let j = 0; j < this.slots.length; j++) o[base + this.slots[j]] = this.initial[j];
    return -1;
  }
}
