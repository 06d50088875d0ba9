/**
 * The in-process runner: runs a batch on this thread, in slices of about
 * {@link SLICE_MS} between which it yields to the event loop (so progress
 * bars draw and an AbortSignal can cancel). Works in Node and in a browser.
 */
import { type CompiledModel, EngineError, instantiate, type ModelInstance } from '@endgame/engine';
import { abortError } from './chunk-scheduler.js';
import { checkJob, runBatch, valuesPerRun } from './run-batch.js';
import type { Runner, RunnerJob, RunnerOptions } from './types.js';

/** Time run between two yields to the event loop. */
const SLICE_MS = 25;

/** Lets timers and I/O run (and an abort arrive). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs every batch on the calling thread; one instance per compiled model is kept. */
export function createInProcessRunner(): Runner {
  const instances = new WeakMap<CompiledModel, ModelInstance>();
  let closed = false;
  const instanceOf = (compiled: CompiledModel): ModelInstance => {
    let instance = instances.get(compiled);
    if (instance === undefined) {
      instance = instantiate(compiled);
      instances.set(compiled, instance);
    }
    return instance;
  };

  async function run(job: RunnerJob, samples: Float64Array, options: RunnerOptions = {}): Promise<Float64Array> {
    if (closed) throw new EngineError('bad-input', 'this runner is closed; create a new one');
    const { signal, onProgress } = options;
    if (signal?.aborted) throw abortError(signal);
    const runs = checkJob(job, samples);
    const perRun = valuesPerRun(job);
    const out = new Float64Array(runs * perRun);
    const instance = instanceOf(job.compiled);
    let done = 0;
    let slice = 1;
    while (done < runs) {
      const to = Math.min(runs, done + slice);
      const t0 = performance.now();
      out.set(runBatch(job, samples, done, to, { instance }), done * perRun);
      const ms = performance.now() - t0;
      // Next slice: about SLICE_MS at the pace just measured (at most 4× the last one).
      slice = Math.max(1, Math.min(4 * slice, Math.round((SLICE_MS * (to - done)) / Math.max(ms, 1e-3))));
      done = to;
      onProgress?.(done);
      if (done < runs) {
        await yieldToEventLoop();
        if (signal?.aborted) throw abortError(signal);
      }
    }
    return out;
  }

  return {
    workers: 1,
    run,
    async close() {
      closed = true;
    },
  };
}
