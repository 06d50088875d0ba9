/**
 * The Node worker-pool runner (piscina): a batch is split into chunks run by
 * `workers` worker threads (src/worker-entry.ts). A chunk carries only the
 * model's key; a worker that has not seen the model yet answers `need-model`
 * and gets the chunk again with the compiled model, which it instantiates and
 * keeps — so each worker receives each model about once. Results come back as
 * transferred Float64Arrays. Piscina and the Node built-ins are loaded on the
 * first batch, so importing this module costs nothing in a browser bundle.
 */
import { EngineError } from '@endgame/engine';
import type { Piscina } from 'piscina';
import { type ChunkResult, runInChunks } from './chunk-scheduler.js';
import { checkJob, modelKey, valuesPerRun } from './run-batch.js';
import type { Runner, RunnerJob, RunnerOptions } from './types.js';
import { workerEntryBeside } from './worker-file.js';
import { chunkTask, replyError, type WorkerReply, type WorkerTask } from './worker-protocol.js';

/** Chunks in flight per worker (one running, one queued, so no worker waits for the main thread). */
const CHUNKS_PER_WORKER = 2;

/**
 * A runner on a pool of `workers` Node worker threads (whole number ≥ 1).
 * Threads start on the first batch and stay until {@link Runner.close}. A
 * failing run rejects its batch with the engine's message (prefixed with the
 * run's number); the pool stays usable. Cancelling through the AbortSignal
 * stops the chunks in flight (their threads are replaced).
 */
export function createNodePoolRunner(workers: number): Runner {
  if (!Number.isInteger(workers) || workers < 1) {
    throw new EngineError('bad-input', `workers must be a whole number ≥ 1, got ${workers}`);
  }
  let pool: Promise<Piscina<WorkerTask, WorkerReply>> | undefined;
  let closed = false;
  const poolOf = (): Promise<Piscina<WorkerTask, WorkerReply>> =>
    (pool ??= Promise.all([import('piscina'), workerEntryBeside(import.meta.url)]).then(
      ([{ Piscina }, { filename, execArgv }]) =>
        new Piscina<WorkerTask, WorkerReply>({ filename, execArgv, minThreads: workers, maxThreads: workers }),
    ));

  async function runChunk(
    piscina: Piscina<WorkerTask, WorkerReply>,
    task: WorkerTask,
    job: RunnerJob,
    signal: AbortSignal,
  ): Promise<ChunkResult> {
    let reply = await piscina.run(task, { signal });
    if (reply.kind === 'need-model') {
      reply = await piscina.run({ ...task, compiled: job.compiled }, { signal });
    }
    if (reply.kind === 'ok') return { values: reply.values, ms: reply.ms };
    if (reply.kind === 'error') throw replyError(reply);
    throw new Error('a worker asked for the model it was just sent');
  }

  async function run(job: RunnerJob, samples: Float64Array, options: RunnerOptions = {}): Promise<Float64Array> {
    if (closed) throw new EngineError('bad-input', 'this runner is closed; create a new one');
    const runs = checkJob(job, samples);
    const key = modelKey(job.compiled);
    const piscina = await poolOf();
    return runInChunks({
      runs,
      perRun: valuesPerRun(job),
      concurrency: workers * CHUNKS_PER_WORKER,
      onProgress: options.onProgress,
      signal: options.signal,
      dispatch: (from, to, signal) => {
        return runChunk(piscina, chunkTask(job, key, samples, from, to), job, signal);
      },
    });
  }

  return {
    workers,
    run,
    async close() {
      closed = true;
      const started = pool;
      pool = undefined;
      if (started) await (await started).destroy();
    },
  };
}
