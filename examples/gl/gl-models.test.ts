/**
 * The Godley & Lavoie textbook models (examples/gl/*.yaml) as tests of the engine: each model
 * loads, solves every period, balances its matrices, gives the same numbers compiled and
 * interpreted, and reproduces what the book derives or reports — checked against closed forms
 * derived by hand in gl-closed-forms.ts (never against numbers taken from the engine).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  compile,
  EngineError,
  instantiate,
  loadModel,
  type ModelIR,
  type RunOptions,
  type RunResult,
} from '@endgame/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bmwSteadyState,
  type DisSolution,
  disSteadyState,
  type LpSolution,
  lpSteadyState,
  type Params,
  type PcSolution,
  pcSteadyState,
  simexPeriod,
  simPeriod,
  simSteadyState,
} from './gl-closed-forms.js';

const MODELS = ['sim', 'simex', 'pc', 'lp', 'bmw', 'dis'] as const;
type ModelName = (typeof MODELS)[number];

/** Path of a model file. */
function modelPath(name: ModelName): string {
  return fileURLToPath(new URL(`./${name}.yaml`, import.meta.url));
}

/** Loads, compiles and runs one model file. */
function runModel(name: ModelName, options: RunOptions = {}): { ir: ModelIR; result: RunResult } {
  const ir = loadModel(modelPath(name));
  return { ir, result: instantiate(compile(ir)).run(options) };
}

/** The error a run throws, or undefined. */
function runError(ir: ModelIR): unknown {
  try {
    instantiate(compile(ir)).run();
    return undefined;
  } catch (err) {
    return err;
  }
}

const baselines = new Map<ModelName, { ir: ModelIR; result: RunResult }>();

/** The model's own run (its shocks, default options), computed once and shared by the tests. */
function baseline(name: ModelName): { ir: ModelIR; result: RunResult } {
  let run = baselines.get(name);
  if (!run) baselines.set(name, (run = runModel(name)));
  return run;
}

/** Several series of a run, by name. */
function seriesOf(result: RunResult, names: string[]): Float64Array[] {
  return names.map((n) => result.series(n));
}

/** Param values in force at `period`: model values, then the model's shocks, then `extra` (later wins). */
function paramsAt(ir: ModelIR, period: number, extra: RunOptions['shocks'] = []): Params {
  const values: Record<string, number> = Object.fromEntries(ir.params.map((p) => [p.name, p.value]));
  const shocks = [...ir.shocks.map((s) => ({ set: s.target, value: s.value, from: s.from, to: s.to })), ...extra];
  for (const s of shocks) {
    const from = Number(s.from ?? 1);
    const to = Number(s.to ?? ir.periods);
    if (period < from || period > to) continue;
    values[s.set] = Array.isArray(s.value) ? s.value[period - from] : s.value;
  }
  return values;
}

/** First period at which a model shock applies. */
function shockPeriod(ir: ModelIR): number {
  return Math.min(...ir.shocks.map((s) => s.from));
}

/** |actual − expected| ≤ rel·max(1, |expected|). */
function expectClose(actual: number, expected: number, rel: number, what: string): void {
  const err = Math.abs(actual - expected);
  expect(err, `${what}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    rel * Math.max(1, Math.abs(expected)),
  );
}

describe.each(MODELS)('G&L model %s', (name) => {
  let ir: ModelIR;
  let result: RunResult;
  beforeAll(() => {
    ({ ir, result } = baseline(name));
  });

  it('is documented: description, chapter, doc and G&L source on every param, equation numbers in docs', () => {
    expect(ir.description).toMatch(/^G&L ch\.\d, model /);
    for (const p of ir.params) {
      expect(p.doc, `param ${p.name} doc`).toBeTruthy();
      expect(p.source, `param ${p.name} source`).toMatch(/^G&L p\.\d+$/);
    }
    for (const e of ir.equations) expect(e.doc, `equation ${e.name}`).toMatch(/\(eqs?\. \d+\.\d+/);
    expect(ir.hidden.length).toBeGreaterThan(0);
    expect(ir.shocks.length).toBeGreaterThan(0);
    expect(ir.matrices.map((m) => m.kind)).toEqual(expect.arrayContaining(['flow', 'stock']));
  });

  it('solves every period with finite values and balances every matrix to < 1e-9', () => {
    expect(result.periods).toBe(ir.periods);
    for (const e of ir.equations) {
      const s = result.series(e.name);
      expect(s.every(Number.isFinite), `${e.name} finite`).toBe(true);
    }
    expect(result.accounting.maxResidual).toBeLessThan(1e-9);
    expect(Array.from(result.accounting.residualByPeriod).every((r) => r < 1e-9)).toBe(true);
    for (const h of ir.hidden) {
      const [left, right] = h.text.split('=').map((side) => result.series(side.trim()));
      for (let p = 0; p <= result.periods; p++) expectClose(left[p], right[p], 1e-9, `${h.text} in period ${p}`);
    }
  });

  it('gives the same numbers compiled and interpreted (1e-12 relative, every series and period)', () => {
    const interpreted = runModel(name, { interpret: true }).result;
    expect(interpreted.names).toEqual(result.names);
    let worst = 0;
    let where = '';
    const S = result.periods + 1;
    for (let i = 0; i < result.buffer.length; i++) {
      const a = result.buffer[i];
      const b = interpreted.buffer[i];
      const rel = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
      if (rel > worst) [worst, where] = [rel, `${result.names[Math.floor(i / S)]} period ${i % S}`];
    }
    expect(worst, `largest difference at ${where}`).toBeLessThanOrEqual(1e-12);
  });

  it('has no idle matrix cell: flipping the sign of any cell that is not zero by construction leaks', () => {
    const text = readFileSync(modelPath(name), 'utf8');
    // Net worth cells written as -(assets - liabilities) of a sector with none are zero by construction.
    const zeroByConstruction = /^-\(\w+ - \w+\)$/;
    for (const matrix of ir.matrices) {
      for (const cell of matrix.cells) {
        if (zeroByConstruction.test(cell.text)) continue;
        const mutant = loadModel(text, { fileName: `${name}.yaml` });
        const target = mutant.matrices
          .find((m) => m.name === matrix.name)
          ?.cells.find((c) => c.row === cell.row && c.sector === cell.sector);
        if (!target) throw new Error(`cell ${matrix.name}/${cell.row}/${cell.sector} not found in the reloaded model`);
        target.expr = { kind: 'unary', op: '-', arg: target.expr, pos: target.expr.pos };
        const err = runError(mutant);
        expect(err, `${matrix.name}/${cell.row}/${cell.sector} with its sign flipped`).toBeInstanceOf(EngineError);
        expect((err as EngineError).code).toBe('matrix-leak');
      }
    }
  });
});

describe('SIM (G&L ch.3)', () => {
  let ir: ModelIR;
  let result: RunResult;
  let Y: Float64Array;
  let Hh: Float64Array;
  beforeAll(() => {
    ({ ir, result } = baseline('sim'));
    [Y, Hh] = seriesOf(result, ['Y', 'Hh']);
  });

  it('period 1 from scratch: Y1 = (G + alpha2 H0)/(1 - alpha1(1 - theta)) = 38.46 (Table 3.4, p.69)', () => {
    const first = simPeriod(paramsAt(ir, 1), 0);
    expectClose(Y[1], first.Y, 1e-12, 'Y1');
    expectClose(Y[1], 38.4615, 1e-5, 'Y1 as printed in Table 3.4');
    expectClose(result.series('YD')[1], first.YD, 1e-12, 'YD1');
    expectClose(result.series('Cd')[1], first.C, 1e-12, 'C1');
    expectClose(Hh[1], first.H, 1e-12, 'H1');
  });

  it('follows the closed-form temporary equilibrium every period, shock included', () => {
    let h = 0;
    for (let p = 1; p <= result.periods; p++) {
      const solved = simPeriod(paramsAt(ir, p), h);
      expectClose(Y[p], solved.Y, 1e-10, `Y in period ${p}`);
      h = solved.H;
    }
  });

  it('converges to Y* = G/theta before and after the rise in G (p.70)', () => {
    const before = shockPeriod(ir) - 1;
    expectClose(Y[before], simSteadyState(paramsAt(ir, before)).Y, 1e-5, 'Y* with G = 20');
    expectClose(Hh[before], simSteadyState(paramsAt(ir, before)).H, 1e-5, 'H* with G = 20');
    const after = simSteadyState(paramsAt(ir, result.periods));
    expectClose(Y[result.periods], after.Y, 1e-9, 'Y* with G = 25');
    expect(after.Y).toBeCloseTo(125, 12);
  });
});

describe('SIMEX (G&L ch.3, expectations)', () => {
  let ir: ModelIR;
  let result: RunResult;
  let [Y, YD, YDe, Hh, Hd]: Float64Array[] = [];
  let s = 0;
  beforeAll(() => {
    ({ ir, result } = baseline('simex'));
    [Y, YD, YDe, Hh, Hd] = seriesOf(result, ['Y', 'YD', 'YDe', 'Hh', 'Hd']);
    s = shockPeriod(ir);
  });

  it('starts in SIM stationary state and follows the closed-form recursion every period', () => {
    const start = simSteadyState(paramsAt(ir, 1));
    expectClose(Y[1], start.Y, 1e-12, 'Y before the shock');
    let [yd, h] = [start.YD, start.H];
    for (let p = 1; p <= result.periods; p++) {
      const solved = simexPeriod(paramsAt(ir, p), yd, h);
      expectClose(Y[p], solved.Y, 1e-10, `Y in period ${p}`);
      expectClose(Hd[p], solved.Hd, 1e-10, `Hd in period ${p}`);
      [yd, h] = [solved.YD, solved.H];
    }
  });

  it('output rises by exactly dG on impact (no within-period multiplier), then monotonically to G/theta (pp.77-79)', () => {
    const dG = paramsAt(ir, s).G - paramsAt(ir, s - 1).G;
    expectClose(Y[s] - Y[s - 1], dG, 1e-10, 'impact on Y');
    for (let p = s + 1; p <= result.periods; p++) expect(Y[p]).toBeGreaterThanOrEqual(Y[p - 1]);
    expectClose(Y[result.periods], simSteadyState(paramsAt(ir, result.periods)).Y, 1e-9, 'new Y*');
  });

  it('expectations lag realised income, and unexpected income piles up as money (H > Hd)', () => {
    for (let p = s; p < s + 20; p++) {
      expect(YDe[p]).toBeLessThan(YD[p]);
      expect(Hh[p]).toBeGreaterThan(Hd[p]);
    }
    expectClose(Hh[result.periods] - Hd[result.periods], 0, 1e-9, 'H - Hd at the end');
  });
});

describe('PC (G&L ch.4)', () => {
  let ir: ModelIR;
  let result: RunResult;
  let [Y, YD, C, V, Bh]: Float64Array[] = [];
  let s = 0;
  let old: PcSolution;
  let next: PcSolution;
  beforeAll(() => {
    ({ ir, result } = baseline('pc'));
    [Y, YD, C, V, Bh] = seriesOf(result, ['Y', 'YD', 'C', 'V', 'Bh']);
    s = shockPeriod(ir);
    old = pcSteadyState(paramsAt(ir, 1));
    next = pcSteadyState(paramsAt(ir, result.periods));
  });

  it('rests in the closed-form stationary state until the rate rises', () => {
    for (let p = 0; p < s; p++) {
      expectClose(Y[p], old.Y, 1e-10, `Y in period ${p}`);
      expectClose(V[p], old.V, 1e-10, `V in period ${p}`);
      expectClose(Bh[p], old.Bh, 1e-10, `Bh in period ${p}`);
    }
    expectClose(old.Y, 106.4865, 1e-5, 'Y* at r = 2.5% as in the book');
  });

  it('a higher bill rate raises the bills share at once (Fig. 4.3, p.110)', () => {
    expect(Bh[s] / V[s]).toBeGreaterThan(Bh[s - 1] / V[s - 1] + 0.04);
  });

  it('and raises income and consumption slowly to the new closed-form stationary state (Fig. 4.4, p.110)', () => {
    expect(next.Y).toBeGreaterThan(old.Y);
    for (let p = s + 1; p <= result.periods; p++) {
      expect(Y[p]).toBeGreaterThanOrEqual(Y[p - 1]);
      expect(C[p]).toBeLessThanOrEqual(YD[p]);
    }
    expectClose(Y[result.periods], next.Y, 1e-8, 'new Y*');
    expectClose(YD[result.periods], next.YD, 1e-8, 'new YD*');
    expectClose(V[result.periods], next.V, 1e-8, 'new V*');
    expectClose(Bh[result.periods], next.Bh, 1e-8, 'new Bh*');
  });
});

describe('LP (G&L ch.5)', () => {
  let ir: ModelIR;
  let [Y, YDr, C, V, Bh, BLh, p_bL, CG]: Float64Array[] = [];
  let [s, N, alpha3] = [0, 0, 0];
  let old: LpSolution;
  let next: LpSolution;
  beforeAll(() => {
    let result: RunResult;
    ({ ir, result } = baseline('lp'));
    [Y, YDr, C, V, Bh, BLh, p_bL, CG] = seriesOf(result, ['Y', 'YDr', 'C', 'V', 'Bh', 'BLh', 'p_bL', 'CG']);
    s = shockPeriod(ir);
    N = result.periods;
    old = lpSteadyState(paramsAt(ir, 1));
    next = lpSteadyState(paramsAt(ir, N));
    alpha3 = (1 - paramsAt(ir, 1).alpha1) / paramsAt(ir, 1).alpha2;
  });

  it('rests in the closed-form stationary state until rates rise', () => {
    for (let p = 0; p < s; p++) expectClose(Y[p], old.Y, 1e-10, `Y in period ${p}`);
    expectClose(V[s - 1], old.V, 1e-10, 'V');
    expectClose(BLh[s - 1], old.BLh, 1e-10, 'BLh');
  });

  it('the fall in the bond price is a capital loss that cuts wealth/income at once (Fig. 5.2, p.148)', () => {
    expectClose(CG[s], (p_bL[s] - p_bL[s - 1]) * BLh[s - 1], 1e-12, 'CG');
    expect(CG[s]).toBeLessThan(0);
    expect(V[s] / YDr[s]).toBeLessThan(V[s - 1] / YDr[s - 1] - 0.05);
    expectClose(V[N] / YDr[N], alpha3, 1e-9, 'V/YDr back to alpha3');
  });

  it('consumption falls first, then income and consumption rise above their old level (Fig. 5.3, p.149)', () => {
    expect(C[s + 1]).toBeLessThan(C[s]);
    expect(next.Y).toBeGreaterThan(old.Y);
    expectClose(Y[N], next.Y, 1e-8, 'new Y*');
    expectClose(YDr[N], next.YDr, 1e-8, 'new YDr*');
    expectClose(C[N], next.C, 1e-8, 'new C*');
  });

  it('households shift from bills to bonds (Fig. 5.4, p.149)', () => {
    expect((p_bL[N] * BLh[N]) / V[N]).toBeGreaterThan((p_bL[s - 1] * BLh[s - 1]) / V[s - 1]);
    expect(Bh[N] / V[N]).toBeLessThan(Bh[s - 1] / V[s - 1]);
    expectClose(Bh[N], next.Bh, 1e-8, 'new Bh*');
    expectClose(BLh[N], next.BLh, 1e-8, 'new BLh*');
  });
});

describe('BMW (G&L ch.7)', () => {
  it('with kappa = 1, Y* = alpha0/((1 - alpha1)(1 - delta) - alpha2), before and after the rise in alpha0 (p.226)', () => {
    const { ir, result } = runModel('bmw', { params: { kappa: 1 } });
    const Y = result.series('Y');
    const s = shockPeriod(ir);
    const star = (p: Params) => p.alpha0 / ((1 - p.alpha1) * (1 - p.delta) - p.alpha2);
    for (let p = 0; p < s; p++) expectClose(Y[p], star(paramsAt(ir, p)), 1e-10, `Y in period ${p}`);
    expect(star(paramsAt(ir, 1))).toBeCloseTo(200, 10);
    expectClose(Y[result.periods], star(paramsAt(ir, result.periods)), 1e-8, 'new Y*');
    const end = bmwSteadyState(paramsAt(ir, result.periods));
    expectClose(result.series('K')[result.periods], end.K, 1e-8, 'K*');
    expectClose(result.series('W')[result.periods], end.W, 1e-8, 'W*');
    expect(Y[s]).toBeGreaterThan(Y[s - 1]);
  });

  it('the paradox of thrift: a higher propensity to save lowers stationary output (Fig. 7.3, p.230)', () => {
    const thrift = [{ set: 'alpha1', value: 0.74, from: 5 }];
    const { ir, result } = runModel('bmw', { shocks: [{ set: 'alpha0', value: 25, from: 1 }, ...thrift] });
    const before = bmwSteadyState(paramsAt(ir, 1, thrift));
    const after = bmwSteadyState(paramsAt(ir, result.periods, [{ set: 'alpha0', value: 25, from: 1 }, ...thrift]));
    expect(after.Y).toBeLessThan(before.Y);
    expectClose(result.series('Y')[result.periods], after.Y, 1e-8, 'Y* after the rise in saving');
    expect(result.series('Cd')[5]).toBeLessThan(result.series('Cd')[4]);
  });
});

describe('DIS (G&L ch.9)', () => {
  let ir: ModelIR;
  let [y, sales, c, p, inv, in_e, s_e]: Float64Array[] = [];
  let [s, N] = [0, 0];
  let old: DisSolution;
  let next: DisSolution;
  beforeAll(() => {
    let result: RunResult;
    ({ ir, result } = baseline('dis'));
    [y, sales, c, p, inv, in_e, s_e] = seriesOf(result, ['y', 's', 'c', 'p', 'in', 'in_e', 's_e']);
    s = shockPeriod(ir);
    N = result.periods;
    old = disSteadyState(paramsAt(ir, 1));
    next = disSteadyState(paramsAt(ir, N));
  });

  it('rests in the closed-form stationary state until the target ratio rises', () => {
    for (let q = 0; q < s; q++) {
      expectClose(c[q], old.c, 1e-10, `c in period ${q}`);
      expectClose(p[q], old.p, 1e-12, `p in period ${q}`);
      expectClose(inv[q], old.inventories, 1e-10, `in in period ${q}`);
    }
  });

  it('a higher target inventories/sales ratio: firms build inventories toward the new target (Figs 9.2-9.3, pp.297-298)', () => {
    expect(in_e[s] - inv[s - 1]).toBeGreaterThan(0);
    expect(y[s]).toBeGreaterThan(sales[s]);
    for (let q = s; q < s + 10; q++) expect(inv[q]).toBeGreaterThan(inv[q - 1]);
    expectClose(inv[N] / s_e[N], paramsAt(ir, N).sigma_T, 1e-9, 'in/s_e at the end');
    expectClose(inv[N], next.inventories, 1e-8, 'new in*');
    expectClose(c[N], next.c, 1e-8, 'new c*');
    expect(next.c).toBeGreaterThan(old.c);
  });

  it('and the price level rises once, to (1 + phi)(1 + sigma_T r_l) W/pr', () => {
    for (let q = s; q <= N; q++) expectClose(p[q], next.p, 1e-12, `p in period ${q}`);
    expect(next.p).toBeGreaterThan(old.p);
  });

  it('a wage rise raises prices in two steps to the new stationary price; real output returns to c*', () => {
    const base = [{ set: 'sigma_T', value: paramsAt(ir, 1).sigma_T, from: 1 }];
    const wage = [...base, { set: 'W', value: paramsAt(ir, 1).W * 1.1, from: s }];
    const run = runModel('dis', { shocks: wage }).result;
    const price = run.series('p');
    const end = disSteadyState(paramsAt(ir, N, wage));
    expect(price[s]).toBeGreaterThan(price[s - 1]);
    expect(price[s + 1]).toBeGreaterThan(price[s]);
    expectClose(price[N], end.p, 1e-12, 'new p*');
    expectClose(end.p / old.p, 1.1, 1e-12, 'p proportional to W');
    expectClose(run.series('c')[N], old.c, 1e-8, 'real c* unchanged');
    expect(run.accounting.maxResidual).toBeLessThan(1e-9);
  });

  it('a higher costing margin lowers real income at once and real consumption for good (Fig. 9.1, p.296)', () => {
    const base = [{ set: 'sigma_T', value: paramsAt(ir, 1).sigma_T, from: 1 }];
    const markup = [...base, { set: 'phi', value: 0.3, from: s }];
    const run = runModel('dis', { shocks: markup }).result;
    const end = disSteadyState(paramsAt(ir, N, markup));
    expect(run.series('yd_hs')[s]).toBeLessThan(run.series('yd_hs')[s - 1]);
    expect(end.c).toBeLessThan(old.c);
    expectClose(run.series('c')[N], end.c, 1e-8, 'new c*');
    expect(run.accounting.maxResidual).toBeLessThan(1e-9);
  });
});
