/**
 * Headline numbers of a run (the `summary` of `run` JSON): peaks, troughs and
 * their months, the recession start, how many chain links fired; for
 * `policy-response`, where it breaks the chain and what it costs.
 */
import { type ChainLinkResult, chainBrokenAfter } from './chain.js';
import { extremeOf, traceRule } from './chain-rules.js';
import { indexOf, monthOf, type RunView } from './run-view.js';
import { type KaleckiRow, kaleckiTable, sumAnnualRate, type UbiPayers, ubiPayers } from './value-summary.js';

/** The preset each preset is compared with in its summary (policy-response → citrini-2028, agi-endgame-ubi → agi-endgame). */
export const SUMMARY_REFERENCE: Readonly<Record<string, string>> = {
  'policy-response': 'citrini-2028',
  'agi-endgame-ubi': 'agi-endgame',
};

/** The window of the fiscal cost: cumulative deficit over these months (inclusive). */
export const FISCAL_COST_WINDOW = { from: '2026-01', to: '2030-12' } as const;

/** Summary numbers; a number whose series the run lacks is null and its series is listed in `missing`. */
export interface RunSummary {
  unemployment_t0: number | null;
  unemployment_peak: number | null;
  unemployment_peak_date: string | null;
  gdp_real_max_drawdown: number | null;
  gdp_real_trough_date: string | null;
  equity_max_drawdown: number | null;
  equity_trough_date: string | null;
  house_price_max_drawdown: number | null;
  mortgage_delinquency_peak: number | null;
  policy_rate_min: number | null;
  recession_start: string | null;
  links_fired: number;
  /** policy-response: the last chain link before the break (see {@link chainBrokenAfter}). */
  chain_broken_after?: string | null;
  /** policy-response: cumulative deficit 2026-01..2030-12 minus citrini-2028's (USD bn). */
  fiscal_cost_usd_bn?: number | null;
  /** Kalecki profit decomposition (who absorbs the income) at a few months, when the model has it. */
  kalecki?: KaleckiRow[];
  /** With a reference run and a UBI paid: who paid for it (cumulative over the run). */
  ubi_payers?: UbiPayers | null;
  missing?: string[];
}

/** The run compared with, for presets that have one. */
export interface SummaryReference {
  name: string;
  run: RunView;
  chain: readonly ChainLinkResult[];
}

/** Max and its month over the solved months. */
function maxOf(values: ArrayLike<number>, view: RunView): { value: number; date: string } {
  const best = extremeOf(values, 'max')!;
  return { value: best.value, date: monthOf(view, best.m) };
}

/** Deepest fall from the running peak (since period 0) and the month it is reached. */
function maxDrawdown(values: ArrayLike<number>, view: RunView): { value: number; date: string } {
  const best = extremeOf(traceRule({ kind: 'from-peak', threshold: 0 }, values).measure, 'min')!;
  return { value: best.value, date: monthOf(view, best.m) };
}

/**
 * Cumulative `gov_deficit` (an annual rate, USD bn/yr) over the fiscal window
 * in USD bn: Σ deficit × 1/12 over its months that the run covers.
 */
export function cumulativeDeficit(view: RunView): number | undefined {
  const deficit = view.get('gov_deficit');
  if (!deficit) return undefined;
  const from = indexOf(view, FISCAL_COST_WINDOW.from) ?? 1;
  const to = indexOf(view, FISCAL_COST_WINDOW.to) ?? view.months;
  return sumAnnualRate(deficit, from, to);
}

/** The summary of `run` with its chain trace; `reference` adds policy-response's comparison. */
export function computeSummary(
  run: RunView,
  chain: readonly ChainLinkResult[],
  reference?: SummaryReference,
): RunSummary {
  const missing: string[] = [];
  const need = (name: string): ArrayLike<number> | undefined => {
    const values = run.months > 0 ? run.get(name) : undefined;
    if (!values) missing.push(name);
    return values;
  };
  const unemployment = need('unemployment_rate');
  const gdp = need('gdp_real');
  const equity = need('equity_index');
  const houses = need('house_price_index');
  const delinquency = need('mortgage_delinquency_rate');
  const policyRate = need('policy_rate');
  const uPeak = unemployment && maxOf(unemployment, run);
  const gdpFall = gdp && maxDrawdown(gdp, run);
  const equityFall = equity && maxDrawdown(equity, run);
  const summary: RunSummary = {
    unemployment_t0: unemployment ? unemployment[1] : null,
    unemployment_peak: uPeak?.value ?? null,
    unemployment_peak_date: uPeak?.date ?? null,
    gdp_real_max_drawdown: gdpFall?.value ?? null,
    gdp_real_trough_date: gdpFall && gdpFall.value < 0 ? gdpFall.date : null,
    equity_max_drawdown: equityFall?.value ?? null,
    equity_trough_date: equityFall && equityFall.value < 0 ? equityFall.date : null,
    house_price_max_drawdown: houses ? maxDrawdown(houses, run).value : null,
    mortgage_delinquency_peak: delinquency ? maxOf(delinquency, run).value : null,
    policy_rate_min: policyRate ? (extremeOf(policyRate, 'min')?.value ?? null) : null,
    recession_start: chain.find((l) => l.id === 'L13')?.onset ?? null,
    links_fired: chain.filter((l) => l.onset !== null).length,
  };
  const kalecki = kaleckiTable(run);
  if (kalecki) summary.kalecki = kalecki;
  if (reference) {
    const payers = ubiPayers(run, reference);
    if (payers) summary.ubi_payers = payers;
    summary.chain_broken_after = chainBrokenAfter(chain, reference.chain);
    const here = cumulativeDeficit(run);
    const there = cumulativeDeficit(reference.run);
    if (here === undefined || there === undefined) missing.push(`gov_deficit (this run and ${reference.name})`);
    summary.fiscal_cost_usd_bn = here === undefined || there === undefined ? null : here - there;
  }
  if (missing.length > 0) summary.missing = [...new Set(missing)];
  return summary;
}
