/**
 * One month of one shard: labour transitions, income, consumption, buffers,
 * mortgages (delinquency, double-trigger default), and the shard's month
 * statistics. Tight loops over typed arrays; no allocation.
 *
 * Labour: the macro path gives each group's shares of knowledge and other
 * jobs. A shard separates workers at the base layoff rate plus whatever net
 * destruction the path requires, then hires from its searchers just enough
 * that its expected shares equal the path's: the hazards are the macro
 * model's own flows, so micro unemployment tracks the macro one by
 * construction, up to sampling noise. Displaced knowledge workers take other
 * jobs (at the other-job pay) and return to knowledge jobs first when those
 * hire again.
 */
import { MICRO_ASSUMPTIONS as A } from './assumptions.js';
import {
  HIST_BASE,
  HIST_BINS,
  HIST_MIN,
  HIST_OCTAVES,
  HIST_PER_OCTAVE,
  IN,
  IN_GLOBAL,
  IN_GROUP,
  N_GROUPS,
  ST,
  ST_GROUP,
  ST_LENGTH,
  ST_METRO,
  ST_METRO_BASE,
  ST_OCC,
  ST_OCC_BASE,
} from './layout.js';
import { CNT, CNT_GROUP, type Shard } from './shard.js';

const TWO_M32 = 2.3283064365386963e-10;
/** Incomes from here on go to the top bin (layout.ts: 15 octaves from 1). */
const TOP_INCOME = 32768;
const LAST_BIN = HIST_BINS - 1;
// The month loop inlines layout.ts binOf for these bins (a call there costs as much as the rest of the loop).
if (HIST_MIN !== 1 || HIST_PER_OCTAVE !== 16 || HIST_OCTAVES !== 15) {
  throw new Error('kernel.ts inlines binOf for 15 octaves of 16 bins from 1: update it with layout.ts');
}
/** Labour-income smoothing weight a month (macro income_loss smooths over 0.25 yr). */
const LOSS_WEIGHT = 1 / 12 / 0.25;

/**
 * Advances `shard` by one month under `inputs` (layout.ts IN/IN_GLOBAL) and
 * writes its month statistics into `stats` (ST_LENGTH values, overwritten).
 */
export function advanceShard(shard: Shard, inputs: Float64Array, stats: Float64Array): void {
  stats.fill(0, 0, ST_LENGTH);
  // Imported constants as locals: under a CommonJS transform (tsx in worker threads) every use of an
  // imported binding is a getter call, which made the month loop ~1.7x slower there.
  const occBase = ST_OCC_BASE;
  const occStride = ST_OCC;
  const metroBase = ST_METRO_BASE;
  const metroStride = ST_METRO;
  const histBase = HIST_BASE;
  const rng = shard.rng;
  let s0 = rng[0] | 0;
  let s1 = rng[1] | 0;
  let s2 = rng[2] | 0;
  let s3 = rng[3] | 0;
  const { wage, capital, expected, liquid, liquid0, balance, house, payment, loss, latent, income, consumption } =
    shard;
  const { occupation, status, metro, mortgage, delinquent, counts } = shard;
  const contract = shard.rate;
  const G = N_GROUPS * IN_GROUP;
  const rateGap = inputs[G + IN_GLOBAL.rateGap];
  const hpi = inputs[G + IN_GLOBAL.hpi] / 100;
  const hpiTech = inputs[G + IN_GLOBAL.hpiTech] / 100;
  const smoothing = inputs[G + IN_GLOBAL.smoothing];
  const dqRateShift = inputs[G + IN_GLOBAL.dqRate] * rateGap;
  const dqBuffer = inputs[G + IN_GLOBAL.dqBuffer];
  const burnIn = inputs[G + IN_GLOBAL.burnIn] !== 0;
  const rateNow = inputs[G + IN_GLOBAL.rate];
  const dqIncomeOwnJob = inputs[G + IN_GLOBAL.dqIncome];
  const amortise = burnIn ? 1 : 1 - A.amortisation / 12;
  const defaultHazard = burnIn ? 0 : A.defaultHazard;
  const refresh = A.delinquencyRefresh;
  const pti = A.ptiThreshold;
  const mpcLo = A.mpcLowBuffer;
  const mpcHi = A.mpcHighBuffer;
  const s = A.layoffRate;
  const rebuild = A.bufferRebuild / 12;

  for (let g = 0; g < N_GROUPS; g++) {
    const from = shard.groupStart[g];
    const to = shard.groupStart[g + 1];
    if (to <= from) continue;
    const gi = g * IN_GROUP;
    const c = g * CNT_GROUP;
    // Hazards from last month's counters and this month's targets.
    const n = counts[c + CNT.households];
    const nK = counts[c + CNT.employedK];
    const nKO = counts[c + CNT.knowledgeInOther];
    const nOO = counts[c + CNT.otherEmployed];
    const nUk = counts[c + CNT.unemployedK];
    const nUo = counts[c + CNT.unemployedO];
    const targetK = inputs[gi + IN.shareK] * n;
    const targetO = inputs[gi + IN.shareO] * n;
    const pK = nK > 0 ? Math.min(1, s + Math.max(0, (nK * (1 - s) - targetK) / nK)) : 0;
    const candK = nKO + nUk;
    const hK = candK > 0 ? Math.min(1, Math.max(0, targetK - nK * (1 - pK)) / candK) : 0;
    const holdO = nKO * (1 - hK) + nOO;
    const pO = holdO > 0 ? Math.min(1, s + Math.max(0, (holdO * (1 - s) - targetO) / holdO)) : 0;
    const candO = nUk * (1 - hK) + nUo;
    const hO = candO > 0 ? Math.min(1, Math.max(0, targetO - holdO * (1 - pO)) / candO) : 0;
    const pOafterK = hK + (1 - hK) * pO;
    const hOafterK = hK + (1 - hK) * hO;

    const wageK = inputs[gi + IN.wageK];
    const wageO = inputs[gi + IN.wageO];
    const netWage = 1 - inputs[gi + IN.taxInc] - inputs[gi + IN.taxPay];
    const netBenefit = 1 - inputs[gi + IN.taxInc];
    const ui = inputs[gi + IN.ui];
    const ubi = inputs[gi + IN.ubi];
    const ubiNet = ubi * netBenefit;
    const uiNet = ui * netBenefit;
    const rest = inputs[gi + IN.rest];
    const interestScale = inputs[gi + IN.interestScale];
    const scale = inputs[gi + IN.consumptionScale];
    const confAlpha = scale * inputs[gi + IN.confidence] * inputs[gi + IN.alpha1];
    const confWealth = scale * inputs[gi + IN.confidence] * inputs[gi + IN.wealth];
    const incomeRatio = inputs[gi + IN.incomeRatio];
    const keep = confAlpha * incomeRatio;
    const target = inputs[gi + IN.expectTarget];
    const liquidGrowth = inputs[gi + IN.liquidGrowth];
    const liquidIndex = inputs[gi + IN.liquidIndex];
    const liquidScale = inputs[gi + IN.liquidRatio] / liquidIndex;
    const c0 = inputs[gi + IN.dqC0] + dqRateShift;
    const dqIncome = inputs[gi + IN.dqIncome];

    let eK = 0;
    let eKO = 0;
    let eOO = 0;
    let uK = 0;
    let uO = 0;
    let sumC = 0;
    let sumY = 0;
    let sumBuf = 0;
    let sumInterest = 0;
    let nMort = 0;
    let nDel = 0;
    let bal = 0;
    let balDel = 0;
    let defaults = 0;

    for (let i = from; i < to; i++) {
      // --- labour transition (one uniform)
      let t = s1 << 9;
      let m = Math.imul(s1, 5);
      let u = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * TWO_M32;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const occ = occupation[i];
      let st = status[i];
      if (occ === 0) {
        if (st === 1) {
          if (u < pK) st = 0;
        } else if (st === 2) {
          if (u < hK) st = 1;
          else if (u < pOafterK) st = 0;
        } else if (u < hK) st = 1;
        else if (u < hOafterK) st = 2;
      } else if (st === 1) {
        if (u < pO) st = 0;
      } else if (u < hO) st = 1;
      status[i] = st;

      // --- income
      const z = wage[i];
      const ref = (occ === 0 ? wageK : wageO) * z;
      const pay = st === 1 ? ref : st === 2 ? wageO * z : 0;
      const benefit = st === 0 ? uiNet : 0;
      // her own mortgage interest (0 without a mortgage), scaled so the group pays the macro int_mort
      const interest = balance[i] * contract[i];
      sumInterest += interest;
      const yd = pay * netWage + benefit + ubiNet + rest * capital[i] - interestScale * interest;
      const lab = pay + (st === 0 ? ui : 0) + ubi;
      const ye = expected[i] + (yd * target - expected[i]) * smoothing;
      expected[i] = ye;

      // --- consumption: the macro group's rule per household, plus a buffer-dependent MPC out of surprises
      // Consumption out of income (the group rule's α1·YD_e share, plus surprises at a buffer-dependent MPC)
      // moves the buffer; consumption out of wealth is financed from equity and housing.
      let buf = liquid[i] * liquidGrowth;
      const fromWealth = confWealth * capital[i];
      // The surprise is income against what the group expects of it (YD_e / YD), so steady growth is no surprise.
      let fromIncome = confAlpha * ye + (buf * 12 < ye ? mpcLo : mpcHi) * (yd * incomeRatio - ye);
      // No buffer left: spend out of income at most what keeps the buffer from falling further.
      const normal = keep * yd;
      if (buf <= 0 && fromIncome > normal) fromIncome = Math.max(normal, 0);
      if (fromIncome < 0) fromIncome = 0;
      const cons = fromIncome + fromWealth;
      buf += (normal - fromIncome) / 12 + rebuild * (liquid0[i] * liquidIndex - buf);
      liquid[i] = buf;
      income[i] = yd;
      consumption[i] = cons;
      // Labour income smoothed as the macro model's income_loss does, against today's no-shock pay.
      const labSmooth = loss[i] + (lab - loss[i]) * LOSS_WEIGHT;
      loss[i] = labSmooth;
      const lossNow = 1 - labSmooth / (ref + ubi);
      const ls = Math.max(lossNow, 0);

      sumC += cons;
      sumY += yd;
      sumBuf += buf;
      if (st === 1) {
        if (occ === 0) eK++;
        else eOO++;
      } else if (st === 2) eKO++;
      else if (occ === 0) uK++;
      else uO++;
      const ob = occBase + occ * occStride;
      stats[ob]++;
      if (st === 0) stats[ob + 1]++;
      const mb = metroBase + metro[i] * metroStride;
      stats[mb]++;

      // --- income histogram
      // income bin: octave from the leading bit of yd * 65536, step from the next four bits (layout.ts binOf)
      let bin = 0;
      if (yd >= 2) {
        if (yd >= TOP_INCOME) bin = LAST_BIN;
        else {
          const v = (yd * 65536) >>> 0;
          const top = 31 - Math.clz32(v);
          bin = (top - 16) * 16 + ((v >>> (top - 4)) & 15);
        }
      } else if (yd >= 1) bin = ((yd - 1) * 16) | 0;
      const hb = histBase + 3 * bin;
      stats[hb]++;
      stats[hb + 1] += Math.max(yd, 0);
      stats[hb + 2] += cons;

      // --- mortgage
      if (mortgage[i] !== 1) continue;
      const b = balance[i] * amortise;
      balance[i] = b;
      // two more uniforms: threshold refresh, then the default draw
      t = s1 << 9;
      m = Math.imul(s1, 5);
      u = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * TWO_M32;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      let lat = latent[i];
      if (u < refresh) {
        lat = u / refresh;
        latent[i] = lat;
      }
      const b0 = liquid0[i];
      let rel = b0 > 0 ? (buf / b0) * liquidScale : 1;
      if (rel < 0.05) rel = 0.05;
      // Small, shared losses of households in their own job (pay lagging prices) carry the macro
      // coefficient; the large losses of the unemployed and displaced the calibrated one.
      const zscore = c0 + (st === 1 ? dqIncomeOwnJob : dqIncome) * ls - dqBuffer * Math.log(rel);
      const hardTrigger = buf <= 0 && payment[i] > pti * Math.max(yd, 0);
      // The statistics add each mortgagor's probability (1 when buffer and income both fail), not the
      // draw: the same expected shares with far less sampling noise; the draw decides her own state.
      const prob = hardTrigger ? 1 : 1 / (1 + Math.exp(-1.702 * zscore));
      nMort++;
      bal += b;
      nDel += prob;
      balDel += prob * b;
      stats[ob + 3] += prob;
      stats[mb + 2] += prob;
      if (lat < prob) {
        delinquent[i] = 1;
        const value = house[i] * (metro[i] === 0 ? hpiTech : hpi);
        if (value < b && defaultHazard > 0) {
          t = s1 << 9;
          m = Math.imul(s1, 5);
          u = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * TWO_M32;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = (s3 << 11) | (s3 >>> 21);
          if (u < defaultHazard) {
            // Foreclosure: the home passes to a new owner-occupier with a fresh 80 % loan at today's rate
            // and a new buyer's buffer (the household slot stands for the home's occupant), so the stock of
            // mortgagors stays as in the macro model, whose originations replace defaulted loans.
            const loan = 0.8 * value;
            balance[i] = loan;
            payment[i] = loan * (rateNow + A.amortisation);
            contract[i] = rateNow;
            liquid[i] = liquid0[i] * liquidIndex;
            latent[i] = u / defaultHazard;
            delinquent[i] = 0;
            defaults++;
          }
        }
      } else delinquent[i] = 0;
      stats[ob + 2]++;
      stats[mb + 1]++;
    }

    counts[c + CNT.employedK] = eK;
    counts[c + CNT.knowledgeInOther] = eKO;
    counts[c + CNT.otherEmployed] = eOO;
    counts[c + CNT.unemployedK] = uK;
    counts[c + CNT.unemployedO] = uO;
    const sg = g * ST_GROUP;
    stats[sg + ST.households] = to - from;
    stats[sg + ST.employedK] = eK;
    stats[sg + ST.employedO] = eKO + eOO;
    stats[sg + ST.unemployed] = uK + uO;
    stats[sg + ST.consumption] = sumC;
    stats[sg + ST.income] = sumY;
    stats[sg + ST.mortgagors] = nMort;
    stats[sg + ST.delinquent] = nDel;
    stats[sg + ST.balance] = bal;
    stats[sg + ST.balanceDelinquent] = balDel;
    stats[sg + ST.defaults] = defaults;
    stats[sg + ST.buffer] = sumBuf;
    stats[sg + ST.interest] = sumInterest;
  }
  rng[0] = s0;
  rng[1] = s1;
  rng[2] = s2;
  rng[3] = s3;
}
