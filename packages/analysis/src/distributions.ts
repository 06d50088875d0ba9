/**
 * The distributions of ENGINE.md §1, as inverse CDFs truncated to each
 * param's range, so one uniform number (a random draw, or a coordinate of a
 * Sobol point) maps to one param value:
 * - uniform over [lo, hi];
 * - normal: mean = value, sd = (hi − lo)/4, truncated to [lo, hi];
 * - lognormal: median = value, sd of ln = (ln hi − ln lo)/4, truncated;
 * - triangular: min lo, mode = value, max hi;
 * - beta: Beta(a, b) with `shape: [a, b]`, scaled to [lo, hi].
 */
import { EngineError } from '@endgame/engine';
import { incompleteBetaInverse, normalCdf, normalQuantile } from './special-functions.js';
import type { Rng, UncertainParam } from './types.js';

/**
 * q-quantile of the standard normal truncated to [zLo, zHi]. Works on the
 * side of the mean where the CDF values are small, so they keep their precision.
 */
function truncatedStandardNormal(zLo: number, zHi: number, q: number): number {
  if (zLo + zHi > 0) return -truncatedStandardNormal(-zHi, -zLo, 1 - q);
  const cLo = normalCdf(zLo);
  const cHi = normalCdf(zHi);
  const z = normalQuantile(cLo + q * (cHi - cLo));
  return Math.min(zHi, Math.max(zLo, z));
}

/**
 * The inverse CDF of `p`'s distribution, truncated to `p.range`, at `q`.
 * Monotone in `q`; `q = 0` gives `lo`, `q = 1` gives `hi`, and the result
 * always lies in the range.
 *
 * @param q a probability in [0, 1]
 * @throws EngineError `bad-input` when `q` is outside [0, 1], or for a
 *   lognormal range that is not positive or a beta param without a shape
 */
export function quantile(p: UncertainParam, q: number): number {
  if (!(q >= 0 && q <= 1)) {
    throw new EngineError('bad-input', `quantile of '${p.name}': probability must be in [0, 1], got ${q}`);
  }
  const [lo, hi] = p.range;
  if (q === 0) return lo;
  if (q === 1) return hi;
  let x: number;
  switch (p.dist) {
    case 'uniform':
      x = lo + q * (hi - lo);
      break;
    case 'normal': {
      const sd = (hi - lo) / 4;
      x = p.value + sd * truncatedStandardNormal((lo - p.value) / sd, (hi - p.value) / sd, q);
      break;
    }
    case 'lognormal': {
      if (!(lo > 0 && p.value > 0)) {
        throw new EngineError(
          'bad-input',
          `'${p.name}': a lognormal needs a positive range and value, got [${lo}, ${hi}]`,
        );
      }
      const mu = Math.log(p.value);
      const sd = (Math.log(hi) - Math.log(lo)) / 4;
      x = Math.exp(mu + sd * truncatedStandardNormal((Math.log(lo) - mu) / sd, (Math.log(hi) - mu) / sd, q));
      break;
    }
    case 'triangular': {
      const width = hi - lo;
      const modeShare = (p.value - lo) / width;
      x = q < modeShare ? lo + Math.sqrt(q * width * (p.value - lo)) : hi - Math.sqrt((1 - q) * width * (hi - p.value));
      break;
    }
    case 'beta': {
      if (!p.shape) {
        throw new EngineError('bad-input', `'${p.name}': dist beta needs shape: [a, b]`);
      }
      x = lo + (hi - lo) * incompleteBetaInverse(q, p.shape[0], p.shape[1]);
      break;
    }
    default:
      throw new EngineError('bad-input', `'${p.name}': unknown dist '${String(p.dist)}'`);
  }
  return Math.min(hi, Math.max(lo, x));
}

/** One draw of `p`: `quantile(p, rng.next())`. */
export function sampleParam(p: UncertainParam, rng: Rng): number {
  return quantile(p, rng.next());
}

/**
 * One draw of every param, in order, from one stream, written to
 * `out[offset ..]` (a run's row of a batch's `samples`). Returns `out`.
 */
export function sampleParams(
  params: readonly UncertainParam[],
  rng: Rng,
  out?: Float64Array,
  offset = 0,
): Float64Array {
  const row = out ?? new Float64Array(params.length);
  for (let i = 0; i < params.length; i++) row[offset + i] = sampleParam(params[i], rng);
  return row;
}
