import type { RunSummary } from '@endgame/model';
import { describe, expect, it } from 'vitest';
import { headlineOf } from '../src/headline.js';
import type { SlotMeta } from '../src/levers/lever-meta.js';
import { seriesCsv } from '../src/ui/exports.js';
import { searchSlots } from '../src/ui/search-slots.js';
import { monthSeconds } from '../src/ui/time-axis.js';
import type { RunReply } from '../src/worker/protocol.js';

describe('headlineOf', () => {
  it('states the peak, the falls, the recession and the links fired', () => {
    const summary: RunSummary = {
      unemployment_t0: 0.044,
      unemployment_peak: 0.123,
      unemployment_peak_date: '2028-03',
      gdp_real_max_drawdown: -0.035,
      gdp_real_trough_date: '2028-06',
      equity_max_drawdown: -0.5,
      equity_trough_date: '2028-01',
      house_price_max_drawdown: -0.2,
      mortgage_delinquency_peak: 0.1,
      policy_rate_min: 0.0025,
      recession_start: '2027-04',
      links_fired: 9,
    };
    expect(headlineOf(summary)).toBe(
      'unemployment peak 12.3 % (2028-03) · real GDP max drawdown -3.5 % · equity max drawdown -50.0 % · recession from 2027-04 · 9/13 chain links fired',
    );
  });
});

describe('searchSlots', () => {
  const slots: SlotMeta[] = [
    { name: 'unemployment_rate_young', kind: 'variable', doc: 'youth' },
    { name: 'unemployment_rate', kind: 'variable', doc: 'unemployed / labour force' },
    { name: 'labour_force', kind: 'variable', doc: 'people' },
  ];
  it('puts the exact name first, then names that start with the query, and matches docs', () => {
    expect(searchSlots(slots, 'unemployment_rate').map((s) => s.name)).toEqual([
      'unemployment_rate',
      'unemployment_rate_young',
    ]);
    // 'labour' and 'force' are in labour_force's name and in unemployment_rate's doc; equal rank sorts by name.
    expect(searchSlots(slots, 'labour force').map((s) => s.name)).toEqual(['labour_force', 'unemployment_rate']);
    expect(searchSlots(slots, 'youth').map((s) => s.name)).toEqual(['unemployment_rate_young']);
    expect(searchSlots(slots, '   ')).toEqual([]);
  });
});

describe('seriesCsv and monthSeconds', () => {
  it('writes a month per row with the baseline columns after', () => {
    const result = {
      time: ['2026-01', '2026-02'],
      series: { u: Float64Array.of(0.04, 0.05) },
      baseline: { u: Float64Array.of(0.04, 0.041) },
    } as unknown as RunReply;
    expect(seriesCsv(result, ['u', 'absent'])).toBe('month,u,u (baseline)\n2026-01,0.04,0.04\n2026-02,0.05,0.041\n');
  });

  it('puts each month at its first day, UTC', () => {
    // 2026-01-01T00:00Z = 56 years of days since 1970 (14 leap years): (56 × 365 + 14) × 86400.
    expect(monthSeconds(['2026-01', '2026-02'])).toEqual([(56 * 365 + 14) * 86400, (56 * 365 + 14 + 31) * 86400]);
  });
});
