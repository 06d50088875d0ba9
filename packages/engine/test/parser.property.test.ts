import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BinaryOp, type Expr, FUNCTIONS, RESERVED_NAMES, type SourcePos } from '../src/ast.js';
import { EngineError } from '../src/diagnostics.js';
import { parseEquation, parseExpression, parseIdentity } from '../src/parser.js';
import { printExpr } from '../src/print-expr.js';

const ORIGIN: SourcePos = { file: 'prop.yaml', line: 1, col: 1 };

/** The global that attack strings try to set; it must stay 0. */
const sentinelHost = globalThis as unknown as { __endgameSentinel?: number };

/** Parses `text` and classifies the outcome; any thrown value other than a syntax EngineError fails the test. */
function parseOutcome(parse: (text: string, origin: SourcePos) => unknown, text: string): 'ok' | 'syntax' {
  try {
    const result = parse(text, ORIGIN);
    expect(result).toBeTypeOf('object');
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe('syntax');
    return 'syntax';
  }
}

/** Tokens of the language, near-misses and junk, glued into strings that often get deep into the parser. */
const TOKENS = [
  'a',
  'b1',
  'hh.income',
  'x_',
  '0',
  '1',
  '2.5',
  '.5',
  '1e-3',
  '2E+4',
  '1e',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  '[',
  ']',
  '[-1]',
  '[-0]',
  ',',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  '=',
  '!',
  'and',
  'or',
  'not',
  'if',
  'exp',
  'log',
  'lookup',
  'pi',
  'time',
  'smooth',
  'constructor',
  '__proto__',
  'toString',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '$',
  ';',
  '{',
  '}',
  '"',
  "'",
  '`',
  '.',
  '#',
  '\u0000',
  '\u00a0',
  '😀',
  '\ud800',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join(''));
const spacedTokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join(' '));

const ANY_STRING = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  tokenSoup,
  spacedTokenSoup,
);

describe('arbitrary input never crashes the parser', () => {
  it('parseExpression returns a node or throws a syntax EngineError', () => {
    fc.assert(
      fc.property(ANY_STRING, (text) => {
        parseOutcome(parseExpression, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseEquation and parseIdentity do the same', () => {
    fc.assert(
      fc.property(ANY_STRING, (text) => {
        parseOutcome(parseEquation, text);
        parseOutcome(parseIdentity, text);
        parseOutcome(parseEquation, `Y = ${text}`);
        parseOutcome(parseIdentity, `${text} = ${text}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepted text prints to a fixed point and keeps positions inside the text', () => {
    fc.assert(
      fc.property(spacedTokenSoup, (text) => {
        let e: Expr;
        try {
          e = parseExpression(text, ORIGIN);
        } catch {
          return;
        }
        const printed = printExpr(e);
        expect(printExpr(parseExpression(printed, ORIGIN))).toBe(printed);
        const lines = text.split(/\r\n|\r|\n/);
        for (const node of allNodes(e)) {
          expect(node.pos.line).toBeGreaterThanOrEqual(1);
          expect(node.pos.col).toBeLessThanOrEqual(lines[node.pos.line - 1]!.length);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('nothing in the input is ever executed', () => {
  beforeAll(() => {
    sentinelHost.__endgameSentinel = 0;
  });
  afterAll(() => {
    delete sentinelHost.__endgameSentinel;
  });

  const ATTACKS = [
    'globalThis.__endgameSentinel = 1',
    'globalThis.__endgameSentinel=1',
    '(globalThis.__endgameSentinel = 1)',
    "constructor.constructor('globalThis.__endgameSentinel=1')()",
    'constructor.constructor("globalThis.__endgameSentinel=1")()',
    'x.constructor.constructor(globalThis.__endgameSentinel)',
    "Function('globalThis.__endgameSentinel=1')()",
    "eval('globalThis.__endgameSentinel=1')",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the attack is the literal text of a template string
    '`${globalThis.__endgameSentinel=1}`',
    'process.exit(1)',
    "require('fs')",
    "require('child_process').execSync('touch /tmp/pwned')",
    "import('fs')",
    '__proto__.polluted(1)',
    'toString()',
    'valueOf(1)',
    'hasOwnProperty(x)',
    'a; globalThis.__endgameSentinel = 1',
    'a\n;globalThis.__endgameSentinel = 1',
    '1 + /* */ globalThis.__endgameSentinel',
    'x[-1]; globalThis.__endgameSentinel = 1',
    'if(1, globalThis.__endgameSentinel = 1, 0)',
    'exp(1)); globalThis.__endgameSentinel = (1',
    'a = 1 //',
    '\u2028globalThis.__endgameSentinel = 1',
  ];

  it.each(ATTACKS)('%s is rejected and runs nothing', (attack) => {
    expect(parseOutcome(parseExpression, attack)).toBe('syntax');
    parseOutcome(parseEquation, `Y = ${attack}`);
    parseOutcome(parseIdentity, attack);
    expect(sentinelHost.__endgameSentinel).toBe(0);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('arbitrary strings leave the sentinel untouched', () => {
    fc.assert(
      fc.property(fc.oneof(ANY_STRING, fc.constantFrom(...ATTACKS)), (text) => {
        parseOutcome(parseExpression, text);
        expect(sentinelHost.__endgameSentinel).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random trees: printExpr then parseExpression gives the same tree (positions aside).

const POS: SourcePos = { file: 'gen', line: 1, col: 1 };
const KEYWORDS = new Set(['and', 'or', 'not']);
const BINARY_OPS: BinaryOp[] = ['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'];

const segment = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/).filter((s) => !KEYWORDS.has(s));
const nameText = fc.oneof(
  { weight: 4, arbitrary: fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')) },
  { weight: 1, arbitrary: fc.constantFrom(...RESERVED_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(FUNCTIONS)) },
);
const numberValue = fc.oneof(
  fc.nat(),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
);

const nameNode = nameText.map((name): Expr => ({ kind: 'name', name, pos: POS }));

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 6, depthIdentifier: 'expr' },
    numberValue.map((value): Expr => ({ kind: 'num', value, pos: POS })),
    nameNode,
    fc
      .record({ name: nameText, lag: fc.integer({ min: 1, max: 10_000 }) })
      .map(({ name, lag }): Expr => ({ kind: 'lag', name, lag, pos: POS })),
    fc
      .record({ op: fc.constantFrom('-' as const, 'not' as const), arg: tie('expr') })
      .map(({ op, arg }): Expr => ({ kind: 'unary', op, arg, pos: POS })),
    fc
      .record({ op: fc.constantFrom(...BINARY_OPS), left: tie('expr'), right: tie('expr') })
      .map(({ op, left, right }): Expr => ({ kind: 'binary', op, left, right, pos: POS })),
    fc
      .constantFrom(...Object.entries(FUNCTIONS))
      .chain(([fn, [min, max]]) =>
        fc
          .integer({ min, max })
          .chain((n) =>
            fc
              .array(tie('expr'), { minLength: n, maxLength: n })
              .chain((args) =>
                (fn === 'lookup' ? nameNode : fc.constant(args[0]!)).map(
                  (first): Expr => ({ kind: 'call', fn, args: n > 0 ? [first, ...args.slice(1)] : [], pos: POS }),
                ),
              ),
          ),
      ),
  ),
}));

/** The tree without positions, for structural comparison. */
function withoutPos(e: Expr): unknown {
  switch (e.kind) {
    case 'num':
      return { kind: e.kind, value: e.value };
    case 'name':
      return { kind: e.kind, name: e.name };
    case 'lag':
      return { kind: e.kind, name: e.name, lag: e.lag };
    case 'unary':
      return { kind: e.kind, op: e.op, arg: withoutPos(e.arg) };
    case 'binary':
      return { kind: e.kind, op: e.op, left: withoutPos(e.left), right: withoutPos(e.right) };
    case 'call':
      return { kind: e.kind, fn: e.fn, args: e.args.map(withoutPos) };
  }
}

function allNodes(e: Expr): Expr[] {
  const out: Expr[] = [e];
  if (e.kind === 'unary') out.push(...allNodes(e.arg));
  if (e.kind === 'binary') out.push(...allNodes(e.left), ...allNodes(e.right));
  if (e.kind === 'call') for (const a of e.args) out.push(...allNodes(a));
  return out;
}

describe('printExpr round-trips through parseExpression', () => {
  it('parse(print(tree)) equals tree, ignoring positions', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const text = printExpr(tree);
        expect(withoutPos(parseExpression(text, ORIGIN))).toEqual(withoutPos(tree));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for equation right-hand sides and both sides of identities', () => {
    fc.assert(
      fc.property(expr, expr, (left, right) => {
        const eq = parseEquation(`target.name = ${printExpr(right)}`, ORIGIN);
        expect(eq.target).toBe('target.name');
        expect(withoutPos(eq.expr)).toEqual(withoutPos(right));
        const id = parseIdentity(`${printExpr(left)} = ${printExpr(right)}`, ORIGIN);
        expect(withoutPos(id.left)).toEqual(withoutPos(left));
        expect(withoutPos(id.right)).toEqual(withoutPos(right));
      }),
      { numRuns: 500 },
    );
  });
});
