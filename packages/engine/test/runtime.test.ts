import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { instantiate } from '../src/instance.js';
import { loadModel } from '../src/load-model.js';
import { engineError, firstDifference, instanceOf, yaml } from './fixtures/harness.js';

const simPath = fileURLToPath(new URL('./fixtures/sim.yaml', import.meta.url));
const sim = () => instantiate(compile(loadModel(simPath)));

/**
 * SIM in reduced form (G = 20, θ = 0.2, α1 = 0.6, α2 = 0.4, H0 = 0): substituting T, YD and C
 * into Y = C + G gives Y_p = (G + α2·H_{p−1}) / (1 − α1(1 − θ)), and the money stock follows
 * H_p = H_{p−1} + (1 − θ)·Y_p − C_p with C_p = α1(1 − θ)·Y_p + α2·H_{p−1}.
 */
function simClosedForm(periods: number, G = 20): { Y: number[]; H: number[] } {
  const [theta, a1, a2] = [0.2, 0.6, 0.4];
  const Y = [0];
  const H = [0];
  for (let p = 1; p <= periods; p++) {
    const y = (G + a2 * H[p - 1]) / (1 - a1 * (1 - theta));
    Y.push(y);
    H.push(H[p - 1] + (1 - theta) * y - (a1 * (1 - theta) * y + a2 * H[p - 1]));
  }
  return { Y, H };
}

const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-12) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected[i])));
  }
};

describe('run: SIM', () => {
  it('matches the closed form in period 1 and the reduced-form recurrence after', () => {
    const r = sim().run();
    // Period 1: Y = 20 / 0.52, T = 0.2·Y, H = 0.32·Y.
    expect(r.series('Y')[1]).toBeCloseTo(20 / 0.52, 12);
    expect(r.series('T')[1]).toBeCloseTo((0.2 * 20) / 0.52, 12);
    expect(r.series('Hh')[1]).toBeCloseTo((0.32 * 20) / 0.52, 12);
    const { Y, H } = simClosedForm(10);
    expectClose(r.series('Y'), Y);
    expectClose(r.series('Hh'), H);
    expectClose(r.series('Hs'), H);
    expect(r.periods).toBe(10);
    expect(r.series('Y')).toHaveLength(11);
  });

  it('converges to the steady state Y* = G/θ = 100, H* = (1 − α1)(1 − θ)Y*/α2 = 80', () => {
    const r = sim().run({ periods: 200 });
    expect(r.series('Y')[200]).toBeCloseTo(100, 9);
    expect(r.series('Hh')[200]).toBeCloseTo(80, 9);
    expect(r.iterations).toHaveLength(1);
    expect(r.iterations[0].block).toContain('Y');
    expect(r.iterations[0].total).toBeGreaterThan(0);
  });

  it('gives identical results when run twice, also around a run with other params', () => {
    const inst = sim();
    const first = inst.run();
    const firstCopy = first.buffer.slice();
    const other = inst.run({ params: { G: 30 }, periods: 4 });
    const again = inst.run();
    expect(firstDifference(first.buffer, again.buffer)).toBe(-1);
    // The first result is not overwritten by later runs.
    expect(firstDifference(first.buffer, firstCopy)).toBe(-1);
    expect(other.series('Y')[1]).toBeCloseTo(30 / 0.52, 12);
    expect(inst.run({ interpret: true }).buffer).toEqual(first.buffer);
  });
});

describe('run: period 0', () => {
  it('solves init: equations (with a simultaneous block) for a steady starting state', () => {
    // SIM's steady state: Y = C + G with C = YD = 0.8·Y → Y = 100, C = 80; H from the consumption
    // function: C = 0.48·Y + 0.4·H → H = (80 − 48)/0.4 = 80. Started there, SIM stays there.
    const r = instanceOf(
      yaml(
        'periods: 4',
        'params: { G: 20 }',
        'init:',
        '  - Y = C + G',
        '  - C = 0.8 * Y',
        '  - Hh = (C - 0.48 * Y) / 0.4',
        '  - Hs = Hh',
        'initial: { Hs: 80.5 }',
        'equations:',
        '  - Y = C + G',
        '  - T = 0.2 * Y',
        '  - YD = Y - T',
        '  - C = 0.6 * YD + 0.4 * Hh[-1]',
        '  - Hh = Hh[-1] + dt * (YD - C)',
        '  - Hs = Hs[-1] + dt * (G - T)',
      ),
    ).run();
    expect(r.series('Y')[0]).toBeCloseTo(100, 12);
    expect(r.series('Hh')[0]).toBeCloseTo(80, 12);
    // initial: overrides what init: computed.
    expect(r.series('Hs')[0]).toBe(80.5);
    for (let p = 1; p <= 4; p++) {
      expect(r.series('Y')[p]).toBeCloseTo(100, 10);
      expect(r.series('Hh')[p]).toBeCloseTo(80, 10);
    }
  });

  it('holds init-only values constant over the run', () => {
    const r = instanceOf(
      yaml('periods: 3', 'params: { a: 2 }', 'init:', '  - k = a * 3', 'equations:', '  - y = k + 1'),
    ).run();
    expect(Array.from(r.series('k'))).toEqual([6, 6, 6, 6]);
    expect(Array.from(r.series('y'))).toEqual([0, 7, 7, 7]);
  });
});

describe('run: overrides', () => {
  it('runs fewer or more periods than the model says', () => {
    const inst = sim();
    const full = inst.run();
    const short = inst.run({ periods: 5 });
    expect(short.periods).toBe(5);
    expect(short.series('Y')).toEqual(full.series('Y').subarray(0, 6));
    const long = inst.run({ periods: 30 });
    expectClose(long.series('Y'), simClosedForm(30).Y);
    expect(engineError(() => inst.run({ periods: 0 })).code).toBe('bad-input');
    expect(engineError(() => inst.run({ periods: 2.5 })).code).toBe('bad-input');
  });

  it('runs with another dt: compound growth x_p = x_0 (1 + r·dt)^p, time = start + (p − 1)·dt', () => {
    const inst = instanceOf(
      yaml('periods: 10', 'params: { r: 0.1 }', 'initial: { x: 100 }', 'equations:', '  - x = x[-1] + dt * r * x[-1]'),
    );
    const yearly = inst.run();
    expectClose(
      yearly.series('x'),
      Array.from({ length: 11 }, (_, p) => 100 * 1.1 ** p),
    );
    const half = inst.run({ dt: 0.5, periods: 20 });
    expectClose(
      half.series('x'),
      Array.from({ length: 21 }, (_, p) => 100 * 1.05 ** p),
    );
    expect(half.time[0]).toBe(0.5);
    expect(half.time[1]).toBe(1);
    expect(half.time[20]).toBe(10.5);
    expect(engineError(() => inst.run({ dt: 0 })).code).toBe('bad-input');
  });

  it('takes params as a Record', () => {
    const r = sim().run({ params: { G: 30, theta: 0.25 } });
    // Y1 = G / (1 − α1(1 − θ)) = 30 / (1 − 0.6·0.75) = 30 / 0.55.
    expect(r.series('Y')[1]).toBeCloseTo(30 / 0.55, 12);
    expect(r.series('G')[0]).toBe(30);
  });

  it('rejects a Record naming a variable, an unknown param or a non-finite value', () => {
    const inst = sim();
    const variable = engineError(() => inst.run({ params: { Y: 1 } }));
    expect(variable.message).toContain('is a variable');
    const unknown = engineError(() => inst.run({ params: { thetta: 1 } }));
    expect(unknown.code).toBe('undefined-name');
    expect(unknown.message).toContain("did you mean 'theta'?");
    expect(engineError(() => inst.run({ params: { G: Number.NaN } })).code).toBe('bad-input');
  });

  it('takes params as a Float64Array in the order of the param slots', () => {
    const inst = sim();
    const names = inst.compiled.slots.filter((s) => s.kind === 'param').map((s) => s.name);
    expect(names).toEqual(['G', 'theta', 'alpha1', 'alpha2']);
    const r = inst.run({ params: Float64Array.from([30, 0.2, 0.6, 0.4]) });
    expect(r.series('Y')[1]).toBeCloseTo(30 / 0.52, 12);
    const e = engineError(() => inst.run({ params: new Float64Array(3) }));
    expect(e.code).toBe('bad-input');
    expect(e.message).toContain('3 values');
  });

  it('throws on series() of an unknown name', () => {
    const r = sim().run({ periods: 2 });
    const e = engineError(() => r.series('nope'));
    expect(e.code).toBe('undefined-name');
    expect(e.message).toContain("'nope'");
    expect(r.names).toContain('accounting_residual_max');
  });
});

describe('step-wise runs', () => {
  const coupled = yaml('periods: 5', 'params: { k: 0.5 }', 'equations:', '  - u = 1', '  - y = 2 * u + k * y[-1]');
  const inputs = [3, -1, 4, 1, 5];

  it('takes an exogenous variable each period and equals a run with the values shocked in', () => {
    const inst = instantiate(compile(loadModel(coupled), { exogenous: ['u'] }));
    inst.begin();
    inputs.forEach((u, i) => {
      inst.step(i + 1, { u });
    });
    const stepped = inst.result();
    // y_p = 2·u_p + 0.5·y_{p−1}, y_0 = 0: 6, −2 + 3 = 1, 8 + 0.5 = 8.5, 2 + 4.25 = 6.25, 10 + 3.125 = 13.125.
    expect(Array.from(stepped.series('y'))).toEqual([0, 6, 1, 8.5, 6.25, 13.125]);
    const shocked = instanceOf(coupled).run({ shocks: [{ set: 'u', value: inputs, from: 1 }] });
    expect(firstDifference(stepped.buffer, shocked.buffer)).toBe(-1);
  });

  it('uses the equation in periods where nothing is supplied', () => {
    const inst = instantiate(compile(loadModel(coupled), { exogenous: ['u'] }));
    inst.begin({ interpret: true });
    inst.step(1, { u: 3 });
    inst.step(2);
    // y1 = 6, then u = 1 from its equation: y2 = 2 + 3 = 5.
    expect(inst.result().series('y')[2]).toBe(5);
  });

  it.each([false, true])('takes a variable of a simultaneous block from outside (interpret: %s)', (interpret) => {
    const text = yaml('periods: 2', 'equations:', '  - u = 0.5 * w', '  - w = u + 1');
    const inst = instantiate(compile(loadModel(text), { exogenous: ['u'] }));
    inst.begin({ interpret });
    inst.step(1);
    inst.step(2, { u: 10 });
    const r = inst.result();
    // Alone: u = 0.5(u + 1) → u = 1, w = 2. With u = 10 given: w = 11.
    expect(r.series('u')[1]).toBeCloseTo(1, 12);
    expect(r.series('w')[1]).toBeCloseTo(2, 12);
    expect(r.series('u')[2]).toBe(10);
    expect(r.series('w')[2]).toBe(11);
  });

  it('rejects steps out of order, before begin(), past the end, and undeclared inputs', () => {
    const fresh = instantiate(compile(loadModel(coupled), { exogenous: ['u'] }));
    expect(engineError(() => fresh.step(1)).code).toBe('bad-input');
    expect(engineError(() => fresh.result()).code).toBe('bad-input');
    fresh.begin();
    const skipped = engineError(() => fresh.step(2));
    expect(skipped.code).toBe('bad-input');
    expect(skipped.message).toContain('the next period to solve is 1 of 5');
    fresh.step(1);
    expect(engineError(() => fresh.step(1)).code).toBe('bad-input');
    for (let p = 2; p <= 5; p++) fresh.step(p);
    expect(engineError(() => fresh.step(6)).code).toBe('bad-input');
    fresh.begin();
    const undeclared = engineError(() => fresh.step(1, { y: 1 }));
    expect(undeclared.message).toContain('exogenous');
    expect(engineError(() => compile(loadModel(coupled), { exogenous: ['k'] })).code).toBe('undefined-name');
  });
});
