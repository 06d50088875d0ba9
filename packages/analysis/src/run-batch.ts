/**
 * The per-run loop every runner calls (in-process, Node worker pool, Web
 * Worker): run each sample with the job's base settings plus its varied
 * params, and copy the kept series into one flat result. Also the checks of a
 * job that runners make before dispatching anything, and the key that names a
 * compiled model across threads.
 */
import { type CompiledModel, EngineError, instantiate, type ModelInstance, type RunOptions } from '@endgame/engine';
import type { RunnerJob } from './types.js';

/** Periods N of each run of `job` (every kept series holds N + 1 values). */
export function periodsOf(job: RunnerJob): number {
  return job.base.periods ?? job.compiled.periods;
}

/** Values one run contributes to a batch result: `keep.length × (N + 1)`. */
export function valuesPerRun(job: RunnerJob): number {
  return job.keep.length * (periodsOf(job) + 1);
}

/** Lists names for a message: the first few, then how many more. */
function listNames(names: string[], max = 8): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … (${names.length - max} more)` : shown;
}

/**
 * Checks a job and its samples before any run: varied names must be params of
 * the model, kept names must be series of it, and `samples` must hold whole
 * rows of `varied.length` values. Returns the number of runs. Throws a
 * one-line EngineError('bad-input') saying what to fix.
 */
export function checkJob(job: RunnerJob, samples: Float64Array): number {
  const model = job.compiled.name;
  const kindOf = new Map(job.compiled.slots.map((s) => [s.name, s.kind]));
  const params = job.compiled.slots.filter((s) => s.kind === 'param').map((s) => s.name);
  if (job.varied.length === 0) {
    throw new EngineError('bad-input', 'a batch needs at least one varied param (each sample is one row of them)');
  }
  for (const name of job.varied) {
    const kind = kindOf.get(name);
    if (kind !== 'param') {
      throw new EngineError(
        'bad-input',
        kind === undefined
          ? `varied param '${name}' is not in model '${model}'; its params include ${listNames(params)}`
          : `'${name}' is a ${kind} of model '${model}', not a param; only params can be varied`,
      );
    }
  }
  if (new Set(job.varied).size !== job.varied.length) {
    throw new EngineError('bad-input', `varied params repeat a name (${job.varied.join(', ')}); list each once`);
  }
  const missing = job.keep.filter((name) => !kindOf.has(name));
  if (missing.length > 0) {
    throw new EngineError(
      'bad-input',
      `kept series ${listNames(missing)} ${missing.length === 1 ? 'is' : 'are'} not in model '${model}'; keep series the model has`,
    );
  }
  const periods = periodsOf(job);
  if (!Number.isInteger(periods) || periods < 1) {
    throw new EngineError('bad-input', `periods must be a whole number ≥ 1, got ${periods}`);
  }
  if (samples.length % job.varied.length !== 0) {
    throw new EngineError(
      'bad-input',
      `samples hold ${samples.length} values, not a whole number of runs of ${job.varied.length} varied params`,
    );
  }
  return samples.length / job.varied.length;
}

/** Options of {@link runBatch}. */
export interface RunBatchOptions {
  /** An instance of `job.compiled` to reuse (default: a new one). */
  instance?: ModelInstance;
  /** Index, in the whole batch, of `samples`' first row (for error messages; default 0). */
  firstRun?: number;
}

/**
 * Runs rows `from` (inclusive) to `to` (exclusive) of `samples` (row-major,
 * `varied.length` values a row): each run uses the job's base settings with
 * the row's values on top of `base.params`. Returns, run after run, each kept
 * series in `keep` order, N + 1 values each. Runs do not depend on each other
 * (solvers start afresh every run), so any split of a batch gives the same
 * numbers. An engine error is rethrown with the run's number (1-based in the
 * whole batch) in front of the engine's message and the run in `detail`.
 */
export function runBatch(
  job: RunnerJob,
  samples: Float64Array,
  from: number,
  to: number,
  options: RunBatchOptions = {},
): Float64Array {
  const k = job.varied.length;
  const P = periodsOf(job) + 1;
  const perRun = job.keep.length * P;
  const out = new Float64Array((to - from) * perRun);
  if (to <= from) return out;
  const instance = options.instance ?? instantiate(job.compiled);
  const params: Record<string, number> = { ...job.base.params };
  // Each run's kept series are copied out before the next run starts, so the engine may reuse its buffer.
  const runOptions: RunOptions = {
    reuseBuffer: true,
    params,
    ...(job.base.paths ? { paths: job.base.paths } : {}),
    ...(job.base.triggers ? { triggers: job.base.triggers } : {}),
    ...(job.base.periods === undefined ? {} : { periods: job.base.periods }),
    ...(job.base.dt === undefined ? {} : { dt: job.base.dt }),
  };
  for (let r = from; r < to; r++) {
    for (let j = 0; j < k; j++) params[job.varied[j]] = samples[r * k + j];
    let result: ReturnType<ModelInstance['run']>;
    try {
      result = instance.run(runOptions);
    } catch (err) {
      throw inRun(err, (options.firstRun ?? 0) + r, params, job.varied);
    }
    const at = (r - from) * perRun;
    for (let s = 0; s < job.keep.length; s++) out.set(result.series(job.keep[s]), at + s * P);
  }
  return out;
}

/** An engine error of run `index` (0-based), named by its 1-based number. */
function inRun(err: unknown, index: number, params: Record<string, number>, varied: string[]): unknown {
  if (!(err instanceof EngineError)) return err;
  const values = Object.fromEntries(varied.map((name) => [name, params[name]]));
  return new EngineError(err.code, `run ${index + 1}: ${err.message}`, undefined, {
    ...err.detail,
    ...(err.pos ? { pos: err.pos } : {}),
    run: index,
    params: values,
  });
}

const KEYS = new WeakMap<CompiledModel, string>();

/** 53-bit string hash (cyrb53), as 14 hex digits. */
function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A key naming a compiled model's content (its generated source, runtime data,
 * slots and time settings), so a worker that has instantiated it once can
 * reuse the instance. Computed once per model object.
 */
export function modelKey(compiled: CompiledModel): string {
  let key = KEYS.get(compiled);
  if (key === undefined) {
    const { source, data, slots, periods, dt, start, startMonth, timeUnit } = compiled;
    const text = JSON.stringify([source, data, slots, periods, dt, start, startMonth, timeUnit]);
    key = `${hash53(text, 1)}${hash53(text, 2)}-${text.length.toString(36)}`;
    KEYS.set(compiled, key);
  }
  return key;
}
