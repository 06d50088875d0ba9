/**
 * The chain trace (MODEL.md §9) over many runs: per link the share of runs in
 * which it fires and the distribution of its onset month, and the
 * probability of a recession in each calendar year by the rule of link L13
 * (two consecutive falls of quarterly real GDP). The per-run arithmetic is
 * `@endgame/model`'s own (computeChainTrace, quarterlyFalls); this module
 * only counts.
 */
import {
  CHAIN_LINKS,
  type ChainIndicator,
  type ChainLinkDef,
  computeChainTrace,
  monthIndex,
  monthLabel,
  quarterlyFalls,
  REAL_SUFFIX,
  type RunView,
} from '@endgame/model';
import { percentile } from './stats.js';

/** Keys of the reported percentiles, with their quantile. */
export const PERCENTILE_LEVELS = [
  ['p5', 0.05],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p95', 0.95],
] as const;

/** `p5`, `p25`, `p50`, `p75` or `p95`. */
export type PercentileKey = (typeof PERCENTILE_LEVELS)[number][0];

/** One link over all runs (the `chain` entries of `mc --format json`). */
export interface LinkProbability {
  /** Share of runs in which the link fires. */
  probability: number;
  /** Percentiles of the onset month (`"YYYY-MM"`) over the runs where it fires; null when it never fires. */
  onset_percentiles: Record<PercentileKey, string | null>;
}

/** The series of the real (deflated) version of an indicator the model has, else its plain series. */
function indicatorSeries(indicator: ChainIndicator, names: ReadonlySet<string>): string | undefined {
  if (indicator.real && names.has(`${indicator.series}${REAL_SUFFIX}`)) return `${indicator.series}${REAL_SUFFIX}`;
  return names.has(indicator.series) ? indicator.series : undefined;
}

/** True when the model has everything `indicator` reads (the baseline run for `above-baseline`). */
function canTrace(indicator: ChainIndicator, names: ReadonlySet<string>, hasBaseline: boolean): boolean {
  if (indicator.rule.kind === 'above-baseline' && !hasBaseline) return false;
  if (indicator.rule.kind === 'below-series' && !names.has(indicator.rule.thresholdSeries)) return false;
  return indicatorSeries(indicator, names) !== undefined;
}

/**
 * The links of {@link CHAIN_LINKS} a model can evaluate: for `either` links at
 * least one indicator, for `while` links all of them. Links comparing with the
 * baseline run (L1) need `hasBaseline`. `names` holds the model's slot names.
 */
export function chainLinksFor(names: ReadonlySet<string>, hasBaseline: boolean): ChainLinkDef[] {
  return CHAIN_LINKS.filter((link) => {
    const ok = link.indicators.map((indicator) => canTrace(indicator, names, hasBaseline));
    return link.combine === 'while' ? ok.every(Boolean) : ok.some(Boolean);
  });
}

/** The series the chain trace of `links` reads from each run (indicators, thresholds, margin params), each once. */
export function chainSeries(links: readonly ChainLinkDef[], names: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const link of links) {
    for (const indicator of link.indicators) {
      const series = indicatorSeries(indicator, names);
      if (series !== undefined) out.add(series);
      const rule = indicator.rule;
      if (rule.kind === 'below-series' && names.has(rule.thresholdSeries)) out.add(rule.thresholdSeries);
      if (rule.kind === 'above-baseline' && names.has(rule.marginParam)) out.add(rule.marginParam);
    }
  }
  return [...out];
}

/** The series L13's rule reads. */
export const RECESSION_SERIES = 'gdp_real';

/** The L13 rule's number of consecutive falling quarters. */
const RECESSION_QUARTERS = (() => {
  const rule = CHAIN_LINKS.find((link) => link.id === 'L13')?.indicators[0]?.rule;
  return rule?.kind === 'quarterly-falls' ? rule.quarters : 2;
})();

/**
 * Calendar years in which a recession by L13's rule is under way: a quarter
 * is in recession when real GDP's quarterly mean falls in it and in at least
 * one neighbouring quarter, so that it belongs to a run of (at least) two
 * consecutive falling quarters; a year counts when any of its quarters does.
 * `gdp` holds month indices 0..M; index 1 is the month `start`.
 */
export function recessionYears(gdp: ArrayLike<number>, start: string): Set<number> {
  const startIndex = monthIndex(start);
  const { changes } = quarterlyFalls(gdp, startIndex, RECESSION_QUARTERS);
  const years = new Set<number>();
  let runStart = 0;
  for (let i = 0; i <= changes.length; i++) {
    if (i < changes.length && changes[i].change < 0) continue;
    if (i - runStart >= RECESSION_QUARTERS) {
      for (let q = runStart; q < i; q++) years.add(Math.floor((startIndex + changes[q].first - 1) / 12));
    }
    runStart = i + 1;
  }
  return years;
}

/** Percentiles of month indices (months since year 0) as `"YYYY-MM"` labels; nulls when there are none. */
export function onsetPercentiles(onsets: readonly number[]): Record<PercentileKey, string | null> {
  const sorted = Float64Array.from(onsets).sort();
  const out = {} as Record<PercentileKey, string | null>;
  for (const [key, q] of PERCENTILE_LEVELS) {
    out[key] = sorted.length === 0 ? null : monthLabel(Math.round(percentile(sorted, q)));
  }
  return out;
}

/**
 * Counts, run by run, which links fire and when, and the recession years.
 * `start` is the month of index 1 of every run and `months` their number of
 * solved months.
 */
export class ChainTally {
  private readonly onsets: number[][];
  private readonly recession = new Map<number, number>();
  private runs = 0;

  constructor(
    private readonly links: readonly ChainLinkDef[],
    private readonly start: string,
    months: number,
    private readonly baseline?: RunView,
  ) {
    this.onsets = links.map(() => []);
    const first = Math.floor(monthIndex(start) / 12);
    const last = Math.floor((monthIndex(start) + Math.max(0, months - 1)) / 12);
    for (let year = first; year <= last; year++) this.recession.set(year, 0);
  }

  /** Adds one run. */
  add(view: RunView): void {
    this.runs++;
    if (this.links.length > 0) {
      const trace = computeChainTrace(view, this.baseline, this.links);
      trace.forEach((link, i) => {
        if (link.onset !== null) this.onsets[i].push(monthIndex(link.onset));
      });
    }
    const gdp = view.get(RECESSION_SERIES);
    if (gdp) {
      for (const year of recessionYears(gdp, this.start)) {
        const count = this.recession.get(year);
        if (count !== undefined) this.recession.set(year, count + 1);
      }
    }
  }

  /** Per link its probability of firing and onset percentiles, in chain order. */
  chain(): Record<string, LinkProbability> {
    const out: Record<string, LinkProbability> = {};
    this.links.forEach((link, i) => {
      out[link.id] = {
        probability: this.runs === 0 ? 0 : this.onsets[i].length / this.runs,
        onset_percentiles: onsetPercentiles(this.onsets[i]),
      };
    });
    return out;
  }

  /** Share of runs with a recession under way in each calendar year of the runs (`{ "2026": 0, ... }`); empty without real GDP. */
  recessionByYear(hasGdp: boolean): Record<string, number> {
    const out: Record<string, number> = {};
    if (!hasGdp) return out;
    for (const [year, count] of this.recession) out[String(year)] = this.runs === 0 ? 0 : count / this.runs;
    return out;
  }
}
