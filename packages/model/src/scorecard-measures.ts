/**
 * How each Citrini target (data/citrini-2028-targets.json) is measured on a
 * run, and which drivers move it when it misses — as data. The targets'
 * t0 is period 1 (2026-01): "from t0" here means from the 2026-01 value.
 */
import type { ChainRule } from './chain-links.js';
import { INSURER_THRESHOLD_SERIES } from './chain-links.js';

/** How a target's value is computed from its series (months are `"YYYY-MM"`). */
export type TargetMeasure =
  /** The onset month of a chain link. */
  | { kind: 'chain-onset'; link: string }
  /** The series' value in `month`. */
  | { kind: 'level-at'; month: string }
  /** value(month) ÷ running peak up to `month` − 1. */
  | { kind: 'drawdown-at'; month: string }
  /** The deepest drawdown from the running peak up to `month`. */
  | { kind: 'max-drawdown-by'; month: string }
  /** Whether the series' peak (months 1..`until`) comes before the onset of `link`. */
  | { kind: 'peak-before-onset'; link: string; until: string }
  /** value(month) − value(t0), in the series' units (share points for shares). */
  | { kind: 'change-from-t0'; month: string }
  /** value(month) ÷ value(t0) − 1. */
  | { kind: 'relative-change-from-t0'; month: string }
  /** max over months 1..`until` ÷ value(t0). */
  | { kind: 'peak-ratio-to-t0'; until: string }
  /** The month of the maximum over months 1..`until`. */
  | { kind: 'peak-month'; until: string }
  /** value(month) ÷ value(12 months earlier) − 1. */
  | { kind: 'yoy-at'; month: string }
  /** value(month) ÷ the baseline run's value(month) − 1. */
  | { kind: 'vs-baseline-at'; month: string }
  /** The first month of the first 3-month run meeting a chain rule on this series alone. */
  | { kind: 'onset'; rule: ChainRule }
  /** The largest fall of the series within `months` after the peak of `peakSeries` (months 1..`until`). */
  | { kind: 'fall-after-peak'; peakSeries: string; until: string; months: number }
  /** [min, max] over `from`..`to`; inside when both lie in the band. */
  | { kind: 'range-through'; from: string; to: string }
  /** The values at each month (reported, no band). */
  | { kind: 'values-at'; months: string[] };

/** A target's measure and what moves it when the value lies below (or before) / above (or after) its band. */
export interface TargetScoring {
  measure: TargetMeasure;
  below: string;
  above: string;
}

const ADOPTION = 'set mainly by the adoption drivers (diffusion speed, new-task creation)';

/** The scoring of every target id in the targets file. */
export const TARGET_SCORING: Readonly<Record<string, TargetScoring>> = {
  recession_start: {
    measure: { kind: 'chain-onset', link: 'L13' },
    below: `demand breaks too early: slower diffusion or stronger new-task creation delays it (${ADOPTION})`,
    above: `demand holds up too long: faster diffusion or weaker new-task creation brings it forward (${ADOPTION})`,
  },
  unemployment_2028_06: {
    measure: { kind: 'level-at', month: '2028-06' },
    below: `too few displaced: faster diffusion or weaker new-task creation raises it (${ADOPTION})`,
    above: `too many displaced: slower diffusion or stronger new-task creation lowers it (${ADOPTION})`,
  },
  equity_drawdown_2028_06: {
    measure: { kind: 'drawdown-at', month: '2028-06' },
    below: 'equities fall too far: the multiple reacts too strongly to expected growth or the default risk premium',
    above: 'equities fall too little: the multiple reacts too weakly to expected growth or the default risk premium',
  },
  equity_peak_before_recession: {
    measure: { kind: 'peak-before-onset', link: 'L13', until: '2028-06' },
    below: 'the equity peak does not precede the recession: adaptive growth expectations keep valuations rising',
    above: '',
  },
  labor_share_falls: {
    measure: { kind: 'change-from-t0', month: '2028-06' },
    below: 'the labour share falls too far: lower wage floors or faster adoption than the memo implies',
    above:
      'the labour share falls too little: AI savings pass through into prices or new tasks absorb labour (pass-through, new-task creation)',
  },
  delinquency_within_norms: {
    measure: { kind: 'level-at', month: '2028-06' },
    below: "households' buffers absorb the income loss: the buffer distribution and payment-to-income thresholds",
    above: 'buffers run out too fast: the buffer distribution and payment-to-income thresholds',
  },
  equity_peak_date: {
    measure: { kind: 'peak-month', until: '2028-06' },
    below: 'the peak comes too early: the capability step or the first layoff wave is too early (drivers)',
    above: 'the peak comes too late: adaptive growth expectations lag the layoff waves',
  },
  equity_peak_ratio: {
    measure: { kind: 'peak-ratio-to-t0', until: '2028-06' },
    below: 'the AI boom lifts valuations too little: the multiple reacts too weakly to expected growth',
    above: 'the AI boom lifts valuations too much: the multiple reacts too strongly to expected growth',
  },
  labor_share_change: {
    measure: { kind: 'change-from-t0', month: '2028-06' },
    below: 'the labour share falls too far: lower wage floors or faster adoption than the memo implies',
    above:
      'the labour share falls too little: the memo’s −10 points needs large deficits plus sustained AI capex (Kalecki), and low pass-through',
  },
  tech_metro_house_prices: {
    measure: { kind: 'yoy-at', month: '2028-06' },
    below: 'tech-metro prices fall too fast: forced sales by displaced hh_pro mortgagors',
    above: 'tech-metro prices fall too little: hh_pro income losses or distressed sales too small',
  },
  federal_receipts_vs_baseline: {
    measure: { kind: 'vs-baseline-at', month: '2028-06' },
    below: 'receipts fall too far: income taxes of hh_pro (top brackets) react too strongly',
    above: 'receipts hold up: hh_pro income losses (the top tax brackets) too small',
  },
  software_defaults_start: {
    measure: { kind: 'onset', rule: { kind: 'ratio-over-t0', threshold: 2 } },
    below: 'software defaults start too early: seat cuts and SaaS price compression hit borrowers fast',
    above: 'software defaults start too late: seat cuts and SaaS price compression reach borrowers slowly',
  },
  insurer_capital_tightening: {
    measure: { kind: 'onset', rule: { kind: 'below-series', thresholdSeries: INSURER_THRESHOLD_SERIES } },
    below: 'insurer capital breaches its threshold too early: losses on private placements too fast',
    above: 'insurer capital breaches its threshold too late: losses on private placements too slow',
  },
  ten_year_yield_fall: {
    measure: { kind: 'fall-after-peak', peakSeries: 'equity_index', until: '2028-06', months: 9 },
    below: 'the 10-year yield falls too far: policy-rate cuts after the crash too strong',
    above: 'the 10-year yield falls too little: the Taylor rule and emergency cuts react too slowly',
  },
  job_openings_change: {
    measure: { kind: 'relative-change-from-t0', month: '2026-10' },
    below: 'openings collapse too fast: hiring reacts too strongly to adoption',
    above: 'openings fall too little: hiring reacts too weakly to adoption (diffusion speed)',
  },
  hyperscaler_capex: {
    measure: { kind: 'range-through', from: '2026-01', to: '2028-12' },
    below:
      'capex falls below the memo: the AI revenue surge does not lift compute demand enough, or funding and leverage limits bind early',
    above:
      'capex exceeds the memo: the agentic AI revenue surge lifts compute demand faster than the memo assumes (supply-chain and power limits bind late)',
  },
  private_credit_marks: {
    measure: { kind: 'values-at', months: ['2027-01', '2027-06', '2027-12'] },
    below: '',
    above: '',
  },
  tail_drawdown: {
    measure: { kind: 'max-drawdown-by', month: '2028-12' },
    below: 'the tail crash is deeper than the GFC-like target: the default risk premium reacts too strongly',
    above: 'the tail crash is too shallow: the mortgage crack of 2H 2028 feeds the risk premium too little',
  },
};
