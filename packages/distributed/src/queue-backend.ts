/**
 * The `queue` sweep backend (coordinator side): jobs go on a BullMQ queue in
 * Redis, `endgame worker` processes on any machine run them and push results
 * on a per-sweep list, which this side drains into the store.
 *
 * Exactly-once comes from the store, not from Redis: each BullMQ job id is
 * derived from the job's content hash (adding a job that is already queued
 * is a no-op), results are upserted by that hash, and whenever no result has
 * come for a while the coordinator re-writes the payload and re-adds every
 * job still missing — which is how a sweep survives a Redis restart (all
 * queued work lost) or a coordinator restart (`--resume`).
 */
import { hostname } from 'node:os';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  bullJobId,
  DEFAULT_QUEUE,
  PAYLOAD_TTL_S,
  payloadKey,
  type QueueJobData,
  queueResultSchema,
  resultsKey,
} from './queue-keys.js';
import { connectRedis, redactRedisUrl } from './redis-connection.js';
import type { BackendRunOptions, JobResult, SweepBackend, SweepJob, SweepPlan } from './sweep-types.js';

/** Options of {@link createQueueBackend}. */
export interface QueueBackendOptions {
  /** `redis://…` or `rediss://…` (TLS). */
  redisUrl: string;
  /** BullMQ queue name (default {@link DEFAULT_QUEUE}); workers must use the same. */
  queue?: string;
  /** Re-add missing jobs after this long without a result (ms, default 5000). */
  requeueAfterMs?: number;
  /** Attempts per job before BullMQ gives up on it (a crashed worker costs one; default 50). */
  attempts?: number;
  /** Where progress notes go (never secrets). */
  log?: (line: string) => void;
}

/** Results taken off the list per round trip. */
const RESULTS_PER_READ = 1000;

/** A backend on a BullMQ queue in Redis. */
export function createQueueBackend(options: QueueBackendOptions): SweepBackend {
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const requeueAfterMs = options.requeueAfterMs ?? 5000;
  const attempts = options.attempts ?? 50;
  const log = options.log ?? (() => {});
  const connections: Redis[] = [];
  let queue: Queue | undefined;

  const connect = (): Redis => {
    const connection = connectRedis(options.redisUrl);
    connections.push(connection);
    return connection;
  };

  async function run(
    plan: SweepPlan,
    jobs: readonly SweepJob[],
    onResults: (results: JobResult[]) => Promise<void>,
    runOptions: BackendRunOptions = {},
  ): Promise<void> {
    const commands = connect();
    const blocking = connect();
    if (!queue) {
      queue = new Queue(queueName, { connection: connect() });
      queue.on('error', () => {});
    }
    const pending = new Map(jobs.map((job) => [job.id, job]));
    const listKey = resultsKey(queueName, plan.sweepId);

    const enqueue = async (): Promise<void> => {
      await commands.set(payloadKey(queueName, plan.payloadHash), plan.payloadText, 'EX', PAYLOAD_TTL_S);
      const batch = [...pending.values()];
      for (let from = 0; from < batch.length; from += 1000) {
        await (queue as Queue).addBulk(
          batch.slice(from, from + 1000).map((job) => ({
            name: 'point',
            data: {
              sweepId: plan.sweepId,
              payloadHash: plan.payloadHash,
              jobId: job.id,
              index: job.index,
              varied: plan.varied,
              values: job.values,
            } satisfies QueueJobData,
            opts: {
              jobId: bullJobId(plan.sweepId, job.id),
              attempts,
              backoff: { type: 'fixed', delay: 500 },
              removeOnComplete: true,
              removeOnFail: true,
            },
          })),
        );
      }
    };

    log(`queue ${queueName} on ${redactRedisUrl(options.redisUrl)}: ${pending.size} jobs`);
    await enqueue();
    let lastResult = Date.now();
    let lastLog = 0;
    while (pending.size > 0) {
      runOptions.signal?.throwIfAborted();
      let raw: string[] = [];
      try {
        const first = await blocking.blpop(listKey, 1);
        if (first) {
          raw = [first[1], ...((await commands.lpop(listKey, RESULTS_PER_READ)) ?? [])];
        }
      } catch {
        // Redis went away: ioredis reconnects; the idle check below re-adds the missing jobs.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const results: JobResult[] = [];
      for (const text of raw) {
        const result = parseResult(text);
        if (result && pending.has(result.jobId)) {
          pending.delete(result.jobId);
          results.push(result);
        }
      }
      if (results.length > 0) {
        await onResults(results);
        lastResult = Date.now();
        if (lastResult - lastLog >= 1000 || pending.size === 0) {
          log(`${jobs.length - pending.size}/${jobs.length} results recorded`);
          lastLog = lastResult;
        }
      } else if (Date.now() - lastResult >= requeueAfterMs) {
        log(`no result for ${Math.round((Date.now() - lastResult) / 1000)} s: re-adding ${pending.size} missing jobs`);
        try {
          await enqueue();
        } catch (err) {
          log(`re-adding failed (${err instanceof Error ? err.message : String(err)}); will retry`);
        }
        lastResult = Date.now();
      }
    }
    await commands.del(listKey).catch(() => 0);
  }

  return {
    name: 'queue',
    run,
    async close() {
      await queue?.close().catch(() => {});
      queue = undefined;
      for (const connection of connections.splice(0)) connection.disconnect();
    },
  };
}

/** A pushed result, validated; undefined for anything malformed. */
function parseResult(text: string): JobResult | undefined {
  try {
    const parsed = queueResultSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as JobResult) : undefined;
  } catch {
    return undefined;
  }
}

/** This process as a worker name: `host:pid`. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}
