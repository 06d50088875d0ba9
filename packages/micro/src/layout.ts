/**
 * Fixed layouts of the two small arrays that cross between the main thread
 * and the kernel each month: the month's macro inputs (per group, then
 * global) and a shard's month statistics (per group, occupation, metro, then
 * the income histogram). Plain numbers, so they post to workers cheaply.
 */

/** Groups, occupations and metro types (see assumptions.ts). */
export const N_GROUPS = 3;
export const N_OCC = 3;
export const N_METRO = 2;

/** Per-group inputs: offsets within a group's block of {@link IN_GROUP} values. */
export const IN = {
  /** Knowledge jobs held / group labour force. */
  shareK: 0,
  /** Other jobs held / group labour force. */
  shareO: 1,
  /** Gross pay of a knowledge job, USD k / yr. */
  wageK: 2,
  /** Gross pay of an other job, USD k / yr. */
  wageO: 3,
  /** Gross unemployment insurance per unemployed member, USD k / yr. */
  ui: 4,
  /** Gross UBI per labour-force member, USD k / yr. */
  ubi: 5,
  /** Average personal income-tax rate. */
  taxInc: 6,
  /** Payroll-tax rate. */
  taxPay: 7,
  /** Non-labour disposable income per member before mortgage interest (transfers, capital income less other interest and taxes), USD k / yr. */
  rest: 8,
  /** Consumer confidence. */
  confidence: 9,
  /** Propensity to consume out of expected disposable income. */
  alpha1: 10,
  /** Consumption out of wealth per member, USD k / yr. */
  wealth: 11,
  /** The group's expected over current disposable income now (YD_e / YD): buffers absorb consumption out of income beyond α1·YD_e. */
  incomeRatio: 12,
  /** Growth of the group's disposable income this month (YD_p / YD_{p−1}): buffers are indexed to it. */
  liquidGrowth: 13,
  /** The group's disposable income relative to t0 (YD_p / YD_0). */
  liquidIndex: 14,
  /** The group's real liquid ratio (liq_ratio). */
  liquidRatio: 15,
  /** Delinquency intercept (calibrated, see calibrate.ts). */
  dqC0: 16,
  /** Delinquency z-score per unit labour-income loss of an unemployed or displaced household (calibrated). */
  dqIncome: 17,
  /** Expected over current disposable income at t0 (YD_e0 / YD). */
  expectedRatio: 18,
  /** Scale of household consumption so the group's total matches the macro model at t0 (calibrated). */
  consumptionScale: 19,
  /** What expected income moves toward, as a multiple of current income (1; YD_e0 / YD in the burn-in). */
  expectTarget: 20,
  /** Scale of households' own mortgage interest (balance × contract rate) so the group pays its int_mort. */
  interestScale: 21,
} as const;
/** Values per group in the inputs. */
export const IN_GROUP = 22;
/** Global inputs, after the groups. */
export const IN_GLOBAL = {
  /** Mortgage rate minus its t0 value. */
  rateGap: 0,
  /** National house-price index (100 at t0). */
  hpi: 1,
  /** Tech-metro house-price index. */
  hpiTech: 2,
  /** dt / income_expect_time: the monthly weight of expected-income smoothing. */
  smoothing: 3,
  /** z-score per unit rise of the mortgage rate (macro dq_rate). */
  dqRate: 4,
  /** z-score per log change of the buffer (macro dq_buffer). */
  dqBuffer: 5,
  /** 1 while burning in (no defaults, no amortisation), else 0. */
  burnIn: 6,
  /** Mortgage rate (new loans). */
  rate: 7,
  /** z-score per unit labour-income loss of households in their own job (macro dq_income). */
  dqIncome: 8,
} as const;
/** Length of the month's inputs. */
export const IN_LENGTH = N_GROUPS * IN_GROUP + 9;

/** Per-group statistics of a shard's month (delinquency as the sum of mortgagors' probabilities). */
export const ST = {
  households: 0,
  employedK: 1,
  employedO: 2,
  unemployed: 3,
  consumption: 4,
  income: 5,
  mortgagors: 6,
  delinquent: 7,
  balance: 8,
  balanceDelinquent: 9,
  defaults: 10,
  buffer: 11,
  /** Σ balance × contract rate (before the interest scale), USD k / yr. */
  interest: 12,
} as const;
/** Values per group in the statistics. */
export const ST_GROUP = 13;
/** Per-occupation statistics: households, unemployed, mortgagors, delinquent. */
export const ST_OCC_BASE = N_GROUPS * ST_GROUP;
export const ST_OCC = 4;
/** Per-metro statistics: households, mortgagors, delinquent. */
export const ST_METRO_BASE = ST_OCC_BASE + N_OCC * ST_OCC;
export const ST_METRO = 3;
/**
 * Income histogram of disposable income, count, income and consumption per
 * bin. Bins split each doubling of income (octave) from HIST_MIN into
 * HIST_PER_OCTAVE equal steps, so the kernel finds a bin from the bits of
 * the income (no logarithm): {@link HIST_OCTAVES} octaves from 1 to 32,768
 * USD k / yr; lower incomes go to bin 0, higher ones to the last.
 */
export const HIST_BASE = ST_METRO_BASE + N_METRO * ST_METRO;
export const HIST_PER_OCTAVE = 16;
export const HIST_OCTAVES = 15;
export const HIST_BINS = HIST_PER_OCTAVE * HIST_OCTAVES;
/** Lowest bin edge, USD k / yr. */
export const HIST_MIN = 1;
/** Length of a shard's month statistics. */
export const ST_LENGTH = HIST_BASE + 3 * HIST_BINS;

/** Lower edge of histogram bin k (0..HIST_BINS; HIST_BINS gives the top edge), USD k / yr. */
export function binEdge(k: number): number {
  const octave = Math.floor(k / HIST_PER_OCTAVE);
  return HIST_MIN * 2 ** octave * (1 + (k - octave * HIST_PER_OCTAVE) / HIST_PER_OCTAVE);
}

/** The bin of income `y` (USD k / yr): its octave from the leading bit, its step from the next four. */
export function binOf(y: number): number {
  if (!(y >= 2 * HIST_MIN)) return y >= HIST_MIN ? ((y / HIST_MIN - 1) * HIST_PER_OCTAVE) | 0 : 0;
  const v = (y * (65536 / HIST_MIN)) >>> 0;
  if (v === 0 || y >= HIST_MIN * 2 ** HIST_OCTAVES) return HIST_BINS - 1;
  const top = 31 - Math.clz32(v);
  const octave = top - 16;
  const step = (v >>> (top - 4)) & 15;
  return octave * HIST_PER_OCTAVE + step;
}
