/**
 * `--metric SERIES:REDUCER` (issue 6, item 6): a scalar outcome of a run, a
 * series reduced to one number by `last`, `max`, `min`, `mean`, `drawdown`
 * (worst fall from the running peak), `peak_date` (period of the max),
 * `at=YYYY-MM` or `at=PERIOD`.
 */
import { type CompiledModel, didYouMean, EngineError } from '@endgame/engine';
import type { Metric, Reducer } from './types.js';

/** The reducers, as written in messages. */
export const REDUCERS: readonly string[] = [
  'last',
  'max',
  'min',
  'mean',
  'drawdown',
  'peak_date',
  'at=YYYY-MM',
  'at=PERIOD',
];

const SIMPLE_REDUCERS = ['last', 'max', 'min', 'mean', 'drawdown', 'peak_date'] as const;

/** What `at=YYYY-MM` needs to find a period: the month of period 1 and the period length in years. */
export interface MetricTimeBase {
  /** `"YYYY-MM"` of period 1 (a compiled model's `startMonth`). */
  startMonth?: string;
  /** Period length in years (default 1/12: monthly). */
  dt?: number;
}

const fail = (message: string): never => {
  throw new EngineError('bad-input', message);
};

/** Period of month `month` ("YYYY-MM") when period 1 is `startMonth` and periods last `dt` years. */
function periodOfMonth(text: string, month: string, base: MetricTimeBase): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const monthNumber = m ? Number(m[2]) : 0;
  if (!m || monthNumber < 1 || monthNumber > 12) {
    return fail(`metric '${text}': '${month}' is not a month YYYY-MM or a period number`);
  }
  const start = base.startMonth ? /^(\d{4})-(\d{2})$/.exec(base.startMonth) : null;
  if (!start) {
    return fail(`metric '${text}': at=YYYY-MM needs a model with a start month; use at=PERIOD instead`);
  }
  const months = (Number(m[1]) - Number(start[1])) * 12 + (monthNumber - Number(start[2]));
  const steps = months / (12 * (base.dt ?? 1 / 12));
  const period = Math.round(steps) + 1;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    fail(
      `metric '${text}': ${month} does not start a period (periods start at ${base.startMonth}, every ${12 * (base.dt ?? 1 / 12)} months)`,
    );
  }
  if (period < 1) fail(`metric '${text}': ${month} is before the model's start ${base.startMonth}`);
  return period;
}

/** Parses the reducer part of a metric. */
function parseReducer(text: string, reducer: string, base: MetricTimeBase): Reducer {
  if ((SIMPLE_REDUCERS as readonly string[]).includes(reducer)) {
    return { kind: reducer as (typeof SIMPLE_REDUCERS)[number] };
  }
  if (reducer.startsWith('at=')) {
    const at = reducer.slice(3);
    if (/^\d+$/.test(at)) {
      const period = Number(at);
      if (period < 1) fail(`metric '${text}': at=${at}: periods start at 1`);
      return { kind: 'at', period };
    }
    return { kind: 'at', period: periodOfMonth(text, at, base) };
  }
  return fail(`metric '${text}': unknown reducer '${reducer}'; use one of ${REDUCERS.join(', ')}`);
}

/**
 * Parses `SERIES:REDUCER` (e.g. `unemployment_rate:max`, `gdp_real:at=2028-06`).
 *
 * @param base the compiled model's `startMonth` and `dt` (a CompiledModel
 *   fits), needed only for `at=YYYY-MM`
 * @throws EngineError `bad-input` (one line) for text without `SERIES:REDUCER`
 *   shape, an unknown reducer (the message lists the allowed ones), or an
 *   `at=` that is not a period ≥ 1 or a month at or after the start
 */
export function parseMetric(text: string, base: MetricTimeBase = {}): Metric {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  if (colon < 0) {
    fail(`metric '${text}': expected SERIES:REDUCER (e.g. unemployment_rate:max), reducers: ${REDUCERS.join(', ')}`);
  }
  const series = trimmed.slice(0, colon).trim();
  const reducerText = trimmed.slice(colon + 1).trim();
  if (!/^[A-Za-z_][\w.]*$/.test(series)) {
    fail(`metric '${text}': '${series}' is not a series name; expected SERIES:REDUCER (e.g. unemployment_rate:max)`);
  }
  return { text: trimmed, series, reducer: parseReducer(trimmed, reducerText, base) };
}

/** Worst fall from the running peak over values[from..], as a negative fraction of the peak (0 if none). */
function drawdown(values: ArrayLike<number>, from: number): number {
  let peak = values[from];
  let worst = 0;
  for (let p = from; p < values.length; p++) {
    const v = values[p];
    if (v > peak) peak = v;
    else if (peak !== 0) worst = Math.min(worst, (v - peak) / Math.abs(peak));
  }
  return worst;
}

/**
 * Reduces one run's series (periods 0..N) to the metric's number, over
 * periods `startPeriod`..N: `last` = value at N; `max`, `min`, `mean`;
 * `drawdown` = min over p of (x_p − peak_p)/|peak_p| with peak_p the running
 * max since `startPeriod` (≤ 0; 0 when the series never falls; points where
 * the peak is 0 are skipped); `peak_date` = the first period of the max;
 * `at` = the value at that period.
 *
 * @throws EngineError `bad-input` when `at` is past N or no period is left
 */
export function reduceSeries(metric: Metric, values: ArrayLike<number>, startPeriod = 1): number {
  const last = values.length - 1;
  const { reducer } = metric;
  if (reducer.kind === 'at') {
    if (reducer.period > last) {
      fail(
        `metric '${metric.text}': period ${reducer.period} is after the last period ${last}; run longer or pick an earlier period`,
      );
    }
    return values[reducer.period];
  }
  if (startPeriod > last) fail(`metric '${metric.text}': no periods to reduce (the run has ${last})`);
  switch (reducer.kind) {
    case 'last':
      return values[last];
    case 'drawdown':
      return drawdown(values, startPeriod);
    default: {
      let sum = 0;
      let best = startPeriod;
      let worst = startPeriod;
      for (let p = startPeriod; p <= last; p++) {
        sum += values[p];
        if (values[p] > values[best]) best = p;
        if (values[p] < values[worst]) worst = p;
      }
      if (reducer.kind === 'mean') return sum / (last - startPeriod + 1);
      if (reducer.kind === 'max') return values[best];
      if (reducer.kind === 'min') return values[worst];
      return best;
    }
  }
}

/**
 * Checks that the model has the metric's series (and, for `at`, that the
 * period is within `periods`, default the model's).
 *
 * @throws EngineError `bad-input`: one line naming the metric, the missing
 *   series and the closest name
 */
export function checkMetricSeries(metric: Metric, compiled: CompiledModel, periods = compiled.periods): void {
  const names = compiled.slots.map((s) => s.name);
  if (!names.includes(metric.series)) {
    fail(
      `metric '${metric.text}': model '${compiled.name}' has no series '${metric.series}'` +
        `${didYouMean(metric.series, names)}; list series with 'endgame vars'`,
    );
  }
  if (metric.reducer.kind === 'at' && metric.reducer.period > periods) {
    fail(`metric '${metric.text}': period ${metric.reducer.period} is after the last period ${periods}`);
  }
}
