/**
 * Synthetic population: N households in shards of {@link SHARD_SIZE}, each
 * shard split into the three macro groups by their labour-force shares and
 * drawn from its own random stream (so the population is the same whatever
 * the number of workers). Distributions: data/households.json; group levels
 * (job shares, pay, unemployment insurance, mortgages) from the macro model at t0.
 */
import { EngineError } from '@endgame/engine';
import { MICRO_ASSUMPTIONS as A } from './assumptions.js';
import { IN, IN_GROUP, N_GROUPS } from './layout.js';
import { nextNormal, nextUniform, seedShardRng, shardStreams } from './rng.js';
import { allocateShard, CNT, CNT_GROUP, SHARD_SIZE, type Shard } from './shard.js';

/** Most households a run accepts (memory: ~57 bytes each). */
export const MAX_HOUSEHOLDS = 20_000_000;

/** What synthesis needs from the macro model at t0 besides the month inputs. */
export interface PopulationSetup {
  /** Month inputs at t0 (layout.ts). */
  inputs0: Float64Array;
  /** Mortgage debt per labour-force member of each group at t0, USD k. */
  mortgagePerMember: number[];
  /** Consumption per labour-force member of each group at t0, USD k / yr. */
  consumptionPerMember: number[];
  /** Mortgage interest per labour-force member of each group at t0, USD k / yr. */
  interestPerMember: number[];
}

/** Throws a one-line `bad-input` error unless `n` is a whole number of households in range. */
export function checkHouseholds(n: number): void {
  if (!Number.isInteger(n) || n < 1000 || n > MAX_HOUSEHOLDS) {
    throw new EngineError(
      'bad-input',
      `households must be a whole number from 1000 to ${MAX_HOUSEHOLDS}, got ${n}; e.g. --households 100000`,
    );
  }
}

/** Group boundaries of a shard of `size` households: [0, top end, pro end, size]. */
export function groupStarts(size: number): number[] {
  const starts = [0];
  let at = 0;
  for (let g = 0; g < N_GROUPS - 1; g++) {
    at += Math.round(size * A.groupShare[g]);
    starts.push(at);
  }
  starts.push(size);
  return starts;
}

/** Sizes of the shards of a population of `n` households. */
export function shardSizes(n: number): number[] {
  const sizes: number[] = [];
  for (let left = n; left > 0; left -= SHARD_SIZE) sizes.push(Math.min(SHARD_SIZE, left));
  return sizes;
}

/** Allocates the (zeroed) shards of a population of `households`; shared memory for a worker pool. */
export function allocatePopulation(households: number, shared: boolean): Shard[] {
  checkHouseholds(households);
  return shardSizes(households).map((size, index) => allocateShard(index, size, groupStarts(size), shared));
}

/** Seeds shard `shard.index`'s stream of `seed` and draws its households. */
export function drawShard(shard: Shard, streams: (run: number) => { next(): number }, setup: PopulationSetup): void {
  seedShardRng(streams, shard.index, shard.rng);
  synthesizeShard(shard, setup);
}

/** Allocates and draws every shard of a population of `households` for `seed`, in this thread. */
export function createPopulation(households: number, seed: number, setup: PopulationSetup, shared: boolean): Shard[] {
  const streams = shardStreams(seed);
  const shards = allocatePopulation(households, shared);
  for (const shard of shards) drawShard(shard, streams, setup);
  return shards;
}

/** Draws every household of `shard` (its rng must be seeded). */
export function synthesizeShard(shard: Shard, setup: PopulationSetup): void {
  const r = shard.rng;
  const { inputs0 } = setup;
  const { occupation, status, wage, capital, income, expected, liquid, liquid0, loss, metro, latent } = shard;
  const { mortgage, balance, house, payment, rate: contract } = shard;
  const sigmaC = A.capitalSigma;
  for (let g = 0; g < N_GROUPS; g++) {
    const gi = g * IN_GROUP;
    const shareK = inputs0[gi + IN.shareK];
    const shareO = inputs0[gi + IN.shareO];
    const knowledge = shareK / (shareK + shareO);
    const employed = shareK + shareO;
    const sigma = A.wageSigma[g];
    const netWage = 1 - inputs0[gi + IN.taxInc] - inputs0[gi + IN.taxPay];
    const netBenefit = 1 - inputs0[gi + IN.taxInc];
    const meanBalance = setup.mortgagePerMember[g] / A.mortgagorShare[g];
    const counts = new Float64Array(CNT_GROUP);
    for (let i = shard.groupStart[g]; i < shard.groupStart[g + 1]; i++) {
      const occ = nextUniform(r) < knowledge ? 0 : nextUniform(r) < A.routineShare ? 1 : 2;
      const st = nextUniform(r) < employed ? 1 : 0;
      const n1 = nextNormal(r);
      const n2 = nextNormal(r);
      const z = Math.exp(sigma * n1 - (sigma * sigma) / 2);
      const k = Math.exp(sigmaC * (0.5 * n1 + Math.sqrt(0.75) * n2) - (sigmaC * sigmaC) / 2);
      const ref = (occ === 0 ? inputs0[gi + IN.wageK] : inputs0[gi + IN.wageO]) * z;
      const pay = st === 1 ? ref : 0;
      const ui = st === 0 ? inputs0[gi + IN.ui] : 0;
      const ubi = inputs0[gi + IN.ubi];
      const yd = pay * netWage + (ui + ubi) * netBenefit + inputs0[gi + IN.rest] * k;
      occupation[i] = occ;
      status[i] = st;
      wage[i] = z;
      capital[i] = k;
      income[i] = yd;
      expected[i] = yd * inputs0[gi + IN.expectedRatio];
      const months = A.bufferMedianMonths * Math.exp(A.bufferSigma * nextNormal(r));
      liquid[i] = liquid0[i] = (months * Math.max(yd, 1)) / 12;
      loss[i] = pay + ui + ubi;
      metro[i] = nextUniform(r) < A.techMetroShare[g] ? 0 : 1;
      latent[i] = nextUniform(r);
      if (nextUniform(r) < A.mortgagorShare[g]) {
        const bal = meanBalance * z * Math.exp(0.4 * nextNormal(r) - 0.08);
        const ltv = Math.exp(A.logLtvMu + A.logLtvSigma * nextNormal(r));
        const rate = A.contractRate[0] + (A.contractRate[1] - A.contractRate[0]) * nextUniform(r);
        mortgage[i] = 1;
        balance[i] = bal;
        house[i] = bal / ltv;
        payment[i] = bal * (rate + A.amortisation);
        contract[i] = rate;
      }
      counts[CNT.households]++;
      if (st === 1) counts[occ === 0 ? CNT.employedK : CNT.otherEmployed]++;
      else counts[occ === 0 ? CNT.unemployedK : CNT.unemployedO]++;
    }
    normalizeMean(wage, shard.groupStart[g], shard.groupStart[g + 1]);
    normalizeMean(capital, shard.groupStart[g], shard.groupStart[g + 1]);
    shard.counts.set(counts, g * CNT_GROUP);
  }
}

/**
 * Rescales x[from..to) to mean 1, so a group's earnings and wealth weights
 * add up exactly (no sampling noise in the group totals). Incomes and
 * buffers drawn with the raw weights are off by the same small factor at
 * most; the burn-in settles them.
 */
function normalizeMean(x: Float32Array, from: number, to: number): void {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i];
  const scale = (to - from) / sum;
  for (let i = from; i < to; i++) x[i] *= scale;
}
