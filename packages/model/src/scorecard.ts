/**
 * The scorecard (MODEL.md §10, tier 2): every Citrini target of a preset with
 * its value on the run, band, gap and — when outside the band — a one-line
 * explanation of which drivers move it. A miss is a result, not an error.
 */
import { type ChainLinkResult, computeChainTrace } from './chain.js';
import { RUN_MONTHS } from './chain-links.js';
import { extremeOf, firstRun, traceRule } from './chain-rules.js';
import { monthsBetween } from './months.js';
import { indexOf, monthOf, type RunView } from './run-view.js';
import { TARGET_SCORING, type TargetMeasure } from './scorecard-measures.js';
import { type CitriniTarget, type TargetBand, targetsFor } from './targets.js';

/** A target's value: a number, a month, a yes/no, a list of numbers; null when it cannot be computed. */
export type TargetValue = number | string | boolean | number[] | null;

/** One scorecard row (the `scorecard` entries of `run` JSON). */
export interface ScorecardEntry {
  id: string;
  tier: 'ci' | 'scorecard';
  series: string;
  what: string;
  memo: unknown;
  value: TargetValue;
  band: TargetBand;
  /** Signed distance to the nearest band edge (0 inside; months for dates); null without a band or value. */
  gap: number | null;
  /** Whether the value lies in the band (true/false for yes/no targets); null when only reported or not computed. */
  inside: boolean | null;
  /** Why it misses and what moves it; null when inside or only reported. */
  explanation: string | null;
  /** Series (or the baseline run) the target needs but the run lacks. */
  missing?: string[];
}

/** The runs a scorecard reads. */
export interface ScorecardRuns {
  run: RunView;
  /** The `baseline` preset's run (for targets relative to baseline). */
  baseline?: RunView;
  /** The run's chain trace (computed from `run` and `baseline` when absent). */
  chain?: readonly ChainLinkResult[];
}

/** A computed value, or the names of what is missing. */
type Measured = { value: TargetValue } | { missing: string[] };

function seriesOr(view: RunView, name: string): ArrayLike<number> | string {
  return view.get(name) ?? name;
}

/** Index of `month` in the run, or the reason it is not there. */
function at(view: RunView, month: string): number | string {
  return indexOf(view, month) ?? `${month} (the run covers ${monthOf(view, 1)}..${monthOf(view, view.months)})`;
}

/** Index of the maximum of `values` over months 1..until (clipped to the run). */
function peakIndex(values: ArrayLike<number>, view: RunView, until: string): number {
  const last = Math.min(view.months, monthsBetween(view.start, until) + 1);
  let best = 1;
  for (let m = 2; m <= last; m++) if (values[m] > values[best]) best = m;
  return best;
}

function measureTarget(
  target: CitriniTarget,
  measure: TargetMeasure,
  runs: ScorecardRuns,
  chain: () => readonly ChainLinkResult[],
): Measured {
  const { run } = runs;
  const values = seriesOr(run, target.series);
  if (measure.kind === 'chain-onset') {
    const link = chain().find((l) => l.id === measure.link);
    if (link?.missing && link.onset === null) return { missing: link.missing };
    return { value: link?.onset ?? null };
  }
  if (typeof values === 'string') return { missing: [values] };
  const t0 = 1;
  switch (measure.kind) {
    case 'level-at':
    case 'drawdown-at':
    case 'change-from-t0':
    case 'relative-change-from-t0':
    case 'yoy-at':
    case 'vs-baseline-at': {
      const m = at(run, measure.month);
      if (typeof m === 'string') return { missing: [m] };
      if (measure.kind === 'level-at') return { value: values[m] };
      if (measure.kind === 'change-from-t0') return { value: values[m] - values[t0] };
      if (measure.kind === 'relative-change-from-t0') return { value: values[m] / values[t0] - 1 };
      if (measure.kind === 'drawdown-at') {
        let peak = values[0];
        for (let k = 1; k <= m; k++) peak = Math.max(peak, values[k]);
        return { value: values[m] / peak - 1 };
      }
      if (measure.kind === 'yoy-at') {
        if (m < 12) return { missing: [`12 months of history before ${measure.month}`] };
        return { value: values[m] / values[m - 12] - 1 };
      }
      const base = runs.baseline ? seriesOr(runs.baseline, target.series) : 'the baseline run';
      if (typeof base === 'string') return { missing: [base === target.series ? `${base} of the baseline run` : base] };
      return { value: values[m] / base[m] - 1 };
    }
    case 'max-drawdown-by': {
      const m = at(run, measure.month);
      if (typeof m === 'string') return { missing: [m] };
      const trace = traceRule(
        { kind: 'from-peak', threshold: 0 },
        Array.from({ length: m + 1 }, (_, k) => values[k]),
      );
      return { value: extremeOf(trace.measure, 'min')?.value ?? 0 };
    }
    case 'peak-ratio-to-t0':
      return { value: values[peakIndex(values, run, measure.until)] / values[t0] };
    case 'peak-month':
      return { value: monthOf(run, peakIndex(values, run, measure.until)) };
    case 'peak-before-onset': {
      const link = chain().find((l) => l.id === measure.link);
      if (link?.missing && link.onset === null) return { missing: link.missing };
      if (!link?.onset) return { value: false };
      return { value: monthOf(run, peakIndex(values, run, measure.until)) < link.onset };
    }
    case 'onset': {
      let threshold: ArrayLike<number> | undefined;
      if (measure.rule.kind === 'below-series') {
        const series = seriesOr(run, measure.rule.thresholdSeries);
        if (typeof series === 'string') return { missing: [series] };
        threshold = series;
      }
      const onset = firstRun(traceRule(measure.rule, values, { threshold }).holds, RUN_MONTHS);
      return { value: onset === undefined ? null : monthOf(run, onset) };
    }
    case 'fall-after-peak': {
      const peakSeries = seriesOr(run, measure.peakSeries);
      if (typeof peakSeries === 'string') return { missing: [peakSeries] };
      const peak = peakIndex(peakSeries, run, measure.until);
      const last = Math.min(run.months, peak + measure.months);
      let fall = 0;
      for (let m = peak + 1; m <= last; m++) fall = Math.min(fall, values[m] - values[peak]);
      return { value: fall };
    }
    case 'range-through': {
      const from = at(run, measure.from);
      const to = at(run, measure.to);
      if (typeof from === 'string' || typeof to === 'string') {
        return { missing: [from, to].filter((x): x is string => typeof x === 'string') };
      }
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let m = from; m <= to; m++) {
        lo = Math.min(lo, values[m]);
        hi = Math.max(hi, values[m]);
      }
      return { value: [lo, hi] };
    }
    case 'values-at': {
      const months = measure.months.map((month) => at(run, month));
      const absent = months.filter((m): m is string => typeof m === 'string');
      if (absent.length > 0) return { missing: absent };
      return { value: (months as number[]).map((m) => values[m]) };
    }
  }
}

/** Gap and side of a value relative to its band: 0 inside, negative below/before, positive above/after. */
function gapOf(value: TargetValue, band: TargetBand): number | null {
  if (band === null || value === null || typeof value === 'boolean') return null;
  if (typeof value === 'string') {
    const [lo, hi] = band as [string, string];
    if (value < lo) return -monthsBetween(value, lo);
    if (value > hi) return monthsBetween(hi, value);
    return 0;
  }
  const [lo, hi] = band as [number, number];
  const [min, max] = Array.isArray(value) ? [Math.min(...value), Math.max(...value)] : [value, value];
  if (min < lo) return min - lo;
  if (max > hi) return max - hi;
  return 0;
}

function describeValue(value: TargetValue): string {
  if (Array.isArray(value)) return `[${value.map((v) => Number(v.toPrecision(4))).join(', ')}]`;
  if (typeof value === 'number') return String(Number(value.toPrecision(4)));
  return String(value);
}

function scoreTarget(
  target: CitriniTarget,
  runs: ScorecardRuns,
  chain: () => readonly ChainLinkResult[],
): ScorecardEntry {
  const scoring = TARGET_SCORING[target.id];
  const entry: ScorecardEntry = {
    id: target.id,
    tier: target.tier,
    series: target.series,
    what: target.what,
    memo: target.memo,
    value: null,
    band: target.band,
    gap: null,
    inside: null,
    explanation: null,
  };
  if (!scoring) {
    entry.explanation = `no measure is defined for target '${target.id}': add it to TARGET_SCORING in scorecard-measures.ts`;
    return entry;
  }
  const measured = measureTarget(target, scoring.measure, runs, chain);
  if ('missing' in measured) {
    entry.missing = measured.missing;
    entry.explanation = `not computed: the run lacks ${measured.missing.join(', ')}`;
    return entry;
  }
  entry.value = measured.value;
  if (typeof measured.value === 'boolean') {
    entry.inside = measured.value;
    if (!measured.value) entry.explanation = scoring.below;
    return entry;
  }
  if (target.band === null) return entry;
  if (measured.value === null) {
    entry.inside = false;
    entry.explanation = `never happens in this run (band ${target.band.join('..')}): ${scoring.above}`;
    return entry;
  }
  entry.gap = gapOf(measured.value, target.band);
  entry.inside = entry.gap === 0;
  if (!entry.inside) {
    const dated = typeof measured.value === 'string';
    const low = (entry.gap ?? 0) < 0;
    const side = dated ? (low ? 'before' : 'after') : low ? 'below' : 'above';
    const band = dated ? target.band.join('..') : `[${target.band.join(', ')}]`;
    entry.explanation = `${describeValue(measured.value)} is ${side} ${band}: ${low ? scoring.below : scoring.above}`;
  }
  return entry;
}

/**
 * The scorecard of `preset` on its run: one entry per target of the preset
 * (`citrini-2028`: the main list; `citrini-tail`: the tail target; any other
 * preset: none). Entries whose series the run lacks say so and carry no value.
 */
export function computeScorecard(preset: string, runs: ScorecardRuns): ScorecardEntry[] {
  const targets = targetsFor(preset);
  let chain = runs.chain;
  const getChain = () => {
    chain ??= computeChainTrace(runs.run, runs.baseline);
    return chain;
  };
  return targets.map((target) => scoreTarget(target, runs, getChain));
}
