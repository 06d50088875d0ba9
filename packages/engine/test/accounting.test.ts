import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { instantiate } from '../src/instance.js';
import { loadModel } from '../src/load-model.js';
import { engineError, memoryFiles, runText, yaml } from './fixtures/harness.js';

const simText = readFileSync(fileURLToPath(new URL('./fixtures/sim.yaml', import.meta.url)), 'utf8');

/** SIM with one piece of text replaced (which must be there). */
function simWith(from: string, to: string): string {
  expect(simText).toContain(from);
  return simText.replace(from, to);
}

describe('a balanced model', () => {
  it('passes every check with a residual below 1e-9 and reports it per period', () => {
    const r = runText(simText, { periods: 60 });
    expect(r.accounting.maxResidual).toBeLessThan(1e-9);
    expect(r.accounting.where).toMatch(/matrix '(tfm|bs)'/);
    expect(r.accounting.residualByPeriod[0]).toBe(0);
    const series = r.series('accounting_residual_max');
    expect(Array.from(series.subarray(1))).toEqual(Array.from(r.accounting.residualByPeriod.subarray(1)));
    expect(Math.max(...series)).toBe(r.accounting.maxResidual);
  });

  it('has no residual series without matrices', () => {
    const r = runText(yaml('periods: 2', 'equations:', '  - y = 1'));
    expect(r.names).not.toContain('accounting_residual_max');
    expect(r.accounting.maxResidual).toBe(0);
  });
});

describe('flow matrices', () => {
  it('report a row that leaks, with matrix, row, period and amount', () => {
    // Taxes leave households no more: the row sums to T = θ·Y1 = 0.2 · 20/0.52 in period 1.
    const leaking = simWith('taxes: { households: "-T", government: "T" }', 'taxes: { government: "T" }');
    const e = engineError(() => runText(leaking));
    expect(e.code).toBe('matrix-leak');
    expect(e.message).toContain("flow matrix 'tfm', row 'taxes'");
    expect(e.message).toContain('period 1');
    expect(e.message).toContain('7.6923077');
    expect(e.detail.amount as number).toBeCloseTo(4 / 0.52, 12);
  });

  const twoRows = (eps: number, tolerance = '') =>
    yaml(
      'periods: 3',
      `params: { eps: ${eps} }`,
      'equations:',
      '  - x = 2',
      '  - y = eps - 2',
      'matrices:',
      '  tfm:',
      '    kind: flow',
      `    sectors: [A, B]${tolerance}`,
      '    rows:',
      '      r1: { A: "x", B: "-x" }',
      '      r2: { A: "y", B: "-y" }',
    );

  it('report a column that leaks while every row balances', () => {
    // Rows: x − x = 0 and y − y = 0; column A: x + y = eps.
    expect(runText(twoRows(0)).accounting.maxResidual).toBe(0);
    const e = engineError(() => runText(twoRows(0.5)));
    expect(e.code).toBe('matrix-leak');
    expect(e.message).toContain("flow matrix 'tfm', column 'A'");
    expect(e.message).toContain('period 1');
    expect(e.detail.amount).toBe(0.5);
  });

  it('accept a leak within the matrix tolerance, and skip checks when asked', () => {
    const r = runText(twoRows(1e-6, '\n    tolerance: 1e-3'));
    expect(r.accounting.maxResidual).toBeCloseTo(1e-6, 15);
    expect(runText(twoRows(0.5), { checks: false }).series('y')[1]).toBe(-1.5);
  });
});

describe('stock matrices and revaluations', () => {
  // Households hold qb = 10 bonds whose price rises by 0.1 each period; no bond is bought or sold.
  const bonds = (reval: boolean) =>
    yaml(
      'periods: 4',
      'params: { qb: 10 }',
      'initial: { pb: 1, Bh: 10, Bs: 10 }',
      'equations:',
      '  - pb = pb[-1] + 0.1',
      '  - Bh = qb * pb',
      '  - Bs = qb * pb',
      'matrices:',
      '  tfm:',
      '    kind: flow',
      '    sectors: [households, government]',
      '    rows:',
      '      change_in_bonds: { stock: bonds, households: "-pb * d(qb) / dt", government: "pb * d(qb) / dt" }',
      '  bs:',
      '    kind: stock',
      '    sectors: [households, government]',
      '    rows:',
      '      bonds: { households: "Bh", government: "-Bs" }',
      '      net_worth: { households: "-Bh", government: "Bs" }',
      ...(reval
        ? [
            '  gains:',
            '    kind: revaluation',
            '    sectors: [households, government]',
            '    rows:',
            '      bonds: { households: "qb * d(pb)", government: "-qb * d(pb)" }',
          ]
        : []),
    );

  it('fail the stock–flow check when a stock changes with no flow to explain it', () => {
    // Period 1: Bh goes from 10 to 10 · 1.1 = 11 while the flow of funds is 0: a gap of 1.
    const e = engineError(() => runText(bonds(false)));
    expect(e.code).toBe('matrix-leak');
    expect(e.message).toContain("stock matrix 'bs', row 'bonds', column 'households' vs its flows");
    expect(e.message).toContain("(flow matrix 'tfm', row 'change_in_bonds')");
    expect(e.message).toContain('period 1');
    expect(e.detail.amount as number).toBeCloseTo(1, 12);
  });

  it('pass when a revaluation matrix carries the capital gains', () => {
    // Δ(stock cell) = −dt·(flow cell) + (revaluation cell): 1 = 0 + qb·Δpb for households, −1 = 0 − 1 for government.
    const r = runText(bonds(true));
    expect(r.accounting.maxResidual).toBeLessThan(1e-9);
    expect(r.series('Bh')[4]).toBeCloseTo(14, 12);
  });

  const realAssets = (firmsNetWorth: string, realRows = '    real_rows: [capital]') =>
    yaml(
      'periods: 3',
      'initial: { K: 50 }',
      'equations:',
      '  - M = 20',
      '  - K = K[-1] + 5',
      'matrices:',
      '  bs:',
      '    kind: stock',
      '    sectors: [households, firms]',
      realRows,
      '    rows:',
      '      money: { households: "M", firms: "-M" }',
      '      capital: { firms: "K" }',
      `      net_worth: { households: "-M", firms: "${firmsNetWorth}" }`,
    );

  it('balance net worth against real assets listed in real_rows', () => {
    // Net worth row: −M + (M − K) = −K = −(the capital row); columns: M − M = 0 and −M + K + M − K = 0.
    expect(runText(realAssets('M - K')).accounting.maxResidual).toBe(0);
    // Forgetting −K: net worth + real assets = K = 55 in period 1.
    const e = engineError(() => runText(realAssets('M')));
    expect(e.message).toContain("stock matrix 'bs', net_worth row (+ real assets)");
    expect(e.detail.amount).toBe(55);
    // Without real_rows the capital row itself must sum to 0, and it does not.
    const notReal = engineError(() => runText(realAssets('M - K', '    tolerance: 1e-9')));
    expect(notReal.message).toContain("stock matrix 'bs', row 'capital'");
  });
});

describe('matrices of a template included twice', () => {
  it('check each instance against its own flow matrix', () => {
    // Each instance lends inc per period: its money stock M and the bank's loans L grow by inc.
    const fs = memoryFiles({
      'root.yaml': yaml(
        'periods: 3',
        'include:',
        '  - { file: bank.yaml, as: a }',
        '  - { file: bank.yaml, as: b, params: { inc: 5 } }',
        'equations:',
        '  - total = a.M + b.M',
      ),
      'bank.yaml': yaml(
        'params: { inc: 1 }',
        'equations:',
        '  - M = M[-1] + dt * inc',
        '  - L = L[-1] + dt * inc',
        'matrices:',
        '  tfm:',
        '    kind: flow',
        '    sectors: [hh, bank]',
        '    rows:',
        '      lending: { hh: "inc", bank: "-inc" }',
        '      change_in_money: { stock: money, hh: "-d(M) / dt", bank: "d(L) / dt" }',
        '  bs:',
        '    kind: stock',
        '    sectors: [hh, bank]',
        '    rows:',
        '      money: { hh: "M", bank: "-L" }',
        '      net_worth: { hh: "-M", bank: "L" }',
      ),
    });
    const r = instantiate(compile(loadModel('root.yaml', fs))).run();
    expect(r.accounting.maxResidual).toBe(0);
    expect(Array.from(r.series('total'))).toEqual([0, 6, 12, 18]);
  });
});

describe('hidden identities', () => {
  const model = (identity: string) =>
    yaml('periods: 3', 'equations:', '  - a = 1', '  - b = a + 0.001', 'hidden:', `  - ${identity}`);

  it('fail with the identity, the period and both sides', () => {
    const e = engineError(() => runText(model('a = b')));
    expect(e.code).toBe('hidden-identity');
    expect(e.message).toContain("hidden identity 'a = b' fails in period 1");
    expect(e.message).toContain('left = 1, right = 1.001');
  });

  it('pass when true, or within their own tolerance', () => {
    expect(runText(model('a + 0.001 = b')).series('b')[3]).toBeCloseTo(1.001, 12);
    expect(runText(model('{ eq: "a = b", tolerance: 0.01 }')).series('a')[3]).toBe(1);
  });

  it('catch a wrong equation in SIM through Walras’ law', () => {
    // Households lose money nobody receives: Hh ≠ Hs, but also the money row of the balance sheet leaks.
    const e = engineError(() =>
      runText(simWith('Hh = Hh[-1] + dt * (YD - C)', 'Hh = Hh[-1] + dt * (YD - C) - 0.01'), { checks: true }),
    );
    expect(['matrix-leak', 'hidden-identity']).toContain(e.code);
    // Without the matrices, the hidden identity is what catches it.
    const hiddenOnly = simText.slice(0, simText.indexOf('matrices:'));
    const h = engineError(() => runText(hiddenOnly.replace('Hh[-1] + dt * (YD - C)', 'Hh[-1] + dt * (YD - C) - 0.01')));
    expect(h.code).toBe('hidden-identity');
    expect(h.message).toContain("'Hh = Hs'");
  });
});
