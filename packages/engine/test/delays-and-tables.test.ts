import { describe, expect, it } from 'vitest';
import type { RunResult } from '../src/api-types.js';
import { loadModel } from '../src/load-model.js';
import { engineError, instanceOf, runText, yaml } from './fixtures/harness.js';

/** Asserts |actual − expected| ≤ 1e-12 · max(1, |expected|) for each period in `periods`. */
function expectSeries(r: RunResult, name: string, expected: (p: number) => number, periods: Iterable<number>): void {
  const s = r.series(name);
  for (const p of periods) {
    const want = expected(p);
    expect(Math.abs(s[p] - want), `${name}[${p}] = ${s[p]}, expected ${want}`).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(want)),
    );
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('smooth', () => {
  it('follows s_p = x + (s0 − x)(1 − dt/τ)^p for an input constant from period 0', () => {
    // ENGINE.md: s_p = s_{p−1} + dt/τ·(x_{p−1} − s_{p−1}). With x_{p−1} = 5 for every p ≥ 1
    // (x_0 = 5 from initial:) and s_0 = 1 (third argument): s_p − 5 = (1 − dt/τ)(s_{p−1} − 5).
    const r = runText(
      yaml(
        'periods: 12',
        'dt: 0.25',
        'initial: { x: 5 }',
        'equations:',
        '  - x = 5',
        '  - s = smooth(x, 2, 1)',
        '  - s2 = smooth(2 * x, 2, 1)',
      ),
    );
    expectSeries(r, 's', (p) => 5 + (1 - 5) * (1 - 0.25 / 2) ** p, range(1, 12));
    // Smoothing an expression: the same with input 2x = 10.
    expectSeries(r, 's2', (p) => 10 + (1 - 10) * 0.875 ** p, range(1, 12));
  });

  it('sees a step one period late and starts from x at period 0', () => {
    // time = p (start 1, dt 1), so x_p = 3 from p = 4; x_0 = 0 (period 0 is never solved), so s_0 = 0.
    // s reads x_{p−1}: s_p = 0 up to p = 4, then s_p = 3 + (0 − 3)(1 − 1/4)^(p − 4).
    const r = runText(yaml('periods: 15', 'equations:', '  - x = step(3, 4)', '  - s = smooth(x, 4)'));
    expectSeries(r, 'x', (p) => (p >= 4 ? 3 : 0), range(1, 15));
    expectSeries(r, 's', (p) => (p <= 4 ? 0 : 3 - 3 * 0.75 ** (p - 4)), range(1, 15));
  });

  it('takes a time constant that is a variable, checked once it has a value', () => {
    // τ = 2 is solved in period 1 (before that it has no value). x_0 = 0, x_p = 1 after:
    // s_1 = 0, then s_p = 1 + (0 − 1)(1 − 1/2)^(p − 1).
    const text = (tau: number) =>
      yaml('periods: 6', 'equations:', `  - tau = ${tau}`, '  - x = 1', '  - s = smooth(x, tau)');
    expectSeries(runText(text(2)), 's', (p) => 1 - 0.5 ** (p - 1), range(1, 6));
    expect(engineError(() => runText(text(0.5))).message).toContain('the time constant tau must be at least dt');
  });

  it('rejects a time constant below dt, also when dt is overridden', () => {
    const e = engineError(() => runText(yaml('equations:', '  - x = 1', '  - s = smooth(x, 0.5)')));
    expect(e.code).toBe('bad-input');
    expect(e.message).toContain('must be at least dt');
    const inst = instanceOf(yaml('periods: 3', 'equations:', '  - x = 1', '  - s = smooth(x, 1)'));
    expect(inst.run().series('s')[3]).toBe(1);
    expect(engineError(() => inst.run({ dt: 2 })).code).toBe('bad-input');
  });
});

describe('smooth3 and delay3', () => {
  it('smooth3 passes a step through three stages, then settles at the input', () => {
    // x_0 = 5, x_p = 15 from time 2 = period 2. Stage k reads stage k−1 one period late, so with
    // k = dt/(τ/3) = 1/3 the output first moves at p = 5: s3_5 = 5 + 10·k³ (derivation: s1_3 = 5 + 10k,
    // s2_4 = 5 + 10k², s3_5 = 5 + 10k³); it never overshoots and converges to 15.
    const r = runText(
      yaml('periods: 300', 'initial: { x: 5 }', 'equations:', '  - x = step(10, 2) + 5', '  - s = smooth3(x, 9)'),
    );
    const s = r.series('s');
    expectSeries(r, 's', () => 5, range(1, 4));
    expect(s[5]).toBeCloseTo(5 + 10 / 27, 12);
    for (let p = 2; p <= 300; p++) expect(s[p]).toBeGreaterThanOrEqual(s[p - 1]);
    expect(s[300]).toBeCloseTo(15, 9);
  });

  it('smooth3 rejects a time constant whose stages are shorter than dt', () => {
    expect(engineError(() => runText(yaml('equations:', '  - x = 1', '  - s = smooth3(x, 2)'))).code).toBe('bad-input');
  });

  it('delay3 with τ = 3·dt shifts the input by exactly three periods', () => {
    // Each stage holds S_k = S_k[-1] + dt·(inflow − S_k[-1]/(τ/3)); with τ/3 = dt a stage passes its
    // whole content on each period, so S1_p = dt·x_{p−1}, S2_p = S1_{p−1}, and y_p = S3_p/dt = x_{p−3}.
    const r = runText(yaml('periods: 10', 'equations:', '  - x = pulse(9, 2, 1) + step(1, 6)', '  - y = delay3(x, 3)'));
    const x = r.series('x');
    expectSeries(r, 'y', (p) => (p > 3 ? x[p - 3] : 0), range(1, 10));
  });

  it('delay3 conserves: content + delivered = received, and everything is delivered in the end', () => {
    // Total content C = S1 + S2 + S3 changes by dt·(x_{p−1} − y_{p−1}) (the last stage empties at y).
    const r = runText(yaml('periods: 200', 'dt: 0.5', 'equations:', '  - x = pulse(9, 2, 1)', '  - y = delay3(x, 6)'));
    const stages = r.names.filter((n) => n.startsWith('__delay')).map((n) => r.series(n));
    expect(stages).toHaveLength(3);
    const content = (p: number) => stages.reduce((sum, s) => sum + s[p], 0);
    const [x, y] = [r.series('x'), r.series('y')];
    let received = 0;
    let delivered = 0;
    for (let p = 1; p <= 200; p++) {
      received += 0.5 * x[p - 1];
      delivered += 0.5 * y[p - 1];
      expect(content(p) - content(0)).toBeCloseTo(received - delivered, 12);
    }
    // The pulse is 9 for the two periods with time in [2, 3): 9 · 2 · 0.5 = 9 units in, all out by the end.
    expect(received).toBeCloseTo(9, 12);
    expect(delivered).toBeCloseTo(9, 9);
  });

  it('delay3 starts in steady state at the input level', () => {
    const r = runText(yaml('periods: 8', 'initial: { x: 7 }', 'equations:', '  - x = 7', '  - y = delay3(x, 4.5)'));
    expectSeries(r, 'y', () => 7, range(1, 8));
  });
});

describe('lagt', () => {
  it('interpolates linearly between periods for a fractional delay, and reads period 0 before the start', () => {
    // x_p = p². lagt(x, 1.5) at period p reads "period" p − 1.5: the mean of x_{p−2} and x_{p−1};
    // at p = 1 that is before period 0, so it reads x_0 = 0.
    const r = runText(
      yaml(
        'periods: 8',
        'equations:',
        '  - x = period ^ 2',
        '  - a = lagt(x, 1.5)',
        '  - b = lagt(x, 2)',
        '  - c = x[-2]',
      ),
    );
    expectSeries(r, 'a', (p) => (p === 1 ? 0 : 0.5 * ((p - 2) ** 2 + (p - 1) ** 2)), range(1, 8));
    expect(r.series('b')).toEqual(r.series('c'));
  });

  it('measures the delay in time units, whatever dt', () => {
    // dt = 0.5, τ = 0.8: p − τ/dt = p − 1.6, so lagt = 0.6·x_{p−2} + 0.4·x_{p−1}.
    const r = runText(yaml('periods: 8', 'dt: 0.5', 'equations:', '  - x = period ^ 2', '  - a = lagt(x, 0.8)'));
    expectSeries(r, 'a', (p) => 0.6 * (p - 2) ** 2 + 0.4 * (p - 1) ** 2, range(2, 8));
    // For an input linear in time, lagt(x, τ) = x(time − τ) once time − τ is past period 0.
    const text = yaml('periods: 40', 'start: 0', 'equations:', '  - x = 3 * time + 1', '  - a = lagt(x, 1.5)');
    for (const dt of [0.25, 0.5]) {
      const lin = instanceOf(text).run({ dt });
      expectSeries(lin, 'a', (p) => 3 * ((p - 1) * dt - 1.5) + 1, range(1 + 1.5 / dt + 1, 40));
    }
  });

  it('rejects a delay shorter than one period', () => {
    const e = engineError(() => runText(yaml('periods: 3', 'equations:', '  - x = 1', '  - a = lagt(x, 0.5)')));
    expect(e.code).toBe('bad-input');
    expect(e.message).toContain('at least one period');
  });
});

describe('lookup tables', () => {
  const tables = yaml(
    'periods: 1',
    'tables:',
    '  t: { x: [0, 10, 20], y: [0, 100, 50] }',
    '  te: { x: [0, 10, 20], y: [0, 100, 50], extrapolate: true }',
    'equations:',
    '  - below = lookup(t, -5)',
    '  - inside = lookup(t, 5)',
    '  - falling = lookup(t, 15)',
    '  - knot = lookup(t, 10)',
    '  - above = lookup(t, 30)',
    '  - e_below = lookup(te, -5)',
    '  - e_inside = lookup(te, 15)',
    '  - e_above = lookup(te, 30)',
  );

  it('interpolates linearly inside and clamps outside', () => {
    const r = runText(tables);
    const at = (n: string) => r.series(n)[1];
    expect([at('below'), at('inside'), at('falling'), at('knot'), at('above')]).toEqual([0, 50, 75, 100, 50]);
  });

  it('extrapolates along the end segments when asked', () => {
    const r = runText(tables);
    // Left segment slope 10: −5 → −50. Right segment slope −5: 30 → 50 − 5·10 = 0.
    expect(r.series('e_below')[1]).toBe(-50);
    expect(r.series('e_inside')[1]).toBe(75);
    expect(r.series('e_above')[1]).toBe(0);
  });

  it('rejects malformed tables', () => {
    const bad = (t: string) => engineError(() => loadModel(yaml('tables:', `  t: ${t}`, 'equations:', '  - y = 1')));
    expect(bad('{ x: [0, 0], y: [1, 2] }').code).toBe('bad-table');
    expect(bad('{ x: [0, 1, 2], y: [1, 2] }').code).toBe('bad-table');
    expect(bad('{ x: [0], y: [1] }').code).toBe('bad-table');
  });
});

describe('step, ramp and pulse', () => {
  it('switch at the right periods (start 0, dt 0.25: time_p = (p − 1)/4)', () => {
    const r = runText(
      yaml(
        'periods: 12',
        'dt: 0.25',
        'start: 0',
        'equations:',
        '  - s = step(2, 1)',
        '  - r = ramp(3, 1, 2)',
        '  - u = pulse(4, 1, 0.5)',
        '  - v = pulse(4, 1, 0.1)',
      ),
    );
    const time = (p: number) => (p - 1) / 4;
    // step: 2 from time 1 = period 5.
    expectSeries(r, 's', (p) => (p >= 5 ? 2 : 0), range(1, 12));
    // ramp: 0 until time 1, then 3 per time unit until time 2 (period 9), then flat at 3.
    expectSeries(r, 'r', (p) => 3 * Math.min(Math.max(time(p) - 1, 0), 1), range(1, 12));
    // pulse: 4 for 1 ≤ time < 1.5 (periods 5 and 6); a width below dt still lasts one period.
    expectSeries(r, 'u', (p) => (p === 5 || p === 6 ? 4 : 0), range(1, 12));
    expectSeries(r, 'v', (p) => (p === 5 ? 4 : 0), range(1, 12));
  });

  it('switch at the period whose nominal time is t0 even when (p − 1)·dt rounds below it', () => {
    // With dt = 0.3, 3·0.3 = 0.8999999999999999 < 0.9: a step at 0.9 must still switch at period 4.
    const inst = instanceOf(
      yaml('periods: 25', 'dt: 0.3', 'start: 0', 'params: { t0: 1 }', 'equations:', '  - s = step(1, t0)'),
    );
    for (let k = 1; k <= 20; k++) {
      const t0 = Number((k * 0.3).toFixed(1));
      const s = inst.run({ params: { t0 } }).series('s');
      const first = s.findIndex((v, p) => p > 0 && v === 1);
      expect(first, `step at ${t0}`).toBe(k + 1);
    }
  });
});
