/**
 * Symbolic differentiation of the expression language, used to give small
 * simultaneous blocks an exact Jacobian (ENGINE.md §3.4: "numerical by
 * default"; analytic where every function in the block has a derivative here).
 * Lags, `lagt` and `time` are constants within a period. The result is a new
 * AST in the same language, so code generation and the interpreter evaluate
 * it exactly as they evaluate the equations themselves.
 */
import type { BinaryOp, Expr, SourcePos } from './ast.js';

/** Thrown internally when an expression uses a function without a derivative here. */
export class NotDifferentiable extends Error {}

const num = (value: number, pos: SourcePos): Expr => ({ kind: 'num', value, pos });
const isZero = (e: Expr) => e.kind === 'num' && e.value === 0;
const isOne = (e: Expr) => e.kind === 'num' && e.value === 1;

function bin(op: BinaryOp, left: Expr, right: Expr): Expr {
  const pos = left.pos;
  switch (op) {
    case '+':
      if (isZero(left)) return right;
      if (isZero(right)) return left;
      break;
    case '-':
      if (isZero(right)) return left;
      if (isZero(left)) return { kind: 'unary', op: '-', arg: right, pos };
      break;
    case '*':
      if (isZero(left) || isZero(right)) return num(0, pos);
      if (isOne(left)) return right;
      if (isOne(right)) return left;
      break;
    case '/':
      if (isZero(left)) return num(0, pos);
      if (isOne(right)) return left;
      break;
    default:
      break;
  }
  return { kind: 'binary', op, left, right, pos };
}

const call = (fn: string, args: Expr[], pos: SourcePos): Expr => ({ kind: 'call', fn, args, pos });
const neg = (e: Expr): Expr => (isZero(e) ? e : { kind: 'unary', op: '-', arg: e, pos: e.pos });
const choose = (cond: Expr, a: Expr, b: Expr): Expr =>
  isZero(a) && isZero(b) ? a : call('if', [cond, a, b], cond.pos);

/**
 * ∂e/∂x for a variable x read in the current period. Throws
 * {@link NotDifferentiable} for functions this module has no rule for.
 */
export function differentiate(e: Expr, x: string): Expr {
  const d = (a: Expr) => differentiate(a, x);
  switch (e.kind) {
    case 'num':
    case 'lag':
      return num(0, e.pos);
    case 'name':
      return num(e.name === x ? 1 : 0, e.pos);
    case 'unary':
      return e.op === '-' ? neg(d(e.arg)) : num(0, e.pos);
    case 'binary':
      return binaryDerivative(e.op, e.left, e.right, d);
    case 'call':
      return callDerivative(e.fn, e.args, e.pos, d);
  }
}

function binaryDerivative(op: BinaryOp, a: Expr, b: Expr, d: (e: Expr) => Expr): Expr {
  const pos = a.pos;
  switch (op) {
    case '+':
    case '-':
      return bin(op, d(a), d(b));
    case '*':
      return bin('+', bin('*', d(a), b), bin('*', a, d(b)));
    case '/': {
      const da = d(a);
      const db = d(b);
      return bin('-', bin('/', da, b), bin('/', bin('*', a, db), bin('*', b, b)));
    }
    case '^': {
      const da = d(a);
      const db = d(b);
      if (isZero(db)) {
        if (b.kind === 'num') {
          if (b.value === 2) return bin('*', bin('*', num(2, pos), a), da);
          return bin('*', bin('*', b, bin('^', a, num(b.value - 1, pos))), da);
        }
        return bin('*', bin('*', b, bin('^', a, bin('-', b, num(1, pos)))), da);
      }
      // a^b · (b' ln a + b a'/a)
      const lnA = call('ln', [a], pos);
      return bin('*', bin('^', a, b), bin('+', bin('*', db, lnA), bin('/', bin('*', b, da), a)));
    }
    default:
      return num(0, pos); // comparisons and logic are piecewise constant
  }
}

function callDerivative(fn: string, args: Expr[], pos: SourcePos, d: (e: Expr) => Expr): Expr {
  const [a, b, c] = args;
  const cmp = (op: BinaryOp, l: Expr, r: Expr): Expr => ({ kind: 'binary', op, left: l, right: r, pos });
  switch (fn) {
    case 'if':
      return choose(a, d(b), d(c));
    case 'min':
      return choose(cmp('<=', a, b), d(a), d(b));
    case 'max':
      return choose(cmp('>=', a, b), d(a), d(b));
    case 'abs':
      return choose(cmp('>=', a, num(0, pos)), d(a), neg(d(a)));
    case 'clamp':
      return choose(cmp('<', a, b), d(b), choose(cmp('>', a, c), d(c), d(a)));
    case 'exp':
      return bin('*', call('exp', [a], pos), d(a));
    case 'ln':
      return bin('/', d(a), a);
    case 'log':
      if (args.length === 1) return bin('/', d(a), a);
      if (!isZero(d(b))) throw new NotDifferentiable('log base depends on the block');
      return bin('/', d(a), bin('*', a, call('ln', [b], pos)));
    case 'sqrt':
      return bin('/', d(a), bin('*', num(2, pos), call('sqrt', [a], pos)));
    case 'sin':
      return bin('*', call('cos', [a], pos), d(a));
    case 'cos':
      return neg(bin('*', call('sin', [a], pos), d(a)));
    case 'tan': {
      const cosA = call('cos', [a], pos);
      return bin('/', d(a), bin('*', cosA, cosA));
    }
    case 'atan':
      return bin('/', d(a), bin('+', num(1, pos), bin('*', a, a)));
    case 'smin':
    case 'smax': {
      // (a + b ∓ √((a−b)² + k²))/2 → (a' + b' ∓ ((a−b)(a'−b') + k k')/√(…))/2
      const diff = bin('-', a, b);
      const root = call('sqrt', [bin('+', bin('*', diff, diff), bin('*', c, c))], pos);
      const inner = bin('/', bin('+', bin('*', diff, bin('-', d(a), d(b))), bin('*', c, d(c))), root);
      return bin('*', num(0.5, pos), bin(fn === 'smin' ? '-' : '+', bin('+', d(a), d(b)), inner));
    }
    case 'floor':
    case 'ceil':
    case 'round':
    case 'pi':
      return num(0, pos); // piecewise constant
    case 'lagt':
      // reads only past values of its series; the delay must not depend on the block
      if (!isZero(d(b))) throw new NotDifferentiable('lagt delay depends on the block');
      return num(0, pos);
    case 'step':
    case 'pulse': {
      // h · (indicator of time): the derivative is the same indicator of h'.
      for (const arg of args.slice(1))
        if (!isZero(d(arg))) throw new NotDifferentiable(`${fn}() timing depends on the block`);
      const dh = d(a);
      return isZero(dh) ? dh : call(fn, [dh, ...args.slice(1)], pos);
    }
    default:
      // lookup, ramp and anything else: the solver falls back to finite differences.
      for (const arg of args) {
        if (!isZero(d(arg))) throw new NotDifferentiable(`${fn}() of a block variable`);
      }
      return num(0, pos);
  }
}
