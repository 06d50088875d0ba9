/**
 * Monte Carlo over a compiled model (issue 6, item 2): draw every uncertain
 * param for each run from its own seeded stream, run the batch through a
 * {@link Runner} in chunks, and keep only what the summary needs — the
 * requested series (for their percentiles per period), the headline outcomes
 * (for Spearman correlations with each param), and the chain trace's counts
 * (link probabilities, onset percentiles, recession probability by year).
 * Results depend on the seed only, never on the runner or its workers.
 */
import { type CompiledModel, didYouMean, EngineError } from '@endgame/engine';
import { addMonths, type RunView, viewOfSeries } from '@endgame/model';
import {
  ChainTally,
  chainLinksFor,
  chainSeries,
  type LinkProbability,
  PERCENTILE_LEVELS,
  type PercentileKey,
  RECESSION_SERIES,
} from './chain-probabilities.js';
import { sampleParam } from './distributions.js';
import { runChunks } from './mc-batches.js';
import { parseMetric, reduceSeries } from './metric.js';
import { runStreams } from './rng.js';
import { percentile, spearman } from './stats.js';
import type { Metric, Runner, RunnerJob, UncertainParam } from './types.js';
import { type UncertaintyOverride, uncertainParams } from './uncertain.js';

/** Percentiles of one series: per key, one value per entry of the time axis (null where every run failed). */
export type SeriesPercentiles = Record<PercentileKey, (number | null)[]>;

/** The result of {@link monteCarlo}: exactly the JSON of `endgame mc --format json`. */
export interface MonteCarloResult {
  runs: number;
  seed: number;
  /** Per kept series, its percentiles per entry of {@link mcTimeAxis} (solved months, or periods). */
  percentiles: Record<string, SeriesPercentiles>;
  /** Share of runs with a recession (L13's rule) under way in each calendar year; empty without `gdp_real` or months. */
  recession_probability_by_year: Record<string, number>;
  /** Per chain link the model can evaluate: probability of firing and onset percentiles. */
  chain: Record<string, LinkProbability>;
  /** Per uncertain param, its Spearman rank correlation with each headline outcome (null when undefined). */
  correlations: Record<string, Record<string, number | null>>;
}

/** What {@link monteCarlo} needs. */
export interface MonteCarloInput {
  compiled: CompiledModel;
  /** The scenario every run starts from (its params, paths, triggers, periods, dt). */
  base: RunnerJob['base'];
  /** The params drawn per run (see `uncertainParams`). */
  uncertain: UncertainParam[];
  /** Series whose percentiles are reported. */
  keep: string[];
  runs: number;
  seed: number;
  runner: Runner;
  /** Compute the chain trace and recession probabilities (default: when the model is monthly with a start month). */
  chain?: boolean;
  /** The `baseline` preset's run, for links measured against it (L1); without it such links are left out. */
  baseline?: RunView;
  /** Headline outcomes for the correlations (default: {@link headlineMetrics}). */
  metrics?: Metric[];
  /** Runs per batch sent to the runner (default 128): bounds the memory of one batch's full series. */
  chunkSize?: number;
  /** Called with the number of runs finished so far. */
  onProgress?: (done: number) => void;
  /**
   * Called for each run the engine could not solve (0-based index, the error).
   * Such runs are left out of every statistic (probabilities count the runs
   * that finished); the whole Monte Carlo fails when more than half fail.
   */
  onRunFailed?: (run: number, error: Error) => void;
  signal?: AbortSignal;
}

/** The outcomes correlated with each param by default (when the model has their series). */
export const HEADLINE_METRICS: readonly string[] = [
  'unemployment_rate:max',
  'gdp_real:drawdown',
  'equity_index:drawdown',
];

/** The periods a result's percentile arrays describe. */
export interface McTimeAxis {
  /** Engine period of each entry (entry i reads period `periods[i]`). */
  periods: number[];
  /** `"YYYY-MM"` of each entry for monthly models with a start month; else undefined. */
  months?: string[];
  /** Model time of each entry (`start + (period − 1) × dt`, as the engine's `time`). */
  time: number[];
  /** Total periods of each run (series hold periods 0..N). */
  totalPeriods: number;
}

/**
 * The time axis of percentile arrays: for a model with a start month whose
 * periods divide a month, the last period of each solved month (as `run`
 * prints); otherwise every period 1..N.
 */
export function mcTimeAxis(compiled: CompiledModel, base: RunnerJob['base']): McTimeAxis {
  const totalPeriods = base.periods ?? compiled.periods;
  const dt = base.dt ?? compiled.dt;
  const step = Math.round(1 / 12 / dt);
  const monthly = compiled.startMonth !== undefined && step >= 1 && Math.abs(step * dt * 12 - 1) < 1e-9;
  const count = monthly ? Math.floor(totalPeriods / step) : totalPeriods;
  const periods = Array.from({ length: count }, (_, i) => (i + 1) * (monthly ? step : 1));
  const time = periods.map((p) => compiled.start + (p - 1) * dt);
  if (!monthly) return { periods, time, totalPeriods };
  const start = compiled.startMonth as string;
  return { periods, months: periods.map((_, i) => addMonths(start, i)), time, totalPeriods };
}

/** The default headline outcomes: {@link HEADLINE_METRICS} the model has, else the last value of each kept series. */
export function headlineMetrics(compiled: CompiledModel, keep: readonly string[]): Metric[] {
  const names = new Set(compiled.slots.map((slot) => slot.name));
  const present = HEADLINE_METRICS.filter((text) => names.has(text.split(':')[0]));
  const texts = present.length > 0 ? present : keep.map((series) => `${series}:last`);
  return texts.map((text) => parseMetric(text, compiled));
}

/** Throws a one-line error naming the first of `series` the model lacks. */
export function checkSeries(compiled: CompiledModel, series: readonly string[]): void {
  const names = new Set(compiled.slots.filter((s) => !s.name.startsWith('__')).map((s) => s.name));
  for (const name of series) {
    if (names.has(name)) continue;
    throw new EngineError(
      'bad-input',
      `unknown series '${name}': model '${compiled.name}' has no such series${didYouMean(name, names)}; list the series with endgame vars INPUT`,
    );
  }
}

/** The error for a Monte Carlo over a model with nothing uncertain. */
export function noUncertainParams(compiled: CompiledModel): EngineError {
  return new EngineError(
    'bad-input',
    `model '${compiled.name}' has no uncertain params: give params a range in the model (e.g. alpha: { value: 0.6, range: [0.5, 0.7] }) or in a scenario's uncertainty: block (e.g. uncertainty: { alpha: { range: [0.5, 0.7] } })`,
  );
}

/**
 * The params a Monte Carlo of a scenario varies: every param with a range in
 * the model or in the scenario's `uncertainty:` (which wins), except the
 * scenario's choices — params it (or `--set`) fixes with `set:`, and params
 * with `role: driver` (the levers and shocks that define a scenario: a preset
 * is a story told by its drivers, and the Monte Carlo asks how uncertain that
 * story's consequences are, not what other stories could be told). A choice
 * is drawn only when the scenario's `uncertainty:` names it, in which case the
 * scenario's value is the distribution's centre (mean, median or mode). With
 * `only` (`--params a,b`), exactly those params, set, driver or not (each
 * needs a range).
 *
 * @throws EngineError `bad-input` for an unknown param, an impossible range or a bad dist in `uncertainty`,
 *   or a name in `only` that is not a param with a range
 */
export function scenarioUncertainParams(
  compiled: CompiledModel,
  set: Record<string, number> = {},
  uncertainty: Record<string, UncertaintyOverride> = {},
  only?: readonly string[],
): UncertainParam[] {
  const centres: Record<string, number> = {};
  for (const name of only ?? Object.keys(uncertainty)) if (Object.hasOwn(set, name)) centres[name] = set[name];
  const params = uncertainParams(compiled, uncertainty, only, centres);
  if (only) return params;
  const drivers = new Set(compiled.slots.filter((s) => s.role === 'driver').map((s) => s.name));
  const chosen = (name: string) => Object.hasOwn(set, name) || drivers.has(name);
  return params.filter((p) => !chosen(p.name) || Object.hasOwn(uncertainty, p.name));
}

/** Throws a one-line error unless `runs` is a whole number ≥ 1. */
export function checkRuns(runs: number): void {
  if (!Number.isInteger(runs) || runs < 1) {
    throw new EngineError('bad-input', `the number of runs must be a whole number ≥ 1, got ${runs}`);
  }
}

/**
 * The draws of a batch: `runs × uncertain.length` values, row-major; run i's
 * values come from stream i of `seed`, in the order of `uncertain`.
 */
export function drawSamples(uncertain: readonly UncertainParam[], runs: number, seed: number): Float64Array {
  const streams = runStreams(seed);
  const k = uncertain.length;
  const samples = new Float64Array(runs * k);
  for (let run = 0; run < runs; run++) {
    const rng = streams(run);
    for (let j = 0; j < k; j++) samples[run * k + j] = sampleParam(uncertain[j], rng);
  }
  return samples;
}

/** Percentiles of each column of `store` (`entries × runs`, entry-major), ignoring NaN (failed) runs. Sorts `store`. */
function columnPercentiles(store: Float64Array, entries: number, runs: number): SeriesPercentiles {
  const out = {} as SeriesPercentiles;
  for (const [key] of PERCENTILE_LEVELS) out[key] = new Array(entries);
  for (let e = 0; e < entries; e++) {
    const column = store.subarray(e * runs, (e + 1) * runs).sort();
    let n = runs;
    while (n > 0 && Number.isNaN(column[n - 1])) n--;
    const finite = column.subarray(0, n);
    for (const [key, q] of PERCENTILE_LEVELS) out[key][e] = n === 0 ? null : percentile(finite, q);
  }
  return out;
}

/** Spearman correlation of `a` and `b` over the pairs where both are numbers; null when undefined. */
function rankCorrelation(a: Float64Array, b: Float64Array): number | null {
  let keep: number[] | undefined;
  for (let i = 0; i < b.length; i++) {
    if (Number.isNaN(b[i]) || Number.isNaN(a[i])) {
      keep = [];
      for (let j = 0; j < b.length; j++) if (!Number.isNaN(a[j]) && !Number.isNaN(b[j])) keep.push(j);
      break;
    }
  }
  const x = keep ? Float64Array.from(keep, (j) => a[j]) : a;
  const y = keep ? Float64Array.from(keep, (j) => b[j]) : b;
  if (x.length < 3) return null;
  const rho = spearman(x, y);
  return Number.isFinite(rho) ? rho : null;
}

/**
 * Runs a Monte Carlo of `input.runs` runs and summarises it (see
 * {@link MonteCarloResult}). Memory: the kept series' values of every run
 * (runs × series × entries × 8 bytes) plus one chunk of full output.
 *
 * @throws EngineError `bad-input` for runs < 1, a bad seed, no uncertain params or an unknown series
 */
export async function monteCarlo(input: MonteCarloInput): Promise<MonteCarloResult> {
  const { compiled, base, uncertain, runs, seed, runner } = input;
  checkRuns(runs);
  if (uncertain.length === 0) throw noUncertainParams(compiled);
  const keep = [...new Set(input.keep)];
  checkSeries(compiled, keep);
  const metrics = input.metrics ?? headlineMetrics(compiled, keep);
  checkSeries(
    compiled,
    metrics.map((m) => m.series),
  );
  const axis = mcTimeAxis(compiled, base);
  const names = new Set(compiled.slots.map((slot) => slot.name));
  const start = axis.months ? compiled.startMonth : undefined;
  const chainOn = (input.chain ?? true) && start !== undefined;
  const links = chainOn ? chainLinksFor(names, input.baseline !== undefined) : [];
  const chainNames = chainOn ? chainSeries(links, names) : [];
  if (chainOn && names.has(RECESSION_SERIES)) chainNames.push(RECESSION_SERIES);
  const all = [...new Set([...keep, ...metrics.map((m) => m.series), ...chainNames])];
  const column = new Map(all.map((name, i) => [name, i]));
  const job: RunnerJob = { compiled, base, varied: uncertain.map((p) => p.name), keep: all };

  const k = uncertain.length;
  const samples = drawSamples(uncertain, runs, seed);
  const entries = axis.periods.length;
  const stores = keep.map(() => new Float64Array(entries * runs));
  const outcomes = metrics.map(() => new Float64Array(runs));
  const tally = chainOn && start ? new ChainTally(links, start, entries, input.baseline) : undefined;
  const length = axis.totalPeriods + 1;
  const stride = all.length * length;
  const chunk = Math.max(1, Math.floor(input.chunkSize ?? 128));
  const monthPeriods = [0, ...axis.periods];

  const onOutput = (output: Float64Array, from: number, to: number) => {
    for (let run = from; run < to; run++) {
      const offset = (run - from) * stride;
      const series = (name: string) => {
        const at = offset + (column.get(name) as number) * length;
        return output.subarray(at, at + length);
      };
      keep.forEach((name, s) => {
        const values = series(name);
        const store = stores[s];
        for (let e = 0; e < entries; e++) store[e * runs + run] = values[axis.periods[e]];
      });
      metrics.forEach((metric, i) => {
        outcomes[i][run] = reduceSeries(metric, series(metric.series));
      });
      if (tally && start) {
        const monthly: Record<string, ArrayLike<number>> = {};
        for (const name of chainNames) {
          const values = series(name);
          monthly[name] =
            monthPeriods.length === values.length ? values : Float64Array.from(monthPeriods, (p) => values[p]);
        }
        tally.add(viewOfSeries(start, monthly));
      }
    }
  };
  const onFailed = (run: number, error: Error) => {
    for (const store of stores) for (let e = 0; e < entries; e++) store[e * runs + run] = Number.NaN;
    for (const values of outcomes) values[run] = Number.NaN;
    input.onRunFailed?.(run, error);
  };
  await runChunks({
    runner,
    job,
    samples,
    runs,
    chunk,
    onOutput,
    onFailed,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });

  const percentiles: Record<string, SeriesPercentiles> = {};
  keep.forEach((name, s) => {
    percentiles[name] = columnPercentiles(stores[s], entries, runs);
  });
  const correlations: Record<string, Record<string, number | null>> = {};
  uncertain.forEach((param, j) => {
    const drawn = Float64Array.from({ length: runs }, (_, run) => samples[run * k + j]);
    const row: Record<string, number | null> = {};
    metrics.forEach((metric, i) => {
      row[metric.text] = rankCorrelation(drawn, outcomes[i]);
    });
    correlations[param.name] = row;
  });
  return {
    runs,
    seed,
    percentiles,
    recession_probability_by_year: tally ? tally.recessionByYear(names.has(RECESSION_SERIES)) : {},
    chain: tally ? tally.chain() : {},
    correlations,
  };
}
