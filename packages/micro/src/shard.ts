/**
 * A shard: a fixed-size slice of the population stored as a struct of typed
 * arrays over one (Shared)ArrayBuffer, with its own random stream state, so a
 * shard gives the same numbers whichever worker advances it.
 */

/** Households per shard (the unit of random streams and of work sent to a worker). */
export const SHARD_SIZE = 16_384;

/** Per-group labour counters kept between months (see kernel.ts). */
export const CNT = {
  households: 0,
  employedK: 1,
  knowledgeInOther: 2,
  otherEmployed: 3,
  unemployedK: 4,
  unemployedO: 5,
} as const;
/** Counters per group. */
export const CNT_GROUP = 6;

/** What crosses to a worker: the buffer and the shape (views are rebuilt there). */
export interface ShardHandle {
  /** Shard number: its random stream and its place in every reduction. */
  index: number;
  /** Households in the shard. */
  size: number;
  /** First household of each group and the end: [top, pro, work, size]. */
  groupStart: number[];
  buffer: ArrayBuffer | SharedArrayBuffer;
}

/** The struct-of-arrays view of a shard. */
export interface Shard extends ShardHandle {
  /** Labour counters by group (CNT layout). */
  counts: Float64Array;
  /** xoshiro128** state. */
  rng: Uint32Array;
  /** Earnings factor (mean 1 within a group). */
  wage: Float32Array;
  /** Non-labour income and wealth weight (mean 1 within a group). */
  capital: Float32Array;
  /** Expected disposable income, USD k / yr. */
  expected: Float32Array;
  /** Liquid buffer, USD k. */
  liquid: Float32Array;
  /** Liquid buffer at t0, USD k. */
  liquid0: Float32Array;
  /** Mortgage balance, USD k (0 without a mortgage). */
  balance: Float32Array;
  /** House value at t0 prices, USD k. */
  house: Float32Array;
  /** Mortgage payment, USD k / yr. */
  payment: Float32Array;
  /** Mortgage contract rate. */
  rate: Float32Array;
  /** Labour income (pay, UI, UBI) smoothed over a quarter, USD k / yr: the base of the income loss. */
  loss: Float32Array;
  /** Latent delinquency threshold, uniform in (0, 1). */
  latent: Float32Array;
  /** Last month's disposable income, USD k / yr (for outputs and the sample). */
  income: Float32Array;
  /** Last month's consumption, USD k / yr. */
  consumption: Float32Array;
  /** Occupation of origin (0 knowledge, 1 routine, 2 physical). */
  occupation: Uint8Array;
  /** 0 unemployed, 1 employed in the occupation of origin, 2 a knowledge worker in an other job. */
  status: Uint8Array;
  /** 0 tech metro, 1 other. */
  metro: Uint8Array;
  /** 0 no mortgage, 1 mortgagor. */
  mortgage: Uint8Array;
  /** 1 while delinquent. */
  delinquent: Uint8Array;
  /** The shard's bytes (same as `buffer`). */
  bytes: ArrayBuffer | SharedArrayBuffer;
}

const F32_FIELDS = [
  'wage',
  'capital',
  'expected',
  'liquid',
  'liquid0',
  'balance',
  'house',
  'payment',
  'rate',
  'loss',
  'latent',
  'income',
  'consumption',
] as const;
const U8_FIELDS = ['occupation', 'status', 'metro', 'mortgage', 'delinquent'] as const;

/** Bytes a shard of `size` households needs. */
export function shardBytes(size: number): number {
  return 8 * 3 * CNT_GROUP + 4 * 4 + F32_FIELDS.length * 4 * size + U8_FIELDS.length * size;
}

/** Bytes per household (for memory estimates). */
export const BYTES_PER_HOUSEHOLD = F32_FIELDS.length * 4 + U8_FIELDS.length;

/** Views over a shard's bytes. */
export function viewShard(handle: ShardHandle): Shard {
  const { size, buffer: bytes } = handle;
  let at = 0;
  const counts = new Float64Array(bytes, at, 3 * CNT_GROUP);
  at += 8 * 3 * CNT_GROUP;
  const rng = new Uint32Array(bytes, at, 4);
  at += 16;
  const views: Record<string, Float32Array | Uint8Array> = {};
  for (const f of F32_FIELDS) {
    views[f] = new Float32Array(bytes, at, size);
    at += 4 * size;
  }
  for (const f of U8_FIELDS) {
    views[f] = new Uint8Array(bytes, at, size);
    at += size;
  }
  return { ...handle, bytes, counts, rng, ...views } as unknown as Shard;
}

/** A new, zeroed shard; shared memory when `shared` (for the worker pool). */
export function allocateShard(index: number, size: number, groupStart: number[], shared: boolean): Shard {
  const n = shardBytes(size);
  const bytes = shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n);
  return viewShard({ index, size, groupStart, buffer: bytes });
}

/** The handle to post to a worker. */
export function handleOf(shard: Shard): ShardHandle {
  return { index: shard.index, size: shard.size, groupStart: shard.groupStart, buffer: shard.bytes };
}
