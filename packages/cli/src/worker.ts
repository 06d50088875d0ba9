/**
 * `endgame worker --redis URL`: serves sweeps queued with `endgame sweep
 * --backend queue`, on this machine, until stopped (Ctrl-C / SIGTERM finish
 * the job in hand first). Start as many as you like, on as many machines.
 */
import type { Command } from 'commander';
import { parseCount } from './analysis-input.js';

/** Options of `worker` as commander parses them. */
export interface WorkerOptions {
  redis: string;
  queue?: string;
  concurrency: string;
  lockMs: string;
  stalledMs: string;
}

const EXAMPLES = `
Examples:
  $ endgame worker --redis redis://10.0.0.5:6379
  $ ENDGAME_REDIS_PASSWORD=… endgame worker --redis rediss://sweeps.example.org:6380 --concurrency 4

Jobs carry the sweep's model and scenario as data; the worker validates them and compiles them itself
(nothing from a job runs as code). A worker killed mid-job loses nothing: its job goes back on the queue once
its lock expires (--lock-ms) and another worker runs it. Passwords never appear in the logs; give one in the
URL (redis://:PASSWORD@host:port) or in $ENDGAME_REDIS_PASSWORD. See docs/sweeps.md.`;

/** Adds the `worker` command to `program`. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .summary('serve queued sweep jobs from Redis (run on any number of machines)')
    .description('Pull sweep jobs from a BullMQ queue on Redis, run them, and send the results to the coordinator.')
    .requiredOption('--redis <url>', 'redis://[user:password@]host:port or rediss:// for TLS')
    .option('--queue <name>', 'BullMQ queue name (as given to endgame sweep)')
    .option('--concurrency <N>', 'jobs run at once by this process', '1')
    .option('--lock-ms <ms>', 'lock duration: a worker silent this long is presumed dead and its job retried', '30000')
    .option('--stalled-ms <ms>', 'how often to look for jobs of dead workers', '30000')
    .addHelpText('after', EXAMPLES)
    .action(async (options: WorkerOptions) => {
      await runWorker(options);
    });
}

/** Runs a worker until SIGINT or SIGTERM. */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const concurrency = parseCount(options.concurrency, '--concurrency');
  const lockDurationMs = parseCount(options.lockMs, '--lock-ms', 100);
  const stalledIntervalMs = parseCount(options.stalledMs, '--stalled-ms', 100);
  const distributed = await import('@endgame/distributed');
  distributed.checkRedisUrl(options.redis);
  const { prepareSweep } = await import('./sweep-prepare.js');
  const log = (line: string) => process.stderr.write(`endgame worker: ${line}\n`);
  const worker = await distributed.startQueueWorker({
    redisUrl: options.redis,
    prepare: prepareSweep,
    ...(options.queue ? { queue: options.queue } : {}),
    concurrency,
    lockDurationMs,
    stalledIntervalMs,
    log,
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      log('stopping after the job in hand');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker.close();
  log(`stopped after ${worker.done} jobs`);
}
