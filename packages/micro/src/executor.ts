/**
 * Who advances the shards each month: this thread, or a piscina pool of
 * worker threads over shared memory (shards live in SharedArrayBuffers; a
 * month's task carries the inputs and the handles of a contiguous run of
 * shards, and returns their statistics). Results are per shard, in shard
 * order, so the reduction — and every output — is the same whatever the
 * number of workers.
 */

import { workerEntryBeside } from '@endgame/analysis';
import { EngineError } from '@endgame/engine';
import type { Piscina } from 'piscina';
import { advanceShard } from './kernel.js';
import { ST_LENGTH } from './layout.js';
import { drawShard, type PopulationSetup } from './population.js';
import { shardStreams } from './rng.js';
import { handleOf, type Shard } from './shard.js';
import type { MonthTask } from './worker-entry.js';

/** Advances every shard one month; resolves to ST_LENGTH statistics per shard, in shard order. */
export interface ShardExecutor {
  /** True when the shards must live in shared memory. */
  readonly shared: boolean;
  advance(shards: Shard[], inputs: Float64Array): Promise<Float64Array>;
  /** Draws the shards' households for `seed` (each shard from its own stream). */
  draw(shards: Shard[], seed: number, setup: PopulationSetup): Promise<void>;
  close(): Promise<void>;
}

/** Advances the shards in this thread. */
export function inProcessExecutor(): ShardExecutor {
  let out = new Float64Array(0);
  // One statistics array for every call: the kernel is fastest when it always writes the same array.
  const scratch = new Float64Array(ST_LENGTH);
  return {
    shared: false,
    async advance(shards, inputs) {
      if (out.length !== shards.length * ST_LENGTH) out = new Float64Array(shards.length * ST_LENGTH);
      for (let s = 0; s < shards.length; s++) {
        advanceShard(shards[s], inputs, scratch);
        out.set(scratch, s * ST_LENGTH);
      }
      return out;
    },
    async draw(shards, seed, setup) {
      const streams = shardStreams(seed);
      for (const shard of shards) drawShard(shard, streams, setup);
    },
    async close() {},
  };
}

let nextRun = 1;

/** Advances the shards on `workers` worker threads (piscina), one contiguous run of shards per worker. */
export function poolExecutor(workers: number): ShardExecutor {
  if (!Number.isInteger(workers) || workers < 1) {
    throw new EngineError('bad-input', `workers must be a whole number ≥ 1, got ${workers}; e.g. --workers 2`);
  }
  const run = nextRun++;
  /** One contiguous run of shards per worker, all at once. */
  const inParts = async (shards: Shard[], task: (part: Shard[], at: number) => Promise<unknown>) => {
    const per = Math.ceil(shards.length / workers);
    const tasks: Promise<unknown>[] = [];
    for (let from = 0; from < shards.length; from += per) tasks.push(task(shards.slice(from, from + per), from));
    await Promise.all(tasks);
  };
  let pool: Promise<Piscina<MonthTask, Float64Array>> | undefined;
  const poolOf = () =>
    (pool ??= Promise.all([import('piscina'), workerEntryBeside(import.meta.url)]).then(
      ([{ Piscina }, { filename, execArgv }]) =>
        new Piscina<MonthTask, Float64Array>({ filename, execArgv, minThreads: workers, maxThreads: workers }),
    ));
  return {
    shared: true,
    async advance(shards, inputs) {
      const out = new Float64Array(shards.length * ST_LENGTH);
      await inParts(shards, (part, at) =>
        poolOf()
          .then((piscina) => piscina.run({ run, inputs, shards: part.map(handleOf) }))
          .then((stats) => out.set(stats, at * ST_LENGTH)),
      );
      return out;
    },
    async draw(shards, seed, setup) {
      const inputs = new Float64Array(0);
      await inParts(shards, (part) =>
        poolOf().then((piscina) => piscina.run({ run, inputs, shards: part.map(handleOf), draw: { seed, setup } })),
      );
    },
    async close() {
      if (pool) await (await pool).destroy();
    },
  };
}
