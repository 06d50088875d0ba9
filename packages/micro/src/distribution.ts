/**
 * Distribution measures from the kernel's income histogram (log-spaced bins
 * of household disposable income with the count, income and consumption of
 * each bin): Gini, median, middle-class share, consumption by decile.
 * Within a bin households are taken at the bin's mean (Gini) or spread
 * evenly in log income (quantiles).
 */
import { binEdge, HIST_BINS } from './layout.js';

/** A histogram: `hist[3k]` households, `hist[3k+1]` income, `hist[3k+2]` consumption of bin k. */
export type IncomeHistogram = Float64Array;

/**
 * Gini coefficient of grouped data: 1 − Σ f_k (S_{k−1} + S_k), with f the
 * population share and S the cumulative income share of bins in income order.
 */
export function giniOfHistogram(hist: IncomeHistogram, offset = 0): number {
  let n = 0;
  let y = 0;
  for (let k = 0; k < HIST_BINS; k++) {
    n += hist[offset + 3 * k];
    y += hist[offset + 3 * k + 1];
  }
  if (n <= 0 || y <= 0) return Number.NaN;
  let cum = 0;
  let area = 0;
  for (let k = 0; k < HIST_BINS; k++) {
    const f = hist[offset + 3 * k] / n;
    const next = cum + hist[offset + 3 * k + 1] / y;
    area += f * (cum + next);
    cum = next;
  }
  return 1 - area;
}

/** Income (USD k / yr) below which a share `q` of households lie, log-interpolated within its bin. */
export function quantileOfHistogram(hist: IncomeHistogram, q: number, offset = 0): number {
  let n = 0;
  for (let k = 0; k < HIST_BINS; k++) n += hist[offset + 3 * k];
  const want = q * n;
  let cum = 0;
  for (let k = 0; k < HIST_BINS; k++) {
    const c = hist[offset + 3 * k];
    if (cum + c >= want && c > 0) {
      const frac = (want - cum) / c;
      return binEdge(k) * (binEdge(k + 1) / binEdge(k)) ** frac;
    }
    cum += c;
  }
  return binEdge(HIST_BINS);
}

/** Share of households whose income lies in [lo, hi) (USD k / yr), log-interpolated within bins. */
export function shareBetween(hist: IncomeHistogram, lo: number, hi: number, offset = 0): number {
  let n = 0;
  let inside = 0;
  for (let k = 0; k < HIST_BINS; k++) {
    const c = hist[offset + 3 * k];
    n += c;
    const a = binEdge(k);
    const b = binEdge(k + 1);
    const from = Math.max(a, lo);
    const to = Math.min(b, hi);
    if (to > from) inside += (c * Math.log(to / from)) / Math.log(b / a);
  }
  return n > 0 ? inside / n : Number.NaN;
}

/** Middle-class share: households with income between 2/3 and 2 times the median. */
export function middleClassShare(hist: IncomeHistogram, offset = 0): number {
  const median = quantileOfHistogram(hist, 0.5, offset);
  return shareBetween(hist, (2 / 3) * median, 2 * median, offset);
}

/**
 * Mean consumption (USD k / yr) of the households in each income decile
 * (10 values, poorest first); bins that straddle a decile boundary are split
 * pro rata to their households.
 */
export function consumptionByDecile(hist: IncomeHistogram, offset = 0): number[] {
  let n = 0;
  for (let k = 0; k < HIST_BINS; k++) n += hist[offset + 3 * k];
  const cons = new Array<number>(10).fill(0);
  const per = n / 10;
  let cum = 0;
  for (let k = 0; k < HIST_BINS; k++) {
    const c = hist[offset + 3 * k];
    if (c <= 0) continue;
    const perHousehold = hist[offset + 3 * k + 2] / c;
    let left = c;
    let at = cum;
    while (left > 1e-9) {
      const d = Math.min(9, Math.floor(at / per + 1e-12));
      const room = d === 9 ? left : Math.min(left, (d + 1) * per - at);
      cons[d] += room * perHousehold;
      left -= room;
      at += room;
    }
    cum += c;
  }
  return cons.map((c) => (per > 0 ? c / per : Number.NaN));
}
