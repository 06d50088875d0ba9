/**
 * The shared vocabulary of the analysis package: uncertain inputs, random
 * streams, metrics, and the runner interface every surface uses (in-process,
 * Node worker pool, Web Worker).
 */
import type { CompiledModel, PathSpec, TriggerSpec } from '@endgame/engine';

/** A uniform random number generator: `next()` is a double in [0, 1). */
export interface Rng {
  next(): number;
}

/** Distributions of ENGINE.md §1. */
export type DistKind = 'uniform' | 'normal' | 'lognormal' | 'triangular' | 'beta';

/** One uncertain input: a param of the model with its distribution. */
export interface UncertainParam {
  name: string;
  /** The model's (or scenario's) value: mean (normal), median (lognormal), mode (triangular). */
  value: number;
  range: [number, number];
  dist: DistKind;
  /** Beta shape [a, b]. */
  shape?: [number, number];
}

/** Reducers of `--metric SERIES:REDUCER` (issue: uncertainty and decisions, item 6). */
export type Reducer =
  | { kind: 'last' | 'max' | 'min' | 'mean' | 'drawdown' | 'peak_date' }
  | { kind: 'at'; period: number };

/** A scalar outcome of a run: a series reduced to one number. */
export interface Metric {
  /** As written, e.g. `unemployment_rate:max`. */
  text: string;
  series: string;
  reducer: Reducer;
}

/** What every run of a batch shares. */
export interface RunnerJob {
  /** The compiled model (plain data: it is posted to workers as is). */
  compiled: CompiledModel;
  /** Scenario settings applied to every run before the varied params. */
  base: {
    params?: Record<string, number>;
    paths?: Record<string, PathSpec>;
    triggers?: TriggerSpec[];
    periods?: number;
    dt?: number;
  };
  /** Params varied per run, in the order of each sample's values. */
  varied: string[];
  /** Series to return for each run (period 0..N). */
  keep: string[];
}

/** Options of one batch. */
export interface RunnerOptions {
  /** Called with the number of runs finished so far. */
  onProgress?: (done: number) => void;
  /** Cancels the batch (the promise rejects with an AbortError). */
  signal?: AbortSignal;
}

/**
 * Runs many parameter vectors of one model. `samples` holds `runs × varied.length`
 * values (row-major); the result holds, for each run in order, each kept series
 * in `keep` order, each `periods + 1` values long (`runs × keep.length × (N + 1)`).
 * Results are identical whatever the runner and its number of workers.
 */
export interface Runner {
  /** Workers this runner uses (1 for in-process). */
  readonly workers: number;
  run(job: RunnerJob, samples: Float64Array, options?: RunnerOptions): Promise<Float64Array>;
  /** Stops the workers. */
  close(): Promise<void>;
}
