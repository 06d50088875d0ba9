import { describe, expect, it } from 'vitest';
import type { Expr, SourcePos } from '../src/ast.js';
import { EngineError } from '../src/diagnostics.js';
import { collectNames } from '../src/expr-walk.js';
import { MAX_NESTING, parseEquation, parseExpression, parseIdentity } from '../src/parser.js';
import { printExpr } from '../src/print-expr.js';

const ORIGIN: SourcePos = { file: 'm.yaml', line: 1, col: 1 };

/** A fully parenthesised prefix rendering, written independently of printExpr, to check tree shape. */
function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'name':
      return e.name;
    case 'lag':
      return `${e.name}@${e.lag}`;
    case 'unary':
      return `(${e.op === '-' ? 'neg' : 'not'} ${sexpr(e.arg)})`;
    case 'binary':
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'call':
      return `(${e.fn}${e.args.map((a) => ` ${sexpr(a)}`).join('')})`;
  }
}

const shape = (text: string): string => sexpr(parseExpression(text, ORIGIN));

/** Parses `text` expecting a syntax error; returns it. */
function syntaxError(parse: () => unknown): EngineError {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe('syntax');
    return e as EngineError;
  }
  throw new Error('expected a syntax error, but parsing succeeded');
}

const exprError = (text: string, origin: SourcePos = ORIGIN) => syntaxError(() => parseExpression(text, origin));

describe('precedence and associativity', () => {
  it.each([
    ['a + b * c', '(+ a (* b c))'],
    ['a * b + c', '(+ (* a b) c)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b / c', '(/ (/ a b) c)'],
    ['a - b + c', '(+ (- a b) c)'],
    ['a ^ b ^ c', '(^ a (^ b c))'],
    ['-x ^ 2', '(neg (^ x 2))'],
    ['2 ^ -1', '(^ 2 (neg 1))'],
    ['2 ^ -x ^ 2', '(^ 2 (neg (^ x 2)))'],
    ['-a * b', '(* (neg a) b)'],
    ['a * -b', '(* a (neg b))'],
    ['a - -b', '(- a (neg b))'],
    ['--x', '(neg (neg x))'],
    ['(a + b) * c', '(* (+ a b) c)'],
    ['a + b < c * d', '(< (+ a b) (* c d))'],
    ['a < b and c >= d', '(and (< a b) (>= c d))'],
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['a or b or c', '(or (or a b) c)'],
    ['not a and b', '(and (not a) b)'],
    ['not a < b', '(not (< a b))'],
    ['not not a', '(not (not a))'],
    ['a == b or not c != d', '(or (== a b) (not (!= c d)))'],
    ['x[-1] ^ 2', '(^ x@1 2)'],
    ['-x[-2]', '(neg x@2)'],
    ['a <= b', '(<= a b)'],
    ['a > -b', '(> a (neg b))'],
  ])('%s parses as %s', (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it('rejects chained comparisons and says to use and', () => {
    const e = exprError('a < b < c');
    expect(e.message).toContain("'and'");
    expect(e.pos).toEqual({ file: 'm.yaml', line: 1, col: 7 });
    expect(exprError('a == b == c').message).toContain('cannot be chained');
  });
});

describe('numbers and names', () => {
  it.each([
    ['1', 1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['2E+4', 20000],
    ['3e2', 300],
    ['007', 7],
  ])('%s is the number %d', (text, value) => {
    expect(parseExpression(text, ORIGIN)).toMatchObject({ kind: 'num', value });
  });

  it('reads dotted names as one name and reserved names as names', () => {
    expect(parseExpression('hh_pro.income', ORIGIN)).toMatchObject({ kind: 'name', name: 'hh_pro.income' });
    expect(parseExpression('_a1.b_2.C', ORIGIN)).toMatchObject({ kind: 'name', name: '_a1.b_2.C' });
    for (const reserved of ['time', 'dt', 'period', 'pi']) {
      expect(parseExpression(reserved, ORIGIN)).toMatchObject({ kind: 'name', name: reserved });
    }
  });

  it('does not take keywords as names', () => {
    expect(exprError('and').message).toBe(
      "m.yaml:1:1: expected an expression but found 'and' ('and' is an operator, not a name)",
    );
    expect(exprError('a + or').message).toContain("expected an expression after '+' but found 'or'");
    expect(shape('android + order')).toBe('(+ android order)');
  });

  it('rejects malformed numbers and names', () => {
    expect(exprError('1e').message).toContain("malformed number '1e'");
    expect(exprError('2x').message).toContain('2 * x');
    expect(exprError('1.5.2').message).toContain('malformed number');
    expect(exprError('a.').message).toContain("malformed name 'a.'");
    expect(exprError('a.1').message).toContain("malformed name 'a.1'");
    expect(exprError('1e400').message).toContain('too large');
  });
});

describe('lags', () => {
  it('reads name[-k] as a lag node at the name', () => {
    expect(parseExpression('Hh[-1]', ORIGIN)).toEqual({ kind: 'lag', name: 'Hh', lag: 1, pos: ORIGIN });
    expect(parseExpression('a.b[ - 12 ]', ORIGIN)).toMatchObject({ kind: 'lag', name: 'a.b', lag: 12 });
  });

  it.each([
    ['x[1]', 3, "found number '1'"],
    ['x[-0]', 4, "found number '0'"],
    ['x[-1.5]', 4, "found number '1.5'"],
    ['x[-k]', 4, "found name 'k'"],
    ['x[-1e0]', 4, "found number '1e0'"],
    ['x[-1', 5, 'found end of input'],
    ['x[]', 3, "found ']'"],
  ])('%s is an error at column %d', (text, col, found) => {
    const e = exprError(text);
    expect(e.message).toContain('a lag is written x[-k] with a whole number k ≥ 1');
    expect(e.message).toContain(found);
    expect(e.pos?.col).toBe(col);
  });

  it('rejects a lag of anything but a name', () => {
    expect(exprError('(a + b)[-1]').message).toContain('a lag applies to a name, not to a + b');
    expect(exprError('exp(x)[-1]').message).toContain('a lag applies to a name');
    expect(exprError('2[-1]').message).toContain('a lag applies to a name');
    expect(exprError('x[-1][-2]').message).toBe(
      'm.yaml:1:6: a lag cannot be lagged again; write the total lag once, e.g. x[-2]',
    );
  });
});

describe('calls', () => {
  it('parses calls with their arguments', () => {
    expect(shape('if(a > 0, exp(b), -c)')).toBe('(if (> a 0) (exp b) (neg c))');
    expect(shape('log(x)')).toBe('(log x)');
    expect(shape('log(x, 10)')).toBe('(log x 10)');
    expect(shape('smooth(x, tau)')).toBe('(smooth x tau)');
    expect(shape('lookup(tbl, x + 1)')).toBe('(lookup tbl (+ x 1))');
  });

  it('accepts pi as a name or as pi()', () => {
    expect(parseExpression('pi', ORIGIN)).toMatchObject({ kind: 'name', name: 'pi' });
    expect(parseExpression('pi()', ORIGIN)).toMatchObject({ kind: 'call', fn: 'pi', args: [] });
  });

  it('reports arity errors at the function name', () => {
    expect(exprError('1 + exp(1, 2)').message).toBe("m.yaml:1:5: 'exp' takes 1 argument, got 2");
    expect(exprError('min(a)').message).toContain("'min' takes 2 arguments, got 1");
    expect(exprError('log(a, b, c)').message).toContain("'log' takes 1 or 2 arguments, got 3");
    expect(exprError('pi(1)').message).toContain("'pi' takes no arguments, got 1");
    expect(exprError('if()').message).toContain("'if' takes 3 arguments, got 0");
  });

  it('names unknown functions, lists the known ones and suggests a close one', () => {
    const foo = exprError('foo(1)').message;
    expect(foo).toContain("unknown function 'foo' (known: abs, atan,");
    expect(foo).not.toContain('did you mean');
    expect(exprError('sqr(x)').message).toContain("did you mean 'sqrt'?");
    expect(exprError('EXP(x)').message).toContain("did you mean 'exp'?");
    expect(exprError('toString(x)').message).toContain("unknown function 'toString'");
    expect(exprError('a.exp(x)').message).toContain("unknown function 'a.exp'");
  });

  it('requires a table name as the first argument of lookup', () => {
    const e = exprError('lookup(2 * t, x)');
    expect(e.message).toContain('the first argument of lookup must be a table name');
    expect(e.pos?.col).toBe(10);
    expect(exprError('lookup(t[-1], x)').message).toContain('found t[-1]');
  });

  it('reports broken argument lists', () => {
    expect(exprError('min(a b)').message).toBe(
      "m.yaml:1:7: expected ',' or ')' to close 'min(' opened at line 1, column 4 but found name 'b'",
    );
    expect(exprError('min(a,)').message).toContain("expected an expression after ',' but found ')'");
    expect(exprError('max(a, b').message).toContain('but found end of input');
  });
});

describe('error messages and positions', () => {
  it.each([
    ['a *', 4, "expected an expression after '*' but found end of input"],
    ['a + b)', 6, "unexpected ')'"],
    ['a + $', 5, "unexpected character '$'"],
    ['(a + (b)', 9, "expected ')' to close '(' opened at line 1, column 1 but found end of input"],
    ['', 1, 'expected an expression but found end of input'],
    ['()', 2, "expected an expression after '(' but found ')'"],
    ['+x', 1, "there is no unary '+'"],
    ['a = b', 3, "unexpected '='"],
    ['a b', 3, "unexpected name 'b' after name 'a'"],
    ['a == not b', 6, "expected an expression after '==' but found 'not'"],
    ['a ] b', 3, "unexpected ']'"],
    ['a , b', 3, "unexpected ','"],
    ['x # comment', 3, "unexpected character '#'"],
  ])('%j fails at column %d with %j', (text, col, message) => {
    const e = exprError(text);
    expect(e.message).toContain(message);
    expect(e.pos).toEqual({ file: 'm.yaml', line: 1, col });
  });

  it('shows invisible and non-ASCII characters by code point', () => {
    expect(exprError('a\u0000').message).toContain('unexpected character U+0000');
    expect(exprError('a\u00a0+ b').message).toContain('unexpected character U+00A0');
    expect(exprError('😀').message).toContain("unexpected character '😀' (U+1F600)");
    expect(exprError('x × y').message).toContain("'×' (U+00D7)");
  });

  it('gives absolute positions from a multi-line origin', () => {
    const origin: SourcePos = { file: 'model.yaml', line: 12, col: 9 };
    const e = parseExpression('a +\n  b *\r\n    c', origin);
    expect(e.pos).toEqual({ file: 'model.yaml', line: 12, col: 11 });
    if (e.kind !== 'binary' || e.right.kind !== 'binary') throw new Error('unexpected shape');
    expect(e.left.pos).toEqual({ file: 'model.yaml', line: 12, col: 9 });
    expect(e.right.left.pos).toEqual({ file: 'model.yaml', line: 13, col: 3 });
    expect(e.right.pos).toEqual({ file: 'model.yaml', line: 13, col: 5 });
    expect(e.right.right.pos).toEqual({ file: 'model.yaml', line: 14, col: 5 });

    const err = exprError('(a +\n  b', origin);
    expect(err.pos).toEqual({ file: 'model.yaml', line: 13, col: 4 });
    expect(err.message).toBe(
      "model.yaml:13:4: expected ')' to close '(' opened at line 12, column 9 but found end of input",
    );
    expect(exprError('a +\n\n   $', origin).pos).toEqual({ file: 'model.yaml', line: 14, col: 4 });
  });

  it('limits nesting with a syntax error instead of overflowing the stack', () => {
    const deep = `${'('.repeat(MAX_NESTING + 1)}x${')'.repeat(MAX_NESTING + 1)}`;
    expect(exprError(deep).message).toContain('nested too deeply');
    expect(exprError(`${'-'.repeat(100_000)}x`).message).toContain('nested too deeply');
    expect(exprError(`${'not '.repeat(100_000)}x`).message).toContain('nested too deeply');
    expect(exprError(`${'2^'.repeat(100_000)}x`).message).toContain('nested too deeply');
    expect(exprError(`${'exp('.repeat(100_000)}x`).message).toContain('nested too deeply');
    expect(exprError(Array.from({ length: 20_000 }, () => 'x').join(' + ')).message).toContain('too deep');
    const fine = `${'('.repeat(MAX_NESTING - 1)}x${')'.repeat(MAX_NESTING - 1)}`;
    expect(parseExpression(fine, ORIGIN)).toMatchObject({ kind: 'name', name: 'x' });
  });
});

describe('parseEquation', () => {
  it('splits NAME = expression at the single =', () => {
    const eq = parseEquation('hh_pro.income = a == b', { file: 'f', line: 4, col: 5 });
    expect(eq.target).toBe('hh_pro.income');
    expect(eq.targetPos).toEqual({ file: 'f', line: 4, col: 5 });
    expect(sexpr(eq.expr)).toBe('(== a b)');
    expect(eq.expr.pos).toEqual({ file: 'f', line: 4, col: 23 });
    expect(sexpr(parseEquation('C = alpha1 * YD + alpha2 * Hh[-1]', ORIGIN).expr)).toBe(
      '(+ (* alpha1 YD) (* alpha2 Hh@1))',
    );
    expect(sexpr(parseEquation('flag = a <= b', ORIGIN).expr)).toBe('(<= a b)');
  });

  it('rejects a left side that is not a plain name', () => {
    expect(syntaxError(() => parseEquation('x[-1] = 3', ORIGIN)).message).toContain(
      'the left side of an equation must be a plain name',
    );
    expect(syntaxError(() => parseEquation('a + b = c', ORIGIN)).message).toContain('but found a + b');
    expect(syntaxError(() => parseEquation('(Y) = c', ORIGIN)).message).toBe(
      'm.yaml:1:1: the left side of an equation must be a plain name without parentheses: write Y = ...',
    );
  });

  it('does not take == for the =, and needs exactly one =', () => {
    const e = syntaxError(() => parseEquation('Y == C + G', ORIGIN));
    expect(e.message).toContain("expected a single '='");
    expect(e.pos?.col).toBe(3);
    expect(syntaxError(() => parseEquation('Y', ORIGIN)).message).toContain("there is no '='");
    expect(syntaxError(() => parseEquation('Y = 1 = 2', ORIGIN)).message).toContain("exactly one '='");
    expect(syntaxError(() => parseEquation('Y =', ORIGIN)).message).toContain(
      "expected an expression after '=' but found end of input",
    );
    expect(syntaxError(() => parseEquation('', ORIGIN)).message).toContain('end of input');
  });

  it('refuses to define a reserved name', () => {
    expect(syntaxError(() => parseEquation('time = 1', ORIGIN)).message).toContain("'time' is a reserved name");
  });
});

describe('parseIdentity', () => {
  it('splits at the = that is not part of ==, <=, >=, !=', () => {
    const id = parseIdentity('a <= b = c != d', ORIGIN);
    expect(sexpr(id.left)).toBe('(<= a b)');
    expect(sexpr(id.right)).toBe('(!= c d)');
    expect(id.pos).toEqual(ORIGIN);
    const walras = parseIdentity('Hh = Hs', { file: 'f', line: 2, col: 5 });
    expect(walras.left).toMatchObject({ kind: 'name', name: 'Hh' });
    expect(walras.right).toMatchObject({ kind: 'name', name: 'Hs', pos: { line: 2, col: 10 } });
    expect(sexpr(parseIdentity('a >= b = c == d', ORIGIN).right)).toBe('(== c d)');
  });

  it('rejects identities without exactly one =', () => {
    expect(syntaxError(() => parseIdentity('Hh == Hs', ORIGIN)).message).toContain("expected a single '='");
    expect(syntaxError(() => parseIdentity('a = b = c', ORIGIN)).message).toContain("exactly one '='");
    expect(syntaxError(() => parseIdentity('a + b', ORIGIN)).message).toContain("there is no '='");
  });
});

describe('printExpr', () => {
  const print = (text: string) => printExpr(parseExpression(text, ORIGIN));

  it.each([
    ['a+b*c', 'a + b * c'],
    ['(a+b)*c', '(a + b) * c'],
    ['a-(b-c)', 'a - (b - c)'],
    ['(a-b)-c', 'a - b - c'],
    ['a/(b*c)', 'a / (b * c)'],
    ['(a^b)^c', '(a^b)^c'],
    ['a^(b^c)', 'a^b^c'],
    ['-(x^2)', '-x^2'],
    ['(-x)^2', '(-x)^2'],
    ['2^(-1)', '2^-1'],
    ['-(-x)', '-(-x)'],
    ['-(a+b)', '-(a + b)'],
    ['(a<b)==(c<d)', '(a < b) == (c < d)'],
    ['not (a<b)', 'not a < b'],
    ['(not a)<b', '(not a) < b'],
    ['(a or b) and c', '(a or b) and c'],
    ['a or (b and c)', 'a or b and c'],
    ['x[ -1 ]+lookup( t,x )', 'x[-1] + lookup(t, x)'],
    ['1e-3+2E+4+.5', '0.001 + 20000 + 0.5'],
    ['pi()*pi', 'pi() * pi'],
  ])('%s prints as %s', (text, expected) => {
    expect(print(text)).toBe(expected);
  });
});

describe('collectNames', () => {
  it('collects contemporaneous names and maximum lags', () => {
    const { names, lags } = collectNames(
      parseExpression(
        'a + b[-1] + b[-3] + c.d[-2] + time * dt + period + pi + lookup(tbl, x) + d(y) + if(a, z, 1)',
        ORIGIN,
      ),
    );
    expect([...names].sort()).toEqual(['a', 'x', 'y', 'z']);
    expect(Object.fromEntries(lags)).toEqual({ b: 3, 'c.d': 2 });
  });

  it('keeps a name that is read both now and lagged in both sets', () => {
    const { names, lags } = collectNames(parseExpression('S[-1] + dt * (S - 1)', ORIGIN));
    expect([...names]).toEqual(['S']);
    expect(lags.get('S')).toBe(1);
  });
});
