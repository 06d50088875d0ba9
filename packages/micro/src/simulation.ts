/**
 * A household micro-simulation under a macro path: builds the population,
 * burns it in at the t0 state, calibrates the delinquency rule, then
 * advances month by month, reading the macro state of the month before
 * (macro-inputs.ts) and recording aggregates and distribution measures.
 * Used standalone on a stored run (standalone.ts) or coupled to a running
 * macro model through `step` (coupled.ts).
 */
import { checkSeed } from '@endgame/analysis';
import { GROUPS, METROS, OCCUPATIONS } from './assumptions.js';
import { BURN_IN_MONTHS, burnInInputs, calibrateDelinquency, logit } from './calibrate.js';
import { consumptionByDecile, giniOfHistogram, middleClassShare, quantileOfHistogram } from './distribution.js';
import type { ShardExecutor } from './executor.js';
import {
  HIST_BASE,
  N_GROUPS,
  N_METRO,
  N_OCC,
  ST,
  ST_GROUP,
  ST_LENGTH,
  ST_METRO,
  ST_METRO_BASE,
  ST_OCC,
  ST_OCC_BASE,
} from './layout.js';
import { fillInputs, type MacroConstants, type MacroRead, newInputs, readConstants } from './macro-inputs.js';
import { allocatePopulation, type PopulationSetup } from './population.js';
import { exportSample } from './sample.js';
import type { Shard } from './shard.js';

/** Options of a micro-simulation. */
export interface MicroOptions {
  /** Number of households (default 100,000). */
  households?: number;
  /** Seed of the population and its hazards (default 1). */
  seed?: number;
  /** Households to export in the result's `sample` CSV at the end (default none). */
  sample?: number;
}

/** What the micro layer gives the macro model for one month, in its units. */
export interface MicroAggregates {
  /** Consumption of each group, USD bn / yr (hh_top, hh_pro, hh_work). */
  consumption: number[];
  /** Share of each group's mortgagors who are delinquent. */
  delinquency: number[];
}

/** Names of the series a micro run records (months 0..N; month 0 is the burned-in t0 state). */
export const MICRO_SERIES = [
  'income_gini',
  'middle_class_share',
  'median_income',
  'households_delinquent_share',
  'households_default_share',
  'micro_unemployment_rate',
  'micro_consumption',
  ...GROUPS.map((g) => `micro_consumption.${g}`),
  ...GROUPS.map((g) => `households_delinquent_share.${g}`),
  ...OCCUPATIONS.map((o) => `households_delinquent_share.${o}`),
  ...METROS.map((m) => `households_delinquent_share.${m}_metro`),
  ...OCCUPATIONS.map((o) => `unemployment_rate.${o}`),
  ...Array.from({ length: 10 }, (_, d) => `consumption_decile_${d + 1}`),
] as const;

/** The recorded outputs of a micro run. */
export interface MicroResult {
  households: number;
  seed: number;
  /** Months simulated after t0. */
  months: number;
  /** Each of {@link MICRO_SERIES}: months + 1 values. */
  series: Record<string, Float64Array>;
  /** Delinquency coefficients per group: [c0, β] × 3 (calibrate.ts). */
  calibration: number[];
  /** The household sample (sample.ts) at the end of the run, when asked for. */
  sample?: string;
}

/** The micro layer's state over a run. */
export class MicroSimulation {
  readonly shards: Shard[];
  readonly constants: MacroConstants;
  /** [c0, β, consumption scale] per group (calibrate.ts), set by {@link MicroSimulation.start}. */
  calibration: Float64Array = new Float64Array(3 * N_GROUPS);
  readonly series: Record<string, Float64Array>;
  private readonly inputs = newInputs();
  private readonly interestScale = new Float64Array(N_GROUPS).fill(1);
  private readonly total = new Float64Array(ST_LENGTH);
  private readonly groupSize: number[];
  private readonly setup: PopulationSetup;
  private mortgagors0 = 0;
  private defaults = 0;
  private month = 0;

  private constructor(
    readonly households: number,
    readonly seed: number,
    private readonly sampleSize: number,
    readonly months: number,
    private readonly read: MacroRead,
    private readonly executor: ShardExecutor,
    dt: number,
  ) {
    checkSeed(seed);
    this.constants = readConstants(read, dt);
    const inputs0 = fillInputs(read, 0, 0, this.constants, new Float64Array(9), newInputs());
    const setup = {
      inputs0,
      mortgagePerMember: this.constants.mortgagePerMember,
      consumptionPerMember: this.constants.consumptionPerMember,
      interestPerMember: this.constants.interestPerMember,
    };
    this.setup = setup;
    this.shards = allocatePopulation(households, executor.shared);
    this.groupSize = GROUPS.map((_, g) => this.shards.reduce((n, s) => n + s.groupStart[g + 1] - s.groupStart[g], 0));
    this.series = Object.fromEntries(MICRO_SERIES.map((name) => [name, new Float64Array(months + 1).fill(Number.NaN)]));
  }

  /**
   * Builds the population for a macro run of `months` months (read at
   * period 0) and burns it in; `read` must give period 0 now and period
   * p − 1 by the time month p is advanced.
   */
  static async start(
    read: MacroRead,
    months: number,
    dt: number,
    executor: ShardExecutor,
    options: MicroOptions = {},
  ): Promise<MicroSimulation> {
    const sim = new MicroSimulation(
      options.households ?? 100_000,
      options.seed ?? 1,
      options.sample ?? 0,
      months,
      read,
      executor,
      dt,
    );
    // Workers draw the households while this thread calibrates on the reference population.
    const drawing = executor.draw(sim.shards, sim.seed, sim.setup);
    sim.calibration = calibrateDelinquency(sim.setup, sim.constants);
    await drawing;
    const burnIn = () =>
      burnInInputs(fillInputs(read, 0, 0, sim.constants, sim.calibration, sim.inputs, sim.interestScale));
    let stats: Float64Array = new Float64Array(0);
    for (let m = 0; m < BURN_IN_MONTHS - 1; m++) {
      stats = await executor.advance(sim.shards, burnIn());
      sim.record(0, stats);
      sim.scaleInterest(0);
    }
    // The population's own consumption at t0, not the reference population's: rescale, then one more month,
    for (let g = 0; g < N_GROUPS; g++) {
      const b = g * ST_GROUP;
      sim.calibration[3 * g + 2] *=
        sim.constants.consumptionPerMember[g] / (sim.total[b + ST.consumption] / sim.groupSize[g]);
      // and its own delinquency: one step on the logit scale toward delinq0
      const share = sim.total[b + ST.delinquent] / Math.max(1, sim.total[b + ST.mortgagors]);
      if (share > 0 && share < 1) sim.calibration[3 * g] += logit(sim.constants.delinq0) - logit(share);
    }
    stats = await executor.advance(sim.shards, burnIn());
    sim.record(0, stats);
    sim.mortgagors0 = GROUPS.reduce((n, _, g) => n + sim.total[g * ST_GROUP + ST.mortgagors], 0);
    return sim;
  }

  /** Advances month `p` (the next one) from the macro state of p − 1; returns what the macro model takes. */
  async advance(p: number): Promise<MicroAggregates> {
    if (p !== this.month + 1 || p > this.months) {
      throw new Error(`micro month ${p}: the next month is ${this.month + 1} of ${this.months}`);
    }
    const q = p - 1;
    fillInputs(this.read, q, Math.max(0, q - 1), this.constants, this.calibration, this.inputs, this.interestScale);
    const stats = await this.executor.advance(this.shards, this.inputs);
    this.record(p, stats);
    this.scaleInterest(q);
    this.month = p;
    return this.aggregates(q);
  }

  /**
   * Sets each group's interest scale so the households' own interest
   * (balance × contract rate, last month's sums) adds up to the group's
   * `int_mort` of macro period q.
   */
  private scaleInterest(q: number): void {
    for (let g = 0; g < N_GROUPS; g++) {
      const own = this.total[g * ST_GROUP + ST.interest];
      const macro = (this.read(`${GROUPS[g]}.int_mort`, q) / this.read(`${GROUPS[g]}.LF`, q)) * this.groupSize[g];
      this.interestScale[g] = own > 0 ? macro / own : 1;
    }
  }

  /** The month's aggregates in macro units (labour force of the macro period q). */
  private aggregates(q: number): MicroAggregates {
    const t = this.total;
    return {
      consumption: GROUPS.map((_, k) => this.consumptionOf(k, q)),
      delinquency: GROUPS.map((_, k) => t[k * ST_GROUP + ST.delinquent] / Math.max(1, t[k * ST_GROUP + ST.mortgagors])),
    };
  }

  /**
   * Group k's consumption in macro units, USD bn / yr: the households' mean
   * times the group's labour force, carried forward one month by the growth
   * of the group's expected income (the households read the macro state of
   * the month before).
   */
  private consumptionOf(k: number, q: number): number {
    const g = GROUPS[k];
    const growth = q > 0 ? this.read(`${g}.YD_e`, q) / this.read(`${g}.YD_e`, q - 1) : 1;
    return ((this.total[k * ST_GROUP + ST.consumption] * this.read(`${g}.LF`, q)) / this.groupSize[k]) * growth;
  }

  /** Sums the shards' statistics in shard order and records month p. */
  private record(p: number, stats: Float64Array): void {
    const t = this.total;
    t.fill(0);
    const shards = stats.length / ST_LENGTH;
    for (let s = 0; s < shards; s++) {
      const at = s * ST_LENGTH;
      for (let k = 0; k < ST_LENGTH; k++) t[k] += stats[at + k];
    }
    const S = this.series;
    const q = Math.max(0, p - 1);
    let mort = 0;
    let del = 0;
    let unemployed = 0;
    let lf = 0;
    let cons = 0;
    for (let g = 0; g < N_GROUPS; g++) {
      const b = g * ST_GROUP;
      const LF = this.read(`${GROUPS[g]}.LF`, q);
      mort += t[b + ST.mortgagors];
      del += t[b + ST.delinquent];
      unemployed += (t[b + ST.unemployed] / t[b + ST.households]) * LF;
      lf += LF;
      const c = this.consumptionOf(g, q);
      cons += c;
      S[`micro_consumption.${GROUPS[g]}`][p] = c;
      S[`households_delinquent_share.${GROUPS[g]}`][p] = t[b + ST.delinquent] / Math.max(1, t[b + ST.mortgagors]);
      if (p > 0) this.defaults += t[b + ST.defaults];
    }
    S.micro_consumption[p] = cons;
    S.micro_unemployment_rate[p] = unemployed / lf;
    S.households_delinquent_share[p] = del / Math.max(1, mort);
    S.households_default_share[p] = p > 0 ? this.defaults / Math.max(1, this.mortgagors0) : 0;
    for (let o = 0; o < N_OCC; o++) {
      const b = ST_OCC_BASE + o * ST_OCC;
      S[`unemployment_rate.${OCCUPATIONS[o]}`][p] = t[b + 1] / Math.max(1, t[b]);
      S[`households_delinquent_share.${OCCUPATIONS[o]}`][p] = t[b + 3] / Math.max(1, t[b + 2]);
    }
    for (let m = 0; m < N_METRO; m++) {
      const b = ST_METRO_BASE + m * ST_METRO;
      S[`households_delinquent_share.${METROS[m]}_metro`][p] = t[b + 2] / Math.max(1, t[b + 1]);
    }
    S.income_gini[p] = giniOfHistogram(t, HIST_BASE);
    S.middle_class_share[p] = middleClassShare(t, HIST_BASE);
    S.median_income[p] = quantileOfHistogram(t, 0.5, HIST_BASE);
    const deciles = consumptionByDecile(t, HIST_BASE);
    for (let d = 0; d < 10; d++) S[`consumption_decile_${d + 1}`][p] = deciles[d];
  }

  /** The recorded outputs. */
  result(): MicroResult {
    return {
      households: this.households,
      seed: this.seed,
      months: this.months,
      series: this.series,
      calibration: Array.from(this.calibration),
      ...(this.sampleSize > 0 ? { sample: exportSample(this.shards, this.sampleSize) } : {}),
    };
  }
}
