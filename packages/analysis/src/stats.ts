/**
 * Small statistics shared by Monte Carlo and sensitivity analysis:
 * percentiles, ranks and Spearman's rank correlation.
 */

/** Numbers indexable like an array. */
export type NumberArray = ArrayLike<number>;

/** A sorted copy (ascending) of `values` as a Float64Array. */
export function sortedCopy(values: NumberArray): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * The q-quantile of already-sorted (ascending) values by linear interpolation
 * between closest ranks (Hyndman–Fan type 7, the default of R and NumPy):
 * position h = (n − 1)q, value = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * NaN for an empty array.
 *
 * @param q in [0, 1] (clamped)
 */
export function percentile(sorted: NumberArray, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const i = Math.floor(h);
  if (i >= n - 1) return sorted[n - 1];
  return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
}

/** The arithmetic mean (NaN when empty). */
export function mean(values: NumberArray): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length ? sum / values.length : Number.NaN;
}

/**
 * Ranks 1..n of `values`, tied values sharing the average of their ranks
 * (e.g. [10, 20, 20, 30] → [1, 2.5, 2.5, 4]).
 */
export function averageRanks(values: NumberArray): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson's correlation; NaN when either side is constant or the lengths differ or are < 2. */
export function pearson(a: NumberArray, b: NumberArray): number {
  const n = a.length;
  if (n !== b.length || n < 2) return Number.NaN;
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/**
 * Spearman's rank correlation of two equally long samples: Pearson's
 * correlation of their average ranks (so ties are handled). NaN when either
 * sample is constant (no ranking) or the lengths differ.
 */
export function spearman(a: NumberArray, b: NumberArray): number {
  if (a.length !== b.length) return Number.NaN;
  return pearson(averageRanks(a), averageRanks(b));
}
