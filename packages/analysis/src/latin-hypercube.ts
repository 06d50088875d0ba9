/**
 * Latin hypercube designs (McKay, Beckman & Conover 1979): `n` points in the
 * unit cube [0, 1)^dims such that, in every dimension, each of the `n`
 * strata [j/n, (j+1)/n) holds exactly one point. Each dimension's strata are
 * shuffled independently (Fisher–Yates) and each point sits at a uniform
 * random position inside its stratum. Seeded: the same (n, dims, seed)
 * always gives the same points.
 */
import { EngineError } from '@endgame/engine';
import { checkSeed, seededRng, shuffle } from './rng.js';

/**
 * A Latin hypercube sample: `n × dims` values (row-major, point after point),
 * each in [0, 1).
 *
 * @throws EngineError `bad-input` for `n` or `dims` not a whole number ≥ 1, or a bad seed
 */
export function latinHypercube(n: number, dims: number, seed: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) {
    throw new EngineError('bad-input', `Latin hypercube: the number of points must be a whole number ≥ 1, got ${n}`);
  }
  if (!Number.isInteger(dims) || dims < 1) {
    throw new EngineError('bad-input', `Latin hypercube: dimensions must be a whole number ≥ 1, got ${dims}`);
  }
  checkSeed(seed);
  const rng = seededRng(seed);
  const points = new Float64Array(n * dims);
  const strata = new Int32Array(n);
  for (let d = 0; d < dims; d++) {
    for (let j = 0; j < n; j++) strata[j] = j;
    shuffle(rng, strata);
    for (let i = 0; i < n; i++) {
      // (stratum + u) / n < 1 even when u rounds up to the top of its range.
      points[i * dims + d] = Math.min((strata[i] + rng.next()) / n, 1 - Number.EPSILON / 2);
    }
  }
  return points;
}
