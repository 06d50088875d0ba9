/**
 * Sobol low-discrepancy points in [0, 1)^dims with Joe–Kuo direction numbers
 * (new-joe-kuo-6.21201, up to {@link SOBOL_MAX_DIMS} dimensions), generated in
 * Gray-code order with 32-bit integers, optionally Owen-scrambled.
 *
 * Scrambling is a hash-based nested uniform (Owen-style) scramble per
 * dimension (B. Burley, "Practical hash-based Owen scrambling", JCGT 9(4),
 * 2020, with N. Vegdahl's improved Laine–Karras hash): each binary digit of a
 * coordinate is flipped according to a seeded hash of the digits before it,
 * so every 2^k-point block stays stratified while the points become random
 * and unbiased.
 */
import { EngineError } from '@endgame/engine';
import { seededRng } from './rng.js';
import { JOE_KUO_6_21201 } from './sobol-directions.js';

/** Bits per coordinate. */
const BITS = 32;
const SCALE = 2 ** -BITS;

/** Dimensions available (dimension 1 plus the Joe–Kuo lines). */
export const SOBOL_MAX_DIMS = 1024;

/** Options of {@link sobolPoints}. */
export interface SobolSequenceOptions {
  /** Owen-scramble the points with this seed (a whole number in [0, 2^32)). */
  scrambleSeed?: number;
  /**
   * Leading points to drop. Default: 1 (the all-zero point) when unscrambled,
   * 0 when scrambled — scrambled point 0 is an ordinary random point, and
   * keeping it keeps each block of 2^k points balanced.
   */
  skip?: number;
}

let directionCache: Uint32Array[] | undefined;

/** Direction numbers V[d][k] = m_k·2^(32−k−1) for every dimension d (0-based), k = 0..31. */
function directionNumbers(): Uint32Array[] {
  if (directionCache) return directionCache;
  const first = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) first[k] = 2 ** (BITS - 1 - k);
  const all = [first];
  for (const line of JOE_KUO_6_21201.trim().split('\n')) {
    const [, s, a, ...m] = line.trim().split(/\s+/).map(Number);
    const v = new Uint32Array(BITS);
    for (let k = 0; k < s; k++) v[k] = m[k] * 2 ** (BITS - 1 - k);
    for (let k = s; k < BITS; k++) {
      let value = v[k - s] ^ (v[k - s] >>> s);
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) value ^= v[k - j];
      v[k] = value >>> 0;
    }
    all.push(v);
  }
  directionCache = all;
  return all;
}

/** Reverses the 32 bits of `x`. */
function reverseBits(x: number): number {
  let v = x >>> 0;
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return ((v >>> 16) | (v << 16)) >>> 0;
}

/**
 * Nested uniform scramble of a 32-bit coordinate: on the bit-reversed value,
 * a hash in which every output bit depends only on the input bits below it.
 */
export function owenScramble(x: number, seed: number): number {
  let v = reverseBits(x);
  v ^= Math.imul(v, 0x3d20adea);
  v = (v + seed) | 0;
  v = Math.imul(v, (seed >>> 16) | 1);
  v ^= Math.imul(v, 0x05526c56);
  v ^= Math.imul(v, 0x53a22864);
  return reverseBits(v);
}

const fail = (message: string): never => {
  throw new EngineError('bad-input', message);
};

/**
 * `n` Sobol points in `dims` dimensions as a row-major `n × dims` array
 * (point i, dimension d at `[i * dims + d]`), every value in [0, 1).
 * Unscrambled, the first point returned is (0.5, …, 0.5); the points of
 * sequence index 0..2^k − 1 put exactly one value of each dimension in each
 * interval [j/2^k, (j+1)/2^k). The same seed gives the same points.
 *
 * @throws EngineError `bad-input` for a negative or fractional `n` or `skip`,
 *   `dims` outside 1..{@link SOBOL_MAX_DIMS}, or a bad seed
 */
export function sobolPoints(n: number, dims: number, options: SobolSequenceOptions = {}): Float64Array {
  if (!Number.isInteger(n) || n < 0) fail(`Sobol points: the number of points must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMS) {
    fail(`Sobol points: dimensions must be 1..${SOBOL_MAX_DIMS}, got ${dims}; vary fewer params`);
  }
  const scrambled = options.scrambleSeed !== undefined;
  const skip = options.skip ?? (scrambled ? 0 : 1);
  if (!Number.isInteger(skip) || skip < 0) fail(`Sobol points: skip must be a whole number ≥ 0, got ${skip}`);
  if (skip + n > 2 ** BITS) fail(`Sobol points: at most 2^${BITS} points, asked for ${skip + n}`);
  const v = directionNumbers();
  const seeds = new Uint32Array(dims);
  if (scrambled) {
    const rng = seededRng(options.scrambleSeed as number);
    for (let d = 0; d < dims; d++) seeds[d] = Math.floor(rng.next() * 2 ** BITS);
  }
  const x = new Uint32Array(dims);
  // Jump to sequence index `skip`: x = XOR of V[k] over the set bits of its Gray code.
  const gray = (skip ^ Math.floor(skip / 2)) >>> 0;
  for (let k = 0; k < BITS; k++) {
    if ((gray >>> k) & 1) for (let d = 0; d < dims; d++) x[d] ^= v[d][k];
  }
  const out = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Gray-code step: flip the direction number of the lowest set bit of the index.
      const index = skip + i;
      const k = 31 - Math.clz32(index & -index);
      for (let d = 0; d < dims; d++) x[d] ^= v[d][k];
    }
    for (let d = 0; d < dims; d++) {
      out[i * dims + d] = (scrambled ? owenScramble(x[d], seeds[d]) : x[d]) * SCALE;
    }
  }
  return out;
}
