/**
 * Reads the macro model's state at a period into the month inputs of the
 * kernel (layout.ts): each group's job shares, pay per job, benefits, taxes,
 * non-labour income, consumption rule and liquid assets; the mortgage rate
 * and house prices. Per-member amounts are group totals (USD bn / yr) over
 * the group's labour force (million), i.e. USD k / yr.
 */
import { GROUPS } from './assumptions.js';
import { IN, IN_GLOBAL, IN_GROUP, IN_LENGTH, N_GROUPS } from './layout.js';

/** A macro value at a period: `read('hh_pro.C', 12)`. */
export type MacroRead = (name: string, period: number) => number;

/** What stays fixed over a run (read at t0). */
export interface MacroConstants {
  payPremium: number[];
  penaltyOn: number[];
  alpha1: number[];
  taxInc: number[];
  taxPay: number[];
  expectedRatio: number[];
  income0: number[];
  mortgagePerMember: number[];
  consumptionPerMember: number[];
  interestPerMember: number[];
  wageK0: number;
  incomeExpectTime: number;
  mortgageRate0: number;
  dqRate: number;
  dqBuffer: number;
  dqIncome: number;
  dqZ0: number;
  delinq0: number;
  dt: number;
}

/** The run's constants, read at period 0. */
export function readConstants(read: MacroRead, dt: number): MacroConstants {
  const per = (name: string) => GROUPS.map((g) => read(`${g}.${name}`, 0));
  return {
    payPremium: per('pay_prem'),
    penaltyOn: per('dpen_on'),
    alpha1: per('alpha1'),
    taxInc: per('tax_inc_rate'),
    taxPay: per('tax_pay_rate'),
    expectedRatio: GROUPS.map((g) => read(`${g}.YD_e`, 0) / read(`${g}.YD`, 0)),
    income0: GROUPS.map((g) => read(`${g}.YD`, 0)),
    mortgagePerMember: GROUPS.map((g) => read(`${g}.mort`, 0) / read(`${g}.LF`, 0)),
    consumptionPerMember: GROUPS.map((g) => read(`${g}.C`, 0) / read(`${g}.LF`, 0)),
    interestPerMember: GROUPS.map((g) => read(`${g}.int_mort`, 0) / read(`${g}.LF`, 0)),
    wageK0: read('wage_k0', 0),
    incomeExpectTime: read('income_expect_time', 0),
    mortgageRate0: read('mortgage_rate', 0),
    dqRate: read('dq_rate', 0),
    dqBuffer: read('dq_buffer', 0),
    dqIncome: read('dq_income', 0),
    dqZ0: read('dq_z0', 0),
    delinq0: read('delinq0', 0),
    dt,
  };
}

/**
 * Fills `out` (IN_LENGTH values) with the inputs the macro state at period
 * `q` gives; `prev` is the period income growth is measured from (q − 1,
 * or q itself for t0 and burn-in). Calibrated coefficients come from `dq`
 * ([c0, β, consumption scale] per group, calibrate.ts; zeros before calibration);
 * `interestScale` maps the households' own mortgage interest to the group's
 * `int_mort` (simulation.ts; 1 until known).
 */
export function fillInputs(
  read: MacroRead,
  q: number,
  prev: number,
  k: MacroConstants,
  dq: Float64Array,
  out: Float64Array,
  interestScale: ArrayLike<number> = NO_SCALE,
): Float64Array {
  const W = read('W', q);
  const penalty = read('displaced_wage_penalty', q);
  const wageOmix = read('wage_o_mix', q);
  for (let g = 0; g < N_GROUPS; g++) {
    const name = GROUPS[g];
    const gi = g * IN_GROUP;
    const LF = read(`${name}.LF`, q);
    const U = read(`${name}.U`, q);
    const ui = read(`${name}.ui`, q);
    const ubi = read(`${name}.ubi`, q);
    const wages = read(`${name}.wages`, q);
    const YD = read(`${name}.YD`, q);
    const ti = k.taxInc[g];
    const tp = k.taxPay[g];
    out[gi + IN.shareK] = read(`${name}.E_k`, q) / LF;
    out[gi + IN.shareO] = read(`${name}.E_O`, q) / LF;
    out[gi + IN.wageK] = k.payPremium[g] * W * k.wageK0;
    out[gi + IN.wageO] = k.payPremium[g] * W * (1 - k.penaltyOn[g] * penalty) * wageOmix;
    out[gi + IN.ui] = U > 0 ? ui / U : 0;
    out[gi + IN.ubi] = ubi / LF;
    out[gi + IN.taxInc] = ti;
    out[gi + IN.taxPay] = tp;
    out[gi + IN.rest] = (YD - (1 - ti - tp) * wages - (1 - ti) * (ui + ubi) + read(`${name}.int_mort`, q)) / LF;
    out[gi + IN.interestScale] = interestScale[g] || 1;
    out[gi + IN.confidence] = read(`${name}.conf`, q);
    out[gi + IN.alpha1] = k.alpha1[g];
    out[gi + IN.wealth] = read(`${name}.wealth_effect`, q) / LF;
    out[gi + IN.incomeRatio] = read(`${name}.YD_e`, q) / YD;
    out[gi + IN.expectTarget] = 1;
    out[gi + IN.liquidGrowth] = YD / read(`${name}.YD`, prev);
    out[gi + IN.liquidIndex] = YD / k.income0[g];
    out[gi + IN.liquidRatio] = read(`${name}.liq_ratio`, q);
    out[gi + IN.dqC0] = dq[3 * g];
    out[gi + IN.dqIncome] = dq[3 * g + 1];
    out[gi + IN.consumptionScale] = dq[3 * g + 2] || 1;
    out[gi + IN.expectedRatio] = k.expectedRatio[g];
  }
  const G = N_GROUPS * IN_GROUP;
  out[G + IN_GLOBAL.rateGap] = read('mortgage_rate', q) - k.mortgageRate0;
  out[G + IN_GLOBAL.hpi] = read('house_price_index', q);
  out[G + IN_GLOBAL.hpiTech] = read('house_price_index_tech', q);
  out[G + IN_GLOBAL.smoothing] = k.dt / k.incomeExpectTime;
  out[G + IN_GLOBAL.dqRate] = k.dqRate;
  out[G + IN_GLOBAL.dqBuffer] = k.dqBuffer;
  // A month of the run, never a burn-in month: burnInInputs (calibrate.ts) sets the flag on a copy.
  out[G + IN_GLOBAL.burnIn] = 0;
  out[G + IN_GLOBAL.rate] = read('mortgage_rate', q);
  out[G + IN_GLOBAL.dqIncome] = k.dqIncome;
  return out;
}

const NO_SCALE = [1, 1, 1];

/** A fresh inputs array. */
export function newInputs(): Float64Array {
  return new Float64Array(IN_LENGTH);
}
