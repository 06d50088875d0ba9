/**
 * The messages between a runner and its workers (Node worker pool and Web
 * Worker alike), and the worker side's handling of one chunk of a batch. A
 * worker keeps the instances of the last few models it was sent, by
 * {@link modelKey}: a task carries the compiled model only when the runner
 * does not know the worker has it, and a worker without it asks for it.
 */
import { type CompiledModel, EngineError, type ErrorCode, instantiate, type ModelInstance } from '@endgame/engine';
import { runBatch } from './run-batch.js';
import type { RunnerJob } from './types.js';

/** One chunk of a batch, as posted to a worker. */
export interface WorkerTask {
  /** {@link modelKey} of the compiled model. */
  key: string;
  /** The compiled model, when the worker may not have it yet. */
  compiled?: CompiledModel;
  base: RunnerJob['base'];
  varied: string[];
  keep: string[];
  /** The chunk's samples: its runs × varied.length values. */
  samples: Float64Array;
  /** Index of the chunk's first run in the batch (for error messages). */
  firstRun: number;
}

/** The task for runs [from, to) of a batch (the model itself is sent only when a worker asks). */
export function chunkTask(job: RunnerJob, key: string, samples: Float64Array, from: number, to: number): WorkerTask {
  const k = job.varied.length;
  return {
    key,
    base: job.base,
    varied: job.varied,
    keep: job.keep,
    samples: samples.slice(from * k, to * k),
    firstRun: from,
  };
}

/** A worker's answer to a {@link WorkerTask}. */
export type WorkerReply =
  | {
      kind: 'ok';
      /** The chunk's kept series (see {@link runBatch}). */
      values: Float64Array;
      /** Milliseconds the runs took in the worker. */
      ms: number;
    }
  /** The worker does not have the model: send the task again with `compiled`. */
  | { kind: 'need-model' }
  | { kind: 'error'; name: string; message: string; code?: string; detail?: Record<string, unknown> };

/** Instances a worker keeps (least recently used goes first). */
const CACHE_SIZE = 4;

/** A worker's model instances by key (one map per thread). */
const instances = new Map<string, ModelInstance>();

/** The cached instance for `task`, instantiating a model sent with it; undefined when it needs the model. */
function instanceFor(task: WorkerTask): ModelInstance | undefined {
  let instance = instances.get(task.key);
  if (instance !== undefined) {
    instances.delete(task.key);
  } else {
    if (task.compiled === undefined) return undefined;
    instance = instantiate(task.compiled);
  }
  instances.set(task.key, instance);
  while (instances.size > CACHE_SIZE) instances.delete(instances.keys().next().value as string);
  return instance;
}

/** Plain data only (detail crosses a thread boundary); undefined when it is not JSON-safe. */
function plainDetail(detail: Record<string, unknown>): Record<string, unknown> | undefined {
  try {
    return JSON.parse(JSON.stringify(detail)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Turns what a chunk threw into a reply (never throws). */
export function errorReply(err: unknown): WorkerReply {
  if (err instanceof EngineError) {
    const detail = plainDetail(err.detail);
    return { kind: 'error', name: err.name, message: err.message, code: err.code, ...(detail ? { detail } : {}) };
  }
  if (err instanceof Error) return { kind: 'error', name: err.name, message: err.message };
  return { kind: 'error', name: 'Error', message: String(err) };
}

/** The error a failed reply stands for: an EngineError with the same code and message when it was one. */
export function replyError(reply: Extract<WorkerReply, { kind: 'error' }>): Error {
  if (reply.code !== undefined) {
    return new EngineError(reply.code as ErrorCode, reply.message, undefined, reply.detail ?? {});
  }
  const err = new Error(reply.message);
  err.name = reply.name;
  return err;
}

/** Runs one chunk in this worker. Errors (engine or otherwise) come back as a reply, not a throw. */
export function handleWorkerTask(task: WorkerTask): WorkerReply {
  try {
    const instance = instanceFor(task);
    if (instance === undefined) return { kind: 'need-model' };
    const compiled = instance.compiled;
    const job: RunnerJob = { compiled, base: task.base, varied: task.varied, keep: task.keep };
    const runs = task.samples.length / Math.max(1, task.varied.length);
    const t0 = performance.now();
    const values = runBatch(job, task.samples, 0, runs, { instance, firstRun: task.firstRun });
    return { kind: 'ok', values, ms: performance.now() - t0 };
  } catch (err) {
    return errorReply(err);
  }
}

/** Forgets every cached instance (tests). */
export function clearWorkerCache(): void {
  instances.clear();
}
