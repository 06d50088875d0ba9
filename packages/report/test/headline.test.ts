import type { ChainLinkResult, RunSummary, ScenarioRun } from '@endgame/model';
import { describe, expect, it } from 'vitest';
import { headlineParagraph } from '../src/headline.js';

/** A run with only what the headline reads: name, start month, summary, chain, reference. */
function run(summary: Partial<RunSummary>, chain: Partial<ChainLinkResult>[], reference?: string): ScenarioRun {
  const full: RunSummary = {
    unemployment_t0: 0.04,
    unemployment_peak: 0.05,
    unemployment_peak_date: '2027-03',
    gdp_real_max_drawdown: -0.02,
    gdp_real_trough_date: '2028-01',
    equity_max_drawdown: -0.3,
    equity_trough_date: '2028-02',
    house_price_max_drawdown: null,
    mortgage_delinquency_peak: null,
    policy_rate_min: null,
    recession_start: null,
    links_fired: chain.filter((l) => l.onset).length,
    ...summary,
  };
  const links = chain.map((l, i) => ({ id: `L${i + 1}`, label: `link ${i + 1}`, onset: null, lag_months: null, ...l }));
  return {
    name: 'fixture',
    view: { start: '2026-01' },
    summary: full,
    chain: links,
    ...(reference ? { reference: { name: reference } } : {}),
  } as unknown as ScenarioRun;
}

describe('headlineParagraph', () => {
  it('states peaks, falls and the chain from the numbers', () => {
    const text = headlineParagraph(
      run({ recession_start: '2027-10' }, [
        { onset: '2026-06', lag_months: 0 },
        { onset: null },
        { onset: '2027-09', lag_months: 15 },
      ]),
    );
    expect(text).toBe(
      'In fixture, unemployment starts at 4.00 % in 2026-01 and peaks at 5.00 % in 2027-03. ' +
        'Real GDP falls at most 2.00 % from its peak (trough 2028-01) and the equity index falls at most 30.00 % from its peak (trough 2028-02); ' +
        'a recession (two falling quarters of real GDP) starts in 2027-10. ' +
        '2 chain links fire: the first L1 (link 1) in 2026-06, the last L3 (link 3) in 2027-09, 15 months later.',
    );
  });

  it('says when nothing falls, no recession comes and no link fires', () => {
    const text = headlineParagraph(
      run({ gdp_real_max_drawdown: 0, gdp_real_trough_date: null, equity_max_drawdown: -0.00001 }, [{ onset: null }]),
    );
    expect(text).toContain(
      'Real GDP never falls below an earlier peak and the equity index never falls below an earlier peak; there is no recession',
    );
    expect(text).toContain('None of the recession chain links fires.');
  });

  it('names the only link that fires, and where policy breaks the chain and what it costs', () => {
    const text = headlineParagraph(
      run(
        { chain_broken_after: 'L1', fiscal_cost_usd_bn: 1234.4 },
        [{ onset: '2026-06', lag_months: 0 }],
        'citrini-2028',
      ),
    );
    expect(text).toContain('Only one chain link fires: L1 (link 1) in 2026-06.');
    expect(text).toContain(
      'Policy breaks the chain after L1, at a cumulative fiscal cost of 1,234 USD bn from 2026-01 to 2030-12 compared with citrini-2028.',
    );
  });

  it('adds the comparison’s peak and leaves out what the run lacks', () => {
    const other = run({ unemployment_peak: 0.1234, unemployment_peak_date: '2030-05' }, []);
    const text = headlineParagraph(run({ gdp_real_max_drawdown: null, equity_max_drawdown: null }, []), {
      ...other,
      name: 'other',
    } as ScenarioRun);
    expect(text).toBe(
      'In fixture, unemployment starts at 4.00 % in 2026-01 and peaks at 5.00 % in 2027-03 (other: peak 12.34 % in 2030-05).',
    );
  });
});
