import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, sampleParam, sampleParams } from '../src/distributions.js';
import { runStreams } from '../src/rng.js';
import type { DistKind, UncertainParam } from '../src/types.js';

// Standard normal values from tables (Abramowitz & Stegun 26.2).
const PHI = { m1: 0.15865525393145707, p1: 0.8413447460685429, p3: 0.9986501019683699 };
const pdf = { one: 0.24197072451914337, three: 0.0044318484119380075 };

const param = (dist: DistKind, value: number, range: [number, number], shape?: [number, number]): UncertainParam =>
  shape ? { name: 'x', value, range, dist, shape } : { name: 'x', value, range, dist };

describe('quantile: closed forms', () => {
  it('uniform: linear over the range, midpoint at 1/2', () => {
    const p = param('uniform', 0, [2, 6]);
    expect(quantile(p, 0.5)).toBe(4);
    expect(quantile(p, 0.25)).toBe(3);
    expect(quantile(p, 0)).toBe(2);
    expect(quantile(p, 1)).toBe(6);
  });

  it('normal: median = value when symmetric; quantiles mirror around it', () => {
    const p = param('normal', 0.2, [0.1, 0.3]);
    expect(quantile(p, 0.5)).toBeCloseTo(0.2, 14);
    for (const q of [0.01, 0.2, 0.37]) expect(quantile(p, q) + quantile(p, 1 - q)).toBeCloseTo(0.4, 13);
  });

  it('normal: truncated to [value − σ, value + 3σ], z = 1 sits at (Φ(1) − Φ(−1)) / (Φ(3) − Φ(−1))', () => {
    // sd = (0.5 − 0.1)/4 = 0.1, so the range is [μ − σ, μ + 3σ].
    const p = param('normal', 0.2, [0.1, 0.5]);
    expect(quantile(p, (PHI.p1 - PHI.m1) / (PHI.p3 - PHI.m1))).toBeCloseTo(0.3, 12);
    expect(quantile(p, 0)).toBe(0.1);
    expect(quantile(p, 1)).toBe(0.5);
  });

  it('lognormal: median = value when the range is symmetric in logs; the same truncation in logs', () => {
    const symmetric = param('lognormal', 2, [1, 4]);
    expect(quantile(symmetric, 0.5)).toBeCloseTo(2, 13);
    expect(quantile(symmetric, 0.1) * quantile(symmetric, 0.9)).toBeCloseTo(4, 12);
    // σ = ln(16)/4 = ln 2; ln range = [ln 1 − σ, ln 1 + 3σ].
    const skewed = param('lognormal', 1, [0.5, 8]);
    expect(quantile(skewed, (PHI.p1 - PHI.m1) / (PHI.p3 - PHI.m1))).toBeCloseTo(2, 12);
  });

  it('triangular: the mode at F(mode) = (c − a)/(b − a), both branches by hand', () => {
    const p = param('triangular', 1, [0, 4]);
    expect(quantile(p, 0.25)).toBeCloseTo(1, 14);
    // Left: F(x) = x²/((b − a)(c − a)) = x²/4 → x = √(4q). Right: 1 − F(x) = (4 − x)²/12.
    expect(quantile(p, 0.125)).toBeCloseTo(Math.sqrt(0.5), 14);
    expect(quantile(p, 0.5)).toBeCloseTo(4 - Math.sqrt(6), 14);
    expect(quantile(param('triangular', 0, [0, 1]), 0.75)).toBeCloseTo(1 - Math.sqrt(0.25), 14);
    expect(quantile(param('triangular', 1, [0, 1]), 0.25)).toBeCloseTo(Math.sqrt(0.25), 14);
  });

  it('beta: (2,2) median at the midpoint, CDF 3x² − 2x³, and other shapes with closed forms', () => {
    const b22 = param('beta', 15, [10, 20], [2, 2]);
    expect(quantile(b22, 0.5)).toBeCloseTo(15, 12);
    // F(1/4) = 3/16 − 2/64 = 0.15625.
    expect(quantile(b22, 0.15625)).toBeCloseTo(12.5, 12);
    for (const q of [0.05, 0.3, 0.81]) {
      expect(quantile(param('beta', 0.5, [0, 1], [2, 1]), q)).toBeCloseTo(Math.sqrt(q), 12);
      expect(quantile(param('beta', 0.5, [0, 1], [1, 2]), q)).toBeCloseTo(1 - Math.sqrt(1 - q), 12);
      // Arcsine law: Beta(1/2, 1/2) has F(x) = (2/π) asin √x.
      expect(quantile(param('beta', 0.5, [0, 1], [0.5, 0.5]), q)).toBeCloseTo(Math.sin((Math.PI * q) / 2) ** 2, 11);
      expect(quantile(param('beta', 0.5, [0, 1], [1, 1]), q)).toBeCloseTo(q, 12);
    }
  });
});

const kinds: DistKind[] = ['uniform', 'normal', 'lognormal', 'triangular', 'beta'];

/** Any valid uncertain param: a positive range, a value inside it, a beta shape in [0.3, 8]. */
const paramArb = fc
  .record({
    dist: fc.constantFrom(...kinds),
    lo: fc.double({ min: 0.01, max: 100, noNaN: true }),
    width: fc.double({ min: 1e-3, max: 100, noNaN: true }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    a: fc.double({ min: 0.3, max: 8, noNaN: true }),
    b: fc.double({ min: 0.3, max: 8, noNaN: true }),
  })
  .map(({ dist, lo, width, at, a, b }) =>
    param(dist, lo + at * width, [lo, lo + width], dist === 'beta' ? [a, b] : undefined),
  );
const probability = fc.double({ min: 0, max: 1, noNaN: true });

describe('quantile: properties', () => {
  it('is monotone in q and stays within the range, with q = 0 → lo and q = 1 → hi', () => {
    fc.assert(
      fc.property(paramArb, probability, probability, (p, q1, q2) => {
        const [lo, hi] = p.range;
        const x1 = quantile(p, Math.min(q1, q2));
        const x2 = quantile(p, Math.max(q1, q2));
        expect(x1).toBeGreaterThanOrEqual(lo);
        expect(x2).toBeLessThanOrEqual(hi);
        expect(x1).toBeLessThanOrEqual(x2);
        expect(quantile(p, 0)).toBe(lo);
        expect(quantile(p, 1)).toBe(hi);
      }),
      { numRuns: 300 },
    );
  });

  it('stays monotone in the far upper tail of a skewed beta (found by the property above)', () => {
    const p = param('beta', 0.01, [0.01, 0.01109789129379521], [0.3, 0.915683078783554]);
    const qs = [0.99999999999999, 0.9999999999999957, 0.9999999999999989, 1 - 2 ** -53];
    const xs = qs.map((q) => quantile(p, q));
    for (let k = 1; k < xs.length; k++) expect(xs[k]).toBeGreaterThanOrEqual(xs[k - 1]);
  });

  it('rejects probabilities outside [0, 1]', () => {
    const p = param('uniform', 0, [0, 1]);
    for (const q of [-0.1, 1.5, Number.NaN]) {
      expect(() => quantile(p, q)).toThrow(/^quantile of 'x': probability must be in \[0, 1\], got/);
    }
  });

  it('rejects a lognormal without a positive range and a beta without a shape', () => {
    expect(() => quantile(param('lognormal', 1, [-1, 2]), 0.5)).toThrow(
      "'x': a lognormal needs a positive range and value, got [-1, 2]",
    );
    expect(() => quantile(param('beta', 1, [0, 2]), 0.5)).toThrow("'x': dist beta needs shape: [a, b]");
  });
});

describe('sampleParam: sample means match theory (tolerance 4.5 standard errors)', () => {
  const n = 20_000;
  const sampleMean = (p: UncertainParam, seed: number) => {
    const rng = runStreams(seed)(0);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sampleParam(p, rng);
    return sum / n;
  };
  const within = (p: UncertainParam, mean: number, sd: number, seed: number) =>
    expect(Math.abs(sampleMean(p, seed) - mean)).toBeLessThan((4.5 * sd) / Math.sqrt(n));

  it('uniform: (lo + hi)/2, sd (hi − lo)/√12', () => within(param('uniform', 0, [1, 5]), 3, 4 / Math.sqrt(12), 1));

  it('triangular: (a + b + c)/3, sd √((a² + b² + c² − ab − ac − bc)/18)', () =>
    within(param('triangular', 1, [0, 4]), 5 / 3, Math.sqrt((0 + 16 + 1 - 0 - 0 - 4) / 18), 2));

  it('beta: lo + (hi − lo)·a/(a + b), sd (hi − lo)·√(ab/((a + b)²(a + b + 1)))', () =>
    within(param('beta', 12, [10, 20], [2, 5]), 10 + (10 * 2) / 7, 10 * Math.sqrt(10 / (49 * 8)), 3));

  it('normal truncated to [μ − σ, μ + 3σ]: μ + σ(φ(−1) − φ(3))/(Φ(3) − Φ(−1)), sd below σ', () => {
    const mean = 0.2 + (0.1 * (pdf.one - pdf.three)) / (PHI.p3 - PHI.m1);
    within(param('normal', 0.2, [0.1, 0.5]), mean, 0.1, 4);
  });

  it('normal, symmetric: the value', () => within(param('normal', 3, [1, 5]), 3, 1, 5));

  it('lognormal, symmetric in logs: E ln X = ln value', () => {
    const p = param('lognormal', 2, [1, 4]);
    const rng = runStreams(6)(0);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.log(sampleParam(p, rng));
    expect(Math.abs(sum / n - Math.log(2))).toBeLessThan((4.5 * (Math.log(4) / 4)) / Math.sqrt(n));
  });

  it('sampleParam is quantile of the next draw; sampleParams fills a row in order', () => {
    const p = param('triangular', 1, [0, 4]);
    const u = runStreams(9)(2).next();
    expect(sampleParam(p, runStreams(9)(2))).toBe(quantile(p, u));
    const ps = [p, param('uniform', 0, [0, 10])];
    const rng = runStreams(9)(2);
    const expected = [quantile(ps[0], rng.next()), quantile(ps[1], rng.next())];
    const out = new Float64Array(5);
    sampleParams(ps, runStreams(9)(2), out, 3);
    expect(Array.from(out)).toEqual([0, 0, 0, ...expected]);
    expect(Array.from(sampleParams(ps, runStreams(9)(2)))).toEqual(expected);
  });
});
