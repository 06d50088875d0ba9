import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../src/api-types.js';
import type { BinaryOp, Expr, SourcePos } from '../src/ast.js';
import { assertWhitelisted, generateSource } from '../src/codegen.js';
import { compile } from '../src/compile.js';
import { EngineError } from '../src/diagnostics.js';
import { instantiate } from '../src/instance.js';
import { loadModel } from '../src/load-model.js';
import type { Program } from '../src/program.js';
import { firstDifference, yaml } from './fixtures/harness.js';

/** What a run gave: the buffer, or the error (code and message) it threw. */
type Outcome = { ok: true; result: RunResult } | { ok: false; code: string; message: string };

function outcome(run: () => RunResult): Outcome {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}

/**
 * Compiled and interpreted runs of one compiled model must agree bit for bit, or fail the same way.
 * Returns whether the runs got to the end.
 */
function expectSameRuns(compiled: ReturnType<typeof compile>): boolean {
  expect(() => assertWhitelisted(compiled.source)).not.toThrow();
  const instance = instantiate(compiled);
  const fast = outcome(() => instance.run());
  const slow = outcome(() => instance.run({ interpret: true }));
  if (fast.ok && slow.ok) {
    const at = firstDifference(fast.result.buffer, slow.result.buffer);
    expect(at, `first difference at buffer index ${at}`).toBe(-1);
  } else {
    expect(fast.ok ? 'ran' : `${fast.code}: ${fast.message}`).toBe(slow.ok ? 'ran' : `${slow.code}: ${slow.message}`);
  }
  return fast.ok;
}

// ---- random expressions as text -----------------------------------------------------------
// Every generated expression is dimensionless and every time argument is in time units, so the
// unit checker (tested elsewhere) accepts the models and the runs get to the code under test.

const textLeaf = fc.constantFrom(
  '0',
  '0.5',
  '2',
  '3.25',
  '1e-3',
  '1e3',
  'a',
  'b',
  'c',
  'x',
  'x[-1]',
  'x[-3]',
  'a[-1]',
  '(time / dt)',
  'period',
  'pi',
);
/** Time points and spans: literals (unit wildcards), `time`, `dt`. */
const timeText = fc.constantFrom('0', '1', '2.5', '4', 'time', '(time - 1)', 'dt', '(3 * dt)');
/** Delays of at least one period (dt ≤ 1 in these models). */
const tauText = fc.constantFrom('1', '1.5', '2.75', '(4 * dt)');
const BINARY_TEXT = ['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'];
const UNARY_CALLS = ['abs', 'exp', 'log', 'ln', 'sqrt', 'floor', 'ceil', 'round', 'sin', 'cos', 'tan', 'atan'];

const { textExpr } = fc.letrec<{ textExpr: string }>((tie) => {
  const sub = tie('textExpr');
  const call = (fn: string, n: number) =>
    fc.tuple(...Array.from({ length: n }, () => sub)).map((a) => `${fn}(${a.join(', ')})`);
  return {
    textExpr: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'text' },
      { arbitrary: textLeaf, weight: 6 },
      fc.tuple(sub, fc.constantFrom(...BINARY_TEXT), sub).map(([l, op, r]) => `(${l} ${op} ${r})`),
      sub.map((e) => `(-${e})`),
      sub.map((e) => `(not ${e})`),
      fc.constantFrom(...UNARY_CALLS).chain((fn) => call(fn, 1)),
      call('if', 3),
      call('min', 2),
      call('max', 2),
      call('log', 2),
      call('clamp', 3),
      call('smin', 3),
      call('smax', 3),
      fc.tuple(sub, timeText).map(([h, t0]) => `step(${h}, ${t0})`),
      fc.tuple(sub, timeText, timeText).map(([s, t0, t1]) => `ramp(${s} / dt, ${t0}, ${t1})`),
      fc.tuple(sub, timeText, timeText).map(([h, t0, w]) => `pulse(${h}, ${t0}, ${w})`),
      sub.map((e) => `lookup(tb, ${e})`),
      fc.tuple(sub, tauText).map(([e, tau]) => `lagt(${e}, ${tau})`),
      tauText.map((tau) => `lagt(x, ${tau})`),
      fc.tuple(sub, tauText).map(([e, tau]) => `smooth(${e}, ${tau})`),
      sub.map((e) => `d(${e})`),
    ),
  };
});

const paramValue = fc.constantFrom(-2.5, -1, 0, 0.3, 1, 2, 7.125);

describe('compiled code vs the reference interpreter (random models as text)', () => {
  it('generates whitelisted code that agrees bit for bit with the interpreter', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.record({
          y: textExpr,
          z: textExpr,
          u: textExpr,
          a: paramValue,
          b: paramValue,
          c: paramValue,
          dt: fc.constantFrom('1', '0.5', '1/4'),
          extrapolate: fc.boolean(),
        }),
        (m) => {
          const text = yaml(
            'periods: 8',
            `dt: ${m.dt}`,
            'start: 0',
            `params: { a: ${m.a}, b: ${m.b}, c: ${m.c} }`,
            `tables: { tb: { x: [-1, 0, 2], y: [3, -1, 4], extrapolate: ${m.extrapolate} } }`,
            'initial: { x: 1 }',
            'equations:',
            '  - x = x[-1] * 0.95 + 0.1 * a',
            `  - y = ${m.y}`,
            // z also reads y; u and v form a simultaneous block solved by Newton.
            `  - z = y * 0.5 + ${m.z}`,
            `  - u = 0.5 * v + ${m.u}`,
            '  - v = 0.25 * u + 1',
          );
          if (expectSameRuns(compile(loadModel(text)))) ran += 1;
        },
      ),
      { numRuns: 150 },
    );
    // Most random models must run to the end, or the comparison would mostly compare errors.
    expect(ran).toBeGreaterThan(150 / 2);
  });
});

// ---- random expressions as AST (negative and −0 literals, which the parser never makes) ----

const POS: SourcePos = { file: 'ast', line: 1, col: 1 };
const num = (value: number): Expr => ({ kind: 'num', value, pos: POS });
const astLeaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom(-0, 0, -1.5, 0.25, 3, -7e-3, 1e300).map(num),
  fc.constantFrom('a', 'b', 'x', 'time', 'dt', 'period').map((name): Expr => ({ kind: 'name', name, pos: POS })),
  fc.constantFrom(1, 2).map((lag): Expr => ({ kind: 'lag', name: 'x', lag, pos: POS })),
);
const AST_CALLS: [string, number][] = [
  ['if', 3],
  ['min', 2],
  ['max', 2],
  ['abs', 1],
  ['exp', 1],
  ['log', 1],
  ['log', 2],
  ['sqrt', 1],
  ['round', 1],
  ['atan', 1],
  ['pi', 0],
  ['clamp', 3],
  ['smin', 3],
  ['smax', 3],
  ['step', 2],
  ['ramp', 3],
  ['pulse', 3],
];

const { astExpr } = fc.letrec<{ astExpr: Expr }>((tie) => {
  const sub = tie('astExpr');
  return {
    astExpr: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'ast' },
      { arbitrary: astLeaf, weight: 5 },
      fc
        .tuple(sub, fc.constantFrom<BinaryOp>('+', '-', '*', '/', '^', '<', '>=', '==', '!=', 'and', 'or'), sub)
        .map(([left, op, right]): Expr => ({ kind: 'binary', op, left, right, pos: POS })),
      fc
        .tuple(fc.constantFrom<'-' | 'not'>('-', 'not'), sub)
        .map(([op, arg]): Expr => ({ kind: 'unary', op, arg, pos: POS })),
      fc
        .constantFrom(...AST_CALLS)
        .chain(([fn, n]) =>
          fc.array(sub, { minLength: n, maxLength: n }).map((args): Expr => ({ kind: 'call', fn, args, pos: POS })),
        ),
      sub.map(
        (e): Expr => ({ kind: 'call', fn: 'lookup', args: [{ kind: 'name', name: 'tb', pos: POS }, e], pos: POS }),
      ),
      fc.constantFrom(1, 1.25).map(
        (tau): Expr => ({
          kind: 'call',
          fn: 'lagt',
          args: [{ kind: 'name', name: 'x', pos: POS }, num(tau)],
          pos: POS,
        }),
      ),
    ),
  };
});

describe('compiled code vs the reference interpreter (random expressions as AST)', () => {
  const base = compile(
    loadModel(
      yaml(
        'periods: 6',
        'params: { a: 1.5, b: -2 }',
        'tables: { tb: { x: [0, 1], y: [2, -2] } }',
        'initial: { x: 0.5 }',
        'equations:',
        '  - x = x[-1] * 0.9 + a * 0.1',
        '  - y = 0',
        '  - w = y + b',
      ),
    ),
  );
  it('agrees bit for bit when the expression is put straight into the program', () => {
    fc.assert(
      fc.property(astExpr, (expr) => {
        const program = structuredClone(base.data) as Program;
        program.equations.find((e) => e.name === 'y')!.expr = expr;
        const source = generateSource(
          program,
          base.slots.map((s) => s.name),
        );
        expectSameRuns({ ...base, data: program, source });
      }),
      { numRuns: 150 },
    );
  });
});
