import { describe, expect, it } from 'vitest';
import { firstRun, quarterlyFalls, relativeChange, traceRule, yearOnYear } from '../src/chain-rules.js';

/** Onset (first month of a 3-month run) of a rule on `values`. */
function onsetOf(...args: Parameters<typeof traceRule>): number | undefined {
  return firstRun(traceRule(...args).holds, 3);
}

describe('firstRun', () => {
  it('finds the first month of the first run of the given length, ignoring period 0', () => {
    expect(firstRun([true, true, true, false], 3)).toBeUndefined();
    expect(firstRun([true, true, true, true], 3)).toBe(1);
    expect(firstRun([false, true, true, false, true, true, true], 3)).toBe(4);
    expect(firstRun([false, true, true], 3)).toBeUndefined();
  });
});

describe('from-peak rule', () => {
  const values = [100, 101, 102, 100, 99, 97, 98, 96, 97, 98, 99];

  it('measures the fall from the running maximum and fires at the first 3-month run below the threshold', () => {
    const trace = traceRule({ kind: 'from-peak', threshold: -0.03 }, values);
    expect(trace.measure[4]).toBeCloseTo(99 / 102 - 1, 12);
    expect(trace.measure[7]).toBeCloseTo(96 / 102 - 1, 12);
    // −2.94 % at m4 is not −3 %; m5..m9 are (−4.9, −3.9, −5.9, −4.9, −3.9 %).
    expect(firstRun(trace.holds, 3)).toBe(5);
    expect(trace.extreme).toBe('min');
  });

  it('counts period 0 in the running maximum', () => {
    expect(onsetOf({ kind: 'from-peak', threshold: -0.05 }, [110, 100, 100, 100, 100])).toBe(1);
  });

  it('does not fire on two months below the threshold', () => {
    expect(onsetOf({ kind: 'from-peak', threshold: -0.1 }, [100, 100, 85, 85, 100, 100])).toBeUndefined();
  });
});

describe('y/y rule', () => {
  it('compares with 12 months earlier once there is a year of history', () => {
    const values = [...Array.from({ length: 13 }, () => 100), 96, 96, 96];
    expect(yearOnYear(values, 13)).toBeCloseTo(-0.04, 12);
    expect(onsetOf({ kind: 'yoy', threshold: -0.03, strict: false }, values)).toBe(13);
  });

  it('before 12 months compares with period 0, annualised', () => {
    const values = [100, 100, 100, 99, 98.9, 98.6, 100, 100];
    expect(yearOnYear(values, 3)).toBeCloseTo(0.99 ** 4 - 1, 12);
    expect(yearOnYear(values, 5)).toBeCloseTo(0.986 ** 2.4 - 1, 12);
    // m3 −3.94 %, m4 −3.26 %, m5 −3.33 % annualised: all at most −3 %.
    expect(onsetOf({ kind: 'yoy', threshold: -0.03, strict: false }, values)).toBe(3);
  });

  it('"negative y/y" is strict: a flat series never fires', () => {
    expect(
      onsetOf(
        { kind: 'yoy', threshold: 0, strict: true },
        Array.from({ length: 20 }, () => 5),
      ),
    ).toBeUndefined();
  });

  it('measures a change against the absolute base, so a fall of negative profits is negative', () => {
    expect(relativeChange(-12, -10)).toBeCloseTo(-0.2, 12);
    const values = [...Array.from({ length: 13 }, () => -10), -12];
    expect(yearOnYear(values, 13)).toBeCloseTo(-0.2, 12);
  });
});

describe('over-t0 rules', () => {
  it('ratio over the period-0 value', () => {
    const values = [0.04, 0.05, 0.061, 0.062, 0.059, 0.061, 0.062, 0.063];
    // ≥ 1.5 × 0.04 = 0.06 at m2, m3, then m5, m6, m7.
    expect(onsetOf({ kind: 'ratio-over-t0', threshold: 1.5 }, values)).toBe(5);
  });

  it('difference over the period-0 value', () => {
    const values = [0.03, 0.04, 0.051, 0.052, 0.053];
    expect(onsetOf({ kind: 'diff-over-t0', threshold: 0.02 }, values)).toBe(2);
  });
});

describe('below-series rule', () => {
  it('fires when the series stays below the threshold series for 3 months', () => {
    const capital = [1.5, 1.4, 1.2, 0.9, 0.95, 0.8, 0.7];
    const threshold = capital.map(() => 1);
    expect(onsetOf({ kind: 'below-series', thresholdSeries: 't' }, capital, { threshold })).toBe(3);
  });
});

describe('rising rule', () => {
  it('holds in months above the month before', () => {
    expect(onsetOf({ kind: 'rising' }, [1, 2, 3, 3, 4, 5, 6])).toBe(4);
  });
});

describe('above-baseline rule', () => {
  it('fires when the run is strictly above the baseline path by the margin', () => {
    const baseline = [0, 0, 0, 0, 0, 0];
    const values = [0, 0.1, 0.11, 0.12, 0.13, 0.14];
    const trace = traceRule({ kind: 'above-baseline', marginParam: 'm', defaultMargin: 0.5 }, values, {
      baseline,
      margin: 0.1,
    });
    expect(firstRun(trace.holds, 3)).toBe(2);
  });
});

describe('quarterlyFalls', () => {
  it('finds two falling calendar quarters and dates the onset at the first month of the first', () => {
    const values = [100, 100, 100, 100, 101, 101, 101, 100, 100, 100.5, 99, 99, 99];
    const falls = quarterlyFalls(values, 2026 * 12, 2);
    expect(falls.onset).toBe(7); // Q3 2026 (mean 100.17 < 101), then Q4 (99 < 100.17)
    expect(falls.changes.map((q) => q.first)).toEqual([4, 7, 10]);
    expect(falls.changes[1].change).toBeCloseTo(100.5 / 3 / 101 + 200 / 3 / 101 - 1, 12);
  });

  it('uses only whole calendar quarters when the run starts mid-quarter', () => {
    // start 2026-02: m1 = Feb, m2 = Mar, m3 = Apr (first whole quarter Q2).
    const values = [0, 50, 50, 100, 100, 100, 99, 99, 99, 98, 98, 98];
    const falls = quarterlyFalls(values, 2026 * 12 + 1, 2);
    expect(falls.changes.map((q) => q.first)).toEqual([6, 9]);
    expect(falls.onset).toBe(6);
  });

  it('needs the falls to be consecutive', () => {
    const values = [100, 100, 100, 100, 99, 99, 99, 100, 100, 100, 98, 98, 98];
    expect(quarterlyFalls(values, 2026 * 12, 2).onset).toBeUndefined();
  });
});
