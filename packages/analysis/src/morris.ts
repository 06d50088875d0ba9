/**
 * Morris elementary effects (Morris 1991; μ* of Campolongo et al. 2007): r
 * one-at-a-time trajectories through a p-level grid of the unit hypercube,
 * mapped to each param's distribution with `quantile()`. Pure: the model is an
 * `evaluate` callback, so closed-form functions test it without the engine.
 */
import { EngineError } from '@endgame/engine';
import { quantile } from './distributions.js';
import { randomIndex, runStreams, shuffle } from './rng.js';
import type { UncertainParam } from './types.js';

/**
 * Evaluates a batch of points: `samples` holds `samples.length / dims` rows of
 * `dims` param values (row-major, in the order of the params given); returns
 * one metric value per row.
 */
export type BatchEvaluate = (samples: Float64Array, dims: number) => Float64Array | Promise<Float64Array>;

/** Options of {@link morrisDesign} and {@link morris}. */
export interface MorrisOptions {
  /** Number of trajectories r (≥ 1); runs = r·(k + 1). */
  trajectories: number;
  /** Seed of the trajectories' random stream. */
  seed: number;
  /** Grid levels p (even, ≥ 2; default 4). */
  levels?: number;
}

/** The Morris design: the points to run and, per trajectory step, which param moved and by how much. */
export interface MorrisDesign {
  /** `trajectories·(k + 1)` rows of k param values (row-major). */
  samples: Float64Array;
  /** The same points in probability space (each coordinate in [0, 1]). */
  unit: Float64Array;
  /** Number of params k. */
  dims: number;
  trajectories: number;
  /** For trajectory t and step s (0..k−1): the param moved from row t(k+1)+s to the next row. */
  moved: Int32Array;
  /** Signed change of that param in probability space (±Δ). */
  delta: Float64Array;
}

/** Morris measures of one param. */
export interface MorrisIndex {
  /** Mean absolute elementary effect (per unit of probability). */
  mu_star: number;
  /** Mean elementary effect. */
  mu: number;
  /** Standard deviation of the elementary effects (non-linearity or interactions). */
  sigma: number;
}

/** Result of {@link morris}. */
export interface MorrisResult {
  method: 'morris';
  trajectories: number;
  runs: number;
  indices: Record<string, MorrisIndex>;
}

/** One-line error for a bad count. */
function checkCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new EngineError('bad-input', `${what} must be a whole number ≥ 1, got ${value}`);
  }
}

/**
 * Builds r Morris trajectories for `params` (Morris 1991): p levels
 * l/(p − 1) in probability, a random start level per param, then each param
 * once, in a random order, moves by p/2 levels (Δ = p / (2(p − 1)), ⅔ for
 * p = 4), up or down as the level allows.
 */
export function morrisDesign(params: readonly UncertainParam[], options: MorrisOptions): MorrisDesign {
  const k = params.length;
  const r = options.trajectories;
  const p = options.levels ?? 4;
  checkCount(r, 'the number of Morris trajectories (--n)');
  if (k < 1) throw new EngineError('bad-input', 'Morris needs at least one uncertain param (a param with a range)');
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) {
    throw new EngineError('bad-input', `Morris levels must be an even whole number ≥ 2, got ${p}`);
  }
  const jump = p / 2;
  const rng = runStreams(options.seed)(0);
  const rows = r * (k + 1);
  const unit = new Float64Array(rows * k);
  const moved = new Int32Array(r * k);
  const delta = new Float64Array(r * k);
  const level = new Int32Array(k);
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < k; i++) level[i] = randomIndex(rng, p);
    const base = t * (k + 1);
    const write = (row: number) => {
      for (let i = 0; i < k; i++) unit[row * k + i] = level[i] / (p - 1);
    };
    write(base);
    const order = shuffle(
      rng,
      Array.from({ length: k }, (_, i) => i),
    );
    for (let s = 0; s < k; s++) {
      const i = order[s];
      const up = level[i] + jump <= p - 1;
      level[i] += up ? jump : -jump;
      moved[t * k + s] = i;
      delta[t * k + s] = (up ? jump : -jump) / (p - 1);
      write(base + s + 1);
    }
  }
  return { samples: toParamSpace(params, unit), unit, dims: k, trajectories: r, moved, delta };
}

/** Maps probability-space rows to param values with each param's `quantile()`. */
export function toParamSpace(params: readonly UncertainParam[], unit: Float64Array): Float64Array {
  const k = params.length;
  const out = new Float64Array(unit.length);
  for (let j = 0; j < unit.length; j++) out[j] = quantile(params[j % k], unit[j]);
  return out;
}

/** μ*, μ and σ per param from the design and the metric value of each of its rows. */
export function morrisIndices(
  params: readonly UncertainParam[],
  design: MorrisDesign,
  values: Float64Array,
): Record<string, MorrisIndex> {
  const k = design.dims;
  const r = design.trajectories;
  if (values.length !== r * (k + 1)) {
    throw new EngineError('bad-input', `Morris needs ${r * (k + 1)} metric values, got ${values.length}`);
  }
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const row = t * (k + 1) + s;
      // An elementary effect next to a failed run (NaN) is left out; the param's other effects stand.
      const effect = (values[row + 1] - values[row]) / design.delta[t * k + s];
      if (Number.isFinite(effect)) effects[design.moved[t * k + s]].push(effect);
    }
  }
  const indices: Record<string, MorrisIndex> = {};
  params.forEach((param, i) => {
    const ee = effects[i];
    if (ee.length === 0) {
      indices[param.name] = { mu_star: Number.NaN, mu: Number.NaN, sigma: Number.NaN };
      return;
    }
    const mu = ee.reduce((a, b) => a + b, 0) / ee.length;
    const muStar = ee.reduce((a, b) => a + Math.abs(b), 0) / ee.length;
    const ss = ee.reduce((a, b) => a + (b - mu) ** 2, 0);
    indices[param.name] = { mu_star: muStar, mu, sigma: ee.length > 1 ? Math.sqrt(ss / (ee.length - 1)) : 0 };
  });
  return indices;
}

/** Runs the Morris screening of `params` with `evaluate` (r·(k + 1) runs). */
export async function morris(
  params: readonly UncertainParam[],
  evaluate: BatchEvaluate,
  options: MorrisOptions,
): Promise<MorrisResult> {
  const design = morrisDesign(params, options);
  const values = await evaluate(design.samples, design.dims);
  return {
    method: 'morris',
    trajectories: design.trajectories,
    runs: values.length,
    indices: morrisIndices(params, design, values),
  };
}
