import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/diagnostics.js';
import {
  DIMENSIONLESS,
  formatUnit,
  isDimensionless,
  parseUnit,
  type Unit,
  unitDiv,
  unitEquals,
  unitFromPowers,
  unitMul,
  unitPow,
  unitRoot,
} from '../src/units.js';

/** Plain-object view of a unit, so expectations can use object literals. */
const powers = (u: Unit): Record<string, number> => ({ ...u });

const SYMBOLS = ['USD', 'bn', 'yr', 'person', 'kg', 'm', 's', '$', '%', 'x_1', 'constructor'];
const arbUnit = fc
  .dictionary(
    fc.constantFrom(...SYMBOLS),
    fc.integer({ min: -4, max: 4 }).filter((n) => n !== 0),
  )
  .map((d) => unitFromPowers(Object.entries(d)));

describe('parseUnit: the grammar', () => {
  it.each([
    ['USD bn / yr', { USD: 1, bn: 1, yr: -1 }],
    ['USD / person / yr', { USD: 1, person: -1, yr: -1 }],
    ['a*b/c*d', { a: 1, b: 1, c: -1, d: -1 }],
    ['1/month', { month: -1 }],
    ['kg m/s^2', { kg: 1, m: 1, s: -2 }],
    ['person', { person: 1 }],
    ['$', { $: 1 }],
    ['%', { '%': 1 }],
    ['USD_2020', { USD_2020: 1 }],
    ['m^-1', { m: -1 }],
    ['s^+2', { s: 2 }],
    ['m m', { m: 2 }],
    ['m*m^-3', { m: -2 }],
    ['(m/s)^2', { m: 2, s: -2 }],
    ['a/(b/c)', { a: 1, b: -1, c: 1 }],
    ['  USD   bn  ', { USD: 1, bn: 1 }],
    ['kg(m)', { kg: 1, m: 1 }],
  ])('%s', (text, expected) => {
    expect(powers(parseUnit(text))).toEqual(expected);
  });

  it('treats names of Object.prototype members as ordinary symbols', () => {
    const u = parseUnit('constructor / __proto__');
    expect(Object.entries(u).sort()).toEqual([
      ['__proto__', -1],
      ['constructor', 1],
    ]);
    expect(formatUnit(u)).toBe('constructor / __proto__');
    expect(parseUnit('toString').toString).toBe(1);
  });

  it.each(['1', 'm/m', 's^0', '1 / 1', '(1)'])('%s is dimensionless', (text) => {
    expect(isDimensionless(parseUnit(text))).toBe(true);
  });

  it.each([
    '',
    '   ',
    'USD /',
    '/ yr',
    '2 USD',
    '1USD',
    '10',
    'm^',
    'm^x',
    'm^1.5',
    'm ^2',
    '(m',
    'm)',
    '-m',
    'a//b',
    'a.b',
    'a + b',
  ])("rejects '%s' with a schema error showing the string and the grammar", (text) => {
    let caught: unknown;
    try {
      parseUnit(text, { file: 'model.yaml', line: 7, col: 3 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EngineError);
    const err = caught as EngineError;
    expect(err.code).toBe('schema');
    expect(err.message).toContain(`'${text}'`);
    expect(err.message).toContain("unit := group ('/' group)*");
    expect(err.message.startsWith('model.yaml:7:3: ')).toBe(true);
    expect(err.pos).toEqual({ file: 'model.yaml', line: 7, col: 3 });
  });

  it('suggests 1 for an empty unit', () => {
    expect(() => parseUnit('')).toThrow(/write '1'/);
  });
});

describe('formatUnit', () => {
  it.each([
    [{}, '1'],
    [{ USD: 1, bn: 1, yr: -1 }, 'USD bn / yr'],
    [{ yr: -1, bn: 1, USD: 1 }, 'USD bn / yr'],
    [{ person: -1 }, '1 / person'],
    [{ kg: 1, m: 1, s: -2 }, 'kg m / s^2'],
    [{ USD: 1, person: -1, yr: -1 }, 'USD / (person yr)'],
    [{ m: 3 }, 'm^3'],
  ])('%o → %s', (u, text) => {
    expect(formatUnit(unitFromPowers(Object.entries(u)))).toBe(text);
  });

  it('parses back to the same unit for any unit', () => {
    fc.assert(fc.property(arbUnit, (u) => unitEquals(parseUnit(formatUnit(u)), u)));
  });

  it('is canonical: equal units format identically', () => {
    fc.assert(fc.property(arbUnit, arbUnit, (a, b) => formatUnit(unitMul(a, b)) === formatUnit(unitMul(b, a))));
    expect(formatUnit(parseUnit('yr^-1 bn USD'))).toBe(formatUnit(parseUnit('USD bn / yr')));
  });
});

describe('unit algebra', () => {
  it('multiplies and divides by adding and subtracting powers', () => {
    expect(powers(unitMul(parseUnit('USD / yr'), parseUnit('yr')))).toEqual({ USD: 1 });
    expect(powers(unitDiv(parseUnit('USD'), parseUnit('USD / yr')))).toEqual({ yr: 1 });
    expect(powers(unitPow(parseUnit('m / s'), -2))).toEqual({ m: -2, s: 2 });
    expect(powers(unitPow(parseUnit('m'), 0))).toEqual({});
  });

  it('obeys the group laws', () => {
    fc.assert(
      fc.property(arbUnit, arbUnit, arbUnit, (a, b, c) => {
        expect(unitEquals(unitMul(a, b), unitMul(b, a))).toBe(true);
        expect(unitEquals(unitMul(unitMul(a, b), c), unitMul(a, unitMul(b, c)))).toBe(true);
        expect(unitEquals(unitMul(a, DIMENSIONLESS), a)).toBe(true);
        expect(isDimensionless(unitDiv(a, a))).toBe(true);
        expect(unitEquals(unitMul(a, unitDiv(b, a)), b)).toBe(true);
        expect(unitEquals(unitPow(a, -1), unitDiv(DIMENSIONLESS, a))).toBe(true);
      }),
    );
  });

  it('raises to integer powers like repeated multiplication', () => {
    fc.assert(
      fc.property(arbUnit, fc.integer({ min: 0, max: 5 }), (a, k) => {
        let repeated = DIMENSIONLESS;
        for (let i = 0; i < k; i++) repeated = unitMul(repeated, a);
        expect(unitEquals(unitPow(a, k), repeated)).toBe(true);
      }),
    );
  });

  it('takes roots only when every power divides', () => {
    fc.assert(fc.property(arbUnit, (a) => unitEquals(unitRoot(unitPow(a, 2), 2)!, a)));
    expect(powers(unitRoot(parseUnit('m^2 / s^4'), 2)!)).toEqual({ m: 1, s: -2 });
    expect(unitRoot(parseUnit('m^3'), 2)).toBeUndefined();
  });

  it('parses juxtaposition and division as unitMul and unitDiv', () => {
    fc.assert(
      fc.property(arbUnit, arbUnit, (a, b) => {
        const [fa, fb] = [formatUnit(a), formatUnit(b)];
        expect(unitEquals(parseUnit(`(${fa}) (${fb})`), unitMul(a, b))).toBe(true);
        expect(unitEquals(parseUnit(`(${fa}) / (${fb})`), unitDiv(a, b))).toBe(true);
      }),
    );
  });

  it('compares units regardless of key order and rejects different powers', () => {
    expect(
      unitEquals(
        unitFromPowers([
          ['a', 1],
          ['b', -1],
        ]),
        unitFromPowers([
          ['b', -1],
          ['a', 1],
        ]),
      ),
    ).toBe(true);
    expect(unitEquals(parseUnit('a'), parseUnit('a^2'))).toBe(false);
    expect(unitEquals(parseUnit('a'), parseUnit('a b'))).toBe(false);
    expect(unitEquals(parseUnit('a b'), parseUnit('a'))).toBe(false);
    expect(unitEquals(parseUnit('constructor'), DIMENSIONLESS)).toBe(false);
  });

  it('drops zero powers and rejects non-integer powers', () => {
    expect(
      powers(
        unitFromPowers([
          ['a', 1],
          ['a', -1],
          ['b', 2],
        ]),
      ),
    ).toEqual({ b: 2 });
    expect(() => unitPow(parseUnit('m'), 0.5)).toThrow(RangeError);
    expect(() => unitFromPowers([['m', 0.5]])).toThrow(RangeError);
  });

  it('returns frozen values', () => {
    expect(Object.isFrozen(parseUnit('USD / yr'))).toBe(true);
    expect(Object.isFrozen(unitMul(parseUnit('a'), parseUnit('b')))).toBe(true);
  });
});
