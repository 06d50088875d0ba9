/**
 * Random numbers of the micro layer. Each shard owns a xoshiro128** state
 * (four 32-bit words, kept in the shard's bytes) seeded from the analysis
 * package's stream for that shard (`runStreams(seed)(shard)`: xoroshiro128+
 * jumped shard + 1 times), so a shard draws the same numbers whatever worker
 * advances it. The kernel inlines the same generator for speed;
 * {@link nextUniform} is the reference it must agree with (tested).
 */
import { runStreams } from '@endgame/analysis';

/** Seeds `state` (4 words) for shard `index` of `seed`. */
export function seedShardRng(streams: (run: number) => { next(): number }, index: number, state: Uint32Array): void {
  const rng = streams(index);
  for (let k = 0; k < 4; k++) state[k] = Math.floor(rng.next() * 4294967296) >>> 0;
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
}

/** The streams of a seed (bad seeds throw a one-line `bad-input` error). */
export function shardStreams(seed: number): (run: number) => { next(): number } {
  return runStreams(seed);
}

/** Next uniform in [0, 1) from a xoshiro128** state, advancing it. */
export function nextUniform(s: Uint32Array): number {
  const s0 = s[0];
  const s1 = s[1];
  const s2 = s[2];
  const s3 = s[3];
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  s[1] = s1 ^ n2;
  s[0] = s0 ^ n3;
  s[2] = n2 ^ t;
  s[3] = (n3 << 11) | (n3 >>> 21);
  return result * 2.3283064365386963e-10;
}

/** A standard normal draw (Box–Muller, one of the pair). */
export function nextNormal(s: Uint32Array): number {
  const u = 1 - nextUniform(s);
  const v = nextUniform(s);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
