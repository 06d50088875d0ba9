import { describe, expect, it } from 'vitest';
import { computeChainTrace } from '../src/chain.js';
import { viewOfSeries } from '../src/run-view.js';
import { computeSummary, cumulativeDeficit } from '../src/summary.js';

const M = 60; // 2026-01..2030-12
const series = (f: (m: number) => number): number[] => Array.from({ length: M + 1 }, (_, m) => f(m));

describe('computeSummary', () => {
  const run = viewOfSeries('2026-01', {
    unemployment_rate: series((m) => (m <= 30 ? 0.04 + 0.001 * m : 0.07 - 0.0005 * (m - 30))), // peak 0.07 at 2028-06
    gdp_real: series((m) => (m <= 20 ? 100 + m : 120 - 2 * (m - 20))), // 120 → 40 at 2030-12
    equity_index: series((m) => (m <= 10 ? 100 : 80)),
    house_price_index: series(() => 100),
    mortgage_delinquency_rate: series((m) => 0.04 + (m === 40 ? 0.01 : 0)),
    policy_rate: series((m) => 0.04 - 0.0005 * m),
    gov_deficit: series(() => 1200),
  });
  const summary = computeSummary(run, computeChainTrace(run));

  it('reports peaks, troughs and their months', () => {
    expect(summary.unemployment_t0).toBeCloseTo(0.041, 12);
    expect(summary.unemployment_peak).toBeCloseTo(0.07, 12);
    expect(summary.unemployment_peak_date).toBe('2028-06');
    expect(summary.gdp_real_max_drawdown).toBeCloseTo(40 / 120 - 1, 12);
    expect(summary.gdp_real_trough_date).toBe('2030-12');
    expect(summary.equity_max_drawdown).toBeCloseTo(-0.2, 12);
    expect(summary.equity_trough_date).toBe('2026-11');
    expect(summary.house_price_max_drawdown).toBe(0);
    expect(summary.mortgage_delinquency_peak).toBeCloseTo(0.05, 12);
    expect(summary.policy_rate_min).toBeCloseTo(0.04 - 0.03, 12);
    expect(summary.missing).toBeUndefined();
    expect(summary.chain_broken_after).toBeUndefined();
  });

  it('names missing series and leaves their numbers null', () => {
    const bare = computeSummary(viewOfSeries('2026-01', { x: series(() => 1) }), []);
    expect(bare.unemployment_peak).toBeNull();
    expect(bare.missing).toContain('unemployment_rate');
    expect(bare.links_fired).toBe(0);
  });

  it('adds the fiscal cost and the chain break against a reference run', () => {
    // Both runs: delinquency +75 % from 2026-05 (L7 fires); only the reference crashes (L11 from 2026-10).
    const delinquency = series((m) => (m < 5 ? 0.04 : 0.07));
    const policy = viewOfSeries('2026-01', {
      mortgage_delinquency_rate: delinquency,
      equity_index: series(() => 100),
      gov_deficit: series(() => 1200),
    });
    const reference = viewOfSeries('2026-01', {
      mortgage_delinquency_rate: delinquency,
      equity_index: series((m) => (m < 10 ? 100 : 70)),
      gov_deficit: series(() => 1000),
    });
    const withRef = computeSummary(policy, computeChainTrace(policy), {
      name: 'citrini-2028',
      run: reference,
      chain: computeChainTrace(reference),
    });
    // 60 months × (1200 − 1000)/12 = 1000 USD bn.
    expect(withRef.fiscal_cost_usd_bn).toBeCloseTo(1000, 9);
    expect(withRef.chain_broken_after).toBe('L7');
    const noDeficit = computeSummary(policy, [], {
      name: 'x',
      run: viewOfSeries('2026-01', { y: series(() => 1) }),
      chain: [],
    });
    expect(noDeficit.fiscal_cost_usd_bn).toBeNull();
    expect(noDeficit.missing).toEqual([
      'unemployment_rate',
      'gdp_real',
      'house_price_index',
      'policy_rate',
      'gov_deficit (this run and x)',
    ]);
  });
});

describe('cumulativeDeficit', () => {
  it('sums the annual-rate deficit × 1/12 over 2026-01..2030-12 only', () => {
    const long = viewOfSeries('2026-01', { gov_deficit: Array.from({ length: 73 }, (_, m) => (m > 60 ? 1e6 : 120)) });
    expect(cumulativeDeficit(long)).toBeCloseTo(600, 9);
    expect(cumulativeDeficit(viewOfSeries('2026-01', { x: [1, 2] }))).toBeUndefined();
  });
});
