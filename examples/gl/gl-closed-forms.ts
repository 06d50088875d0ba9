/**
 * Closed-form solutions of the Godley & Lavoie textbook models, derived by hand from the
 * book's equations (Monetary Economics, 2007) and written independently of the engine, so the
 * tests can check the engine's numbers against them. Each function takes the model's params by
 * the names used in examples/gl/*.yaml.
 */

/** Param values by name, as in the model files. */
export type Params = Readonly<Record<string, number>>;

function need(p: Params, name: string): number {
  const value = p[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`closed form needs param '${name}', got ${String(value)}; pass it in the params record`);
  }
  return value;
}

/** A few solved series of SIM or SIMEX. */
export interface SimSolution {
  Y: number;
  YD: number;
  T: number;
  C: number;
  /** End-of-period household money. */
  H: number;
}

/**
 * SIM within one period, given last period's money H₋₁ (eqs 3.1–3.11). With W·N = Y,
 * T = θY, YD = (1 − θ)Y, C = α1·YD + α2·H₋₁ and Y = C + G:
 * Y = α1(1 − θ)Y + α2·H₋₁ + G, so Y = (G + α2·H₋₁) / (1 − α1(1 − θ)).
 * (Book check, Table 3.4: from scratch, H₋₁ = 0, G = 20 gives Y = 38.46.)
 */
export function simPeriod(p: Params, hPrev: number): SimSolution {
  const G = need(p, 'G');
  const theta = need(p, 'theta');
  const alpha1 = need(p, 'alpha1');
  const alpha2 = need(p, 'alpha2');
  const Y = (G + alpha2 * hPrev) / (1 - alpha1 * (1 - theta));
  const T = theta * Y;
  const YD = Y - T;
  const C = alpha1 * YD + alpha2 * hPrev;
  return { Y, YD, T, C, H: hPrev + YD - C };
}

/**
 * SIM's (and SIMEX's) stationary state: money stops changing, so the government budget balances,
 * G = T = θY, hence Y* = G/θ; YD* = (1 − θ)Y*; C* = YD*; and from C = α1·YD + α2·H,
 * H* = α3·YD* with α3 = (1 − α1)/α2.
 */
export function simSteadyState(p: Params): SimSolution {
  const G = need(p, 'G');
  const theta = need(p, 'theta');
  const alpha3 = (1 - need(p, 'alpha1')) / need(p, 'alpha2');
  const Y = G / theta;
  const YD = (1 - theta) * Y;
  return { Y, YD, T: theta * Y, C: YD, H: alpha3 * YD };
}

/**
 * SIMEX within one period (eqs 3.7E, 3.20, 3.21): consumption depends only on lagged values,
 * C = α1·YD₋₁ + α2·H₋₁, so Y = C + G has no within-period multiplier; the realised money stock
 * is H = H₋₁ + YD − C and the planned one H_d = H₋₁ + YD₋₁ − C.
 */
export function simexPeriod(p: Params, ydPrev: number, hPrev: number): SimSolution & { Hd: number } {
  const G = need(p, 'G');
  const theta = need(p, 'theta');
  const C = need(p, 'alpha1') * ydPrev + need(p, 'alpha2') * hPrev;
  const Y = C + G;
  const T = theta * Y;
  const YD = Y - T;
  return { Y, YD, T, C, H: hPrev + YD - C, Hd: hPrev + ydPrev - C };
}

/** PC's stationary state. */
export interface PcSolution {
  Y: number;
  YD: number;
  C: number;
  T: number;
  V: number;
  Bh: number;
  Hh: number;
  /** Bills held by the central bank (= cash issued). */
  Bcb: number;
  Bs: number;
}

/**
 * PC's stationary state at bill rate r = r_bar (eqs 4.1–4.11).
 * - Wealth constant: YD = C; with C = α1·YD + α2·V, V* = α3·YD* where α3 = (1 − α1)/α2.
 * - Portfolio (4.7): Bh = V(λ0 + λ1·r) − λ2·YD = b·YD with b = α3(λ0 + λ1·r) − λ2.
 * - Bills outstanding constant (4.8 with Bs − Bcb = Bh): G + r·Bh = T.
 * - Taxes (4.3) T = θ(Y + r·Bh) and YD (4.2) = (1 − θ)(Y + r·Bh), so T = θ/(1 − θ)·YD.
 * - Hence θ/(1 − θ)·YD = G + r·b·YD: YD* = G / (θ/(1 − θ) − r·b), Y* = YD* + G,
 *   equivalently the book's Y* = (G + r·Bh*(1 − θ))/θ.
 * - Central bank: Bcb = Hs = Hh = V − Bh; Bs = Bh + Bcb.
 */
export function pcSteadyState(p: Params): PcSolution {
  const G = need(p, 'G');
  const theta = need(p, 'theta');
  const r = need(p, 'r_bar');
  const alpha3 = (1 - need(p, 'alpha1')) / need(p, 'alpha2');
  const b = alpha3 * (need(p, 'lambda0') + need(p, 'lambda1') * r) - need(p, 'lambda2');
  const YD = G / (theta / (1 - theta) - r * b);
  const V = alpha3 * YD;
  const Bh = b * YD;
  const Hh = V - Bh;
  const Y = YD + G;
  return { Y, YD, C: YD, T: theta * (Y + r * Bh), V, Bh, Hh, Bcb: Hh, Bs: Bh + Hh };
}

/** LP's stationary state. */
export interface LpSolution {
  Y: number;
  YDr: number;
  C: number;
  V: number;
  Bh: number;
  BLh: number;
  Hh: number;
}

/**
 * LP1's stationary state at bill rate r_b = r_b_bar and bond price p_bL = p_bL_bar
 * (eqs 5.1–5.24), with static price expectations so ERr_bL = r_bL = 1/p_bL and no capital gains.
 * - Wealth constant and YDr_e = YDr: V* = α3·YDr* with α3 = (1 − α1)/α2.
 * - Portfolio (5.10, 5.11) with V_e = V: Bh = b1·YDr, p_bL·BLh = b2·YDr where
 *   b1 = α3(λ20 + λ22·r_b − λ23·r_bL) − λ24 and b2 = α3(λ30 − λ32·r_b + λ33·r_bL) − λ34.
 * - Bills and bonds outstanding constant (5.14): G + r_b·Bh + BLh = T, and as in PC
 *   T = θ/(1 − θ)·YDr, so YDr* = G / (θ/(1 − θ) − r_b·b1 − b2/p_bL), Y* = YDr* + G.
 */
export function lpSteadyState(p: Params): LpSolution {
  const G = need(p, 'G');
  const theta = need(p, 'theta');
  const rb = need(p, 'r_b_bar');
  const pbL = need(p, 'p_bL_bar');
  const rbL = 1 / pbL;
  const alpha3 = (1 - need(p, 'alpha1')) / need(p, 'alpha2');
  const b1 =
    alpha3 * (need(p, 'lambda20') + need(p, 'lambda22') * rb - need(p, 'lambda23') * rbL) - need(p, 'lambda24');
  const b2 =
    alpha3 * (need(p, 'lambda30') - need(p, 'lambda32') * rb + need(p, 'lambda33') * rbL) - need(p, 'lambda34');
  const YDr = G / (theta / (1 - theta) - rb * b1 - b2 / pbL);
  const V = alpha3 * YDr;
  const Bh = b1 * YDr;
  const BLh = (b2 * YDr) / pbL;
  return { Y: YDr + G, YDr, C: YDr, V, Bh, BLh, Hh: V - Bh - pbL * BLh };
}

/** BMW's stationary state. */
export interface BmwSolution {
  Y: number;
  YD: number;
  C: number;
  K: number;
  I: number;
  /** Deposits = loans. */
  M: number;
  /** Wage rate W = WB/N. */
  W: number;
}

/**
 * BMW's stationary state (eqs 7.1–7.21).
 * - Capital at target: K = κ·Y; investment replaces depreciation, I = δK = δκY.
 * - Loans move with capital (7.8, 7.17 with AF = DA), so loans = deposits = K (from a
 *   consistent start); r_m = r_l, so YD = WB + r·M = Y − r·L − δK + r·M = Y − δκY.
 * - Deposits constant: C = YD = (1 − δκ)Y; consumption (7.16): C = α0 + α1·YD + α2·κY.
 * - Hence (1 − α1)(1 − δκ)Y = α0 + α2κY: Y* = α0 / ((1 − α1)(1 − δκ) − α2κ),
 *   which is α0 / ((1 − α1)(1 − δ) − α2) for κ = 1.
 * - Wage rate (7.15): W = (Y − r_l·K − δK)/(Y/pr).
 */
export function bmwSteadyState(p: Params): BmwSolution {
  const alpha0 = need(p, 'alpha0');
  const alpha1 = need(p, 'alpha1');
  const alpha2 = need(p, 'alpha2');
  const delta = need(p, 'delta');
  const kappa = need(p, 'kappa');
  const Y = alpha0 / ((1 - alpha1) * (1 - delta * kappa) - alpha2 * kappa);
  const K = kappa * Y;
  const YD = (1 - delta * kappa) * Y;
  const W = (Y - need(p, 'r_l_bar') * K - delta * K) / (Y / need(p, 'pr'));
  return { Y, YD, C: YD, K, I: delta * K, M: K, W };
}

/** DIS's stationary state. */
export interface DisSolution {
  /** Unit cost, normal historic unit cost and price. */
  UC: number;
  NHUC: number;
  p: number;
  /** Real consumption = sales = output = Haig–Simons income. */
  c: number;
  /** Real inventories and their value at cost. */
  inventories: number;
  IN: number;
  /** Nominal and real money balances. */
  Mh: number;
  m_h: number;
}

/**
 * DIS's stationary state (eqs 9.1–9.27).
 * - Prices: UC = W/pr (9.7–9.9); with UC₋₁ = UC, NHUC = (1 + σT·r_l)·UC (9.13); p = (1 + φ)·NHUC.
 * - Quantities: y = s = s_e = c, inventories in = σT·c (9.2–9.4), IN = in·UC (9.10).
 * - Money: M_h = M_s = L = IN (9.15–9.17), so real balances m_h = σT·c·UC/p.
 * - Consumption (9.26) with yd_hs = yd_hs_e = c: c = α0 + α1·c + α2·σT·c·UC/p, so
 *   c* = α0 / (1 − α1 − α2·σT·UC/p). Since UC/p = 1/((1 + φ)(1 + σT·r_l)) the real
 *   stationary state does not depend on the wage rate W; the price level is proportional to W.
 */
export function disSteadyState(p: Params): DisSolution {
  const sigmaT = need(p, 'sigma_T');
  const UC = need(p, 'W') / need(p, 'pr');
  const NHUC = (1 + sigmaT * need(p, 'r_l_bar')) * UC;
  const price = (1 + need(p, 'phi')) * NHUC;
  const c = need(p, 'alpha0') / (1 - need(p, 'alpha1') - (need(p, 'alpha2') * sigmaT * UC) / price);
  const inventories = sigmaT * c;
  const IN = inventories * UC;
  return { UC, NHUC, p: price, c, inventories, IN, Mh: IN, m_h: IN / price };
}
