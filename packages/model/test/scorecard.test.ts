import { describe, expect, it } from 'vitest';
import { viewOfSeries } from '../src/run-view.js';
import { computeScorecard, type ScorecardEntry } from '../src/scorecard.js';
import { TARGET_SCORING } from '../src/scorecard-measures.js';
import { allTargets } from '../src/targets.js';

/** 2026-01..2028-12: month index m = 1..36 (2027-06 = 18, 2028-06 = 30); period 0 = 2025-12. */
const M = 36;
const series = (f: (m: number) => number): number[] => Array.from({ length: M + 1 }, (_, m) => f(m));

/** A synthetic citrini-like run whose target values are derived by hand in the comments below. */
const RUN = {
  unemployment_rate: series((m) => 0.04 + 0.002 * m), // 2028-06: 0.1
  equity_index: series((m) => (m <= 12 ? 100 + m : 112 - 2 * (m - 12))), // peak 112 at 2026-12
  gdp_real: series((m) => (m <= 15 ? 100 : 100 - (m - 15))), // Q2 2027 mean 98 < 100, Q3 95 < 98
  labor_share: series((m) => 0.6 - 0.002 * (m - 1)), // 2028-06: 0.542
  mortgage_delinquency_rate: series(() => 0.09),
  house_price_index_tech: series((m) => (m <= 18 ? 100 : 100 - (m - 18))), // 2028-06: 88 vs 100
  gov_receipts_federal: series(() => 4500),
  private_credit_default_rate_software: series((m) => (m < 21 ? 0.02 : 0.05)), // doubles 2027-09
  insurer_capital_ratio: series(() => 2),
  insurer_capital_threshold: series(() => 1.5),
  yield_10y: series((m) => (m <= 12 ? 0.043 : 0.043 - 0.002 * (m - 12))),
  job_openings: series((m) => 7 - 0.1 * (m - 1)), // 2026-10: 6.1
  hyperscaler_capex: series((m) => 600 + 10 * m), // 610..960
  private_credit_mark: series((m) => 1 - 0.005 * m),
};
const BASELINE = { gov_receipts_federal: series(() => 5000) };

function byId(entries: readonly ScorecardEntry[]): Map<string, ScorecardEntry> {
  return new Map(entries.map((e) => [e.id, e]));
}

describe('TARGET_SCORING', () => {
  it('has a measure for every target in the targets file', () => {
    for (const target of allTargets()) expect(TARGET_SCORING[target.id], target.id).toBeDefined();
  });
});

describe('computeScorecard (citrini-2028)', () => {
  const card = byId(
    computeScorecard('citrini-2028', {
      run: viewOfSeries('2026-01', RUN),
      baseline: viewOfSeries('2026-01', BASELINE),
    }),
  );

  it('lists every target of the main list, in file order', () => {
    expect([...card.keys()][0]).toBe('recession_start');
    expect(card.size).toBe(17);
  });

  it('dates the recession at the L13 onset and checks the equity peak comes first', () => {
    expect(card.get('recession_start')).toMatchObject({ value: '2027-04', gap: 0, inside: true, explanation: null });
    expect(card.get('equity_peak_before_recession')).toMatchObject({ value: true, inside: true });
  });

  it('measures levels, drawdowns and changes at the target months', () => {
    expect(card.get('unemployment_2028_06')?.value).toBeCloseTo(0.1, 12);
    expect(card.get('unemployment_2028_06')?.inside).toBe(true);
    expect(card.get('equity_drawdown_2028_06')?.value).toBeCloseTo(76 / 112 - 1, 12);
    expect(card.get('equity_drawdown_2028_06')?.inside).toBe(true);
    expect(card.get('labor_share_falls')?.value).toBeCloseTo(-0.058, 12);
    expect(card.get('equity_peak_date')).toMatchObject({ value: '2026-12', inside: true });
    expect(card.get('equity_peak_ratio')?.value).toBeCloseTo(112 / 101, 12);
    expect(card.get('tech_metro_house_prices')?.value).toBeCloseTo(-0.12, 12);
    expect(card.get('federal_receipts_vs_baseline')?.value).toBeCloseTo(-0.1, 12);
    expect(card.get('software_defaults_start')).toMatchObject({ value: '2027-09', inside: true });
    expect(card.get('ten_year_yield_fall')?.value).toBeCloseTo(-0.018, 12);
    expect(card.get('job_openings_change')?.value).toBeCloseTo(6.1 / 7 - 1, 12);
  });

  it('gives the signed gap and a one-line explanation when a value lies outside its band', () => {
    const delinquency = card.get('delinquency_within_norms')!;
    expect(delinquency.inside).toBe(false);
    expect(delinquency.gap).toBeCloseTo(0.01, 12);
    expect(delinquency.explanation).toMatch(/^0\.09 is above \[0\.043, 0\.08\]: /);
    expect(delinquency.explanation).not.toContain('\n');
  });

  it('scores a range through a window on both ends', () => {
    const capex = card.get('hyperscaler_capex')!;
    expect(capex.value).toEqual([610, 960]);
    expect(capex).toMatchObject({ gap: 60, inside: false });
  });

  it('reports targets without a band, and says when an event never happens', () => {
    const marks = card.get('private_credit_marks')!;
    expect(marks.value).toHaveLength(3);
    expect((marks.value as number[])[1]).toBeCloseTo(1 - 0.005 * 18, 12);
    expect(marks).toMatchObject({ inside: null, gap: null, explanation: null });
    expect(card.get('insurer_capital_tightening')).toMatchObject({ value: null, inside: false });
    expect(card.get('insurer_capital_tightening')?.explanation).toMatch(/^never happens/);
  });

  it('counts a date gap in months', () => {
    const late = computeScorecard('citrini-2028', {
      run: viewOfSeries('2026-01', { gdp_real: series((m) => (m <= 27 ? 100 : 100 - (m - 27))) }),
    });
    // falls from 2028-04: Q2 2028 (first month m28) then Q3: onset 2028-04, 4 months after 2027-12.
    expect(byId(late).get('recession_start')).toMatchObject({ value: '2028-04', gap: 4, inside: false });
    expect(byId(late).get('recession_start')?.explanation).toMatch(/^2028-04 is after 2027-01\.\.2027-12: /);
  });
});

describe('computeScorecard: missing inputs and other presets', () => {
  it('names what the run lacks instead of a value', () => {
    const card = byId(computeScorecard('citrini-2028', { run: viewOfSeries('2026-01', { x: series(() => 1) }) }));
    expect(card.get('labor_share_falls')).toMatchObject({ value: null, inside: null, missing: ['labor_share'] });
    expect(card.get('recession_start')?.missing).toEqual(['gdp_real']);
  });

  it('needs the baseline run for targets relative to baseline', () => {
    const card = byId(computeScorecard('citrini-2028', { run: viewOfSeries('2026-01', RUN) }));
    expect(card.get('federal_receipts_vs_baseline')?.missing).toEqual(['the baseline run']);
  });

  it('scores citrini-tail on the deepest drawdown up to 2028-12', () => {
    const [tail] = computeScorecard('citrini-tail', { run: viewOfSeries('2026-01', RUN) });
    expect(tail.id).toBe('tail_drawdown');
    expect(tail.value).toBeCloseTo(64 / 112 - 1, 12); // 112 − 2·24 = 64 at 2028-12
    expect(tail.gap).toBeCloseTo(64 / 112 - 1 + 0.45, 12);
    expect(tail.inside).toBe(false);
  });

  it('has no targets for other presets', () => {
    expect(computeScorecard('baseline', { run: viewOfSeries('2026-01', RUN) })).toEqual([]);
  });
});
