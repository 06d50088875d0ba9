/**
 * The pool worker (piscina runs this file in each thread): advances a run of
 * shards one month. Shard views over the shared memory are built once per
 * run and shard, then reused.
 */
import { advanceShard } from './kernel.js';
import { ST_LENGTH } from './layout.js';
import { drawShard, type PopulationSetup } from './population.js';
import { shardStreams } from './rng.js';
import { type Shard, type ShardHandle, viewShard } from './shard.js';

/** One month of a contiguous run of shards; with `draw`, drawing their households instead. */
export interface MonthTask {
  /** Distinguishes simulations sharing a pool, for the view cache. */
  run: number;
  inputs: Float64Array;
  shards: ShardHandle[];
  /** Draw the shards' households (seed and t0 setup) instead of advancing them. */
  draw?: { seed: number; setup: PopulationSetup };
}

const views = new Map<string, Shard>();
/** The kernel always writes this one array (fastest), then it is copied out. */
const scratch = new Float64Array(ST_LENGTH);
let cachedRun = -1;

/** Piscina's task handler: statistics of each shard, concatenated in order. */
export default function advanceMonth(task: MonthTask): Float64Array {
  if (task.run !== cachedRun) {
    views.clear();
    cachedRun = task.run;
  }
  const streams = task.draw ? shardStreams(task.draw.seed) : undefined;
  const out = new Float64Array(task.draw ? 0 : task.shards.length * ST_LENGTH);
  task.shards.forEach((handle, k) => {
    const key = `${handle.index}`;
    let shard = views.get(key);
    if (!shard) {
      shard = viewShard(handle);
      views.set(key, shard);
    }
    if (task.draw && streams) drawShard(shard, streams, task.draw.setup);
    else {
      advanceShard(shard, task.inputs, scratch);
      out.set(scratch, k * ST_LENGTH);
    }
  });
  return out;
}
