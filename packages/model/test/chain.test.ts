import { describe, expect, it } from 'vitest';
import { type ChainLinkResult, chainBrokenAfter, computeChainTrace } from '../src/chain.js';
import { CHAIN_LINKS } from '../src/chain-links.js';
import { viewOfSeries } from '../src/run-view.js';

/** M + 1 values from f(m), m = 0..M. */
function series(months: number, f: (m: number) => number): number[] {
  return Array.from({ length: months + 1 }, (_, m) => f(m));
}

function link(chain: readonly ChainLinkResult[], id: string): ChainLinkResult {
  const found = chain.find((l) => l.id === id);
  if (!found) throw new Error(`no link ${id}`);
  return found;
}

describe('CHAIN_LINKS', () => {
  it('holds the 13 links of MODEL.md §9 in order, with their indicators', () => {
    expect(CHAIN_LINKS.map((l) => l.id)).toEqual(Array.from({ length: 13 }, (_, i) => `L${i + 1}`));
    expect(CHAIN_LINKS.find((l) => l.id === 'L2')?.combine).toBe('while');
    expect(CHAIN_LINKS.find((l) => l.id === 'L10')?.indicators.map((i) => i.series)).toEqual([
      'credit_spread_hy',
      'insurer_capital_ratio',
    ]);
    expect(CHAIN_LINKS.find((l) => l.id === 'L13')?.indicators[0].rule.kind).toBe('quarterly-falls');
  });
});

describe('computeChainTrace', () => {
  const M = 24;

  it('reports every link with missing series instead of failing on an empty run', () => {
    const chain = computeChainTrace(viewOfSeries('2026-01', { x: series(M, () => 1) }));
    expect(chain).toHaveLength(13);
    for (const l of chain) {
      expect(l.onset).toBeNull();
      expect(l.missing?.length).toBeGreaterThan(0);
    }
    expect(link(chain, 'L1').missing).toEqual(['ai_capability_index']);
    const noBaseline = computeChainTrace(viewOfSeries('2026-01', { ai_capability_index: series(M, () => 1) }));
    expect(link(noBaseline, 'L1').missing).toEqual(['ai_capability_index of the baseline run']);
    expect(link(chain, 'L11').missing).toEqual(['equity_index']);
  });

  it('dates the onset, the lag from the first link to fire, the peak and the baseline measure', () => {
    // Equity: +1 %/month to 112 at m12, then −4 a month: 112 → 88.8 at m18 is −20.7 %.
    const equity = series(M, (m) => (m <= 12 ? 100 + m : 112 - 4 * (m - 12)));
    // Other employment: flat 100, then 98.9 from m6 (−1.1 % from peak).
    const other = series(M, (m) => (m < 6 ? 100 : 98.9));
    const run = viewOfSeries('2026-01', { equity_index: equity, employment_other: other });
    const baseline = viewOfSeries('2026-01', {
      equity_index: series(M, (m) => (m <= 16 ? 100 : 95)),
      employment_other: series(M, () => 100),
    });
    const chain = computeChainTrace(run, baseline);
    // 112 − 4k ≤ 0.8 × 112 = 89.6 ⇔ k ≥ 5.6: first at m18 (2027-06).
    expect(link(chain, 'L11')).toMatchObject({ onset: '2027-06', lag_months: 12, indicator: 'equity_index' });
    expect(link(chain, 'L11').peak).toBeCloseTo(64 / 112 - 1, 12);
    expect(link(chain, 'L11').peak_date).toBe('2027-12');
    expect(link(chain, 'L11').value_at_onset).toBeCloseTo(88 / 112 - 1, 12);
    expect(link(chain, 'L11').baseline_value_at_onset).toBeCloseTo(-0.05, 12);
    expect(link(chain, 'L6')).toMatchObject({ onset: '2026-06', lag_months: 0 });
    expect(link(chain, 'L6').baseline_value_at_onset).toBe(0);
  });

  it('fires a two-indicator link on either indicator and names the one that fired', () => {
    const run = viewOfSeries('2026-01', {
      house_price_index: series(M, (m) => (m < 10 ? 100 : 94)),
      house_price_index_tech: series(M, (m) => (m < 4 ? 100 : 94)),
    });
    const l8 = link(computeChainTrace(run), 'L8');
    expect(l8).toMatchObject({ onset: '2026-04', indicator: 'house_price_index_tech' });
    expect(l8.missing).toBeUndefined();
  });

  it('fires on the indicator that is present when the other is missing, and says which is missing', () => {
    const run = viewOfSeries('2026-01', {
      private_credit_default_rate_software: series(M, (m) => (m < 7 ? 0.02 : 0.05)),
    });
    expect(link(computeChainTrace(run), 'L9')).toMatchObject({
      onset: '2026-07',
      missing: ['private_credit_default_rate'],
    });
  });

  it('needs both indicators in the same months for a "while" link (L2)', () => {
    // Knowledge employment −3 % from m3 on; AI spend flat until m5, rising from m5.
    const run = viewOfSeries('2026-01', {
      employment_knowledge: series(M, (m) => (m < 3 ? 100 : 97)),
      ai_spend_firms: series(M, (m) => (m < 5 ? 10 : 10 + m)),
    });
    expect(link(computeChainTrace(run), 'L2')).toMatchObject({ onset: '2026-05', indicator: 'employment_knowledge' });
    const half = viewOfSeries('2026-01', { employment_knowledge: series(M, (m) => (m < 3 ? 100 : 97)) });
    expect(link(computeChainTrace(half), 'L2')).toMatchObject({ onset: null, missing: ['ai_spend_firms'] });
  });

  it('reads real indicators from NAME_real when the model has it, else from NAME', () => {
    // Real income −0.5 % a month: −5.8 % y/y (annualised from period 0 before 12 months).
    const falling = series(M, (m) => 100 * 0.995 ** m);
    const flat = series(M, () => 100);
    const plain = viewOfSeries('2026-01', { income_hh_pro: falling });
    expect(link(computeChainTrace(plain), 'L3').onset).toBe('2026-01');
    expect(link(computeChainTrace(plain), 'L3').value_at_onset).toBeCloseTo(0.995 ** 12 - 1, 10);
    const withReal = viewOfSeries('2026-01', { income_hh_pro: falling, income_hh_pro_real: flat });
    expect(link(computeChainTrace(withReal), 'L3')).toMatchObject({ onset: null, indicator: 'income_hh_pro' });
    expect(link(computeChainTrace(viewOfSeries('2026-01', { x: flat })), 'L3').missing).toEqual(['income_hh_pro']);
  });

  it('L1: above the baseline path by the margin param when the run has it, else the default', () => {
    // Run capability grows 0.03 a month faster than baseline.
    const base = series(M, (m) => 1 + 0.1 * m);
    const fast = series(M, (m) => 1 + 0.13 * m);
    const baseline = viewOfSeries('2026-01', { ai_capability_index: base });
    const withMargin = viewOfSeries('2026-01', {
      ai_capability_index: fast,
      chain_capability_margin: series(M, () => 0.4),
    });
    // 0.03 m > 0.4 ⇔ m ≥ 14 (0.42; m = 13 gives 0.39).
    expect(link(computeChainTrace(withMargin, baseline), 'L1').onset).toBe('2027-02');
    expect(link(computeChainTrace(withMargin, baseline), 'L1').baseline_value_at_onset).toBeCloseTo(2.4, 12);
    // default margin 0.1: 0.03 m > 0.1 ⇔ m ≥ 4.
    const plain = viewOfSeries('2026-01', { ai_capability_index: fast });
    expect(link(computeChainTrace(plain, baseline), 'L1').onset).toBe('2026-04');
  });

  it('L10 fires on insurer capital below its threshold series, or names the missing threshold', () => {
    const capital = series(M, (m) => (m < 8 ? 1.2 : 0.9));
    const run = viewOfSeries('2026-01', {
      insurer_capital_ratio: capital,
      insurer_capital_threshold: series(M, () => 1),
      credit_spread_hy: series(M, () => 0.03),
    });
    expect(link(computeChainTrace(run), 'L10')).toMatchObject({ onset: '2026-08', indicator: 'insurer_capital_ratio' });
    const noThreshold = viewOfSeries('2026-01', {
      insurer_capital_ratio: capital,
      credit_spread_hy: series(M, () => 0.03),
    });
    expect(link(computeChainTrace(noThreshold), 'L10')).toMatchObject({
      onset: null,
      missing: ['insurer_capital_threshold'],
    });
  });

  it('L13: onset at the first month of the first of two falling quarters of real GDP', () => {
    // Flat to 2026-06, then −1 a month: Q3 2026 mean 98 < Q2 100, Q4 95 < 98.
    const run = viewOfSeries('2026-01', { gdp_real: series(M, (m) => (m <= 6 ? 100 : 100 - (m - 6))) });
    const l13 = link(computeChainTrace(run), 'L13');
    expect(l13.onset).toBe('2026-07');
    expect(l13.value_at_onset).toBeCloseTo(98 / 100 - 1, 12);
  });
});

describe('chainBrokenAfter', () => {
  const fired = (...ids: string[]): ChainLinkResult[] =>
    CHAIN_LINKS.map((l) => ({
      id: l.id,
      label: l.label,
      onset: ids.includes(l.id) ? '2027-01' : null,
      lag_months: null,
      peak: null,
      peak_date: null,
      indicator: null,
      value_at_onset: null,
      baseline_value_at_onset: null,
    }));

  it('is the last link that fires here when later links fire only in the reference', () => {
    const reference = fired('L1', 'L2', 'L3', 'L5', 'L6', 'L7', 'L11', 'L13');
    expect(chainBrokenAfter(fired('L1', 'L2', 'L3', 'L5', 'L6'), reference)).toBe('L6');
  });

  it('skips to the next link the reference fired when the last link here did not fire there', () => {
    expect(chainBrokenAfter(fired('L1', 'L4'), fired('L1', 'L5', 'L9'))).toBe('L5');
  });

  it('is null when nothing after the last link here fires in the reference', () => {
    expect(chainBrokenAfter(fired('L1', 'L13'), fired('L1', 'L11', 'L13'))).toBeNull();
    expect(chainBrokenAfter(fired(), fired())).toBeNull();
  });

  it('is the first fired link of the reference with a successor when nothing fires here', () => {
    expect(chainBrokenAfter(fired(), fired('L2', 'L3'))).toBe('L2');
  });
});
