import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../src/ast.js';
import { differentiate, NotDifferentiable } from '../src/derivative.js';
import { evaluate, resolveExpr } from '../src/interpreter.js';
import { parseExpression } from '../src/parser.js';
import { printExpr } from '../src/print-expr.js';

const origin = { file: 't', line: 1, col: 1 };
const parse = (text: string): Expr => parseExpression(text, origin);

/** Value of an expression in x and y (no lags, no tables). */
function valueAt(e: Expr, x: number, y: number): number {
  const slots = new Map([
    ['x', 0],
    ['y', 1],
  ]);
  return evaluate(resolveExpr(e, slots, new Map()), {
    o: Float64Array.from([x, y]),
    S: 2,
    p: 0,
    t: 2030,
    dt: 1,
    tables: [],
  });
}

const dAt = (text: string, x: number, y = 0.7) => valueAt(differentiate(parse(text), 'x'), x, y);

describe('differentiate: rules worked out by hand', () => {
  it('sums, products, quotients and powers', () => {
    expect(dAt('3 * x + y', 2)).toBe(3);
    expect(dAt('x * y', 2, 5)).toBe(5);
    // d(y / x) = −y / x² = −5/4 at x = 2
    expect(dAt('y / x', 2, 5)).toBeCloseTo(-1.25, 14);
    // d(x^2) = 2x; d(x^3) = 3x²; d(2^x) = 2^x ln 2
    expect(dAt('x^2', 3)).toBe(6);
    expect(dAt('x^3', 2)).toBeCloseTo(12, 13);
    expect(dAt('2^x', 3)).toBeCloseTo(8 * Math.log(2), 13);
  });

  it('functions', () => {
    expect(dAt('exp(2 * x)', 0.5)).toBeCloseTo(2 * Math.E, 13);
    expect(dAt('ln(x)', 4)).toBeCloseTo(0.25, 14);
    expect(dAt('log(x, 10)', 2)).toBeCloseTo(1 / (2 * Math.log(10)), 14);
    expect(dAt('sqrt(x)', 4)).toBeCloseTo(0.25, 14);
    expect(dAt('sin(x)', 1)).toBeCloseTo(Math.cos(1), 14);
    expect(dAt('cos(x)', 1)).toBeCloseTo(-Math.sin(1), 14);
    expect(dAt('tan(x)', 0.3)).toBeCloseTo(1 / Math.cos(0.3) ** 2, 13);
    expect(dAt('atan(x)', 2)).toBeCloseTo(0.2, 14);
  });

  it('piecewise functions follow the branch taken', () => {
    expect(dAt('min(x, y)', 0.5, 0.7)).toBe(1);
    expect(dAt('min(x, y)', 0.9, 0.7)).toBe(0);
    expect(dAt('max(2 * x, y)', 0.9, 0.7)).toBe(2);
    expect(dAt('abs(x)', -3)).toBe(-1);
    expect(dAt('clamp(x, 0, 1)', 0.5)).toBe(1);
    expect(dAt('clamp(x, 0, 1)', 1.5)).toBe(0);
    expect(dAt('if(x > 1, 3 * x, -x)', 2)).toBe(3);
    expect(dAt('if(x > 1, 3 * x, -x)', 0)).toBe(-1);
    expect(dAt('floor(x) + (x > y)', 2.5)).toBe(0);
  });

  it('lags and lagt are constants within the period; step passes the derivative of its height', () => {
    expect(dAt('x[-1] * 4 + y', 2)).toBe(0);
    expect(dAt('step(5 * x, 2020)', 1)).toBe(5); // time 2030 ≥ 2020
    expect(dAt('step(5 * x, 2040)', 1)).toBe(0);
  });

  it('reports a function of a block variable it cannot differentiate', () => {
    expect(() => differentiate(parse('lookup(tab, x)'), 'x')).toThrow(NotDifferentiable);
    expect(() => differentiate(parse('ramp(x, 1, 2)'), 'x')).toThrow(NotDifferentiable);
    expect(printExpr(differentiate(parse('lookup(tab, y)'), 'x'))).toBe('0');
  });
});

/** Smooth expressions in x and y over (0.5, 2): every function differentiable there. */
const smoothExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', '0.5', '2', '3'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('e').map((a) => `(${a}) / (1 + x * x)`),
    tie('e').map((a) => `exp(0.1 * (${a}))`),
    tie('e').map((a) => `sqrt(1 + (${a}) * (${a}))`),
    tie('e').map((a) => `sin(${a})`),
    tie('e').map((a) => `atan(${a})`),
    tie('e').map((a) => `(${a})^2`),
    tie('e').map((a) => `smin(${a}, x, 0.3)`),
  ),
})).e;

describe('differentiate: property', () => {
  it('matches a central finite difference for smooth expressions', () => {
    fc.assert(
      fc.property(smoothExpr, fc.double({ min: 0.5, max: 2, noNaN: true }), (text, x) => {
        const e = parse(text);
        const exact = valueAt(differentiate(e, 'x'), x, 0.7);
        const h = 1e-5;
        const numeric = (valueAt(e, x + h, 0.7) - valueAt(e, x - h, 0.7)) / (2 * h);
        expect(Math.abs(exact - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
      }),
      { numRuns: 200 },
    );
  });
});
