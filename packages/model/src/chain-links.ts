/**
 * The chain trace of MODEL.md §9 as data: the 13 links of the Citrini
 * mechanism, each with its indicators and onset rule. `chain.ts` evaluates
 * them on a run; nothing here computes.
 */

/**
 * How one indicator meets its rule in a month (m = month index, v = the
 * series, v0 = its period-0 value):
 * - `above-baseline`: v − (the `baseline` run's v) > the margin (the param
 *   `marginParam` when the run has it, else `defaultMargin`);
 * - `from-peak`: v ÷ (running max of v since period 0) − 1 ≤ `threshold`;
 * - `yoy`: the y/y change (v ÷ v 12 months earlier − 1; before 12 months of
 *   history the change since period 0, annualised) ≤ `threshold` (or < when `strict`);
 * - `ratio-over-t0`: v ÷ v0 ≥ `threshold`;
 * - `diff-over-t0`: v − v0 ≥ `threshold`;
 * - `below-series`: v < the series `thresholdSeries` in the same month;
 * - `rising`: v above its value a month earlier;
 * - `quarterly-falls`: two consecutive falls of the quarterly mean (handled by the link, not by months).
 */
export type ChainRule =
  | { kind: 'above-baseline'; marginParam: string; defaultMargin: number }
  | { kind: 'from-peak'; threshold: number }
  | { kind: 'yoy'; threshold: number; strict: boolean }
  | { kind: 'ratio-over-t0'; threshold: number }
  | { kind: 'diff-over-t0'; threshold: number }
  | { kind: 'below-series'; thresholdSeries: string }
  | { kind: 'rising' }
  | { kind: 'quarterly-falls'; quarters: number };

/** One indicator of a link: a series (its real version when `real`) and the rule it must meet. */
export interface ChainIndicator {
  series: string;
  /** Real terms: `NAME_real` when the model has it, else `NAME` (which the model then defines in real terms). */
  real?: boolean;
  rule: ChainRule;
}

/** One link of the chain. */
export interface ChainLinkDef {
  id: string;
  label: string;
  indicators: ChainIndicator[];
  /** `either`: fires when any indicator's rule holds for 3 months running; `while`: all in the same months. */
  combine: 'either' | 'while';
  /** The rule as MODEL.md §9 words it. */
  rule: string;
}

/** Months a rule must hold in a row for a link to fire. */
export const RUN_MONTHS = 3;

/** The param that sets L1's margin over the baseline capability path, and its default (log10 units of κ). */
export const CAPABILITY_MARGIN = { param: 'chain_capability_margin', default: 0.1 } as const;

/** The series holding the insurers' regulatory capital threshold (L10, and the scorecard). */
export const INSURER_THRESHOLD_SERIES = 'insurer_capital_threshold';

const fromPeak = (threshold: number): ChainRule => ({ kind: 'from-peak', threshold });

/** The 13 links, in the order of MODEL.md §9. */
export const CHAIN_LINKS: readonly ChainLinkDef[] = [
  {
    id: 'L1',
    label: 'AI capability jump',
    indicators: [
      {
        series: 'ai_capability_index',
        rule: {
          kind: 'above-baseline',
          marginParam: CAPABILITY_MARGIN.param,
          defaultMargin: CAPABILITY_MARGIN.default,
        },
      },
    ],
    combine: 'either',
    rule: 'above the baseline path by a set margin',
  },
  {
    id: 'L2',
    label: 'layoffs + AI purchases',
    indicators: [
      { series: 'employment_knowledge', rule: fromPeak(-0.02) },
      { series: 'ai_spend_firms', rule: { kind: 'rising' } },
    ],
    combine: 'while',
    rule: 'knowledge employment −2 % from peak while AI spend rises (month on month)',
  },
  {
    id: 'L3',
    label: 'white-collar income falls',
    indicators: [{ series: 'income_hh_pro', real: true, rule: { kind: 'yoy', threshold: -0.03, strict: false } }],
    combine: 'either',
    rule: 'real income of hh_pro −3 % y/y',
  },
  {
    id: 'L4',
    label: 'high-income consumption falls',
    indicators: [{ series: 'consumption_hh_top_pro', real: true, rule: { kind: 'yoy', threshold: 0, strict: true } }],
    combine: 'either',
    rule: 'real consumption of hh_top and hh_pro negative y/y',
  },
  {
    id: 'L5',
    label: 'corporate profits fall',
    indicators: [{ series: 'profits_firms', rule: { kind: 'yoy', threshold: 0, strict: true } }],
    combine: 'either',
    rule: 'profits negative y/y',
  },
  {
    id: 'L6',
    label: 'second-round layoffs',
    indicators: [{ series: 'employment_other', rule: fromPeak(-0.01) }],
    combine: 'either',
    rule: 'other employment −1 % from peak',
  },
  {
    id: 'L7',
    label: 'mortgage stress',
    indicators: [{ series: 'mortgage_delinquency_rate', rule: { kind: 'ratio-over-t0', threshold: 1.5 } }],
    combine: 'either',
    rule: 'delinquency +50 % over t0',
  },
  {
    id: 'L8',
    label: 'house prices fall',
    indicators: [
      { series: 'house_price_index', rule: fromPeak(-0.05) },
      { series: 'house_price_index_tech', rule: fromPeak(-0.05) },
    ],
    combine: 'either',
    rule: 'national or tech-metro house prices −5 % from peak',
  },
  {
    id: 'L9',
    label: 'private-credit defaults',
    indicators: [
      { series: 'private_credit_default_rate', rule: { kind: 'ratio-over-t0', threshold: 2 } },
      { series: 'private_credit_default_rate_software', rule: { kind: 'ratio-over-t0', threshold: 2 } },
    ],
    combine: 'either',
    rule: 'default rate (all or software loans) doubles from t0',
  },
  {
    id: 'L10',
    label: 'insurance / market repricing',
    indicators: [
      { series: 'credit_spread_hy', rule: { kind: 'diff-over-t0', threshold: 0.02 } },
      { series: 'insurer_capital_ratio', rule: { kind: 'below-series', thresholdSeries: INSURER_THRESHOLD_SERIES } },
    ],
    combine: 'either',
    rule: 'HY spread +0.02 over t0, or insurer capital below its threshold',
  },
  {
    id: 'L11',
    label: 'asset price crash',
    indicators: [{ series: 'equity_index', rule: fromPeak(-0.2) }],
    combine: 'either',
    rule: 'equity index −20 % from peak',
  },
  {
    id: 'L12',
    label: 'wealth effect gone',
    indicators: [
      { series: 'net_worth_households', real: true, rule: fromPeak(-0.1) },
      { series: 'consumption_wealth_effect', rule: fromPeak(-0.1) },
    ],
    combine: 'either',
    rule: 'real household net worth or the wealth effect on consumption −10 % from peak',
  },
  {
    id: 'L13',
    label: 'recession',
    indicators: [{ series: 'gdp_real', rule: { kind: 'quarterly-falls', quarters: 2 } }],
    combine: 'either',
    rule: 'two consecutive falling quarters of real GDP (quarterly means); onset = first month of the first',
  },
];
