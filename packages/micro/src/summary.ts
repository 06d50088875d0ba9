/**
 * The distribution summary of a micro run: where inequality, the middle
 * class and delinquency start, peak and end, delinquency by occupation and
 * metro type at its peak, and consumption by income decile at t0 and at the end.
 */
import { METROS, OCCUPATIONS } from './assumptions.js';
import type { MicroResult } from './simulation.js';

/** Start, end and extreme (month index) of one series. */
export interface SeriesPoints {
  t0: number;
  end: number;
  /** Highest value after t0 (lowest for `middle_class_share`). */
  extreme: number;
  /** Month index of the extreme. */
  extremeMonth: number;
}

/** What `endgame run --households` prints after the chain trace. */
export interface MicroSummary {
  households: number;
  seed: number;
  income_gini: SeriesPoints;
  middle_class_share: SeriesPoints;
  households_delinquent_share: SeriesPoints;
  households_default_share: number;
  /** Delinquency at the month overall delinquency peaks. */
  delinquent_by_occupation: Record<string, number>;
  delinquent_by_metro: Record<string, number>;
  /** Mean consumption (USD k / yr, nominal) by income decile, poorest first. */
  consumption_by_decile: { t0: number[]; end: number[] };
}

function points(x: Float64Array, lowest = false): SeriesPoints {
  let at = 1;
  for (let p = 1; p < x.length; p++) if (lowest ? x[p] < x[at] : x[p] > x[at]) at = p;
  return { t0: x[0], end: x[x.length - 1], extreme: x[at], extremeMonth: at };
}

/** Summarises a micro run. */
export function microSummary(run: MicroResult): MicroSummary {
  const s = run.series;
  const delinquency = points(s.households_delinquent_share);
  const peak = delinquency.extremeMonth;
  const deciles = (p: number) => Array.from({ length: 10 }, (_, d) => s[`consumption_decile_${d + 1}`][p]);
  return {
    households: run.households,
    seed: run.seed,
    income_gini: points(s.income_gini),
    middle_class_share: points(s.middle_class_share, true),
    households_delinquent_share: delinquency,
    households_default_share: s.households_default_share[run.months],
    delinquent_by_occupation: Object.fromEntries(
      OCCUPATIONS.map((o) => [o, s[`households_delinquent_share.${o}`][peak]]),
    ),
    delinquent_by_metro: Object.fromEntries(METROS.map((m) => [m, s[`households_delinquent_share.${m}_metro`][peak]])),
    consumption_by_decile: { t0: deciles(0), end: deciles(run.months) },
  };
}
