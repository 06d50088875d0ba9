/**
 * Canonical text of an expression, used in listings and error messages.
 *
 * The output uses as few parentheses as the grammar allows, so that
 * `parseExpression(printExpr(e))` gives back a tree structurally equal to `e`
 * (positions aside) for every tree the parser can produce.
 */
import type { BinaryOp, Expr } from './ast.js';

export { collectNames, type NameUse } from './expr-walk.js';

/** Binding strength of each level of the grammar, loosest first. */
enum Level {
  Or = 1,
  And = 2,
  Not = 3,
  Comparison = 4,
  Additive = 5,
  Multiplicative = 6,
  Negation = 7,
  Power = 8,
  Atom = 9,
}

const BINARY_LEVEL: Readonly<Record<BinaryOp, Level>> = {
  or: Level.Or,
  and: Level.And,
  '<': Level.Comparison,
  '<=': Level.Comparison,
  '>': Level.Comparison,
  '>=': Level.Comparison,
  '==': Level.Comparison,
  '!=': Level.Comparison,
  '+': Level.Additive,
  '-': Level.Additive,
  '*': Level.Multiplicative,
  '/': Level.Multiplicative,
  '^': Level.Power,
};

/** A negative literal cannot come from the parser; it prints as `-5` and binds like unary minus. */
function isNegativeNumber(e: Expr): boolean {
  return e.kind === 'num' && (e.value < 0 || Object.is(e.value, -0));
}

function levelOf(e: Expr): Level {
  switch (e.kind) {
    case 'num':
      return isNegativeNumber(e) ? Level.Negation : Level.Atom;
    case 'name':
    case 'lag':
    case 'call':
      return Level.Atom;
    case 'unary':
      return e.op === '-' ? Level.Negation : Level.Not;
    case 'binary':
      return BINARY_LEVEL[e.op];
  }
}

/** Prints `e`, wrapped in parentheses unless it binds at least as tightly as `min`. */
function printAt(e: Expr, min: Level): string {
  const text = printExpr(e);
  return levelOf(e) >= min ? text : `(${text})`;
}

function printNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

function printBinary(e: Expr & { kind: 'binary' }): string {
  const level = BINARY_LEVEL[e.op];
  if (e.op === '^') {
    // The base is a lag or primary; the exponent may start with a unary minus (2^-1) and nests to the right.
    return `${printAt(e.left, Level.Atom)}^${printAt(e.right, Level.Negation)}`;
  }
  if (level === Level.Comparison) {
    // Comparisons do not chain, so neither side may be a bare comparison.
    return `${printAt(e.left, Level.Comparison + 1)} ${e.op} ${printAt(e.right, Level.Comparison + 1)}`;
  }
  // Left-associative: the left side may sit at the same level, the right side must bind tighter.
  return `${printAt(e.left, level)} ${e.op} ${printAt(e.right, level + 1)}`;
}

/**
 * Canonical text of `e` with minimal parentheses: binary operators are spaced
 * (`a + b`), `^` is not (`x^2`, `2^-1`), calls are `fn(a, b)`, lags `x[-1]`.
 * A double negation prints as `-(-x)` for readability.
 */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return printNumber(e.value);
    case 'name':
      return e.name;
    case 'lag':
      return `${e.name}[-${e.lag}]`;
    case 'call':
      return `${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'unary': {
      if (e.op === 'not') return `not ${printAt(e.arg, Level.Not)}`;
      const doubleNegation = (e.arg.kind === 'unary' && e.arg.op === '-') || isNegativeNumber(e.arg);
      return `-${doubleNegation ? `(${printExpr(e.arg)})` : printAt(e.arg, Level.Negation)}`;
    }
    case 'binary':
      return printBinary(e);
  }
}
