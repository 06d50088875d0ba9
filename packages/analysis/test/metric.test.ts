import { compile, loadModel } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { checkMetricSeries, parseMetric, REDUCERS, reduceSeries } from '../src/metric.js';
import { errorOf } from './bad-input.js';

const ALLOWED = 'last, max, min, mean, drawdown, peak_date, at=YYYY-MM, at=PERIOD';

describe('parseMetric', () => {
  it('parses SERIES:REDUCER for every plain reducer', () => {
    for (const kind of ['last', 'max', 'min', 'mean', 'drawdown', 'peak_date'] as const) {
      expect(parseMetric(`unemployment_rate:${kind}`)).toEqual({
        text: `unemployment_rate:${kind}`,
        series: 'unemployment_rate',
        reducer: { kind },
      });
    }
    expect(parseMetric(' hh_pro.income : max ').series).toBe('hh_pro.income');
    expect(REDUCERS.join(', ')).toBe(ALLOWED);
  });

  it('parses at=PERIOD and at=YYYY-MM (months after the start month, monthly or quarterly)', () => {
    expect(parseMetric('gdp:at=12').reducer).toEqual({ kind: 'at', period: 12 });
    // Period 1 = 2026-01, so 2027-06 is 12 + 5 months later: period 18.
    expect(parseMetric('gdp:at=2027-06', { startMonth: '2026-01' }).reducer).toEqual({ kind: 'at', period: 18 });
    expect(parseMetric('gdp:at=2026-01', { startMonth: '2026-01', dt: 1 / 12 }).reducer).toEqual({
      kind: 'at',
      period: 1,
    });
    // Quarterly from 2026-01: 2026-07 starts the third quarter.
    expect(parseMetric('gdp:at=2026-07', { startMonth: '2026-01', dt: 0.25 }).reducer).toEqual({
      kind: 'at',
      period: 3,
    });
  });

  it('names the metric, the reducer and the allowed reducers in one-line errors', () => {
    expect(errorOf(() => parseMetric('unemployment_rate:maximum'))).toBe(
      `metric 'unemployment_rate:maximum': unknown reducer 'maximum'; use one of ${ALLOWED}`,
    );
    expect(errorOf(() => parseMetric('unemployment_rate'))).toBe(
      `metric 'unemployment_rate': expected SERIES:REDUCER (e.g. unemployment_rate:max), reducers: ${ALLOWED}`,
    );
    expect(errorOf(() => parseMetric(':max'))).toBe(
      "metric ':max': '' is not a series name; expected SERIES:REDUCER (e.g. unemployment_rate:max)",
    );
    expect(errorOf(() => parseMetric('gdp:'))).toBe(`metric 'gdp:': unknown reducer ''; use one of ${ALLOWED}`);
  });

  it('rejects bad at= values with the fix', () => {
    expect(errorOf(() => parseMetric('gdp:at=0'))).toBe("metric 'gdp:at=0': at=0: periods start at 1");
    expect(errorOf(() => parseMetric('gdp:at=2027-06'))).toBe(
      "metric 'gdp:at=2027-06': at=YYYY-MM needs a model with a start month; use at=PERIOD instead",
    );
    expect(errorOf(() => parseMetric('gdp:at=2027-13', { startMonth: '2026-01' }))).toBe(
      "metric 'gdp:at=2027-13': '2027-13' is not a month YYYY-MM or a period number",
    );
    expect(errorOf(() => parseMetric('gdp:at=soon', { startMonth: '2026-01' }))).toBe(
      "metric 'gdp:at=soon': 'soon' is not a month YYYY-MM or a period number",
    );
    expect(errorOf(() => parseMetric('gdp:at=2025-12', { startMonth: '2026-01' }))).toBe(
      "metric 'gdp:at=2025-12': 2025-12 is before the model's start 2026-01",
    );
    expect(errorOf(() => parseMetric('gdp:at=2026-02', { startMonth: '2026-01', dt: 0.25 }))).toBe(
      "metric 'gdp:at=2026-02': 2026-02 does not start a period (periods start at 2026-01, every 3 months)",
    );
  });
});

describe('reduceSeries', () => {
  // Period 0 (100) is the initial state and is never reduced.
  const series = new Float64Array([100, 1, 3, 2, 5, 4]);
  const reduce = (reducer: string, start?: number) => reduceSeries(parseMetric(`x:${reducer}`), series, start);

  it('reduces periods 1..N (hand values)', () => {
    expect(reduce('last')).toBe(4);
    expect(reduce('max')).toBe(5);
    expect(reduce('min')).toBe(1);
    expect(reduce('mean')).toBe(3);
    expect(reduce('peak_date')).toBe(4);
    expect(reduce('at=2')).toBe(3);
    // Running peaks 1, 3, 3, 5, 5: falls (2 − 3)/3 and (4 − 5)/5; the worst is −1/3.
    expect(reduce('drawdown')).toBeCloseTo(-1 / 3, 15);
  });

  it('starts at startPeriod when given', () => {
    expect(reduce('max', 3)).toBe(5);
    expect(reduce('min', 3)).toBe(2);
    expect(reduce('mean', 3)).toBeCloseTo(11 / 3, 15);
    expect(reduce('drawdown', 3)).toBeCloseTo(-0.2, 15);
    expect(reduce('peak_date', 3)).toBe(4);
  });

  it('drawdown: 0 for a rising series, relative to |peak| for negative values; peak_date takes the first max', () => {
    const rising = parseMetric('x:drawdown');
    expect(reduceSeries(rising, new Float64Array([0, 1, 2, 3]))).toBe(0);
    // Peak −2, then −3: fall of 1 relative to |−2|.
    expect(reduceSeries(rising, new Float64Array([0, -2, -3, -2.5]))).toBeCloseTo(-0.5, 15);
    expect(reduceSeries(parseMetric('x:peak_date'), new Float64Array([9, 1, 7, 7, 2]))).toBe(2);
  });

  it('rejects an at= period past the end', () => {
    expect(errorOf(() => reduce('at=9'))).toBe(
      "metric 'x:at=9': period 9 is after the last period 5; run longer or pick an earlier period",
    );
    expect(errorOf(() => reduce('max', 6))).toBe("metric 'x:max': no periods to reduce (the run has 5)");
  });
});

describe('checkMetricSeries', () => {
  const compiled = compile(
    loadModel(`name: tiny
periods: 6
params:
  g: 2
equations:
  - unemployment_rate = 0.05 * g
`),
  );

  it('accepts a series of the model', () => {
    expect(() => checkMetricSeries(parseMetric('unemployment_rate:max'), compiled)).not.toThrow();
    expect(() => checkMetricSeries(parseMetric('g:at=6'), compiled)).not.toThrow();
  });

  it('names a missing series with a suggestion, and an at= period past the model’s end', () => {
    expect(errorOf(() => checkMetricSeries(parseMetric('unemployment_rat:max'), compiled))).toBe(
      "metric 'unemployment_rat:max': model 'tiny' has no series 'unemployment_rat' (did you mean 'unemployment_rate'?); list series with 'endgame vars'",
    );
    expect(errorOf(() => checkMetricSeries(parseMetric('zzz:max'), compiled))).toBe(
      "metric 'zzz:max': model 'tiny' has no series 'zzz'; list series with 'endgame vars'",
    );
    expect(errorOf(() => checkMetricSeries(parseMetric('g:at=7'), compiled))).toBe(
      "metric 'g:at=7': period 7 is after the last period 6",
    );
    expect(() => checkMetricSeries(parseMetric('g:at=7'), compiled, 12)).not.toThrow();
  });
});
