/**
 * Lowering: rewrites `d()`, `smooth`, `smooth3`, `delay3` and `lagt` of
 * expressions into plain equations over hidden stocks and auxiliaries
 * (ENGINE.md §1 "Delays"), so code generation and the interpreter only see
 * arithmetic, lags and simple calls.
 */
import type { Expr, SourcePos } from './ast.js';
import { printExpr } from './print-expr.js';
import type { ProgramAssertion } from './program.js';

/** A variable introduced by lowering. */
export interface DerivedVariable {
  name: string;
  expr: Expr;
  /** Period-0 value. */
  initial: Expr;
  kind: 'hidden-stock' | 'aux';
  doc: string;
}

/** What lowering one model produces besides the rewritten equations. */
export interface LowerResult {
  derived: DerivedVariable[];
  assertions: ProgramAssertion[];
}

const num = (value: number, pos: SourcePos): Expr => ({ kind: 'num', value, pos });
const name = (n: string, pos: SourcePos): Expr => ({ kind: 'name', name: n, pos });
const lag = (n: string, pos: SourcePos): Expr => ({ kind: 'lag', name: n, lag: 1, pos });
const bin = (op: '+' | '-' | '*' | '/', left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  op,
  left,
  right,
  pos: left.pos,
});

/** Rewrites expressions, collecting derived variables; names are unique per lowering. */
export class Lowerer {
  readonly result: LowerResult = { derived: [], assertions: [] };
  private counter = 0;

  /** `owner` names the variable whose equation is lowered (used in derived names). */
  lower(e: Expr, owner: string): Expr {
    switch (e.kind) {
      case 'num':
      case 'name':
      case 'lag':
        return e;
      case 'unary':
        return { ...e, arg: this.lower(e.arg, owner) };
      case 'binary':
        return { ...e, left: this.lower(e.left, owner), right: this.lower(e.right, owner) };
      case 'call':
        return this.lowerCall(
          e.fn,
          e.args.map((a) => this.lower(a, owner)),
          e.pos,
          owner,
        );
    }
  }

  private fresh(kind: string, owner: string): string {
    this.counter += 1;
    return `__${kind}${this.counter}.${owner}`;
  }

  /** A name whose lag can be read: the argument itself if it is a name, else a new auxiliary. */
  private nameFor(e: Expr, owner: string): string {
    if (e.kind === 'name' && !['time', 'dt', 'period', 'pi'].includes(e.name)) return e.name;
    const n = this.fresh('aux', owner);
    this.result.derived.push({ name: n, expr: e, initial: e, kind: 'aux', doc: `auxiliary for ${printExpr(e)}` });
    return n;
  }

  private stage(owner: string, input: Expr, tau: Expr, init: Expr, doc: string, pos: SourcePos): string {
    const s = this.fresh('smooth', owner);
    // s = s[-1] + dt / tau * (input - s[-1])
    const expr = bin('+', lag(s, pos), bin('*', bin('/', name('dt', pos), tau), bin('-', input, lag(s, pos))));
    this.result.derived.push({ name: s, expr, initial: init, kind: 'hidden-stock', doc });
    return s;
  }

  private requireTau(tau: Expr, fn: string, pos: SourcePos): void {
    this.result.assertions.push({
      expr: bin('-', tau, name('dt', pos)),
      message: `${fn}: the time constant ${printExpr(tau)} must be at least dt`,
      pos,
    });
  }

  private lowerCall(fn: string, args: Expr[], pos: SourcePos, owner: string): Expr {
    switch (fn) {
      case 'd': {
        const x = this.nameFor(args[0], owner);
        return bin('-', name(x, pos), lag(x, pos));
      }
      case 'lagt':
        return { kind: 'call', fn, args: [name(this.nameFor(args[0], owner), pos), args[1]], pos };
      case 'smooth': {
        const x = this.nameFor(args[0], owner);
        this.requireTau(args[1], 'smooth', pos);
        const s = this.stage(owner, lag(x, pos), args[1], args[2] ?? name(x, pos), `smooth(${x})`, pos);
        return name(s, pos);
      }
      case 'smooth3': {
        const x = this.nameFor(args[0], owner);
        this.requireTau(bin('/', args[1], num(3, pos)), 'smooth3', pos);
        const tau3 = bin('/', args[1], num(3, pos));
        const init = args[2] ?? name(x, pos);
        let input: Expr = lag(x, pos);
        let s = '';
        for (let k = 1; k <= 3; k++) {
          s = this.stage(owner, input, tau3, init, `smooth3(${x}) stage ${k}`, pos);
          input = lag(s, pos);
        }
        return name(s, pos);
      }
      case 'delay3':
        return this.delay3(args, pos, owner);
      default:
        return { kind: 'call', fn, args, pos };
    }
  }

  /** Material delay: three stocks in series, each emptying at content / (tau/3). */
  private delay3(args: Expr[], pos: SourcePos, owner: string): Expr {
    const x = this.nameFor(args[0], owner);
    this.requireTau(bin('/', args[1], num(3, pos)), 'delay3', pos);
    const tau3 = bin('/', args[1], num(3, pos));
    const init = args[2] ?? name(x, pos);
    let inflow: Expr = lag(x, pos);
    let stock = '';
    for (let k = 1; k <= 3; k++) {
      stock = this.fresh('delay', owner);
      const outflow = bin('/', lag(stock, pos), tau3);
      const expr = bin('+', lag(stock, pos), bin('*', name('dt', pos), bin('-', inflow, outflow)));
      this.result.derived.push({
        name: stock,
        expr,
        initial: bin('*', init, tau3),
        kind: 'hidden-stock',
        doc: `delay3(${x}) stage ${k} content`,
      });
      inflow = bin('/', lag(stock, pos), tau3);
    }
    return bin('/', name(stock, pos), tau3);
  }
}
