/**
 * The value-capture summary on synthetic series (values chosen by hand): the Kalecki table's months
 * and terms, and who paid for a UBI against a reference run.
 */
import { describe, expect, it } from 'vitest';
import { kaleckiMonths, kaleckiTable, ubiPayers, viewOfSeries } from '../src/index.js';

/** A constant series of `n + 1` values (period 0..n). */
const flat = (n: number, value: number): number[] => Array.from({ length: n + 1 }, () => value);

describe('kaleckiTable', () => {
  // 2026-01..2031-06: 66 months; the table shows 2026-01, 2030-01 (month 49) and the last month.
  const n = 66;
  const terms = { investment: 40, gov_deficit: 20, current_account: -10, hh_saving: 5, dividends: 30, other: -5 };
  const series: Record<string, number[]> = { kalecki_profits: flat(n, 80) };
  for (const [k, v] of Object.entries(terms)) series[`kalecki_${k}`] = flat(n, v);
  const view = viewOfSeries('2026-01', series);

  it('picks 2026-01, every fifth January from 2030 and the last month', () => {
    expect(kaleckiMonths(view)).toEqual([1, 49, 66]);
  });
  it('returns each term as the run has it; the terms add up to profits (40 + 20 - 10 + 5 + 30 - 5 = 80)', () => {
    const rows = kaleckiTable(view)!;
    expect(rows.map((r) => r.month)).toEqual(['2026-01', '2030-01', '2031-06']);
    const r = rows[1];
    expect(r.investment + r.gov_deficit + r.current_account + r.hh_saving + r.dividends + r.other).toBe(r.profits);
    expect(r).toMatchObject({ profits: 80, investment: 40, hh_saving: 5, other: -5 });
  });
  it('is undefined when a term is missing', () => {
    expect(kaleckiTable(viewOfSeries('2026-01', { kalecki_profits: flat(3, 1) }))).toBeUndefined();
  });
});

describe('ubiPayers', () => {
  // 24 months: UBI 1,200/yr, AI tax 240/yr vs 0, deficit 600/yr vs 900/yr. Over two years:
  // UBI 2,400; AI tax 480; extra deficit 1,200 - 1,800 = -600; the rest 2,400 - 480 + 600 = 2,520.
  const n = 24;
  const run = viewOfSeries('2026-01', { ubi_total: flat(n, 1200), tax_ai: flat(n, 240), gov_deficit: flat(n, 600) });
  const ref = viewOfSeries('2026-01', { ubi_total: flat(n, 0), tax_ai: flat(n, 0), gov_deficit: flat(n, 900) });
  it('splits the UBI paid into the AI tax, the extra deficit and the rest', () => {
    const p = ubiPayers(run, { name: 'ref', run: ref })!;
    expect(p.reference).toBe('ref');
    expect(p.ubi_usd_bn).toBeCloseTo(2400, 9);
    expect(p.ai_tax_ai_complex_usd_bn).toBeCloseTo(480, 9);
    expect(p.deficit_usd_bn).toBeCloseTo(-600, 9);
    expect(p.other_receipts_usd_bn).toBeCloseTo(2520, 9);
  });
  it('is undefined without a UBI', () => {
    expect(ubiPayers(ref, { name: 'run', run })).toBeUndefined();
  });
});
