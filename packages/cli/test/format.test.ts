import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, formatCsv } from '../src/format-csv.js';
import { formatJson } from '../src/format-json.js';
import { formatNumber } from '../src/format-number.js';
import { ELLIPSIS_ROW, formatTable } from '../src/format-table.js';

describe('formatTable', () => {
  it('pads every column to its widest cell and right-aligns where asked', () => {
    const text = formatTable({
      headers: ['name', 'value'],
      rows: [
        ['a', '1'],
        ['longer', '123.5'],
      ],
      align: ['left', 'right'],
    });
    expect(text).toBe(['name    value', '------  -----', 'a           1', 'longer  123.5', ''].join('\n'));
  });

  it('prints the ellipsis row as is', () => {
    const text = formatTable({ headers: ['p'], rows: [['0'], ELLIPSIS_ROW, ['9']] });
    expect(text.split('\n')).toEqual(['p', '-', '0', '…', '9', '']);
  });
});

describe('formatCsv', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsv(['period', 'x'], [[0, 1.5]])).toBe('period,x\n0,1.5\n');
  });

  it('keeps every number exact (shortest round-trip text)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const cell = formatCsv(['x'], [[value]]).split('\n')[1];
        expect(Object.is(Number(cell), value) || (value === 0 && Number(cell) === 0)).toBe(true);
      }),
    );
  });
});

describe('formatJson', () => {
  it('is valid JSON equal to the input, with plain arrays on one line', () => {
    const value = { model: 'm', periods: [0, 1], series: { x: [1, 2.5] }, iterations: [{ block: ['a'], total: 3 }] };
    const text = formatJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain('"x": [1, 2.5]');
  });

  it('round-trips arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(formatJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('writes non-finite numbers as null', () => {
    expect(JSON.parse(formatJson({ x: [Number.NaN, 1] }))).toEqual({ x: [null, 1] });
  });
});

describe('formatNumber', () => {
  it('shows six significant digits without trailing zeros', () => {
    expect(formatNumber(20 / 0.52)).toBe('38.4615');
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1.2e-14)).toBe('1.2e-14');
    expect(formatNumber(2.5e12)).toBe('2.5e+12');
  });

  it('stays within 5e-4 relative of the value (4 significant digits at worst)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (value) => {
        const shown = Number(formatNumber(value));
        expect(Math.abs(shown - value)).toBeLessThanOrEqual(5e-4 * Math.abs(value) + Number.MIN_VALUE);
      }),
    );
  });
});
