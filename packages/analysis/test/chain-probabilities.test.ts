import { CHAIN_LINKS, viewOfSeries } from '@endgame/model';
import { describe, expect, it } from 'vitest';
import {
  ChainTally,
  chainLinksFor,
  chainSeries,
  onsetPercentiles,
  recessionYears,
} from '../src/chain-probabilities.js';

/** Monthly values 0..M from quarterly means, each quarter's three months equal (index 0 = period 0). */
function fromQuarters(quarterly: number[]): number[] {
  return [quarterly[0], ...quarterly.flatMap((q) => [q, q, q])];
}

describe('recessionYears (L13: two consecutive falling quarters)', () => {
  it('marks the years of the quarters in a run of two or more falls', () => {
    // From 2026-01: quarters 2026Q1..2028Q4; falls in 2026Q4 and 2027Q1 (a run of two), one lone fall in 2028Q2.
    const q = [100, 101, 102, 101, 100, 101, 102, 103, 104, 103, 104, 105];
    expect([...recessionYears(fromQuarters(q), '2026-01')].sort()).toEqual([2026, 2027]);
  });

  it('ignores a single falling quarter and a rising economy', () => {
    expect(recessionYears(fromQuarters([100, 99, 100, 101]), '2026-01').size).toBe(0);
    expect(recessionYears(fromQuarters([100, 101, 102, 103]), '2026-01').size).toBe(0);
  });

  it('uses calendar quarters when the run starts mid-quarter', () => {
    // Start 2026-02: months 1..2 (Feb, Mar) are not a full quarter; 2026-Q2 starts at month 3, and the
    // quarterly means 105 (Q2), 104 (Q3), 103 (Q4), 102 (2027-Q1) fall three times in a row.
    const gdp = [100, 100, 100, ...[105, 105, 105], ...[104, 104, 104], ...[103, 103, 103], ...[102, 102, 102]];
    expect([...recessionYears(gdp, '2026-02')].sort()).toEqual([2026, 2027]);
    // Read from 2026-01 instead, the first quarter (Jan–Mar, mean 100) rises to Q2, so falls start later.
    expect([...recessionYears([100, ...gdp.slice(0, 12)], '2026-01')].sort()).toEqual([2026]);
  });
});

describe('onsetPercentiles', () => {
  it('labels percentiles of month indices as months, nulls when no run fired', () => {
    const jan2027 = 2027 * 12;
    const onsets = [jan2027, jan2027 + 1, jan2027 + 2, jan2027 + 3, jan2027 + 4];
    expect(onsetPercentiles(onsets)).toEqual({
      p5: '2027-01',
      p25: '2027-02',
      p50: '2027-03',
      p75: '2027-04',
      p95: '2027-05',
    });
    expect(onsetPercentiles([])).toEqual({ p5: null, p25: null, p50: null, p75: null, p95: null });
  });
});

describe('chainLinksFor / chainSeries', () => {
  it('keeps the links a model can evaluate and lists what they read', () => {
    const names = new Set(['gdp_real', 'equity_index', 'employment_knowledge']);
    expect(chainLinksFor(names, false).map((l) => l.id)).toEqual(['L11', 'L13']);
    const all = new Set(CHAIN_LINKS.flatMap((l) => l.indicators.map((i) => i.series)));
    all.add('insurer_capital_threshold');
    all.add('income_hh_pro_real');
    expect(chainLinksFor(all, false).map((l) => l.id)).not.toContain('L1');
    expect(chainLinksFor(all, true)).toHaveLength(13);
    const read = chainSeries(chainLinksFor(all, true), all);
    expect(read).toContain('income_hh_pro_real');
    expect(read).not.toContain('income_hh_pro');
    expect(read).toContain('insurer_capital_threshold');
  });
});

describe('ChainTally', () => {
  it('counts firing links and recession years over runs', () => {
    const links = chainLinksFor(new Set(['equity_index', 'gdp_real']), false);
    const tally = new ChainTally(links, '2026-01', 12);
    const flat = Array(13).fill(100);
    // A 25 % equity crash from month 4 on fires L11 with onset 2026-04.
    const crash = flat.map((v, m) => (m >= 4 ? 75 : v));
    const falling = fromQuarters([100, 99, 98, 97]);
    tally.add(viewOfSeries('2026-01', { equity_index: crash, gdp_real: falling }));
    tally.add(viewOfSeries('2026-01', { equity_index: flat, gdp_real: flat }));
    const chain = tally.chain();
    expect(chain.L11.probability).toBe(0.5);
    expect(chain.L11.onset_percentiles.p50).toBe('2026-04');
    expect(chain.L13.probability).toBe(0.5);
    expect(tally.recessionByYear(true)).toEqual({ 2026: 0.5 });
    expect(tally.recessionByYear(false)).toEqual({});
  });
});
