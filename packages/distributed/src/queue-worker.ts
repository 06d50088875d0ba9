/**
 * `endgame worker`'s engine: pulls sweep jobs from the BullMQ queue, fetches
 * each sweep's payload once (by hash, checked against it), validates it and
 * lets the CLI's loaders compile it, runs the job's point and pushes the
 * result on the sweep's results list. A model that throws gives a `failed`
 * result (the sweep goes on); a missing payload makes BullMQ retry the job
 * later (the coordinator re-writes it). Nothing in a job runs as code: the
 * only code executed is what the engine generates from the validated model.
 */
import { createInProcessRunner, type Runner } from '@endgame/analysis';
import { sha256 } from '@endgame/store';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { errorLine, evaluateJobs } from './evaluate-jobs.js';
import { parsePayload } from './payload-schema.js';
import { workerName } from './queue-backend.js';
import { DEFAULT_QUEUE, PAYLOAD_TTL_S, payloadKey, queueJobDataSchema, resultsKey } from './queue-keys.js';
import { connectRedis, redactRedisUrl } from './redis-connection.js';
import type { JobResult, PreparedSweep, PrepareSweep } from './sweep-types.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  redisUrl: string;
  /** The CLI's loader: validates a payload and compiles it. */
  prepare: PrepareSweep;
  queue?: string;
  /** Jobs run at once in this process (default 1: jobs are CPU-bound). */
  concurrency?: number;
  /** BullMQ lock duration (ms): a worker silent this long is presumed dead (default 30000). */
  lockDurationMs?: number;
  /** BullMQ stalled-job check interval (ms; default 30000). */
  stalledIntervalMs?: number;
  /** Progress notes (never secrets). */
  log?: (line: string) => void;
}

/** A running worker. */
export interface QueueWorker {
  /** Jobs finished so far (ok or failed). */
  readonly done: number;
  /** Stops taking jobs, finishes the one in hand, disconnects. */
  close(): Promise<void>;
}

/** Prepared payloads this worker keeps, by hash (least recently used goes first). */
const PAYLOAD_CACHE = 4;

/** Starts a worker; it runs until {@link QueueWorker.close}. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const log = options.log ?? (() => {});
  const name = workerName();
  const commands: Redis = connectRedis(options.redisUrl);
  const runner: Runner = createInProcessRunner();
  const prepared = new Map<string, Promise<PreparedSweep | Error>>();
  let done = 0;

  /** The payload with hash `hash`, prepared (an Error when it does not validate: every job of it fails). */
  async function preparedFor(hash: string): Promise<PreparedSweep | Error> {
    const cached = prepared.get(hash);
    if (cached) {
      prepared.delete(hash);
      prepared.set(hash, cached);
      return cached;
    }
    const text = await commands.get(payloadKey(queueName, hash));
    if (text === null) throw new Error(`payload ${hash.slice(0, 12)} is not in Redis (yet); retrying later`);
    if (sha256(text) !== hash) throw new Error(`payload ${hash.slice(0, 12)} does not match its hash; retrying later`);
    const entry = (async () => {
      try {
        return await options.prepare(parsePayload(text));
      } catch (err) {
        return new Error(errorLine(err));
      }
    })();
    prepared.set(hash, entry);
    while (prepared.size > PAYLOAD_CACHE) prepared.delete(prepared.keys().next().value as string);
    return entry;
  }

  async function process(job: Job): Promise<void> {
    const parsed = queueJobDataSchema.safeParse(job.data);
    if (!parsed.success) {
      log(`job ${job.id}: malformed data (${parsed.error.issues[0]?.message}); dropped`);
      return;
    }
    const data = parsed.data;
    const sweep = await preparedFor(data.payloadHash);
    let result: JobResult;
    if (sweep instanceof Error) {
      result = { jobId: data.jobId, index: data.index, status: 'failed', error: sweep.message, worker: name };
    } else {
      [result] = await evaluateJobs(
        runner,
        sweep,
        data.varied,
        [{ id: data.jobId, index: data.index, values: data.values }],
        name,
      );
    }
    // The list expires if no coordinator drains it (one killed and never resumed).
    const key = resultsKey(queueName, data.sweepId);
    await commands.multi().rpush(key, JSON.stringify(result)).expire(key, PAYLOAD_TTL_S).exec();
    done++;
  }

  // BullMQ leaves a connection it was given open; close() disconnects it.
  const workerConnection = connectRedis(options.redisUrl);
  const worker = new Worker(queueName, process, {
    connection: workerConnection,
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: 100,
  });
  worker.on('error', () => {});
  worker.on('failed', (job, err) => {
    if (job) log(`job ${job.id}: ${errorLine(err)} (attempt ${job.attemptsMade})`);
  });
  await worker.waitUntilReady();
  log(`worker ${name} on ${redactRedisUrl(options.redisUrl)}, queue ${queueName}`);
  return {
    get done() {
      return done;
    },
    async close() {
      // With Redis away, BullMQ's close could wait for ever: give it a few seconds.
      await Promise.race([worker.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await runner.close();
      commands.disconnect();
      workerConnection.disconnect();
    },
  };
}
