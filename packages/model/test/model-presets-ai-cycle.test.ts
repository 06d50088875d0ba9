/**
 * The AI-infrastructure presets of MODEL.md §10 (`bubble-burst`, `power-wall`, `scaling-plateau`)
 * and their measurable "must show", the Minsky classes, and the capex scorecard target of
 * `citrini-2028`. Every stop condition here emerges from the mechanisms: the presets change only
 * driver params (end-payer demand, the power build rate, the returns to compute), never a date
 * at which capex or prices fall.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/index.js';
import { periodOf, presetRun } from './preset-runs.js';

const run = presetRun;
const period = periodOf;
const series = (name: string, v: string): Float64Array | number[] => run(name).result.series(v);
const at = (name: string, v: string, month: string): number => series(name, v)[period(month)];
/** Period of the largest value in [from, to]. */
const argMax = (values: ArrayLike<number>, from: number, to: number): number => {
  let best = from;
  for (let p = from; p <= to; p++) if (values[p] > values[best]) best = p;
  return best;
};
/** The deepest fall after the peak in [1, peakBy], as a fraction of the peak, and the peak's period. */
const fallFromPeak = (values: ArrayLike<number>, peakBy: number): { fall: number; peak: number } => {
  const peak = argMax(values, 1, peakBy);
  let low = values[peak];
  for (let p = peak; p < values.length; p++) low = Math.min(low, values[p]);
  return { fall: low / values[peak] - 1, peak };
};
const maxOver = (values: ArrayLike<number>): number => Math.max(...Array.from(values).slice(1));

describe('bubble-burst must show (MODEL.md §10)', () => {
  const name = 'bubble-burst';
  it('hyperscaler capex falls at least 30 % from its peak', () => {
    expect(fallFromPeak(series(name, 'hyperscaler_capex'), period('2030-12')).fall).toBeLessThanOrEqual(-0.3);
  });
  it('the memory price falls at least 30 % from its peak', () => {
    expect(fallFromPeak(series(name, 'memory_price_index'), period('2030-12')).fall).toBeLessThanOrEqual(-0.3);
  });
  it('chip inventory builds up after the capex peak (at least one more month of orders)', () => {
    const inv = series(name, 'chip_inventory_months');
    const { peak } = fallFromPeak(series(name, 'hyperscaler_capex'), period('2030-12'));
    let after = inv[peak];
    for (let p = peak; p <= peak + 36; p++) after = Math.max(after, inv[p]);
    expect(after - inv[peak]).toBeGreaterThan(1);
  });
  it('the AI-complex index crashes (at least 30 % from its peak) and AI-lab funding falls from its peak', () => {
    expect(fallFromPeak(series(name, 'equity_index_ai'), period('2030-12')).fall).toBeLessThanOrEqual(-0.3);
    expect(fallFromPeak(series(name, 'ai_apps_equity_raised'), period('2028-12')).fall).toBeLessThanOrEqual(-0.2);
  });
  it("unemployment peaks at most 1.5 points above baseline's peak unless private-credit defaults (L9) fire", () => {
    const l9 = run(name).chain.find((l) => l.id === 'L9');
    if (l9?.onset) return expect(l9.onset).toMatch(/^\d{4}-\d{2}$/);
    expect(maxOver(series(name, 'unemployment_rate'))).toBeLessThanOrEqual(
      maxOver(series('baseline', 'unemployment_rate')) + 0.015,
    );
  });
  it('the capex peak comes after the end-payer shortfall starts (2027): the crash is not scripted', () => {
    const { peak } = fallFromPeak(series(name, 'hyperscaler_capex'), period('2030-12'));
    expect(peak).toBeGreaterThanOrEqual(period('2027-01'));
  });
});

describe('power-wall must show (MODEL.md §10)', () => {
  it("compute deployed in 2035 is below 80 % of baseline's", () => {
    expect(at('power-wall', 'compute_deployed', '2035-06')).toBeLessThan(
      0.8 * at('baseline', 'compute_deployed', '2035-06'),
    );
  });
  it('deployable compute plateaus against baseline: slower growth 2033-2035', () => {
    const growth = (n: string) => at(n, 'compute_deployed', '2035-06') / at(n, 'compute_deployed', '2033-06');
    expect(growth('power-wall')).toBeLessThan(growth('baseline'));
  });
  it('capex shifts to power: a larger share of hyperscaler capex goes to power and buildings', () => {
    for (const m of ['2028-06', '2032-06', '2035-06']) {
      expect(at('power-wall', 'hs_capex_power_share', m)).toBeGreaterThan(at('baseline', 'hs_capex_power_share', m));
    }
  });
});

describe('scaling-plateau must show (MODEL.md §10)', () => {
  const gain = (n: string) => at(n, 'ai_capability_index', '2035-12') - at(n, 'ai_capability_index', '2026-01');
  it("capability gain 2026-2035 is below 80 % of baseline's", () => {
    expect(gain('scaling-plateau')).toBeLessThan(0.8 * gain('baseline'));
  });
  it('the revenue gap widens: a larger share of the revenue AI capital needs is not earned', () => {
    const share = (n: string, m: string) => at(n, 'ai_revenue_gap', m) / at(n, 'ai_revenue_required', m);
    for (const m of ['2028-06', '2030-06', '2035-06'])
      expect(share('scaling-plateau', m)).toBeGreaterThan(share('baseline', m));
  });
  it('funding dries up: less AI-lab equity and lower funding appetite than baseline', () => {
    for (const m of ['2028-06', '2030-06']) {
      expect(at('scaling-plateau', 'ai_apps_equity_raised', m)).toBeLessThan(
        0.9 * at('baseline', 'ai_apps_equity_raised', m),
      );
      expect(at('scaling-plateau', 'ai_funding_appetite', m)).toBeLessThan(at('baseline', 'ai_funding_appetite', m));
    }
  });
});

describe('Minsky classes and the capex scorecard target', () => {
  it('each minsky_<sector> is 0, 1 or 2 in every month of every AI preset', () => {
    const sectors = ['hyperscalers', 'neoclouds', 'ai_apps', 'firms', 'hh_top', 'hh_pro', 'hh_work'];
    for (const name of ['baseline', 'bubble-burst', 'citrini-2028']) {
      for (const s of sectors) {
        const v = series(name, `minsky_${s}`);
        for (let p = 1; p < v.length; p++) expect([0, 1, 2]).toContain(v[p]);
      }
    }
  });
  it('AI apps burn equity at t0 (Ponzi or speculative) and hyperscalers are hedge', () => {
    expect(at('baseline', 'minsky_ai_apps', '2026-01')).toBeGreaterThan(0);
    expect(at('baseline', 'minsky_hyperscalers', '2026-01')).toBe(0);
  });
  it('citrini-2028 reports the hyperscaler_capex scorecard target as a value with its band', () => {
    const entry = run('citrini-2028').scorecard.find((s) => s.id === 'hyperscaler_capex');
    expect(entry?.inside).not.toBeNull();
    expect(Array.isArray(entry?.value) || typeof entry?.value === 'number').toBe(true);
  });
});

describe('subsidies and export controls (driver params)', () => {
  it('a chip and power subsidy is a capital transfer: the deficit rises by it in month 1, the matrices balance, more GW get built', () => {
    const sub = runScenario('baseline', { set: { ai_subsidy_rate: 0.2 } }).result;
    const base = run('baseline').result;
    const paid = sub.series('ai_subsidy')[1];
    expect(paid).toBeGreaterThan(0);
    expect(sub.series('gov_deficit')[1] - base.series('gov_deficit')[1]).toBeCloseTo(paid, 3);
    const gdp = sub.series('gdp_nominal');
    for (let p = 1; p <= sub.periods; p++) expect(sub.series('accounting_residual_max')[p]).toBeLessThan(1e-6 * gdp[p]);
    expect(sub.series('dc_power_gw')[period('2030-01')]).toBeGreaterThan(base.series('dc_power_gw')[period('2030-01')]);
  });
  it('export controls cut AI-chip exports', () => {
    const ctl = runScenario('baseline', { set: { export_control_intensity: 0.5 } }).result;
    expect(ctl.series('X_ai')[period('2027-01')]).toBeLessThan(
      run('baseline').result.series('X_ai')[period('2027-01')],
    );
  });
});
