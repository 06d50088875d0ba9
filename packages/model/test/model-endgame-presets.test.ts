/**
 * The endgame presets of MODEL.md §10 (issue 5): agi-endgame, agi-endgame-ubi and unplug, their
 * measurable "must show", and the (p3) series every preset exposes.
 */
import { describe, expect, it } from 'vitest';
import { FIXED_SERIES_PART3 } from '../src/index.js';
import { periodOf, presetRun } from './preset-runs.js';

const run = presetRun;
const period = periodOf;
const at = (name: string, series: string, month: string): number => run(name).result.series(series)[period(month)];
const SHUTDOWN = ['2032-01', '2032-02', '2032-03', '2032-04', '2032-05', '2032-06'];

describe.each(['baseline', 'citrini-2028', 'agi-endgame', 'agi-endgame-ubi', 'unplug'])(
  'preset %s: (p3) series and accounting',
  (name) => {
    it('exposes every (p3) series of MODEL.md §9, finite in every solved month', () => {
      const r = run(name).result;
      for (const n of FIXED_SERIES_PART3) {
        expect(r.names).toContain(n);
        expect(`${n} ${r.series(n).slice(1).every(Number.isFinite)}`).toBe(`${n} true`);
      }
    });
    it('balances every matrix to < 1e-6 x GDP in every month; income shares sum to 1; social shares sum to 1', () => {
      const r = run(name).result;
      const gdp = r.series('gdp_nominal');
      const resid = r.series('accounting_residual_max');
      const shares = ['labor', 'profits_nonai', 'profits_ai', 'energy', 'interest', 'gov'].map((s) =>
        r.series(`income_share_${s}`),
      );
      const social = ['obligatory', 'chosen', 'ai'].map((s) => r.series(`social_share_${s}`));
      for (let p = 1; p <= r.periods; p++) {
        expect(resid[p]).toBeLessThan(1e-6 * gdp[p]);
        expect(shares.reduce((a, s) => a + s[p], 0)).toBeCloseTo(1, 9);
        expect(social.reduce((a, s) => a + s[p], 0)).toBeCloseTo(1, 12);
        for (const s of social) expect(s[p]).toBeGreaterThan(0);
      }
    });
  },
);

describe('agi-endgame must show (MODEL.md §10)', () => {
  it('labour share in 2040 below 0.7 x its t0 value', () => {
    expect(at('agi-endgame', 'labor_share', '2040-01')).toBeLessThan(0.7 * at('agi-endgame', 'labor_share', '2026-01'));
  });
  it('real consumption in 2040 at least 20 % below baseline', () => {
    expect(at('agi-endgame', 'consumption_real', '2040-01')).toBeLessThanOrEqual(
      0.8 * at('baseline', 'consumption_real', '2040-01'),
    );
  });
  it('falling prices: CPI inflation negative through 2040 and the 2040 price level below t0', () => {
    for (const y of [2030, 2035, 2040]) expect(at('agi-endgame', 'cpi_inflation', `${y}-01`)).toBeLessThan(0);
    expect(at('agi-endgame', 'P', '2040-01')).toBeLessThan(at('agi-endgame', 'P', '2026-01'));
  });
  it('the AI-profit share rises above its t0 value while labour loses', () => {
    expect(at('agi-endgame', 'income_share_profits_ai', '2032-01')).toBeGreaterThan(
      at('agi-endgame', 'income_share_profits_ai', '2026-01'),
    );
  });
});

describe('agi-endgame-ubi must show (MODEL.md §10)', () => {
  it('real consumption in 2040 at least 10 % above agi-endgame', () => {
    expect(at('agi-endgame-ubi', 'consumption_real', '2040-01')).toBeGreaterThanOrEqual(
      1.1 * at('agi-endgame', 'consumption_real', '2040-01'),
    );
  });
  it('payers shown: UBI paid, the AI tax collected from the AI complex, and the summary names them', () => {
    const r = run('agi-endgame-ubi');
    expect(at('agi-endgame-ubi', 'ubi_total', '2040-01')).toBeGreaterThan(0);
    expect(at('agi-endgame-ubi', 'tax_ai', '2040-01')).toBeGreaterThan(0);
    const payers = r.summary.ubi_payers;
    expect(payers?.reference).toBe('agi-endgame');
    if (!payers) return;
    expect(payers.ubi_usd_bn).toBeGreaterThan(0);
    expect(payers.ai_tax_ai_complex_usd_bn).toBeGreaterThan(0);
    // The payers add up to the outlays (closed by construction: the rest is the deficit it adds).
    expect(payers.ai_tax_ai_complex_usd_bn + payers.other_receipts_usd_bn + payers.deficit_usd_bn).toBeCloseTo(
      payers.ubi_usd_bn,
      6,
    );
  });
});

describe('unplug must show (MODEL.md §10)', () => {
  it('the outage switch and its timing have no range, so a Monte Carlo never draws an outage', () => {
    const slots = run('baseline').compiled.slots;
    for (const n of ['unplug_share', 'unplug_start', 'unplug_years']) {
      const slot = slots.find((s) => s.name === n);
      expect(`${n} ${slot?.role} ${slot?.range}`).toBe(`${n} driver undefined`);
    }
  });
  it('during the shutdown real GDP <= 1.1 x gdp_human_capacity and <= 0.9 x agi-endgame', () => {
    for (const m of SHUTDOWN) {
      expect(at('unplug', 'gdp_real', m)).toBeLessThanOrEqual(1.1 * at('unplug', 'gdp_human_capacity', m));
      expect(at('unplug', 'gdp_real', m)).toBeLessThanOrEqual(0.9 * at('agi-endgame', 'gdp_real', m));
    }
  });
  it("hh_top's real consumption falls when compute goes off", () => {
    expect(at('unplug', 'hh_top.C_real', '2032-01')).toBeLessThan(at('unplug', 'hh_top.C_real', '2031-12'));
    for (const m of SHUTDOWN)
      expect(at('unplug', 'hh_top.C_real', m)).toBeLessThan(at('agi-endgame', 'hh_top.C_real', m));
  });
  it('firms rehire during the shutdown (unemployment falls below agi-endgame) and nothing is rationed outside it', () => {
    expect(at('unplug', 'unemployment_rate', '2032-06')).toBeLessThan(
      at('agi-endgame', 'unemployment_rate', '2032-06'),
    );
    expect(at('unplug', 'supply_fraction', '2031-12')).toBe(1);
    expect(at('unplug', 'supply_fraction', '2032-07')).toBe(1);
    expect(at('unplug', 'supply_fraction', '2032-01')).toBeLessThan(1);
  });
});
