/**
 * The Web Worker runner: the browser's version of the pool runner. Workers
 * come from a factory (the web app passes
 * `() => new Worker(new URL('…/web-worker-entry.ts', import.meta.url), { type: 'module' })`),
 * start on first use, and run one chunk at a time. The runner remembers which
 * models each worker has, so the compiled model is posted to each worker once
 * (again only if the worker dropped it from its cache and asks). No Node APIs.
 */
import { EngineError } from '@endgame/engine';
import { abortError, type ChunkResult, runInChunks } from './chunk-scheduler.js';
import { checkJob, modelKey, valuesPerRun } from './run-batch.js';
import type { Runner, RunnerJob, RunnerOptions } from './types.js';
import type { WebWorkerRequest, WebWorkerResponse } from './web-worker-protocol.js';
import { chunkTask, replyError, type WorkerReply, type WorkerTask } from './worker-protocol.js';

/** A handler checked bivariantly, so a DOM `Worker` (whose handlers take a MessageEvent/ErrorEvent) fits. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** What the runner needs of a worker: the shape of the browser's `Worker`. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  onmessage: Handler<{ data: unknown }> | null;
  /** Set by the runner when present: a worker that fails fails its chunk and is replaced. */
  onerror?: Handler<{ message?: string }> | null;
  terminate(): void;
}

interface Pending {
  id: number;
  resolve(reply: WorkerReply): void;
  reject(err: unknown): void;
}

/** One worker place: its worker (started on demand), the models it holds and its chunk in flight. */
interface Slot {
  worker: WorkerLike | null;
  models: Set<string>;
  pending: Pending | null;
  busy: boolean;
}

/**
 * A runner on `workers` Web Workers made by `makeWorker` (whole number ≥ 1).
 * Same results as the other runners; cancelling terminates the workers
 * running the batch's chunks (new ones start when needed).
 */
export function createWebWorkerRunner(makeWorker: () => WorkerLike, workers: number): Runner {
  if (!Number.isInteger(workers) || workers < 1) {
    throw new EngineError('bad-input', `workers must be a whole number ≥ 1, got ${workers}`);
  }
  const slots: Slot[] = Array.from({ length: workers }, () => ({
    worker: null,
    models: new Set<string>(),
    pending: null,
    busy: false,
  }));
  const waiting: { take(slot: Slot): void; reject(err: unknown): void }[] = [];
  let nextId = 1;
  let closed = false;

  const stop = (slot: Slot, err: unknown): void => {
    slot.worker?.terminate();
    slot.worker = null;
    slot.models.clear();
    const pending = slot.pending;
    slot.pending = null;
    pending?.reject(err);
  };

  const workerOf = (slot: Slot): WorkerLike => {
    if (slot.worker) return slot.worker;
    const worker = makeWorker();
    worker.onmessage = (event) => {
      const { id, reply } = event.data as WebWorkerResponse;
      if (slot.worker !== worker || slot.pending?.id !== id) return;
      const pending = slot.pending;
      slot.pending = null;
      pending.resolve(reply);
    };
    worker.onerror = (event) => {
      if (slot.worker === worker) stop(slot, new Error(`a web worker failed: ${event.message ?? 'unknown error'}`));
    };
    slot.worker = worker;
    return worker;
  };

  const acquire = (signal: AbortSignal): Promise<Slot> => {
    const idle = slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    return new Promise<Slot>((resolve, reject) => {
      const waiter = {
        take: (slot: Slot) => {
          signal.removeEventListener('abort', onAbort);
          resolve(slot);
        },
        reject,
      };
      const onAbort = () => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      waiting.push(waiter);
    });
  };

  const release = (slot: Slot): void => {
    const waiter = waiting.shift();
    if (waiter) waiter.take(slot);
    else slot.busy = false;
  };

  const send = (slot: Slot, task: WorkerTask, signal: AbortSignal): Promise<WorkerReply> =>
    new Promise<WorkerReply>((resolve, reject) => {
      if (signal.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = () => stop(slot, abortError(signal));
      const settle = () => signal.removeEventListener('abort', onAbort);
      const id = nextId++;
      slot.pending = {
        id,
        resolve: (reply) => {
          settle();
          resolve(reply);
        },
        reject: (err) => {
          settle();
          reject(err);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const request: WebWorkerRequest = { id, task };
      workerOf(slot).postMessage(request);
    });

  const runChunk = async (task: WorkerTask, job: RunnerJob, signal: AbortSignal): Promise<ChunkResult> => {
    const slot = await acquire(signal);
    try {
      const known = slot.worker !== null && slot.models.has(task.key);
      let reply = await send(slot, known ? task : { ...task, compiled: job.compiled }, signal);
      if (reply.kind === 'need-model') reply = await send(slot, { ...task, compiled: job.compiled }, signal);
      if (reply.kind === 'ok') {
        slot.models.add(task.key);
        return { values: reply.values, ms: reply.ms };
      }
      if (reply.kind === 'error') throw replyError(reply);
      throw new Error('a web worker asked for the model it was just sent');
    } finally {
      release(slot);
    }
  };

  async function run(job: RunnerJob, samples: Float64Array, options: RunnerOptions = {}): Promise<Float64Array> {
    if (closed) throw new EngineError('bad-input', 'this runner is closed; create a new one');
    const runs = checkJob(job, samples);
    const key = modelKey(job.compiled);
    return runInChunks({
      runs,
      perRun: valuesPerRun(job),
      concurrency: workers,
      onProgress: options.onProgress,
      signal: options.signal,
      dispatch: (from, to, signal) => {
        return runChunk(chunkTask(job, key, samples, from, to), job, signal);
      },
    });
  }

  return {
    workers,
    run,
    async close() {
      closed = true;
      const err = new DOMException('the runner was closed', 'AbortError');
      for (const waiter of waiting.splice(0)) waiter.reject(err);
      for (const slot of slots) stop(slot, err);
    },
  };
}
