import type { RunResult } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { addMonths, monthIndex, monthLabel, monthsBetween } from '../src/months.js';
import { indexOf, monthOf, viewOfResult, viewOfSeries } from '../src/run-view.js';

/** A stand-in engine result with one series x = period number. */
function fakeResult(periods: number): RunResult {
  const x = Float64Array.from({ length: periods + 1 }, (_, p) => p);
  return {
    periods,
    names: ['x'],
    buffer: x,
    series: (name: string) => {
      if (name !== 'x') throw new Error(`unknown ${name}`);
      return x;
    },
    time: new Float64Array(periods + 1),
    iterations: [],
    accounting: { maxResidual: 0, where: null, residualByPeriod: new Float64Array(periods + 1) },
    fired: [],
  };
}

describe('months', () => {
  it('converts between "YYYY-MM" and month numbers', () => {
    expect(monthIndex('2026-01')).toBe(2026 * 12);
    expect(monthLabel(2026 * 12 + 11)).toBe('2026-12');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
    expect(monthsBetween('2026-01', '2028-06')).toBe(29);
    expect(() => monthIndex('2026-13', '--to')).toThrowError(/--to: expected a month "YYYY-MM"/);
  });
});

describe('run views', () => {
  it('index 0 is the month before the start', () => {
    const view = viewOfSeries('2026-01', { x: [0, 1, 2] });
    expect(view.months).toBe(2);
    expect(monthOf(view, 0)).toBe('2025-12');
    expect(indexOf(view, '2026-02')).toBe(2);
    expect(indexOf(view, '2026-03')).toBeUndefined();
    expect(view.get('y')).toBeUndefined();
  });

  it('shows monthly periods as they are and samples finer periods at month ends', () => {
    expect(Array.from(viewOfResult(fakeResult(6), '2026-01', 1 / 12).get('x')!)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const weekly = viewOfResult(fakeResult(12), '2026-01', 1 / 48);
    expect(weekly.months).toBe(3);
    expect(Array.from(weekly.get('x')!)).toEqual([0, 4, 8, 12]);
    expect(weekly.get('missing')).toBeUndefined();
  });

  it('refuses periods that do not divide a month', () => {
    expect(() => viewOfResult(fakeResult(4), '2026-01', 1 / 4)).toThrowError(/periods that divide a month/);
  });
});
