/**
 * Scalar outcomes of a run (a `SERIES:REDUCER` metric, or a named outcome of
 * the AI-endgame model: fiscal cost, welfare loss, recession years) and the
 * bridge from a {@link Runner} to the `evaluate` callbacks of sensitivity,
 * outcome maps and the optimiser.
 */
import { type CompiledModel, EngineError } from '@endgame/engine';
import { cumulativeDeficit, viewOfSeries } from '@endgame/model';
import { RECESSION_SERIES, recessionYears } from './chain-probabilities.js';
import { runChunks } from './mc-batches.js';
import { checkMetricSeries, parseMetric, reduceSeries } from './metric.js';
import type { Runner, RunnerJob, RunnerOptions } from './types.js';

/** Series values one runner batch may return (8 M doubles = 64 MB); longer batches are split. */
const MAX_VALUES_PER_BATCH = 8_000_000;
/** Runs per runner call when failed runs are tolerated (as in Monte Carlo batches). */
const TOLERANT_CHUNK = 128;

/** A number computed from some series of one run (each periods 0..N). */
export interface Outcome {
  /** As written (`unemployment_rate:max`, `fiscal_cost`). */
  text: string;
  /** Series it reads, in the order `compute` receives them. */
  series: string[];
  compute(values: readonly Float64Array[]): number;
}

/** What each named outcome means, for help texts. */
export const NAMED_OUTCOMES: Record<string, string> = {
  fiscal_cost:
    'cumulative federal deficit 2026-01..2030-12 (sum of gov_deficit / 12 over those months, as the run summary)',
  welfare_loss:
    'mean over the run of the rise of unemployment_rate over its start (percentage points) plus the shortfall of consumption_real below its start (percent)',
  recession_years: `number of calendar years with a recession (${RECESSION_SERIES} falling two quarters in a row, the L13 rule)`,
};

/** The series each named outcome needs. */
const NAMED_SERIES: Record<string, string[]> = {
  fiscal_cost: ['gov_deficit'],
  welfare_loss: ['unemployment_rate', 'consumption_real'],
  recession_years: [RECESSION_SERIES],
};

/** A monthly model's start month; named outcomes need one with dt = 1/12. */
function monthlyStart(compiled: CompiledModel, text: string, dt: number): string {
  if (!compiled.startMonth || Math.abs(dt * 12 - 1) > 1e-9) {
    throw new EngineError(
      'bad-input',
      `outcome '${text}' needs a monthly model (start: "YYYY-MM", dt: 1/12); use SERIES:REDUCER for model '${compiled.name}'`,
    );
  }
  return compiled.startMonth;
}

/** The named outcome `text` on `compiled`, or undefined when `text` is not one. */
function namedOutcome(text: string, compiled: CompiledModel, dt: number): Outcome | undefined {
  const series = NAMED_SERIES[text];
  if (!series) return undefined;
  const names = new Set(compiled.slots.map((s) => s.name));
  const missing = series.filter((name) => !names.has(name));
  if (missing.length > 0) {
    throw new EngineError(
      'bad-input',
      `outcome '${text}' needs series ${missing.map((m) => `'${m}'`).join(', ')}, which model '${compiled.name}' lacks; use SERIES:REDUCER instead`,
    );
  }
  const start = monthlyStart(compiled, text, dt);
  if (text === 'fiscal_cost') {
    return {
      text,
      series,
      compute: ([deficit]) => cumulativeDeficit(viewOfSeries(start, { gov_deficit: deficit })) ?? Number.NaN,
    };
  }
  if (text === 'recession_years') return { text, series, compute: ([gdp]) => recessionYears(gdp, start).size };
  return {
    text,
    series,
    compute: ([u, c]) => {
      let loss = 0;
      for (let t = 1; t < u.length; t++) {
        loss += 100 * Math.max(0, u[t] - u[0]) + 100 * Math.max(0, 1 - c[t] / c[0]);
      }
      return u.length > 1 ? loss / (u.length - 1) : 0;
    },
  };
}

/**
 * Parses an outcome: a named one ({@link NAMED_OUTCOMES}) or `SERIES:REDUCER`
 * checked against the model (one-line errors for an unknown reducer or a
 * missing series).
 */
export function parseOutcome(text: string, compiled: CompiledModel, base: RunnerJob['base'] = {}): Outcome {
  const named = namedOutcome(text.trim(), compiled, base.dt ?? compiled.dt);
  if (named) return named;
  if (!text.includes(':')) {
    throw new EngineError(
      'bad-input',
      `outcome '${text}': expected SERIES:REDUCER (e.g. unemployment_rate:max) or one of ${Object.keys(NAMED_OUTCOMES).join(', ')}`,
    );
  }
  const metric = parseMetric(text, compiled);
  checkMetricSeries(metric, compiled, base.periods ?? compiled.periods);
  return { text: metric.text, series: [metric.series], compute: ([values]) => reduceSeries(metric, values) };
}

/** Options of {@link runnerEvaluate}: the runner's, plus what to do with a run that fails. */
export interface EvaluateOptions extends RunnerOptions {
  /**
   * When given, a run the engine cannot solve (a draw that makes the model blow up) does not
   * stop the batch: its outcomes are NaN and this is called with its row and the error. Without
   * it, the first failing run rejects the batch.
   */
  onRunFailed?: (row: number, error: Error) => void;
}

/**
 * An `evaluate` callback that runs each sample row (values of `varied`) on
 * `runner` with `job`'s base settings and returns, row after row, each
 * outcome's value (`rows × outcomes.length`). Large batches run in chunks
 * so the kept series of all runs never need to be in memory at once.
 */
export function runnerEvaluate(
  runner: Runner,
  job: Pick<RunnerJob, 'compiled' | 'base'>,
  varied: readonly string[],
  outcomes: readonly Outcome[],
  options: EvaluateOptions = {},
): (samples: Float64Array, dims: number) => Promise<Float64Array> {
  const keep = [...new Set(outcomes.flatMap((o) => o.series))];
  const where = outcomes.map((o) => o.series.map((s) => keep.indexOf(s)));
  const full: RunnerJob = { compiled: job.compiled, base: job.base, varied: [...varied], keep };
  const P = (job.base.periods ?? job.compiled.periods) + 1;
  const chunk = Math.max(256, Math.floor(MAX_VALUES_PER_BATCH / (keep.length * P)));
  const { onRunFailed, ...runnerOptions } = options;
  return async (samples, dims) => {
    if (dims !== varied.length) {
      throw new EngineError('bad-input', `expected rows of ${varied.length} values, got ${dims}`);
    }
    const rows = samples.length / dims;
    const out = new Float64Array(rows * outcomes.length);
    /** Outcomes of rows from..to−1 from the runner's output for them. */
    const summarise = (raw: Float64Array, from: number, to: number) => {
      for (let r = from; r < to; r++) {
        const at = (r - from) * keep.length * P;
        const series = keep.map((_, s) => raw.subarray(at + s * P, at + (s + 1) * P));
        outcomes.forEach((o, i) => {
          out[r * outcomes.length + i] = o.compute(where[i].map((s) => series[s]));
        });
      }
    };
    if (onRunFailed) {
      out.fill(Number.NaN);
      await runChunks({
        runner,
        job: full,
        samples,
        runs: rows,
        // A failed run costs a re-run of the rest of its chunk around it: keep chunks small.
        chunk: Math.min(chunk, TOLERANT_CHUNK),
        onOutput: summarise,
        onFailed: onRunFailed,
        ...(runnerOptions.onProgress ? { onProgress: runnerOptions.onProgress } : {}),
        ...(runnerOptions.signal ? { signal: runnerOptions.signal } : {}),
      });
      return out;
    }
    for (let from = 0; from < rows; from += chunk) {
      const to = Math.min(rows, from + chunk);
      const raw = await runner.run(full, samples.subarray(from * dims, to * dims), {
        ...runnerOptions,
        ...(runnerOptions.onProgress ? { onProgress: (done: number) => runnerOptions.onProgress?.(from + done) } : {}),
      });
      summarise(raw, from, to);
    }
    return out;
  };
}
