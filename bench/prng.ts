/**
 * A tiny seeded pseudo-random number generator for the benchmark model
 * generators: mulberry32 (32-bit state, period 2^32). Good enough to draw
 * model structure and coefficients reproducibly; not for statistics.
 */

/** A seeded stream of numbers in [0, 1) with a few helpers. */
export interface Prng {
  /** Next number in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  /** Number in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy of an array (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** Creates a mulberry32 stream for a 32-bit integer seed. */
export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    uniform: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick: (items) => items[int(0, items.length - 1)],
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        const tmp = out[i];
        out[i] = out[j];
        out[j] = tmp;
      }
      return out;
    },
  };
}

/** Formats a coefficient with a fixed number of decimals, so every emitted text reads the same literal. */
export function coef(value: number, decimals = 4): string {
  const text = value.toFixed(decimals);
  return text === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : text;
}
