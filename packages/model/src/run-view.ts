/**
 * A run seen month by month: what the chain trace, the scorecard and the
 * summary read. It hides whether the numbers came from the engine or from a
 * test, and samples runs with sub-monthly periods at month ends.
 */
import { EngineError, type RunResult } from '@endgame/engine';
import { addMonths, monthsBetween } from './months.js';

/** Monthly series of one run. Index 0 is period 0 (the month before `start`); index m is the m-th solved month. */
export interface RunView {
  /** The month of index 1 (`"YYYY-MM"`). */
  readonly start: string;
  /** Number of solved months M; every series has M + 1 values. */
  readonly months: number;
  /** The series `name`, or undefined when the run has no such series. */
  get(name: string): ArrayLike<number> | undefined;
}

/** A view over plain arrays (each M + 1 values long), e.g. synthetic series in tests. */
export function viewOfSeries(start: string, series: Record<string, ArrayLike<number>>): RunView {
  const lengths = new Set(Object.values(series).map((values) => values.length));
  if (lengths.size > 1) {
    throw new EngineError(
      'bad-input',
      `every series of a run view needs the same length, got ${[...lengths].join(', ')}`,
    );
  }
  const months = lengths.size === 0 ? 0 : [...lengths][0] - 1;
  return { start, months, get: (name) => (Object.hasOwn(series, name) ? series[name] : undefined) };
}

/**
 * A view of an engine run whose period 1 is `start` and whose periods last
 * `dt` years: with `dt = 1/12` every period is a month; with `dt = 1/48` every
 * fourth period closes a month and is the one shown. Throws when a month is
 * not a whole number of periods.
 */
export function viewOfResult(result: RunResult, start: string, dt: number): RunView {
  const step = Math.round(1 / 12 / dt);
  if (step < 1 || Math.abs(step * dt * 12 - 1) > 1e-9) {
    throw new EngineError(
      'bad-input',
      `the chain trace and scorecard need periods that divide a month (dt = 1/12, 1/24, ...), got dt = ${dt}`,
    );
  }
  const months = Math.floor(result.periods / step);
  const names = new Set(result.names);
  const cache = new Map<string, ArrayLike<number>>();
  const get = (name: string): ArrayLike<number> | undefined => {
    if (!names.has(name)) return undefined;
    let values = cache.get(name);
    if (!values) {
      const full = result.series(name);
      values = step === 1 ? full : Float64Array.from({ length: months + 1 }, (_, m) => full[m * step]);
      cache.set(name, values);
    }
    return values;
  };
  return { start, months, get };
}

/** The month of index `m` of `view` (index 0 is the month before `start`). */
export function monthOf(view: RunView, m: number): string {
  return addMonths(view.start, m - 1);
}

/** The index of `month` in `view`, or undefined when the run does not cover it. */
export function indexOf(view: RunView, month: string): number | undefined {
  const m = monthsBetween(view.start, month) + 1;
  return m >= 0 && m <= view.months ? m : undefined;
}

/** Suffix of a model's real (deflated) version of a series. */
export const REAL_SUFFIX = '_real';

/**
 * The real version of `name` for chain indicators marked "(real)" in
 * MODEL.md §9: `NAME_real` when the run has it, else `NAME` itself, which the
 * model then defines in real terms (e.g. `income_hh_pro = hh_pro.YD / P`).
 */
export function realSeries(view: RunView, name: string): ArrayLike<number> | undefined {
  return view.get(`${name}${REAL_SUFFIX}`) ?? view.get(name);
}
