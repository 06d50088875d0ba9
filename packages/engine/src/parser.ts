/**
 * The parser of the expression language (ENGINE.md §2): a hand-written
 * recursive-descent parser over the tokens of {@link Lexer}.
 *
 * Precedence, lowest first: `or` < `and` < `not` < comparisons (not
 * chainable) < `+ -` < `* /` < unary minus < `^` (right-associative, its
 * right side may start with a minus) < lag `x[-k]` < primary.
 *
 * Node positions: numbers, names, lags and calls sit at their first
 * character; unary and binary nodes sit at their operator. Every problem is
 * reported as `EngineError('syntax', ...)` at the offending token; nothing
 * else is ever thrown, whatever the input.
 */
import {
  type BinaryOp,
  type EquationAst,
  type Expr,
  FUNCTIONS,
  type IdentityAst,
  RESERVED_NAMES,
  type SourcePos,
} from './ast.js';
import { EngineError } from './diagnostics.js';
import { childrenOf } from './expr-map.js';
import { describeToken, Lexer, type Token } from './lexer.js';
import { printExpr } from './print-expr.js';
import { editDistance } from './suggest.js';

/** The deepest nesting of parentheses, calls and prefix operators the parser accepts. */
export const MAX_NESTING = 256;
/** The deepest expression tree accepted (long chains such as `a + b + ...` count one level per operator). */
export const MAX_TREE_DEPTH = 1000;

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);
const LAG_FORM = 'a lag is written x[-k] with a whole number k ≥ 1, e.g. x[-1]';
const KNOWN_FUNCTIONS = Object.keys(FUNCTIONS).sort().join(', ');

function fail(message: string, pos: SourcePos): never {
  throw new EngineError('syntax', message, pos);
}

function at(pos: SourcePos): string {
  return `line ${pos.line}, column ${pos.col}`;
}

function suggestFunction(name: string): string | undefined {
  if (name.length > 40) return undefined;
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const known of Object.keys(FUNCTIONS)) {
    const d = editDistance(lower, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  const allowed = lower.length <= 3 ? 1 : 2;
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

function arityText(fn: string, [min, max]: readonly [number, number]): string {
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (max === 0) return `'${fn}' takes no arguments`;
  if (min === max) return `'${fn}' takes ${min} ${plural(min)}`;
  if (max === min + 1) return `'${fn}' takes ${min} or ${max} arguments`;
  return `'${fn}' takes ${min} to ${max} arguments`;
}

/** Recursive descent over one text; `depth` guards against stack overflow on deeply nested input. */
class Parser {
  private readonly lexer: Lexer;
  private token: Token;
  private previous: Token | undefined;
  private depth = 0;

  constructor(text: string, origin: SourcePos) {
    this.lexer = new Lexer(text, origin);
    this.token = this.lexer.next();
  }

  /** The current (not yet consumed) token. */
  get current(): Token {
    return this.token;
  }

  /** Consumes the current token and returns it. */
  advance(): Token {
    const t = this.token;
    this.previous = t;
    this.token = this.lexer.next();
    return t;
  }

  isPunct(text: string): boolean {
    return this.token.kind === 'punct' && this.token.text === text;
  }

  isKeyword(text: string): boolean {
    return this.token.kind === 'keyword' && this.token.text === text;
  }

  /** A full expression (the `or` level). */
  expression(): Expr {
    this.enter();
    const e = this.orLevel();
    this.depth--;
    return e;
  }

  /** Fails unless the whole text has been read. */
  expectEnd(what: string): void {
    const t = this.token;
    if (t.kind === 'eof') return;
    if (t.kind === 'punct' && t.text === ')') fail("unexpected ')' with no matching '('", t.pos);
    if (t.kind === 'punct' && t.text === '=') {
      fail(`unexpected '=' ${what}; to compare two values write '=='`, t.pos);
    }
    if (t.kind === 'punct' && t.text === ']') fail("unexpected ']' with no matching '['", t.pos);
    const after = this.previous ? ` after ${describeToken(this.previous)}` : '';
    const hint =
      t.kind === 'name' || t.kind === 'num' || (t.kind === 'punct' && t.text === '(') ? ' (missing operator?)' : '';
    fail(`unexpected ${describeToken(t)}${after}: expected an operator or end of input${hint}`, t.pos);
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) {
      fail(
        `expression is nested too deeply (more than ${MAX_NESTING} levels of parentheses, calls or prefix operators); split it into intermediate equations`,
        this.token.pos,
      );
    }
  }

  private orLevel(): Expr {
    let left = this.andLevel();
    while (this.isKeyword('or')) {
      const op = this.advance();
      left = { kind: 'binary', op: 'or', left, right: this.andLevel(), pos: op.pos };
    }
    return left;
  }

  private andLevel(): Expr {
    let left = this.notLevel();
    while (this.isKeyword('and')) {
      const op = this.advance();
      left = { kind: 'binary', op: 'and', left, right: this.notLevel(), pos: op.pos };
    }
    return left;
  }

  private notLevel(): Expr {
    if (!this.isKeyword('not')) return this.comparison();
    const op = this.advance();
    this.enter();
    const arg = this.notLevel();
    this.depth--;
    return { kind: 'unary', op: 'not', arg, pos: op.pos };
  }

  private comparison(): Expr {
    const left = this.additive();
    if (this.token.kind !== 'punct' || !COMPARISONS.has(this.token.text)) return left;
    const op = this.advance();
    const right = this.additive();
    const next = this.token;
    if (next.kind === 'punct' && COMPARISONS.has(next.text)) {
      fail(
        `comparisons cannot be chained ('${op.text}' then '${next.text}'); combine them with 'and', e.g. a < b and b < c`,
        next.pos,
      );
    }
    return { kind: 'binary', op: op.text as BinaryOp, left, right, pos: op.pos };
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.advance();
      left = { kind: 'binary', op: op.text as BinaryOp, left, right: this.multiplicative(), pos: op.pos };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isPunct('*') || this.isPunct('/')) {
      const op = this.advance();
      left = { kind: 'binary', op: op.text as BinaryOp, left, right: this.unary(), pos: op.pos };
    }
    return left;
  }

  private unary(): Expr {
    if (!this.isPunct('-')) return this.power();
    const op = this.advance();
    this.enter();
    const arg = this.unary();
    this.depth--;
    return { kind: 'unary', op: '-', arg, pos: op.pos };
  }

  private power(): Expr {
    const base = this.postfix();
    if (!this.isPunct('^')) return base;
    const op = this.advance();
    this.enter();
    const exponent = this.unary();
    this.depth--;
    return { kind: 'binary', op: '^', left: base, right: exponent, pos: op.pos };
  }

  private postfix(): Expr {
    const e = this.primary();
    if (!this.isPunct('[')) return e;
    const open = this.token;
    if (e.kind !== 'name') {
      fail(
        `a lag applies to a name, not to ${printExpr(e)}; ${LAG_FORM} (to lag an expression, define it as its own variable)`,
        open.pos,
      );
    }
    this.advance();
    if (!this.isPunct('-')) fail(`${LAG_FORM}; found ${describeToken(this.token)} after '['`, this.token.pos);
    this.advance();
    const k = this.token;
    if (k.kind !== 'num' || !/^[0-9]+$/.test(k.text) || k.value < 1 || !Number.isSafeInteger(k.value)) {
      fail(`${LAG_FORM}; found ${describeToken(k)} after '[-'`, k.pos);
    }
    this.advance();
    if (!this.isPunct(']')) fail(`${LAG_FORM}; expected ']' but found ${describeToken(this.token)}`, this.token.pos);
    this.advance();
    const lagged: Expr = { kind: 'lag', name: e.name, lag: k.value, pos: e.pos };
    if (this.isPunct('[')) {
      fail(`a lag cannot be lagged again; write the total lag once, e.g. ${e.name}[-${k.value + 1}]`, this.token.pos);
    }
    return lagged;
  }

  private primary(): Expr {
    const t = this.token;
    if (t.kind === 'num') {
      this.advance();
      return { kind: 'num', value: t.value, pos: t.pos };
    }
    if (t.kind === 'name') {
      this.advance();
      if (this.isPunct('(')) return this.call(t);
      return { kind: 'name', name: t.text, pos: t.pos };
    }
    if (t.kind === 'punct' && t.text === '(') {
      this.advance();
      const inner = this.expression();
      if (!this.isPunct(')')) {
        fail(`expected ')' to close '(' opened at ${at(t.pos)} but found ${describeToken(this.token)}`, this.token.pos);
      }
      this.advance();
      return inner;
    }
    return this.missingExpression();
  }

  private missingExpression(): never {
    const t = this.token;
    const after = this.previous ? ` after ${describeToken(this.previous)}` : '';
    let hint = '';
    if (t.kind === 'punct' && t.text === '+') hint = " (there is no unary '+'; remove it)";
    else if (t.kind === 'keyword' && t.text === 'not')
      hint = " ('not' binds looser than arithmetic and comparisons; wrap it in parentheses)";
    else if (t.kind === 'keyword') hint = ` ('${t.text}' is an operator, not a name)`;
    fail(`expected an expression${after} but found ${describeToken(t)}${hint}`, t.pos);
  }

  private call(nameToken: Token & { kind: 'name' }): Expr {
    const fn = nameToken.text;
    if (!Object.hasOwn(FUNCTIONS, fn)) {
      const guess = suggestFunction(fn);
      const mean = guess ? `; did you mean '${guess}'?` : '';
      fail(`unknown function '${fn}'${mean} (known: ${KNOWN_FUNCTIONS})`, nameToken.pos);
    }
    const open = this.advance();
    const args: Expr[] = [];
    if (!this.isPunct(')')) {
      for (;;) {
        args.push(this.expression());
        if (this.isPunct(',')) {
          this.advance();
          continue;
        }
        if (this.isPunct(')')) break;
        fail(
          `expected ',' or ')' to close '${fn}(' opened at ${at(open.pos)} but found ${describeToken(this.token)}`,
          this.token.pos,
        );
      }
    }
    this.advance();
    const arity = FUNCTIONS[fn]!;
    if (args.length < arity[0] || args.length > arity[1]) {
      fail(`${arityText(fn, arity)}, got ${args.length}`, nameToken.pos);
    }
    if (fn === 'lookup' && args[0]!.kind !== 'name') {
      fail(
        `the first argument of lookup must be a table name, e.g. lookup(my_table, x), but found ${printExpr(args[0]!)}`,
        args[0]!.pos,
      );
    }
    return { kind: 'call', fn, args, pos: nameToken.pos };
  }
}

/** Fails when the tree is deeper than {@link MAX_TREE_DEPTH}, so later recursive passes cannot overflow the stack. */
function checkTreeDepth(root: Expr): void {
  const stack: Array<[Expr, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) {
      fail(
        `expression is too deep (more than ${MAX_TREE_DEPTH} nested operations); split it into intermediate equations`,
        node.pos,
      );
    }
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
}

/** Fails unless the parser stands on the `=` of `form`; a top-level `==` gets its own explanation. */
function expectSingleEquals(p: Parser, left: Expr, form: string): void {
  if (p.isPunct('=')) return;
  const t = p.current;
  if (t.kind === 'eof' && left.kind === 'binary' && left.op === '==') {
    fail(`expected a single '=' in ${form} but found '==', which compares two values; write '='`, left.pos);
  }
  const found = t.kind === 'eof' ? "end of input (there is no '=')" : describeToken(t);
  fail(`expected '=' in ${form} but found ${found}`, t.pos);
}

/**
 * Parses one expression. `origin` is the file position of `text[0]`; every
 * node's position is absolute. Throws `EngineError('syntax')` at the first problem.
 */
export function parseExpression(text: string, origin: SourcePos): Expr {
  const p = new Parser(text, origin);
  const e = p.expression();
  p.expectEnd('in an expression');
  checkTreeDepth(e);
  return e;
}

/**
 * Parses an equation `NAME = expression`; NAME may be dotted (`hh_pro.income`).
 * Throws `EngineError('syntax')` when the left side is not a plain name or
 * there is not exactly one `=`.
 */
export function parseEquation(text: string, origin: SourcePos): EquationAst {
  const p = new Parser(text, origin);
  const first = p.current;
  if (first.kind === 'eof') fail("expected an equation 'NAME = expression' but found end of input", first.pos);
  const left = p.expression();
  expectSingleEquals(p, left, "the equation 'NAME = expression'");
  if (left.kind !== 'name') {
    fail(
      `the left side of an equation must be a plain name such as Y or hh_pro.income, but found ${printExpr(left)}`,
      first.pos,
    );
  }
  if (first.kind !== 'name') {
    fail(`the left side of an equation must be a plain name without parentheses: write ${left.name} = ...`, first.pos);
  }
  if (RESERVED_NAMES.has(left.name)) {
    const reserved = [...RESERVED_NAMES].join(', ');
    fail(`'${left.name}' is a reserved name (${reserved}) and cannot be defined by an equation; rename it`, left.pos);
  }
  p.advance();
  const expr = p.expression();
  p.expectEnd("after the equation's right side; an equation has exactly one '='");
  checkTreeDepth(expr);
  return { target: left.name, targetPos: left.pos, expr };
}

/**
 * Parses an identity `expression = expression` (as in `hidden:`); the `=` is
 * the single one that is not part of `==`, `<=`, `>=` or `!=`. `pos` is the
 * position of the identity's first token.
 */
export function parseIdentity(text: string, origin: SourcePos): IdentityAst {
  const p = new Parser(text, origin);
  const first = p.current;
  const left = p.expression();
  expectSingleEquals(p, left, "the identity 'expression = expression'");
  p.advance();
  const right = p.expression();
  p.expectEnd("after the identity's right side; an identity has exactly one '='");
  checkTreeDepth(left);
  checkTreeDepth(right);
  return { left, right, pos: first.pos };
}
