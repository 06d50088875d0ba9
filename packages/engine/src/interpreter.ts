/**
 * The reference interpreter: evaluates expressions by walking the AST in its
 * operation order, with exactly the semantics of the generated code (same
 * operators, same `Math` calls, same built-ins), so that compiled and
 * interpreted runs agree.
 */
import type { BinaryOp, Expr, SourcePos } from './ast.js';
import { clamp, lagt, logBase, lookup, pulse, ramp, smax, smin, step } from './builtins.js';
import { EngineError } from './diagnostics.js';

/** An expression with names resolved to slots (built once per instance). */
export type Resolved =
  | { k: 'num'; v: number }
  | { k: 'cur'; i: number }
  | { k: 'lag'; i: number; lag: number }
  | { k: 'time' }
  | { k: 'dt' }
  | { k: 'period' }
  | { k: 'neg'; a: Resolved }
  | { k: 'not'; a: Resolved }
  | { k: 'sq'; a: Resolved }
  | { k: 'bin'; op: BinaryOp; a: Resolved; b: Resolved }
  | { k: 'call'; fn: string; args: Resolved[]; table: number; series: number };

/** The tables as typed arrays, indexed like `Program.tables`. */
export interface RuntimeTable {
  x: Float64Array;
  y: Float64Array;
  e: boolean;
}

/** Resolves names to slots and tables to indices. */
export function resolveExpr(e: Expr, slotOf: Map<string, number>, tableOf: Map<string, number>): Resolved {
  const slot = (n: string) => {
    const s = slotOf.get(n);
    if (s === undefined) throw new EngineError('undefined-name', `'${n}' is not defined`, e.pos);
    return s;
  };
  switch (e.kind) {
    case 'num':
      return { k: 'num', v: e.value };
    case 'name':
      if (e.name === 'time') return { k: 'time' };
      if (e.name === 'dt') return { k: 'dt' };
      if (e.name === 'period') return { k: 'period' };
      if (e.name === 'pi') return { k: 'num', v: Math.PI };
      return { k: 'cur', i: slot(e.name) };
    case 'lag':
      return { k: 'lag', i: slot(e.name), lag: e.lag };
    case 'unary':
      return { k: e.op === '-' ? 'neg' : 'not', a: resolveExpr(e.arg, slotOf, tableOf) };
    case 'binary':
      if (e.op === '^' && e.right.kind === 'num' && e.right.value === 2) {
        return { k: 'sq', a: resolveExpr(e.left, slotOf, tableOf) };
      }
      return { k: 'bin', op: e.op, a: resolveExpr(e.left, slotOf, tableOf), b: resolveExpr(e.right, slotOf, tableOf) };
    case 'call': {
      const first = e.args[0];
      const isTable = e.fn === 'lookup';
      const isSeries = e.fn === 'lagt';
      const table = isTable && first?.kind === 'name' ? (tableOf.get(first.name) ?? -1) : -1;
      const series = isSeries && first?.kind === 'name' ? slot(first.name) : -1;
      const rest = isTable || isSeries ? e.args.slice(1) : e.args;
      return { k: 'call', fn: e.fn, args: rest.map((a) => resolveExpr(a, slotOf, tableOf)), table, series };
    }
  }
}

/** Where an evaluation reads from. */
export interface EvalFrame {
  o: Float64Array;
  S: number;
  p: number;
  t: number;
  dt: number;
  tables: readonly RuntimeTable[];
}

function binary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return a ** b;
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case 'and':
      return a !== 0 && b !== 0 ? 1 : 0;
    case 'or':
      return a !== 0 || b !== 0 ? 1 : 0;
  }
}

function call(n: Extract<Resolved, { k: 'call' }>, f: EvalFrame): number {
  const v = (i: number) => evaluate(n.args[i], f);
  switch (n.fn) {
    case 'if':
      return v(0) !== 0 ? v(1) : v(2);
    case 'ln':
      return Math.log(v(0));
    case 'log':
      return n.args.length === 2 ? logBase(v(0), v(1)) : Math.log(v(0));
    case 'pi':
      return Math.PI;
    case 'min':
      return Math.min(v(0), v(1));
    case 'max':
      return Math.max(v(0), v(1));
    case 'clamp':
      return clamp(v(0), v(1), v(2));
    case 'smin':
      return smin(v(0), v(1), v(2));
    case 'smax':
      return smax(v(0), v(1), v(2));
    case 'step':
      return step(v(0), v(1), f.t, f.dt);
    case 'ramp':
      return ramp(v(0), v(1), v(2), f.t);
    case 'pulse':
      return pulse(v(0), v(1), v(2), f.t, f.dt);
    case 'lookup': {
      const t = f.tables[n.table];
      return lookup(t.x, t.y, t.e, v(0));
    }
    case 'lagt':
      return lagt(f.o, f.S, n.series, f.p, v(0), f.dt);
    default: {
      const fn = (Math as unknown as Record<string, (x: number) => number>)[n.fn];
      return fn(v(0));
    }
  }
}

/** Evaluates a resolved expression in a frame. */
export function evaluate(n: Resolved, f: EvalFrame): number {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'cur':
      return f.o[f.p * f.S + n.i];
    case 'lag':
      return f.o[(f.p > n.lag ? f.p - n.lag : 0) * f.S + n.i];
    case 'time':
      return f.t;
    case 'dt':
      return f.dt;
    case 'period':
      return f.p;
    case 'neg':
      return -evaluate(n.a, f);
    case 'not':
      return evaluate(n.a, f) === 0 ? 1 : 0;
    case 'sq': {
      const v = evaluate(n.a, f);
      return v * v;
    }
    case 'bin':
      return binary(n.op, evaluate(n.a, f), evaluate(n.b, f));
    case 'call':
      return call(n, f);
  }
}

/**
 * Evaluates an expression of constants and names given by `valueFor` (used for
 * param values and header fields at load time). Lags and time functions are
 * not allowed here.
 */
export function evalConstant(e: Expr, valueFor: (name: string, pos: SourcePos) => number): number {
  const slotOf = new Map<string, number>();
  const values: number[] = [];
  const collect = (x: Expr): void => {
    if (x.kind === 'lag') throw new EngineError('bad-param', 'a param value cannot use lags', x.pos);
    if (x.kind === 'name' && !['time', 'dt', 'period', 'pi'].includes(x.name) && !slotOf.has(x.name)) {
      slotOf.set(x.name, values.length);
      values.push(valueFor(x.name, x.pos));
    }
    if (x.kind === 'name' && ['time', 'dt', 'period'].includes(x.name)) {
      throw new EngineError('bad-param', `a param value cannot use '${x.name}'`, x.pos);
    }
    if (x.kind === 'unary') collect(x.arg);
    if (x.kind === 'binary') {
      collect(x.left);
      collect(x.right);
    }
    if (x.kind === 'call') {
      if (['lookup', 'lagt', 'smooth', 'smooth3', 'delay3', 'd', 'step', 'ramp', 'pulse'].includes(x.fn)) {
        throw new EngineError('bad-param', `a param value cannot use ${x.fn}()`, x.pos);
      }
      for (const a of x.args) collect(a);
    }
  };
  collect(e);
  const frame: EvalFrame = { o: Float64Array.from(values), S: 1, p: 0, t: 0, dt: 1, tables: [] };
  return evaluate(resolveExpr(e, slotOf, new Map()), frame);
}
