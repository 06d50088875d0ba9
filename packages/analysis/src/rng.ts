/**
 * Seeded random streams: one independent stream per run, so a batch gives the
 * same numbers whatever the order runs are requested in and however they are
 * split across workers (issue 6, item 1).
 *
 * Run `i`'s stream is pure-rand's xoroshiro128+ seeded with `seed` and jumped
 * `i + 1` times (each `jump()` advances 2^64 steps, so streams never overlap in
 * practice; the first jump mixes the seed's sparse state); doubles take 53
 * random bits.
 */
import { EngineError } from '@endgame/engine';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import type { Rng } from './types.js';

/** Largest seed accepted: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffff_ffff;

/** Wraps a pure-rand generator (owned by the wrapper) as an {@link Rng}. */
function asRng(generator: JumpableRandomGenerator): Rng {
  return { next: () => uniformFloat64(generator) };
}

/** Throws a one-line `bad-input` error unless `seed` is a whole number in [0, 2^32). */
export function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new EngineError('bad-input', `seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  }
}

/**
 * The random streams of one seed: `streams(i)` returns a fresh {@link Rng} at
 * the start of run `i`'s stream (the seed's generator jumped `i + 1` times).
 * Calling it twice with the same `i` gives two generators producing the same
 * numbers. Jumped states are cached, so asking for runs 0..n−1 costs n jumps
 * in all, in any order.
 *
 * @param seed a whole number in [0, 2^32)
 * @throws EngineError `bad-input` for a bad seed or a negative / fractional run
 */
export function runStreams(seed: number): (run: number) => Rng {
  checkSeed(seed);
  // Run i's state lives at states[4i .. 4i+3]; `cached` runs are filled.
  let states = new Int32Array(4 * 64);
  let cached = 0;
  // The seeded state (−1, ~seed, seed, 0) is poorly mixed (its first double is
  // ≈ 1 for small seeds), so the seed's generator is jumped once before run 0.
  const walker = xoroshiro128plus(seed | 0);
  walker.jump();
  const store = (run: number, state: readonly number[]) => {
    if (4 * (run + 1) > states.length) {
      const grown = new Int32Array(Math.max(states.length * 2, 4 * (run + 1)));
      grown.set(states);
      states = grown;
    }
    for (let k = 0; k < 4; k++) states[4 * run + k] = state[k];
  };
  return (run: number): Rng => {
    if (!Number.isInteger(run) || run < 0) {
      throw new EngineError('bad-input', `run number must be a whole number ≥ 0, got ${run}`);
    }
    while (cached <= run) {
      if (cached > 0) walker.jump();
      store(cached, walker.getState());
      cached++;
    }
    return asRng(xoroshiro128plusFromState(Array.from(states.subarray(4 * run, 4 * run + 4))));
  };
}

/** One seeded stream (run 0 of {@link runStreams}), for optimisers, bootstraps and shuffles. */
export function seededRng(seed: number): Rng {
  return runStreams(seed)(0);
}

/** A whole number in [0, n) drawn from `rng` (n ≥ 1). */
export function randomIndex(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng.next() * n));
}

/** Shuffles `order` in place (Fisher–Yates, from the last position down) and returns it. */
export function shuffle<T extends { length: number; [i: number]: number }>(rng: Rng, order: T): T {
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}
