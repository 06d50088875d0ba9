/**
 * The month-by-month arithmetic of the chain rules (MODEL.md §9): each rule
 * turns a series into a measure per month (drawdown, y/y change, ratio to
 * t0, ...) and whether the rule holds that month; then the first 3-month run.
 */
import type { ChainRule } from './chain-links.js';

/** A rule evaluated on one series: the measure and whether the rule holds, per month index 0..M. */
export interface RuleTrace {
  measure: Float64Array;
  holds: boolean[];
  /** Whether the extreme ("peak") of the measure is its maximum or its minimum. */
  extreme: 'max' | 'min';
}

/** Extra inputs some rules need: the baseline run's series, the threshold series, the margin. */
export interface RuleContext {
  baseline?: ArrayLike<number>;
  threshold?: ArrayLike<number>;
  margin?: number;
}

/**
 * Relative change from `base` to `value`, measured against |base| so a fall
 * is negative even when the base is negative (profits can be).
 */
export function relativeChange(value: number, base: number): number {
  return (value - base) / Math.abs(base);
}

/**
 * The y/y change at month m: against month m − 12; before 12 months of
 * history, the change since period 0 annualised ((v/v0)^(12/m) − 1 for
 * positive levels, else the relative change × 12/m). NaN at m = 0.
 */
export function yearOnYear(values: ArrayLike<number>, m: number): number {
  if (m >= 12) return relativeChange(values[m], values[m - 12]);
  if (m === 0) return Number.NaN;
  const v = values[m];
  const v0 = values[0];
  if (v > 0 && v0 > 0) return (v / v0) ** (12 / m) - 1;
  return (relativeChange(v, v0) * 12) / m;
}

/** Evaluates `rule` on `values` (month indices 0..M). */
export function traceRule(rule: ChainRule, values: ArrayLike<number>, ctx: RuleContext = {}): RuleTrace {
  const n = values.length;
  const measure = new Float64Array(n);
  const holds: boolean[] = new Array(n).fill(false);
  let extreme: 'max' | 'min' = 'max';
  const v0 = values[0];
  let runningMax = Number.NEGATIVE_INFINITY;
  for (let m = 0; m < n; m++) {
    const v = values[m];
    switch (rule.kind) {
      case 'above-baseline': {
        const gap = ctx.baseline ? v - ctx.baseline[m] : Number.NaN;
        measure[m] = gap;
        holds[m] = gap > (ctx.margin ?? rule.defaultMargin);
        break;
      }
      case 'from-peak':
        runningMax = Math.max(runningMax, v);
        measure[m] = v / runningMax - 1;
        holds[m] = measure[m] <= rule.threshold;
        extreme = 'min';
        break;
      case 'yoy':
        measure[m] = yearOnYear(values, m);
        holds[m] = rule.strict ? measure[m] < rule.threshold : measure[m] <= rule.threshold;
        extreme = 'min';
        break;
      case 'ratio-over-t0':
        measure[m] = v0 > 0 ? v / v0 : Number.NaN;
        holds[m] = measure[m] >= rule.threshold;
        break;
      case 'diff-over-t0':
        measure[m] = v - v0;
        holds[m] = measure[m] >= rule.threshold;
        break;
      case 'below-series':
        measure[m] = ctx.threshold ? v - ctx.threshold[m] : Number.NaN;
        holds[m] = measure[m] < 0;
        extreme = 'min';
        break;
      case 'rising':
        measure[m] = m === 0 ? Number.NaN : v - values[m - 1];
        holds[m] = measure[m] > 0;
        break;
      case 'quarterly-falls':
        measure[m] = Number.NaN;
        break;
    }
  }
  return { measure, holds, extreme };
}

/** The first solved month (index ≥ 1) starting a run of `length` months where `holds` is true; undefined if none. */
export function firstRun(holds: readonly boolean[], length: number): number | undefined {
  let run = 0;
  for (let m = 1; m < holds.length; m++) {
    run = holds[m] ? run + 1 : 0;
    if (run === length) return m - length + 1;
  }
  return undefined;
}

/** The index (≥ 1) and value of the extreme of `measure` over the solved months; undefined when all are NaN. */
export function extremeOf(
  measure: ArrayLike<number>,
  extreme: 'max' | 'min',
): { m: number; value: number } | undefined {
  let best: { m: number; value: number } | undefined;
  for (let m = 1; m < measure.length; m++) {
    const value = measure[m];
    if (Number.isNaN(value)) continue;
    if (!best || (extreme === 'max' ? value > best.value : value < best.value)) best = { m, value };
  }
  return best;
}

/** Calendar quarters fully inside months 1..M: the month index of each quarter's first month and its mean. */
export function quarterlyMeans(values: ArrayLike<number>, startMonthIndex: number): { first: number; mean: number }[] {
  const quarters: { first: number; mean: number }[] = [];
  for (let m = 1; m + 2 < values.length; m++) {
    const calendarMonth = (startMonthIndex + m - 1) % 12;
    if (calendarMonth % 3 !== 0) continue;
    quarters.push({ first: m, mean: (values[m] + values[m + 1] + values[m + 2]) / 3 });
  }
  return quarters;
}

/**
 * Two (or `count`) consecutive falling quarters: per quarter its change on
 * the quarter before, and the month index of the first month of the first
 * quarter of the first such run (undefined when none).
 */
export function quarterlyFalls(
  values: ArrayLike<number>,
  startMonthIndex: number,
  count: number,
): { onset?: number; changes: { first: number; change: number }[] } {
  const quarters = quarterlyMeans(values, startMonthIndex);
  const changes = quarters.slice(1).map((q, i) => ({ first: q.first, change: q.mean / quarters[i].mean - 1 }));
  let run = 0;
  for (let i = 0; i < changes.length; i++) {
    run = changes[i].change < 0 ? run + 1 : 0;
    if (run === count) return { onset: changes[i - count + 1].first, changes };
  }
  return { changes };
}
