/**
 * Calibrates the household delinquency rule to the macro model at t0:
 * a mortgagor is delinquent when her latent threshold falls below
 * Λ(1.702·(c0 + β·loss − dq_buffer·ln(buffer ratio) + dq_rate·Δrate)) — the
 * macro model's declared normal distribution (logistic approximation)
 * applied household by household — or for certain when her buffer is
 * exhausted and her payment exceeds `pti_threshold` of her income.
 *
 * Per group, β is chosen so that one more unemployed mortgagor raises the
 * expected delinquency as much as the macro model's `dq_income` says a
 * matching fall of the group's labour income does (the unemployed
 * mortgagors' expected delinquency, their drawn-down buffers included,
 * equals delinq0 + slope × their mean loss), and c0 so that expected
 * delinquency at t0 equals `delinq0`; a consumption scale makes the group's
 * households consume what the group does at t0 (the buffer-dependent MPC and
 * the liquidity constraint move it off the group rule). All are computed on a fixed reference
 * population (4 shards, seed {@link REFERENCE_SEED}, burned in at the t0
 * state), so they depend on neither the run's seed nor its size.
 */
import { MICRO_ASSUMPTIONS as A } from './assumptions.js';
import { advanceShard } from './kernel.js';
import { IN, IN_GLOBAL, IN_GROUP, N_GROUPS, ST, ST_GROUP, ST_LENGTH } from './layout.js';
import { createPopulation, type PopulationSetup } from './population.js';
import { SHARD_SIZE } from './shard.js';

/** Seed of the reference population. */
export const REFERENCE_SEED = 20260101;
/** Shards in the reference population. */
export const REFERENCE_SHARDS = 4;
/** Months every population is run at the t0 state before t0, so labour churn and buffers are settled. */
export const BURN_IN_MONTHS = 24;

/** The z-score whose logistic approximation of the normal CDF (1/(1+exp(−1.702 z))) is `p`. */
export const logit = (p: number): number => Math.log(p / (1 - p)) / 1.702;

/** The t0 inputs with the burn-in flag set and no liquid growth. */
export function burnInInputs(inputs0: Float64Array): Float64Array {
  const out = Float64Array.from(inputs0);
  const G = N_GROUPS * IN_GROUP;
  out[G + IN_GLOBAL.burnIn] = 1;
  out[G + IN_GLOBAL.rateGap] = 0;
  for (let g = 0; g < N_GROUPS; g++) {
    out[g * IN_GROUP + IN.liquidGrowth] = 1;
    out[g * IN_GROUP + IN.liquidIndex] = 1;
    out[g * IN_GROUP + IN.liquidRatio] = 1;
    out[g * IN_GROUP + IN.expectTarget] = out[g * IN_GROUP + IN.expectedRatio];
    out[g * IN_GROUP + IN.incomeRatio] = out[g * IN_GROUP + IN.expectedRatio];
  }
  return out;
}

/**
 * [c0, β, consumption scale] per group (9 values): the household rule
 * reproduces the macro delinquency at t0 and its response to labour-income
 * loss, and the households' consumption the group's consumption at t0.
 */
export function calibrateDelinquency(
  setup: PopulationSetup,
  macro: { dqIncome: number; dqBuffer: number; delinq0: number },
): Float64Array {
  const key = [
    ...setup.inputs0,
    ...setup.mortgagePerMember,
    ...setup.consumptionPerMember,
    macro.dqIncome,
    macro.dqBuffer,
    macro.delinq0,
  ].join(',');
  let out = CACHE.get(key);
  if (!out) {
    out = calibrate(setup, macro);
    CACHE.set(key, out);
  }
  return Float64Array.from(out);
}

/** Calibrations already made in this process, by their inputs. */
const CACHE = new Map<string, Float64Array>();

function calibrate(
  setup: PopulationSetup,
  macro: { dqIncome: number; dqBuffer: number; delinq0: number },
): Float64Array {
  const shards = createPopulation(REFERENCE_SHARDS * SHARD_SIZE, REFERENCE_SEED, setup, false);
  const inputs = burnInInputs(setup.inputs0);
  const stats = new Float64Array(ST_LENGTH);
  const consumption = new Float64Array(N_GROUPS);
  const households = new Float64Array(N_GROUPS);
  for (const shard of shards) {
    const own = Float64Array.from(inputs);
    for (let m = 0; m < BURN_IN_MONTHS; m++) {
      advanceShard(shard, own, stats);
      // the households' own mortgage interest scaled to the group's (this shard's sums)
      for (let g = 0; g < N_GROUPS; g++) {
        const n = shard.groupStart[g + 1] - shard.groupStart[g];
        own[g * IN_GROUP + IN.interestScale] = (setup.interestPerMember[g] * n) / stats[g * ST_GROUP + ST.interest];
      }
    }
    for (let g = 0; g < N_GROUPS; g++) {
      consumption[g] += stats[g * ST_GROUP + ST.consumption];
      households[g] += stats[g * ST_GROUP + ST.households];
    }
  }
  const out = new Float64Array(3 * N_GROUPS);
  const d0 = macro.delinq0;
  const slope = macro.dqIncome * 1.702 * d0 * (1 - d0);
  for (let g = 0; g < N_GROUPS; g++) {
    const lossList: number[] = [];
    const ownJobList: number[] = [];
    const unemployedList: number[] = [];
    const logList: number[] = [];
    let hard = 0;
    let hardUnemployed = 0;
    let lossUnemployed = 0;
    let nUnemployed = 0;
    for (const sh of shards) {
      for (let i = sh.groupStart[g]; i < sh.groupStart[g + 1]; i++) {
        if (sh.mortgage[i] !== 1) continue;
        const buf = sh.liquid[i];
        if (buf <= 0 && sh.payment[i] > A.ptiThreshold * Math.max(sh.income[i], 0)) {
          hard++;
          if (sh.status[i] === 0) hardUnemployed++;
          continue;
        }
        const rel = Math.max(0.05, sh.liquid0[i] > 0 ? buf / sh.liquid0[i] : 1);
        const g0 = g * IN_GROUP;
        const ref = (sh.occupation[i] === 0 ? setup.inputs0[g0 + IN.wageK] : setup.inputs0[g0 + IN.wageO]) * sh.wage[i];
        const ubi = setup.inputs0[g0 + IN.ubi];
        const lossNow = Math.max(0, 1 - sh.loss[i] / (ref + ubi));
        lossList.push(lossNow);
        ownJobList.push(sh.status[i] === 1 ? 1 : 0);
        unemployedList.push(sh.status[i] === 0 ? 1 : 0);
        logList.push(Math.log(rel));
        if (sh.status[i] === 0) {
          lossUnemployed += lossNow;
          nUnemployed++;
        }
      }
    }
    const loss = Float64Array.from(lossList);
    const logBuffer = Float64Array.from(logList);
    const ownJob = Uint8Array.from(ownJobList);
    const unemployed = Uint8Array.from(unemployedList);
    const total = loss.length + hard;
    const meanLoss = nUnemployed > 0 ? lossUnemployed / nUnemployed : 0.9;
    const expected = (c0: number, beta: number) => {
      let sum = hard;
      for (let j = 0; j < loss.length; j++) {
        const coefficient = ownJob[j] === 1 ? macro.dqIncome : beta;
        sum += 1 / (1 + Math.exp(-1.702 * (c0 + coefficient * loss[j] - macro.dqBuffer * logBuffer[j])));
      }
      return sum / total;
    };
    const expectedUnemployed = (c0: number, beta: number) => {
      let sum = hardUnemployed;
      for (let j = 0; j < loss.length; j++) {
        if (ownJob[j] === 1 || !unemployed[j]) continue;
        sum += 1 / (1 + Math.exp(-1.702 * (c0 + beta * loss[j] - macro.dqBuffer * logBuffer[j])));
      }
      return sum / (nUnemployed + hardUnemployed);
    };
    const bisect = (f: (x: number) => number, target: number, lo: number, hi: number) => {
      for (let it = 0; it < 32; it++) {
        const mid = (lo + hi) / 2;
        if (f(mid) > target) hi = mid;
        else lo = mid;
      }
      return (lo + hi) / 2;
    };
    const targetUnemployed = Math.min(0.95, d0 + slope * meanLoss);
    let c0 = logit(d0);
    let beta = 0;
    for (let round = 0; round < 2; round++) {
      beta = bisect((b) => expectedUnemployed(c0, b), targetUnemployed, 0, 20);
      c0 = bisect((c) => expected(c, beta), d0, -8, 4);
    }
    out[3 * g] = c0;
    out[3 * g + 1] = beta;
    out[3 * g + 2] = setup.consumptionPerMember[g] / (consumption[g] / households[g]);
  }
  return out;
}
