/**
 * Sobol first-order and total-order indices by Saltelli sampling: matrices A
 * and B from one scrambled Sobol sequence in 2k dimensions, and A_B^(i) (A
 * with column i taken from B), so runs = N(k + 2). First order by Saltelli et
 * al. (2010, eq. b of table 2), total order by Jansen (1999); percentile
 * bootstrap confidence intervals. Pure: the model is an `evaluate` callback.
 */
import { EngineError } from '@endgame/engine';
import { type BatchEvaluate, toParamSpace } from './morris.js';
import { runStreams } from './rng.js';
import { sobolPoints } from './sobol-sequence.js';
import { percentile } from './stats.js';
import type { UncertainParam } from './types.js';

/** Options of {@link saltelliDesign} and {@link sobolIndices}. */
export interface SobolOptions {
  /** Base sample N (≥ 1); runs = N(k + 2). */
  n: number;
  /** Seed of the sequence's scrambling and of the bootstrap. */
  seed: number;
  /** Bootstrap resamples (default 200). */
  resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
}

/** The Saltelli design: rows A (N), B (N), then A_B^(1) … A_B^(k) (N each). */
export interface SaltelliDesign {
  /** `N(k + 2)` rows of k param values (row-major). */
  samples: Float64Array;
  n: number;
  dims: number;
}

/** Sobol indices of one param, with confidence intervals [lo, hi]. */
export interface SobolIndex {
  S1: number;
  S1_ci: [number, number];
  ST: number;
  ST_ci: [number, number];
}

/** Result of {@link sobolIndices}. */
export interface SobolResult {
  method: 'sobol';
  n: number;
  runs: number;
  /** Variance of the metric over A and B. */
  variance: number;
  /** Base rows left out because a run gave a non-finite metric. */
  dropped: number;
  indices: Record<string, SobolIndex>;
}

/** Builds the Saltelli design for `params` from `sobolPoints(N, 2k)` scrambled with the seed. */
export function saltelliDesign(params: readonly UncertainParam[], options: SobolOptions): SaltelliDesign {
  const { n } = options;
  const k = params.length;
  if (!Number.isInteger(n) || n < 1) {
    throw new EngineError('bad-input', `the Sobol base sample N (--n) must be a whole number ≥ 1, got ${n}`);
  }
  if (k < 1)
    throw new EngineError('bad-input', 'Sobol indices need at least one uncertain param (a param with a range)');
  const points = sobolPoints(n, 2 * k, { scrambleSeed: options.seed });
  const unit = new Float64Array(n * (k + 2) * k);
  for (let j = 0; j < n; j++) {
    for (let c = 0; c < k; c++) {
      const a = points[j * 2 * k + c];
      const b = points[j * 2 * k + k + c];
      unit[j * k + c] = a;
      unit[(n + j) * k + c] = b;
      for (let i = 0; i < k; i++) unit[((2 + i) * n + j) * k + c] = c === i ? b : a;
    }
  }
  return { samples: toParamSpace(params, unit), n, dims: k };
}

/** Point estimates of S1 and ST for each param over the base rows `rows`. */
function estimate(
  values: Float64Array,
  n: number,
  k: number,
  rows: ArrayLike<number>,
): { s1: number[]; st: number[]; variance: number } {
  const m = rows.length;
  let mean = 0;
  for (let t = 0; t < m; t++) mean += values[rows[t]] + values[n + rows[t]];
  mean /= 2 * m;
  let variance = 0;
  for (let t = 0; t < m; t++) variance += (values[rows[t]] - mean) ** 2 + (values[n + rows[t]] - mean) ** 2;
  variance /= 2 * m;
  const s1: number[] = [];
  const st: number[] = [];
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (let t = 0; t < m; t++) {
      const j = rows[t];
      const fA = values[j] - mean;
      const fB = values[n + j] - mean;
      const fAB = values[(2 + i) * n + j] - mean;
      first += fB * (fAB - fA);
      total += (fA - fAB) ** 2;
    }
    s1.push(variance > 0 ? first / m / variance : 0);
    st.push(variance > 0 ? total / (2 * m) / variance : 0);
  }
  return { s1, st, variance };
}

/**
 * Sobol indices of `params` from the metric value of each row of their
 * Saltelli design (`values.length = N(k + 2)`). Base rows with a non-finite
 * value anywhere are left out (counted in `dropped`).
 */
export function sobolFromValues(
  params: readonly UncertainParam[],
  values: Float64Array,
  options: SobolOptions,
): SobolResult {
  const { n } = options;
  const k = params.length;
  if (values.length !== n * (k + 2)) {
    throw new EngineError('bad-input', `Sobol indices need ${n * (k + 2)} metric values, got ${values.length}`);
  }
  const rows: number[] = [];
  for (let j = 0; j < n; j++) {
    let finite = true;
    for (let b = 0; b < k + 2 && finite; b++) finite = Number.isFinite(values[b * n + j]);
    if (finite) rows.push(j);
  }
  if (rows.length < 2) {
    throw new EngineError('bad-input', `Sobol indices need at least 2 finite base runs, got ${rows.length}`);
  }
  const point = estimate(values, n, k, rows);
  const resamples = options.resamples ?? 200;
  const alpha = (1 - (options.confidence ?? 0.95)) / 2;
  const rng = runStreams(options.seed)(1);
  const bootS1 = Array.from({ length: k }, () => new Float64Array(resamples));
  const bootST = Array.from({ length: k }, () => new Float64Array(resamples));
  const pick = new Int32Array(rows.length);
  for (let b = 0; b < resamples; b++) {
    for (let t = 0; t < rows.length; t++)
      pick[t] = rows[Math.min(rows.length - 1, Math.floor(rng.next() * rows.length))];
    const boot = estimate(values, n, k, pick);
    for (let i = 0; i < k; i++) {
      bootS1[i][b] = boot.s1[i];
      bootST[i][b] = boot.st[i];
    }
  }
  const interval = (sample: Float64Array): [number, number] => {
    if (sample.length === 0) return [Number.NaN, Number.NaN];
    const sorted = Float64Array.from(sample).sort();
    return [percentile(sorted, alpha), percentile(sorted, 1 - alpha)];
  };
  const indices: Record<string, SobolIndex> = {};
  params.forEach((param, i) => {
    indices[param.name] = {
      S1: point.s1[i],
      S1_ci: interval(bootS1[i]),
      ST: point.st[i],
      ST_ci: interval(bootST[i]),
    };
  });
  return {
    method: 'sobol',
    n,
    runs: values.length,
    variance: point.variance,
    dropped: n - rows.length,
    indices,
  };
}

/** Runs the Saltelli design of `params` with `evaluate` and estimates the Sobol indices. */
export async function sobolIndices(
  params: readonly UncertainParam[],
  evaluate: BatchEvaluate,
  options: SobolOptions,
): Promise<SobolResult> {
  const design = saltelliDesign(params, options);
  const values = await evaluate(design.samples, design.dims);
  return sobolFromValues(params, values, options);
}
