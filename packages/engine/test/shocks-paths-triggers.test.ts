import { describe, expect, it } from 'vitest';
import { engineError, instanceOf, runText, yaml } from './fixtures/harness.js';

/** Periods 1..N of a series as a plain array. */
const solved = (s: Float64Array) => Array.from(s.subarray(1));

describe('shocks on params', () => {
  const model = (...shocks: string[]) =>
    yaml('periods: 8', 'params: { G: 1 }', 'equations:', '  - y = G', ...(shocks.length ? ['shocks:', ...shocks] : []));

  it('sets a param from/to inclusive, and to the last period when to is missing', () => {
    expect(solved(runText(model('  - { set: G, value: 5, from: 3, to: 5 }')).series('y'))).toEqual([
      1, 1, 5, 5, 5, 1, 1, 1,
    ]);
    expect(solved(runText(model('  - { set: G, value: 5, from: 7 }')).series('y'))).toEqual([1, 1, 1, 1, 1, 1, 5, 5]);
  });

  it('takes one value per period of the range', () => {
    const r = runText(model('  - { set: G, value: [7, 8, 9], from: 2, to: 4 }'));
    expect(solved(r.series('y'))).toEqual([1, 7, 8, 9, 1, 1, 1, 1]);
    const e = engineError(() => runText(model('  - { set: G, value: [7, 8], from: 2, to: 4 }')));
    expect(e.code).toBe('bad-shock');
    expect(e.message).toContain('2 values given for 3 periods');
  });

  it('keeps a list shock valid when a run stops inside or before its range', () => {
    const inst = instanceOf(model('  - { set: G, value: [7, 8, 9], from: 2, to: 4 }'));
    expect(solved(inst.run({ periods: 3 }).series('y'))).toEqual([1, 7, 8]);
    expect(solved(inst.run({ periods: 1 }).series('y'))).toEqual([1]);
  });

  it('lets the later of two overlapping shocks win', () => {
    const a = runText(model('  - { set: G, value: 5, from: 2, to: 6 }', '  - { set: G, value: 9, from: 4, to: 5 }'));
    expect(solved(a.series('y'))).toEqual([1, 5, 5, 9, 9, 5, 1, 1]);
    const b = runText(model('  - { set: G, value: 9, from: 4, to: 5 }', '  - { set: G, value: 5, from: 2, to: 6 }'));
    expect(solved(b.series('y'))).toEqual([1, 5, 5, 5, 5, 5, 1, 1]);
  });

  it('applies run shocks after the model shocks, and reads shocked params through lags', () => {
    const inst = instanceOf(
      yaml(
        'periods: 6',
        'params: { G: 1 }',
        'equations:',
        '  - y = G',
        '  - z = G[-1]',
        'shocks:',
        '  - { set: G, value: 5, from: 2 }',
      ),
    );
    const r = inst.run({ shocks: [{ set: 'G', value: 3, from: 4, to: 4 }] });
    expect(solved(r.series('y'))).toEqual([1, 5, 5, 3, 5, 5]);
    // The lag reads the shocked value one period back; at period 1 it reads period 0 (the base value).
    expect(solved(r.series('z'))).toEqual([1, 1, 5, 5, 3, 5]);
  });
});

describe('shocks on variables (exogenising)', () => {
  it('skips the equation over the range and feeds the value to dependents', () => {
    // c's own equation divides by zero at period 2 and 3; held at 3 there, nothing is evaluated.
    const r = runText(
      yaml(
        'periods: 5',
        'equations:',
        '  - c = 10 + 0 / (period - 2) + 0 / (period - 3)',
        '  - y = 2 * c',
        'shocks:',
        '  - { set: c, value: 3, from: 2, to: 3 }',
      ),
    );
    expect(solved(r.series('c'))).toEqual([10, 3, 3, 10, 10]);
    expect(solved(r.series('y'))).toEqual([20, 6, 6, 20, 20]);
  });

  it('holds a variable of a simultaneous block, given as a run shock', () => {
    // a = 0.5·b + 1, b = a + 2 → a = 0.5a + 2 → a = 4, b = 6; with a held at 10: b = 12.
    const inst = instanceOf(yaml('periods: 4', 'equations:', '  - a = 0.5 * b + 1', '  - b = a + 2'));
    const r = inst.run({ shocks: [{ set: 'a', value: [10, 20], from: 2, to: 3 }] });
    const [a, b] = [r.series('a'), r.series('b')];
    expect([a[1], a[2], a[3], a[4]].map((v) => Number(v.toFixed(12)))).toEqual([4, 10, 20, 4]);
    expect([b[1], b[2], b[3], b[4]].map((v) => Number(v.toFixed(12)))).toEqual([6, 12, 22, 6]);
    // The same instance still runs unshocked.
    expect(inst.run().series('a')[2]).toBeCloseTo(4, 12);
  });
});

describe('paths', () => {
  const model = yaml('periods: 9', 'params: { G: 0 }', 'equations:', '  - y = G');

  it('interpolates linearly in time between points and stays flat outside', () => {
    // time = p. Points (3, 10) and (7, 30): slope 5 per period.
    const r = instanceOf(model).run({ paths: { G: { 3: 10, 7: 30 } } });
    expect(Array.from(r.series('y'))).toEqual([0, 10, 10, 10, 15, 20, 25, 30, 30, 30]);
    expect(r.series('G')[0]).toBe(10);
  });

  it('reads "YYYY-MM" points on a monthly model', () => {
    const monthly = yaml('start: "2026-01"', 'periods: 8', 'params: { G: 0 }', 'equations:', '  - y = G');
    // 2026-03 is period 3, 2026-07 is period 7: G rises by 0.5 a month from 1 to 3.
    const r = instanceOf(monthly).run({ paths: { G: { '2026-03': 1, '2026-07': 3 } } });
    // (Times near 2026 carry rounding of about 1e-13 years, so compare to 1e-9.)
    const y = solved(r.series('y'));
    [1, 1, 1, 1.5, 2, 2.5, 3, 3].forEach((want, i) => {
      expect(y[i]).toBeCloseTo(want, 9);
    });
  });

  it('lets shocks override a path, and rejects paths on variables and unknown keys', () => {
    const inst = instanceOf(model);
    const r = inst.run({ paths: { G: { 1: 0, 9: 8 } }, shocks: [{ set: 'G', value: -1, from: 5, to: 5 }] });
    expect(solved(r.series('y'))).toEqual([0, 1, 2, 3, -1, 5, 6, 7, 8]);
    expect(engineError(() => inst.run({ paths: { y: { 1: 1 } } })).message).toContain('is a variable');
    expect(engineError(() => inst.run({ paths: { G: { soon: 1 } } })).code).toBe('bad-input');
  });
});

describe('triggers', () => {
  const base = (dt = 1) =>
    yaml(`dt: ${dt}`, 'periods: 10', 'params: { flag: 0 }', 'equations:', '  - x = period', '  - y = flag');

  it('read period t − 1: a condition first true at period k applies from period k + 1', () => {
    // x_p = p, so "x > 5" first holds at period 6; the trigger sees it at period 7.
    const r = instanceOf(base()).run({ triggers: [{ when: 'x > 5', set: { flag: 1 } }] });
    expect(solved(r.series('y'))).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(r.fired).toEqual([{ when: 'x > 5', period: 7 }]);
  });

  it('wait for the condition to hold for `sustain` time units', () => {
    // dt = 0.25, sustain 0.5 = two periods: true at periods 6 and 7 (read at 7 and 8) → applies from 8.
    const r = instanceOf(base(0.25)).run({ triggers: [{ when: 'x > 5', sustain: 0.5, set: { flag: 1 } }] });
    expect(solved(r.series('y'))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    // A condition that breaks before the sustain time resets: "x > 3 and x != 5" holds at 4, 6, 7, 8, ...
    const reset = instanceOf(base(0.25)).run({
      triggers: [{ when: 'x > 3 and x != 5', sustain: 0.5, set: { flag: 1 } }],
    });
    expect(solved(reset.series('y'))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('revert when not latched and stay set when latched', () => {
    // "3 < x < 6" holds at periods 4 and 5, so it is seen at periods 5 and 6.
    const when = 'x > 3 and x < 6';
    const inst = instanceOf(base());
    const plain = inst.run({ triggers: [{ when, set: { flag: 1 } }] });
    expect(solved(plain.series('y'))).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    const latched = inst.run({ triggers: [{ when, set: { flag: 1 }, latch: true }] });
    expect(solved(latched.series('y'))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(latched.fired).toEqual([{ when, period: 5 }]);
  });

  it('revert to the shocked value, not the model value', () => {
    const r = instanceOf(base()).run({
      shocks: [{ set: 'flag', value: 2, from: 1 }],
      triggers: [{ when: 'x > 3 and x < 6', set: { flag: 9 } }],
    });
    expect(solved(r.series('y'))).toEqual([2, 2, 2, 2, 9, 9, 2, 2, 2, 2]);
  });

  it('may read tables, changes and time lags, but not smooth', () => {
    const text = yaml(
      'periods: 6',
      'params: { flag: 0 }',
      'tables: { tb: { x: [0, 10], y: [0, 20] } }',
      'equations:',
      '  - x = period',
      '  - y = flag',
    );
    const inst = instanceOf(text);
    const run = (when: string) => solved(inst.run({ triggers: [{ when, set: { flag: 1 } }] }).series('y'));
    // lookup(tb, x) = 2x > 7 first at period 4 → from period 5.
    expect(run('lookup(tb, x) > 7')).toEqual([0, 0, 0, 0, 1, 1]);
    // d(x) = 1 in every period (x_0 = 0): true from period 1 → from period 2.
    expect(run('d(x) > 0.5')).toEqual([0, 1, 1, 1, 1, 1]);
    // lagt(x, 2) = x_{p−2}: > 1 first at period 4 → from period 5.
    expect(run('lagt(x, 2) > 1')).toEqual([0, 0, 0, 0, 1, 1]);
    expect(engineError(() => run('smooth(x, 2) > 1')).code).toBe('bad-scenario');
    expect(engineError(() => run('lookup(nope, x) > 1')).code).toBe('bad-scenario');
    expect(engineError(() => run('nope > 1')).code).toBe('undefined-name');
  });

  it('set params only', () => {
    const e = engineError(() => instanceOf(base()).run({ triggers: [{ when: 'x > 1', set: { x: 1 } }] }));
    expect(e.code).toBe('bad-scenario');
    expect(e.message).toContain("'x' is not a param");
  });
});
