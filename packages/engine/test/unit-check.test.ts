import { describe, expect, it } from 'vitest';
import type { SourcePos } from '../src/ast.js';
import { EngineError } from '../src/diagnostics.js';
import type { EquationDef, ModelIR } from '../src/model-ir.js';
import { parseEquation, parseExpression, parseIdentity } from '../src/parser.js';
import { checkUnits } from '../src/unit-check.js';

const at = (line: number): SourcePos => ({ file: 'm.yaml', line, col: 5 });

/** An equation line, optionally with a declared unit: `'Y = C + G'` or `['Y = C + G', 'USD']`. */
type EqSpec = string | [string, string];

interface ModelSpec {
  timeUnit?: string;
  /** Param name → declared unit (undefined = undeclared). */
  params?: Record<string, string | undefined>;
  /** Equations on lines 101, 102, ... */
  equations?: EqSpec[];
  /** `init:` equations on lines 201, ... */
  init?: EqSpec[];
  /** `initial:` name → expression, on lines 301, ... */
  initial?: Record<string, string>;
  /** `hidden:` identities on lines 401, ... */
  hidden?: string[];
  tables?: string[];
}

function equations(specs: EqSpec[], firstLine: number): EquationDef[] {
  return specs.map((spec, i) => {
    const [text, unit] = typeof spec === 'string' ? [spec, undefined] : spec;
    const ast = parseEquation(text, at(firstLine + i));
    return { ...ast, name: ast.target, text, unit, pos: at(firstLine + i) };
  });
}

/** A minimal ModelIR around the given units and equations. */
function model(spec: ModelSpec): ModelIR {
  return {
    name: 'test',
    description: '',
    periods: 10,
    dt: 1,
    start: 1,
    timeUnit: spec.timeUnit ?? 'yr',
    params: Object.entries(spec.params ?? {}).map(([name, unit], i) => ({ name, value: 1, unit, pos: at(1 + i) })),
    initial: Object.entries(spec.initial ?? {}).map(([name, text], i) => ({
      name,
      expr: parseExpression(text, at(301 + i)),
      pos: at(301 + i),
    })),
    init: equations(spec.init ?? [], 201),
    equations: equations(spec.equations ?? [], 101),
    hidden: (spec.hidden ?? []).map((text, i) => ({ ...parseIdentity(text, at(401 + i)), text })),
    shocks: [],
    tables: (spec.tables ?? []).map((name) => ({ name, x: [0, 1], y: [0, 1], extrapolate: false, pos: at(500) })),
    matrices: [],
    meta: {},
    files: ['m.yaml'],
  };
}

/** The EngineError `checkUnits` throws for `spec` (fails the test when it does not throw). */
function unitError(spec: ModelSpec): EngineError {
  try {
    checkUnits(model(spec));
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error('expected checkUnits to throw');
}

const MONEY = { Y0: 'USD', G: 'USD', F: 'USD / yr', tau: 'yr', g: '1 / yr', L: 'm', A2: 'm^2', n: '1' };

describe('checkUnits: consistent models pass', () => {
  it('accepts a SIM-like model with declared units and infers the rest', () => {
    const sim: ModelSpec = {
      params: { G: 'USD / yr', theta: '1', alpha1: '1', alpha2: '1 / yr', W: 'USD / h' },
      equations: [
        'Y = C + G',
        'T = theta * W * N',
        'N = Y / W',
        'YD = W * N - T',
        'C = alpha1 * YD + alpha2 * Hh[-1]',
        ['Hh = Hh[-1] + dt * (YD - C)', 'USD'],
        'Hs = Hs[-1] + dt * (G - T)',
      ],
      hidden: ['Hh = Hs'],
      initial: { Hh: '0', Hs: '0' },
    };
    expect(checkUnits(model(sim))).toEqual([]);
  });

  it('accepts the spec example (period time unit, two declared units) and warns about the unknown rest', () => {
    const warnings = checkUnits(
      model({
        timeUnit: 'period',
        params: { G: undefined, theta: '1', alpha1: undefined, alpha2: undefined, W: undefined },
        equations: [
          'Y = C + G',
          'T = theta * W * N',
          'N = Y / W',
          'YD = W * N - T',
          'C = alpha1 * YD + alpha2 * Hh[-1]',
          ['Hh = Hh[-1] + dt * (YD - C)', '$'],
          'Hs = Hs[-1] + dt * (G - T)',
        ],
        hidden: ['Hh = Hs'],
      }),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0].code).toBe('unit-unknown');
    expect(warnings[0].message).toContain('6 variable(s)');
    for (const name of ['Y', 'T', 'N', 'YD', 'C', 'Hs']) expect(warnings[0].message).toContain(name);
  });

  it('lists at most ten unresolved names in the warning', () => {
    const eqs = Array.from({ length: 12 }, (_, i) => `v${i} = p * ${i}`);
    const [warning] = checkUnits(model({ params: { p: undefined, q: 'USD' }, equations: eqs }));
    expect(warning.message).toContain('12 variable(s)');
    expect(warning.message).toContain('v9, ...');
    expect(warning.message).not.toContain('v10');
  });

  it('returns no warning when the model declares no unit at all', () => {
    expect(checkUnits(model({ params: { a: undefined }, equations: ['x = a * 2', 'y = x + exp(a)'] }))).toEqual([]);
  });

  it('gives time and dt the time unit, period and pi no unit', () => {
    const spec = (eq: EqSpec): ModelSpec => ({ params: MONEY, equations: [eq] });
    expect(() => checkUnits(model(spec(['x = time - tau + dt', 'yr'])))).not.toThrow();
    expect(() => checkUnits(model(spec(['x = G * period * pi * pi()', 'USD'])))).not.toThrow();
    expect(() => checkUnits(model({ ...spec(['x = time', 'month']), timeUnit: 'month' }))).not.toThrow();
    expect(unitError(spec(['x = time', 'USD'])).message).toContain('yr');
  });
});

describe('checkUnits: sums and declared units', () => {
  it('rejects adding USD and USD/yr, naming both terms with their units', () => {
    const err = unitError({ params: { C: 'USD / yr', G: 'USD' }, equations: ['Y = C + G'] });
    expect(err.code).toBe('unit-mismatch');
    expect(err.message).toContain("equation 'Y' (Y = C + G)");
    expect(err.message).toContain('cannot add C [USD / yr] and G [USD]');
    expect(err.pos).toEqual(at(101));
  });

  it('names a subtracted term and a compound term', () => {
    const err = unitError({ params: MONEY, equations: ['Y = Y0 + 2 * G - F * tau * tau'] });
    expect(err.message).toContain('cannot subtract F * tau * tau [USD yr] from Y0 [USD]');
  });

  it('rejects a right-hand side whose unit differs from the declared one', () => {
    const err = unitError({ params: MONEY, equations: [['Y = F + F', 'USD']] });
    expect(err.code).toBe('unit-mismatch');
    expect(err.message).toContain("'Y' has unit USD but the right-hand side has unit USD / yr");
    expect(err.detail).toMatchObject({ declared: 'USD', computed: 'USD / yr' });
  });

  it('checks comparisons, min/max, clamp, smin and if branches', () => {
    expect(unitError({ params: MONEY, equations: ['x = G <= F'] }).message).toContain(
      'cannot compare G [USD] <= F [USD / yr]',
    );
    const bad = ['x = if(G > F, 1, 0)', 'x = max(G, F)', 'x = clamp(G, 0, F)', 'x = smin(G, G, F)', 'x = if(n, G, F)'];
    for (const eq of bad) expect(unitError({ params: MONEY, equations: [eq] }).code).toBe('unit-mismatch');
    const good = ['x = if(G > Y0 and not (n < 1), G, 0)', 'x = min(G, 0) + clamp(G, Y0, 5)', 'x = smax(G, Y0, 1)'];
    for (const eq of good) expect(() => checkUnits(model({ params: MONEY, equations: [[eq, 'USD']] }))).not.toThrow();
  });

  it('gives undeclared variables the inferred unit, which then fails downstream', () => {
    const err = unitError({
      params: { A: 'USD', B: 'USD', F: 'USD / yr' },
      // Z comes first: inference must not depend on equation order.
      equations: ['Z = X + F', 'X = W * 2', 'W = A + B'],
    });
    expect(err.code).toBe('unit-mismatch');
    expect(err.message).toContain("equation 'Z'");
    expect(err.message).toContain('X [USD]');
    expect(err.message).toContain('F [USD / yr]');
  });

  it('treats numeric literals as wildcards in sums and as dimensionless in * and /', () => {
    const ok = (eq: string) =>
      expect(() => checkUnits(model({ params: MONEY, equations: [[eq, 'USD']] }))).not.toThrow();
    ok('Y = G + 5');
    ok('Y = G - 2 * 3 + (1 - 4)');
    ok('Y = G / 2');
    ok('Y = -3 * G');
    ok('Y = 7');
    ok('Y = if(G > 0, G, 0)');
    // 2 / G is 1/USD, not a wildcard.
    expect(unitError({ params: MONEY, equations: [['Y = 2 / G', 'USD']] }).message).toContain('1 / USD');
    // A dimensionless param is not a wildcard in a sum.
    expect(unitError({ params: MONEY, equations: ['Y = G + n'] }).message).toContain('n [1]');
  });

  it('treats undeclared params, tables and lookups as unknown', () => {
    const spec = (eq: string): ModelSpec => ({
      params: { ...MONEY, p: undefined },
      tables: ['tab'],
      equations: [[eq, 'USD']],
    });
    for (const eq of ['Y = p', 'Y = G + p * F', 'Y = lookup(tab, F) + G', 'Y = tab + G']) {
      expect(() => checkUnits(model(spec(eq)))).not.toThrow();
    }
  });

  it('checks hidden identities, initial values and init equations', () => {
    const params = { H: 'USD', Hf: 'USD / yr', K0: 'USD / yr' };
    expect(unitError({ params, hidden: ['H = Hf'] }).message).toContain("hidden identity 'H = Hf'");
    expect(() => checkUnits(model({ params, hidden: ['H = 2 * H + 0'] }))).not.toThrow();
    const initial = unitError({ params, equations: [['K = K[-1]', 'USD']], initial: { K: 'K0' } });
    expect(initial.message).toContain("initial value of 'K'");
    expect(initial.pos).toEqual(at(301));
    const init = unitError({ params, equations: [['K = K[-1]', 'USD']], init: ['K = K0 * 3'] });
    expect(init.message).toContain("init equation 'K'");
    expect(init.pos).toEqual(at(201));
  });

  it('rejects two different declared units for one name', () => {
    const err = unitError({ equations: [['K = K[-1]', 'USD']], init: [['K = 1', 'EUR']] });
    expect(err.code).toBe('unit-mismatch');
    expect(err.message).toMatch(/EUR.*USD/);
  });

  it('reports a malformed declared unit as a schema error at the param', () => {
    const err = unitError({ params: { a: 'USD', b: 'USD //' } });
    expect(err.code).toBe('schema');
    expect(err.message).toContain("'USD //'");
    expect(err.pos).toEqual(at(2));
  });
});

describe('checkUnits: stocks and dt', () => {
  it('rejects a stock update that adds a flow without dt', () => {
    const err = unitError({ params: { F: 'USD / yr' }, equations: [['S = S[-1] + F', 'USD']] });
    expect(err.code).toBe('missing-dt');
    expect(err.message).toContain("stock update of 'S' adds a flow [USD / yr] to a stock [USD] without dt");
    expect(err.message).toContain('without dt: write S = S[-1] + dt * (...)');
    expect(err.message).toContain("equation 'S' (S = S[-1] + F)");
    expect(err.pos).toEqual(at(101));
  });

  it('detects it with the default time unit and when the stock term has no known unit', () => {
    const period = unitError({ timeUnit: 'period', params: { F: '$ / period' }, equations: [['S = S[-1] + F', '$']] });
    expect(period.code).toBe('missing-dt');
    const decay = unitError({
      params: { F: 'USD / yr', delta: undefined },
      equations: [['S = S[-1] * (1 - delta) + F', 'USD']],
    });
    expect(decay.code).toBe('missing-dt');
  });

  it('accepts the update with dt, and reports a plain mismatch when the target is not lagged', () => {
    const params = { F: 'USD / yr', S0: 'USD' };
    expect(() => checkUnits(model({ params, equations: [['S = S[-1] + dt * (F - F)', 'USD']] }))).not.toThrow();
    expect(unitError({ params, equations: ['X = S0 + F'] }).code).toBe('unit-mismatch');
    // Only sums are stock updates: a max() of stock and flow is a plain mismatch.
    expect(unitError({ params, equations: [['S = max(S[-1], F)', 'USD']] }).code).toBe('unit-mismatch');
  });

  it('gives d(x) the unit of x, so d(S)/dt is a flow', () => {
    const spec: ModelSpec = {
      params: { F: 'USD / yr' },
      equations: [['S = S[-1] + dt * F', 'USD'], 'flow = d(S) / dt + F'],
    };
    expect(() => checkUnits(model(spec))).not.toThrow();
    expect(unitError({ ...spec, equations: [['S = S[-1] + dt * F', 'USD'], 'flow = d(S) + F'] }).code).toBe(
      'unit-mismatch',
    );
  });
});

describe('checkUnits: functions and powers', () => {
  const ok = (eq: string, unit: string) =>
    expect(() => checkUnits(model({ params: MONEY, equations: [[eq, unit]] }))).not.toThrow();
  const fails = (eq: string) => unitError({ params: MONEY, equations: [eq] });

  it('requires dimensionless arguments for exp, log, ln and trigonometry', () => {
    const err = fails('x = exp(G)');
    expect(err.code).toBe('unit-mismatch');
    expect(err.message).toContain('exp() needs a dimensionless argument, but G [USD]');
    for (const fn of ['log', 'ln', 'sin', 'cos', 'tan', 'atan'])
      expect(fails(`x = ${fn}(F)`).code).toBe('unit-mismatch');
    expect(fails('x = exp(0.02 * time)').message).toContain('[yr]');
    ok('x = exp(G / Y0) + ln(g * tau) + log(2) + sin(pi * time * g)', '1');
  });

  it('raises dimensioned bases only to literal powers', () => {
    ok('x = L^2', 'm^2');
    ok('x = L^-1', '1 / m');
    ok('x = A2^0.5', 'm');
    ok('x = (1 + g * tau)^n + 2^n + n^(G / Y0)', '1');
    const variable = fails('x = L^n');
    expect(variable.code).toBe('unit-mismatch');
    expect(variable.message).toContain('cannot raise L [m] to the non-literal power n');
    expect(fails('x = L^0.5').message).toContain('non-integer power of m');
  });

  it('rejects a dimensioned exponent', () => {
    expect(fails('x = 2^G').message).toContain('exponent');
  });

  it('halves powers in sqrt and keeps the unit through abs, floor, ceil, round', () => {
    ok('x = sqrt(A2)', 'm');
    ok('x = sqrt(4)', 'm');
    expect(fails('x = sqrt(L)').message).toContain('sqrt');
    ok('x = abs(G) + floor(G) + ceil(G) + round(G)', 'USD');
  });

  it('requires time units for delays and test inputs', () => {
    ok('x = smooth(G, tau) + smooth3(G, 3, Y0) + delay3(G, tau, 0) + lagt(G, tau)', 'USD');
    ok('x = step(G, tau) + pulse(G, 2, tau) + G[-1]', 'USD');
    ok('x = ramp(F, tau, 2 * tau)', 'USD');
    ok('x = ramp(2, 1, 5)', 'whatever');
    expect(fails('x = smooth(G, Y0)').message).toContain('must be in time units [yr]');
    expect(fails('x = lagt(G, G)').code).toBe('unit-mismatch');
    expect(fails('x = step(G, Y0)').code).toBe('unit-mismatch');
    expect(fails('x = pulse(G, 1, Y0)').code).toBe('unit-mismatch');
    expect(fails('x = ramp(F, 1, Y0)').code).toBe('unit-mismatch');
    expect(fails('x = smooth(G, tau, F)').message).toContain(
      'the input and the initial value of smooth() disagree: G [USD] and F [USD / yr]',
    );
    expect(unitError({ params: MONEY, equations: [['x = ramp(F, 1, 2)', 'USD / yr']] }).code).toBe('unit-mismatch');
  });
});
