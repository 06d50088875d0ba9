/**
 * Calibration of the AI-infrastructure cycle against the calibration facts (MODEL.md §7; the
 * issue's list): 2026 hyperscaler capex against the big four's guidance, the big four's t0
 * operating cash flow, the data-centre share of US electricity in 2028 against LBNL, the t0 AI
 * revenue run-rate against its sourced range, and the DRAM contract-price rise from 1Q26 to 2Q26.
 * Bands come from the calibration facts, never from the model.
 */
import { describe, expect, it } from 'vitest';
import { calibrationFact, calibrationValue } from '../src/calibration.js';
import { runScenario } from '../src/index.js';

const base = runScenario('baseline').result;
const series = (name: string) => base.series(name);
/** Mean of a series over periods [from, to] (period 1 = 2026-01). */
const mean = (name: string, from: number, to: number): number => {
  const s = series(name);
  let sum = 0;
  for (let p = from; p <= to; p++) sum += s[p];
  return sum / (to - from + 1);
};
/** A [lo, hi] pair of a calibration fact, in the model's units (USD bn when `scale` is 1e9). */
const range = (key: string, scale = 1): [number, number] => {
  const v = calibrationFact(key).value as number[];
  return [v[0] / scale, v[1] / scale];
};

describe('AI-infrastructure calibration (baseline)', () => {
  it('hyperscaler capex in 2026 (big four; Oracle is a neocloud) is within 5 % of the combined 2026 guidance', () => {
    const [lo, hi] = range('capex.hyperscaler.big4_2026_combined', 1e9);
    const capex2026 = mean('hyperscaler_capex', 1, 12);
    expect(capex2026).toBeGreaterThanOrEqual(0.95 * lo);
    expect(capex2026).toBeLessThanOrEqual(1.05 * hi);
  });
  it("the big four's operating cash flow at t0 is within 10 % of their reported 2025 sum", () => {
    const sum =
      (calibrationValue('capex.alphabet.ocf_fcf_2025', 'ocf') +
        calibrationValue('capex.amazon.ocf_fcf_2025', 'ocf') +
        calibrationValue('capex.meta.ocf_fcf_2025', 'ocf') +
        calibrationValue('capex.microsoft.ocf_fy2025')) /
      1e9;
    expect(Math.abs(series('hyperscaler_ocf')[1] / sum - 1)).toBeLessThan(0.1);
  });
  it('the data-centre share of US electricity in 2028 lies inside the LBNL range', () => {
    const [lo, hi] = range('power.us_datacenter.share_2028_proj_lbnl');
    const share = mean('dc_electricity_share', 25, 36);
    expect(share).toBeGreaterThanOrEqual(lo);
    expect(share).toBeLessThanOrEqual(hi);
  });
  it('data-centre electricity at t0 is within 10 % of the IEA 2024 use grown one year at its 2024-2030 pace', () => {
    const iea = calibrationFact('power.us_datacenter.iea_2024_2030').value as Record<string, number>;
    const grown = (iea['2024'] * (iea['2030'] / iea['2024']) ** (1 / 6)) / 1e9;
    expect(Math.abs(series('dc_electricity_twh')[1] / grown - 1)).toBeLessThan(0.1);
  });
  it('the AI revenue run-rate at t0 lies inside its sourced range', () => {
    const [lo, hi] = range('ai.revenue_run_rate_us_t0_range', 1e9);
    expect(series('ai_revenue')[1]).toBeGreaterThanOrEqual(lo);
    expect(series('ai_revenue')[1]).toBeLessThanOrEqual(hi);
  });
  it('the DRAM contract price rises from 1Q26 to 2Q26 within 15 points of the +58-63 % forecast', () => {
    const [lo, hi] = range('memory.dram.conventional_contract_price_qoq_2Q26_forecast');
    const rise = mean('memory_price_index', 4, 6) / mean('memory_price_index', 1, 3) - 1;
    expect(rise).toBeGreaterThanOrEqual(lo - 0.15);
    expect(rise).toBeLessThanOrEqual(hi + 0.15);
  });
  it('the memory index starts at 100 (the end-2025 contract level) and 1Q26 is above it', () => {
    expect(series('memory_price_index')[0]).toBe(100);
    expect(mean('memory_price_index', 1, 3)).toBeGreaterThan(100);
  });
});
