/**
 * Solver for one simultaneous (cyclic) block, period by period (ENGINE.md
 * §3 item 4): Newton on g(x) = F(x) − x with a sparse finite-difference
 * Jacobian whose LU factors are reused across iterations and periods (chord
 * steps) and refreshed only when convergence slows; Gauss–Seidel sweeps as
 * the fallback. Deterministic: the same evaluator results give bit-identical
 * solutions.
 */
import type { SolverOptions } from './api-types.js';
import { EngineError } from './diagnostics.js';
import { colourColumns, cscFromRowPattern, SparseLU } from './sparse-lu.js';

/** Evaluators generated for one cyclic block. Both read the block's current guesses from o[p*S+slot] (period-major rows of S slots). */
export interface BlockEvaluators {
  /** Jacobi: writes F_j(current o) into r[j] for j = 0..n-1; must not write o. */
  jacobi(o: Float64Array, S: number, p: number, t: number, dt: number, r: Float64Array): void;
  /** Gauss–Seidel: evaluates F_0..F_{n-1} in order, writing each result into o immediately. */
  seidel(o: Float64Array, S: number, p: number, t: number, dt: number): void;
}

/** The structure of one cyclic block. */
export interface BlockSpec {
  /** Variable names, in the block's equation order (used in messages). */
  names: string[];
  /** Slot of each variable in the output buffer. */
  slots: Int32Array;
  /** pattern[j] = block-local indices k such that F_j depends on x_k contemporaneously */
  pattern: Int32Array[];
}

/** Work counters of a {@link BlockSolver}. */
export interface BlockSolverStats {
  /** Newton iterations plus Gauss–Seidel sweeps, summed over solves. */
  totalIterations: number;
  /** Largest iteration count of one solve. */
  maxIterations: number;
  /** LU factorisations attempted (including ones that found the Jacobian singular). */
  factorizations: number;
  /** Finite-difference Jacobians evaluated. */
  jacobianEvaluations: number;
  /** Solves in which Newton failed and Gauss–Seidel took over. */
  gaussSeidelFallbacks: number;
}

/** √ε: relative forward-difference step. */
const SQRT_EPS = Math.sqrt(Number.EPSILON);
/** Chord steps on stale factors after which a solve refreshes the Jacobian. */
const STALE_ITERATION_LIMIT = 3;
/** Step halvings tried after a fresh Jacobian's full step fails to reduce ‖g‖. */
const MAX_BACKTRACKS = 10;
/** Names and residuals listed in a no-convergence message. */
const MAX_LISTED_NAMES = 12;
const MAX_LISTED_RESIDUALS = 5;
const EMPTY = new Float64Array(0);
const NO_EVALUATORS: BlockEvaluators = { jacobi() {}, seidel() {} };

/** Solves one cyclic block each period; see the module comment. */
export class BlockSolver {
  /** Number of variables in the block. */
  readonly n: number;
  /** Colours of the Jacobian's columns = jacobi() calls per Jacobian evaluation. */
  readonly colourCount: number;
  private readonly names: string[];
  private readonly slots: Int32Array;
  private readonly tol: number;
  private readonly maxIter: number;
  private readonly maxSweeps: number;
  private readonly refactorRatio: number;
  private readonly reuseLU: boolean;
  // Jacobian J = ∂F/∂x − I in CSC over pattern ∪ diagonal; dependsOn[q] marks ∂F entries.
  private readonly colPtr: Int32Array;
  private readonly rowIdx: Int32Array;
  private readonly dependsOn: Uint8Array;
  private readonly jacobian: Float64Array;
  private readonly colourStart: Int32Array;
  private readonly columnsByColour: Int32Array;
  private readonly lu: SparseLU;
  private hasFactors = false;
  private readonly counters: BlockSolverStats = BlockSolver.zeroStats();
  // Scratch, allocated once. x/F(x) and trial x/F(x) are swapped on acceptance.
  private x: Float64Array;
  private fx: Float64Array;
  private trialX: Float64Array;
  private trialF: Float64Array;
  private readonly g: Float64Array;
  private readonly step: Float64Array;
  private readonly initial: Float64Array;
  private readonly perturbedF: Float64Array;
  private readonly h: Float64Array;
  private readonly bestX: Float64Array;
  private readonly bestG: Float64Array;
  private bestNorm = Number.POSITIVE_INFINITY;
  /** Whether the last Newton solve ended on a negligible step (then no polish is needed). */
  private convergedByStep = false;
  private newtonIterations = 0;
  private sweeps = 0;
  // The current solve's arguments (set by solve(), cleared when it returns).
  private o: Float64Array = EMPTY;
  private S = 0;
  private p = 0;
  private t = 0;
  private dt = 0;
  private ev: BlockEvaluators = NO_EVALUATORS;

  constructor(spec: BlockSpec, options: SolverOptions = {}) {
    const n = spec.slots.length;
    if (spec.names.length !== n || spec.pattern.length !== n) {
      throw new EngineError('codegen', `block ${spec.names.join(', ')}: names, slots and pattern lengths differ`);
    }
    this.n = n;
    this.names = spec.names;
    this.slots = spec.slots;
    this.tol = positive(options.tol ?? 1e-12, 'tol');
    this.maxIter = count(options.maxIter ?? 50, 'maxIter');
    this.maxSweeps = count(options.maxSweeps ?? 500, 'maxSweeps');
    this.refactorRatio = positive(options.refactorRatio ?? 0.5, 'refactorRatio');
    this.reuseLU = options.reuseLU ?? true;

    const pattern = spec.pattern.map((row, j) => normalisedRow(row, n, spec.names[j]));
    const { colPtr, rowIdx, fromPattern } = cscFromRowPattern(n, pattern);
    this.colPtr = colPtr;
    this.rowIdx = rowIdx;
    this.dependsOn = fromPattern;
    this.jacobian = new Float64Array(this.rowIdx.length);
    this.lu = new SparseLU(n, this.colPtr, this.rowIdx);

    const colouring = colourColumns(n, pattern);
    this.colourCount = colouring.count;
    this.colourStart = colouring.colourStart;
    this.columnsByColour = colouring.columnsByColour;

    this.x = new Float64Array(n);
    this.fx = new Float64Array(n);
    this.trialX = new Float64Array(n);
    this.trialF = new Float64Array(n);
    this.g = new Float64Array(n);
    this.step = new Float64Array(n);
    this.initial = new Float64Array(n);
    this.perturbedF = new Float64Array(n);
    this.h = new Float64Array(n);
    this.bestX = new Float64Array(n);
    this.bestG = new Float64Array(n);
  }

  /** Counters since construction or {@link reset}. */
  get stats(): Readonly<BlockSolverStats> {
    return this.counters;
  }

  /** Forget cached LU factors and counters (start of a new run). */
  reset(): void {
    this.hasFactors = false;
    Object.assign(this.counters, BlockSolver.zeroStats());
  }

  /**
   * Solves the block at period p starting from the guesses already in o (the
   * runtime copies period p−1 values in) and leaves the solution in o.
   * Returns the iterations used (Newton iterations + Gauss–Seidel sweeps).
   * Throws EngineError('no-convergence') naming the variables, the period and
   * the largest residuals when neither method converges.
   */
  solve(
    o: Float64Array,
    S: number,
    p: number,
    t: number,
    dt: number,
    ev: BlockEvaluators,
    periodLabel: string | (() => string),
  ): number {
    this.o = o;
    this.S = S;
    this.p = p;
    this.t = t;
    this.dt = dt;
    this.ev = ev;
    try {
      return this.solveCurrent(periodLabel);
    } finally {
      this.o = EMPTY;
      this.ev = NO_EVALUATORS;
    }
  }

  private solveCurrent(periodLabel: string | (() => string)): number {
    const { n, slots, x, initial, o, S, p } = this;
    for (let j = 0; j < n; j++) x[j] = initial[j] = o[p * S + slots[j]];
    this.evaluate(this.fx);
    this.updateResidual();
    this.bestNorm = Number.POSITIVE_INFINITY;
    this.rememberIfBest(normInf(this.g));
    if (this.isConverged()) {
      this.polish();
      return this.record(0);
    }
    const newtonFailure = this.newton();
    if (newtonFailure === null) {
      if (!this.convergedByStep) this.polish();
      return this.record(this.newtonIterations);
    }
    this.counters.gaussSeidelFallbacks++;
    const sweepFailure = this.gaussSeidel();
    this.record(this.newtonIterations + this.sweeps);
    if (sweepFailure === null) return this.newtonIterations + this.sweeps;
    throw this.noConvergence(periodLabel, newtonFailure, sweepFailure);
  }

  /**
   * Applies one more correction x ← x − J⁻¹g with the cached factors after
   * convergence (no extra evaluation): the residual test stops within `tol`,
   * and this step removes most of what is left, so stocks derived from the
   * block keep the accounting balanced to far below the matrix tolerance.
   */
  private polish(): void {
    if (!this.hasFactors) return;
    const { n, x, step } = this;
    step.set(this.g);
    this.lu.solve(step);
    for (let j = 0; j < n; j++) {
      const next = x[j] - step[j];
      if (Number.isFinite(next)) x[j] = next;
    }
    this.writeX(x);
  }

  /** F at the point currently in o, into r. */
  private evaluate(r: Float64Array): void {
    this.ev.jacobi(this.o, this.S, this.p, this.t, this.dt, r);
  }

  /** Newton with chord steps on cached factors: null when converged (solution in x and o), else why not. */
  private newton(): string | null {
    let norm = normInf(this.g);
    let needFactors = !this.hasFactors || !this.reuseLU;
    let fresh = false;
    let lastRatio = Number.POSITIVE_INFINITY;
    this.newtonIterations = 0;
    this.convergedByStep = false;
    while (this.newtonIterations < this.maxIter) {
      if (needFactors) {
        this.evaluateJacobian();
        this.counters.factorizations++;
        this.hasFactors = this.lu.factor(this.jacobian);
        if (!this.hasFactors) {
          const k = this.newtonIterations;
          return `the Jacobian was singular ${k === 0 ? 'at the starting values' : `after ${k} iterations`}`;
        }
        needFactors = false;
        fresh = true;
      }
      this.step.set(this.g);
      this.lu.solve(this.step);
      this.newtonIterations++;
      // A negligible step from trustworthy factors (fresh, or contracting in this solve) ends the
      // solve without evaluating F again: the error left is about ratio × step, below tol.
      if ((fresh || lastRatio <= this.refactorRatio) && this.stepIsNegligible()) {
        const { n, x, step } = this;
        for (let j = 0; j < n; j++) x[j] -= step[j];
        this.writeX(x);
        this.convergedByStep = true;
        return null;
      }
      let trialNorm = this.tryStep(1);
      if (!(trialNorm < norm)) {
        if (!fresh) {
          // Stale factors gave a bad step: refactorise at the current x and retry.
          this.writeX(this.x);
          needFactors = true;
          continue;
        }
        let lambda = 1;
        for (let b = 0; b < MAX_BACKTRACKS && !(trialNorm < norm); b++) {
          lambda *= 0.5;
          trialNorm = this.tryStep(lambda);
        }
        if (!(trialNorm < norm)) {
          this.writeX(this.x);
          return `no step along the Newton direction reduced the residuals at iteration ${this.newtonIterations}`;
        }
      }
      this.acceptTrial();
      const ratio = trialNorm / norm;
      lastRatio = ratio;
      norm = trialNorm;
      this.rememberIfBest(norm);
      if (this.isConverged()) return null;
      // Refresh the factors when convergence slows, and also when stale factors have already
      // needed STALE_ITERATION_LIMIT chord steps in this solve: a slow linear tail leaves
      // errors just under the tolerance that accumulate in stocks computed from the block.
      needFactors =
        !this.reuseLU || ratio > this.refactorRatio || (!fresh && this.newtonIterations >= STALE_ITERATION_LIMIT);
      fresh = false;
    }
    return `not converged after ${this.maxIter} iterations`;
  }

  /** True when every |step_j| ≤ tol · max(1, |x_j|). */
  private stepIsNegligible(): boolean {
    const { n, x, step, tol } = this;
    for (let j = 0; j < n; j++) if (!(Math.abs(step[j]) <= tol * Math.max(1, Math.abs(x[j])))) return false;
    return true;
  }

  /** Writes x − λ·step into o and trialX, evaluates F there; returns ‖g‖∞ (∞ if non-finite). */
  private tryStep(lambda: number): number {
    const { n, x, step, trialX, trialF } = this;
    for (let j = 0; j < n; j++) trialX[j] = x[j] - lambda * step[j];
    this.writeX(trialX);
    this.evaluate(trialF);
    let norm = 0;
    for (let j = 0; j < n; j++) {
      const a = Math.abs(trialF[j] - trialX[j]);
      if (!(a <= Number.MAX_VALUE)) return Number.POSITIVE_INFINITY;
      if (a > norm) norm = a;
    }
    return norm;
  }

  /** Makes the last trial point current (o already holds it). */
  private acceptTrial(): void {
    const x = this.x;
    this.x = this.trialX;
    this.trialX = x;
    const fx = this.fx;
    this.fx = this.trialF;
    this.trialF = fx;
    this.updateResidual();
  }

  /** Forward-difference J = ∂F/∂x − I at x (o must hold x, fx = F(x)); one jacobi() call per colour. */
  private evaluateJacobian(): void {
    const { slots, x, fx, h, perturbedF, colPtr, rowIdx, dependsOn, jacobian, colourStart, columnsByColour, o, S, p } =
      this;
    this.counters.jacobianEvaluations++;
    for (let c = 0; c < this.colourCount; c++) {
      const first = colourStart[c];
      const end = colourStart[c + 1];
      for (let q = first; q < end; q++) {
        const k = columnsByColour[q];
        const xk = x[k];
        const perturbed = xk + SQRT_EPS * Math.max(1, Math.abs(xk));
        h[k] = perturbed - xk;
        o[p * S + slots[k]] = perturbed;
      }
      this.evaluate(perturbedF);
      for (let q = first; q < end; q++) {
        const k = columnsByColour[q];
        o[p * S + slots[k]] = x[k];
        for (let e = colPtr[k]; e < colPtr[k + 1]; e++) {
          const j = rowIdx[e];
          let value = dependsOn[e] ? (perturbedF[j] - fx[j]) / h[k] : 0;
          if (j === k) value -= 1;
          jacobian[e] = value;
        }
      }
    }
  }

  /** Sweeps from the initial guess, counting them in `sweeps`: null when settled, else why not. */
  private gaussSeidel(): string | null {
    const { n, slots, trialX: previous, tol, o, S, p, t, dt, ev } = this;
    this.writeX(this.initial);
    for (this.sweeps = 1; this.sweeps <= this.maxSweeps; this.sweeps++) {
      for (let j = 0; j < n; j++) previous[j] = o[p * S + slots[j]];
      ev.seidel(o, S, p, t, dt);
      let settled = true;
      for (let j = 0; j < n; j++) {
        const v = o[p * S + slots[j]];
        if (!Number.isFinite(v)) return `${this.names[j]} became ${v} in sweep ${this.sweeps}`;
        if (!(Math.abs(v - previous[j]) <= tol * Math.max(1, Math.abs(v)))) settled = false;
      }
      if (settled) return null;
    }
    this.sweeps = this.maxSweeps;
    return `not settled after ${this.maxSweeps} sweeps`;
  }

  /** Restores the best Newton point into o and builds the error. */
  private noConvergence(
    periodLabel: string | (() => string),
    newtonFailure: string,
    sweepFailure: string,
  ): EngineError {
    this.writeX(this.bestX);
    return noConvergenceError(this.names, this.bestG, typeof periodLabel === 'function' ? periodLabel() : periodLabel, {
      newtonIterations: this.newtonIterations,
      sweeps: this.sweeps,
      newtonFailure,
      sweepFailure,
    });
  }

  private updateResidual(): void {
    const { n, x, fx, g } = this;
    for (let j = 0; j < n; j++) g[j] = fx[j] - x[j];
  }

  private isConverged(): boolean {
    const { n, x, g, tol } = this;
    for (let j = 0; j < n; j++) if (!(Math.abs(g[j]) <= tol * Math.max(1, Math.abs(x[j])))) return false;
    return true;
  }

  private rememberIfBest(norm: number): void {
    if (!(norm < this.bestNorm) && this.bestNorm !== Number.POSITIVE_INFINITY) return;
    this.bestNorm = norm;
    this.bestX.set(this.x);
    this.bestG.set(this.g);
  }

  private writeX(values: Float64Array): void {
    const { n, slots, o, S, p } = this;
    for (let j = 0; j < n; j++) o[p * S + slots[j]] = values[j];
  }

  private record(iterations: number): number {
    this.counters.totalIterations += iterations;
    if (iterations > this.counters.maxIterations) this.counters.maxIterations = iterations;
    return iterations;
  }

  private static zeroStats(): BlockSolverStats {
    return { totalIterations: 0, maxIterations: 0, factorizations: 0, jacobianEvaluations: 0, gaussSeidelFallbacks: 0 };
  }
}

/** The no-convergence error: what failed, where, the largest residuals F(x) − x, and what to check. */
function noConvergenceError(
  names: string[],
  residualAtBest: Float64Array,
  periodLabel: string,
  failure: { newtonIterations: number; sweeps: number; newtonFailure: string; sweepFailure: string },
): EngineError {
  const n = names.length;
  const byMagnitude = Array.from({ length: n }, (_, j) => j).sort(
    (a, b) => magnitude(residualAtBest[b]) - magnitude(residualAtBest[a]) || a - b,
  );
  const listed = byMagnitude
    .slice(0, MAX_LISTED_RESIDUALS)
    .map((j) => `${names[j]} = ${formatNumber(residualAtBest[j])}`)
    .join(', ');
  const shownNames =
    n > MAX_LISTED_NAMES
      ? `${names.slice(0, MAX_LISTED_NAMES).join(', ')}, … (${n - MAX_LISTED_NAMES} more)`
      : names.join(', ');
  const residuals = Object.fromEntries(names.map((name, j) => [name, residualAtBest[j]]));
  return new EngineError(
    'no-convergence',
    `the simultaneous block {${shownNames}} did not converge in period ${periodLabel}: ` +
      `Newton failed (${failure.newtonFailure}) and so did Gauss–Seidel (${failure.sweepFailure}); ` +
      `largest residuals F(x) − x: ${listed}. Check these equations for a missing lag (an unintended ` +
      'simultaneous loop) or an equation with no solution; or raise solver.maxIter / solver.maxSweeps.',
    undefined,
    { block: [...names], period: periodLabel, residuals, ...failure },
  );
}

function positive(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new EngineError('bad-input', `solver.${name} must be a positive finite number, got ${value}`);
  }
  return value;
}

function count(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new EngineError('bad-input', `solver.${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/** Checks one pattern row and returns its indices without duplicates. */
function normalisedRow(row: Int32Array, n: number, name: string): Int32Array {
  for (const k of row) {
    if (k < 0 || k >= n)
      throw new EngineError('codegen', `block pattern of ${name} refers to index ${k} outside 0..${n - 1}`);
  }
  return Int32Array.from(new Set(row)).sort();
}

function normInf(v: Float64Array): number {
  let norm = 0;
  for (let j = 0; j < v.length; j++) {
    const a = Math.abs(v[j]);
    if (!(a <= Number.MAX_VALUE)) return Number.POSITIVE_INFINITY;
    if (a > norm) norm = a;
  }
  return norm;
}

/** |v| with NaN ranked above everything (listed first in messages). */
function magnitude(v: number): number {
  return Number.isNaN(v) ? Number.POSITIVE_INFINITY : Math.abs(v);
}

function formatNumber(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v);
}
