/**
 * The chain trace (MODEL.md §9), computed after every run: for each link of
 * {@link CHAIN_LINKS}, the onset month, the lag from the first link that
 * fired, the extreme of its measure and the baseline run's measure in the
 * onset month. Series a run lacks never crash it: the link reports no onset
 * and names what is missing.
 */
import { CAPABILITY_MARGIN, CHAIN_LINKS, type ChainIndicator, type ChainLinkDef, RUN_MONTHS } from './chain-links.js';
import { extremeOf, firstRun, quarterlyFalls, type RuleTrace, traceRule } from './chain-rules.js';
import { monthIndex } from './months.js';
import { monthOf, type RunView, realSeries } from './run-view.js';

/** One link of a run's chain trace (the `chain` entries of `run` JSON). */
export interface ChainLinkResult {
  id: string;
  label: string;
  /** First month of the first 3-month run meeting the rule; null when the link never fires. */
  onset: string | null;
  /** Months from the earliest onset of any link (0 for that link); null when this link never fires. */
  lag_months: number | null;
  /** The extreme of the rule's measure over the run (deepest drawdown, largest ratio to t0, ...). */
  peak: number | null;
  peak_date: string | null;
  /** The series whose rule fired first (the first indicator when none fired). */
  indicator: string | null;
  /** The rule's measure in the onset month. */
  value_at_onset: number | null;
  /** The same measure on the `baseline` run in the onset month (for L1: the baseline's level). */
  baseline_value_at_onset: number | null;
  /** Series (or the baseline run) the link needed but the run lacks. */
  missing?: string[];
}

/** One indicator evaluated on a run. */
interface IndicatorTrace {
  series: string;
  trace: RuleTrace;
  onset?: number;
}

/** The indicator's values in `view` (the real version when marked real), or the name that is missing. */
function valuesOf(view: RunView, indicator: ChainIndicator): ArrayLike<number> | string {
  const values = indicator.real ? realSeries(view, indicator.series) : view.get(indicator.series);
  return values ?? indicator.series;
}

/** Evaluates one indicator; a string result names what is missing. */
function traceIndicator(view: RunView, indicator: ChainIndicator, baseline?: RunView): IndicatorTrace | string {
  const values = valuesOf(view, indicator);
  if (typeof values === 'string') return values;
  const rule = indicator.rule;
  if (rule.kind === 'quarterly-falls') {
    const falls = quarterlyFalls(values, monthIndex(view.start), rule.quarters);
    const measure = new Float64Array(values.length).fill(Number.NaN);
    for (const q of falls.changes) measure[q.first] = q.change;
    return { series: indicator.series, trace: { measure, holds: [], extreme: 'min' }, onset: falls.onset };
  }
  if (rule.kind === 'above-baseline') {
    const base = baseline ? valuesOf(baseline, indicator) : undefined;
    if (base === undefined || typeof base === 'string') return `${indicator.series} of the baseline run`;
    const marginSeries = view.get(rule.marginParam);
    const margin = marginSeries && marginSeries.length > 1 ? marginSeries[1] : rule.defaultMargin;
    const trace = traceRule(rule, values, { baseline: base, margin });
    return { series: indicator.series, trace, onset: firstRun(trace.holds, RUN_MONTHS) };
  }
  let threshold: ArrayLike<number> | undefined;
  if (rule.kind === 'below-series') {
    threshold = view.get(rule.thresholdSeries);
    if (!threshold) return rule.thresholdSeries;
  }
  const trace = traceRule(rule, values, { threshold });
  return { series: indicator.series, trace, onset: firstRun(trace.holds, RUN_MONTHS) };
}

/** The measure the baseline run shows at month `m` for the link's reported indicator. */
function baselineMeasure(link: ChainLinkDef, series: string, m: number, baseline?: RunView): number | null {
  if (!baseline) return null;
  const indicator = link.indicators.find((i) => i.series === series) ?? link.indicators[0];
  if (indicator.rule.kind === 'above-baseline') {
    const level = valuesOf(baseline, indicator);
    return typeof level === 'string' || m >= level.length ? null : level[m];
  }
  const traced = traceIndicator(baseline, indicator, baseline);
  if (typeof traced === 'string' || m >= traced.trace.measure.length) return null;
  const value = traced.trace.measure[m];
  return Number.isNaN(value) ? null : value;
}

/** Evaluates one link, with the lag still unset. */
function traceLink(link: ChainLinkDef, view: RunView, baseline?: RunView): ChainLinkResult {
  const traced = link.indicators.map((indicator) => traceIndicator(view, indicator, baseline));
  const missing = traced.filter((t): t is string => typeof t === 'string');
  const present = traced.filter((t): t is IndicatorTrace => typeof t !== 'string');
  const out: ChainLinkResult = {
    id: link.id,
    label: link.label,
    onset: null,
    lag_months: null,
    peak: null,
    peak_date: null,
    indicator: null,
    value_at_onset: null,
    baseline_value_at_onset: null,
  };
  if (missing.length > 0) out.missing = missing;
  if (present.length === 0 || (link.combine === 'while' && missing.length > 0)) return out;

  let onset: number | undefined;
  let reported = present[0];
  if (link.combine === 'while') {
    const holds = present[0].trace.holds.map((_, m) => present.every((t) => t.trace.holds[m]));
    onset = firstRun(holds, RUN_MONTHS);
  } else {
    for (const t of present) {
      if (t.onset !== undefined && (onset === undefined || t.onset < onset)) {
        onset = t.onset;
        reported = t;
      }
    }
  }
  out.indicator = reported.series;
  const peak = extremeOf(reported.trace.measure, reported.trace.extreme);
  if (peak) {
    out.peak = peak.value;
    out.peak_date = monthOf(view, peak.m);
  }
  if (onset !== undefined) {
    out.onset = monthOf(view, onset);
    const value = reported.trace.measure[onset];
    out.value_at_onset = Number.isNaN(value) ? null : value;
    out.baseline_value_at_onset = baselineMeasure(link, reported.series, onset, baseline);
  }
  return out;
}

/**
 * The chain trace of `run`; `baseline` (the `baseline` preset's run) gives
 * L1's reference path and the baseline column. Lags count months from the
 * earliest onset of any link.
 */
export function computeChainTrace(
  run: RunView,
  baseline?: RunView,
  links: readonly ChainLinkDef[] = CHAIN_LINKS,
): ChainLinkResult[] {
  const chain = links.map((link) => traceLink(link, run, baseline));
  const onsets = chain.filter((l) => l.onset !== null).map((l) => monthIndex(l.onset!));
  if (onsets.length > 0) {
    const first = Math.min(...onsets);
    for (const link of chain) if (link.onset !== null) link.lag_months = monthIndex(link.onset) - first;
  }
  return chain;
}

/**
 * Where a policy breaks the chain: the earliest link k that fires in
 * `reference` (e.g. `citrini-2028`) such that no link after k fires in
 * `chain` while some link after k does fire in `reference`. Null when the
 * chain is not broken (no later link of the reference is missing here).
 */
export function chainBrokenAfter(
  chain: readonly ChainLinkResult[],
  reference: readonly ChainLinkResult[],
): string | null {
  const order = new Map(reference.map((link, i) => [link.id, i]));
  const firedHere = chain.filter((l) => l.onset !== null).map((l) => order.get(l.id) ?? -1);
  const lastHere = Math.max(-1, ...firedHere);
  const firedThere = reference.map((l, i) => (l.onset !== null ? i : -1)).filter((i) => i >= 0);
  for (const k of firedThere) {
    if (k >= lastHere && firedThere.some((j) => j > k)) return reference[k].id;
  }
  return null;
}

/** The default margin of L1, for docs and tests. */
export const DEFAULT_CAPABILITY_MARGIN: number = CAPABILITY_MARGIN.default;
