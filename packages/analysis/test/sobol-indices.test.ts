import { describe, expect, it } from 'vitest';
import { saltelliDesign, sobolFromValues, sobolIndices } from '../src/sobol-indices.js';
import type { UncertainParam } from '../src/types.js';

function uniform(name: string, lo: number, hi: number): UncertainParam {
  return { name, value: (lo + hi) / 2, range: [lo, hi], dist: 'uniform' };
}

const A = 7;
const B = 0.1;

/** The Ishigami function y = sin x1 + a sin² x2 + b x3⁴ sin x1, row by row. */
function ishigami(samples: Float64Array, dims: number): Float64Array {
  const out = new Float64Array(samples.length / dims);
  for (let r = 0; r < out.length; r++) {
    const [x1, x2, x3] = [samples[r * dims], samples[r * dims + 1], samples[r * dims + 2]];
    out[r] = Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
  }
  return out;
}

/** Analytic Ishigami indices (Ishigami & Homma 1990; Sobol' & Levitan 1999) from the variance decomposition. */
function ishigamiAnalytic() {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = B ** 2 * pi8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

const ISHIGAMI_PARAMS = ['x1', 'x2', 'x3'].map((name) => uniform(name, -Math.PI, Math.PI));

describe('saltelliDesign', () => {
  it('has N(k + 2) rows, and A_B^(i) is A with column i from B', () => {
    const n = 16;
    const k = 3;
    const { samples } = saltelliDesign(ISHIGAMI_PARAMS, { n, seed: 5 });
    expect(samples.length).toBe(n * (k + 2) * k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < n; j++) {
        for (let c = 0; c < k; c++) {
          const ab = samples[((2 + i) * n + j) * k + c];
          const source = c === i ? samples[(n + j) * k + c] : samples[j * k + c];
          expect(ab).toBe(source);
        }
      }
    }
  });

  it('rejects N < 1 in one line', () => {
    expect(() => saltelliDesign(ISHIGAMI_PARAMS, { n: 0, seed: 1 })).toThrow(
      /--n\) must be a whole number ≥ 1, got 0$/,
    );
  });
});

describe('sobolIndices', () => {
  it('matches the Ishigami (a = 7, b = 0.1) analytic indices within 0.02 at N = 8192', async () => {
    const analytic = ishigamiAnalytic();
    // Independent check of the derivation against the published values.
    expect(analytic.S1[0]).toBeCloseTo(0.3139, 3);
    expect(analytic.S1[1]).toBeCloseTo(0.4424, 3);
    expect(analytic.ST[0]).toBeCloseTo(0.5576, 3);
    expect(analytic.ST[2]).toBeCloseTo(0.2437, 3);
    const result = await sobolIndices(ISHIGAMI_PARAMS, ishigami, { n: 8192, seed: 1 });
    expect(result.runs).toBe(8192 * 5);
    ISHIGAMI_PARAMS.forEach((p, i) => {
      const index = result.indices[p.name];
      expect(Math.abs(index.S1 - analytic.S1[i])).toBeLessThan(0.02);
      expect(Math.abs(index.ST - analytic.ST[i])).toBeLessThan(0.02);
      expect(index.S1_ci[0]).toBeLessThanOrEqual(index.S1);
      expect(index.S1_ci[1]).toBeGreaterThanOrEqual(index.S1);
      expect(index.ST_ci[0]).toBeLessThanOrEqual(index.ST);
      expect(index.ST_ci[1]).toBeGreaterThanOrEqual(index.ST);
      expect(index.ST_ci[1] - index.ST_ci[0]).toBeLessThan(0.1);
    });
  });

  it('gives c_i² var_i / Σ c_j² var_j for a linear model (S1 = ST, no interactions)', async () => {
    const coefficients = [1, 2, 3, 0];
    const params = [uniform('a', 0, 1), uniform('b', 0, 1), uniform('c', -1, 1), uniform('d', 0, 5)];
    const variances = params.map((p) => (p.range[1] - p.range[0]) ** 2 / 12);
    const total = coefficients.reduce((s, c, i) => s + c * c * variances[i], 0);
    const linear = (samples: Float64Array, dims: number) => {
      const out = new Float64Array(samples.length / dims);
      for (let r = 0; r < out.length; r++) {
        for (let i = 0; i < dims; i++) out[r] += coefficients[i] * samples[r * dims + i];
      }
      return out;
    };
    const result = await sobolIndices(params, linear, { n: 4096, seed: 9 });
    params.forEach((p, i) => {
      const expected = (coefficients[i] ** 2 * variances[i]) / total;
      expect(Math.abs(result.indices[p.name].S1 - expected)).toBeLessThan(0.02);
      expect(Math.abs(result.indices[p.name].ST - expected)).toBeLessThan(0.02);
    });
    expect(result.indices.d.ST).toBe(0);
    expect(result.variance).toBeCloseTo(total, 1);
  });

  it('with equal ranges, the indices are c_i² / Σ c_j²', async () => {
    const c = [1, -2, 0.5];
    const params = ['u', 'v', 'w'].map((name) => uniform(name, 0, 1));
    const f = (samples: Float64Array, dims: number) =>
      Float64Array.from({ length: samples.length / dims }, (_, r) =>
        c.reduce((s, ci, i) => s + ci * samples[r * dims + i], 0),
      );
    const result = await sobolIndices(params, f, { n: 2048, seed: 4 });
    const sum = c.reduce((s, ci) => s + ci * ci, 0);
    params.forEach((p, i) => {
      expect(Math.abs(result.indices[p.name].S1 - c[i] ** 2 / sum)).toBeLessThan(0.02);
    });
  });

  it('is deterministic for a seed, and leaves out base rows with a non-finite value', () => {
    const n = 64;
    const { samples } = saltelliDesign(ISHIGAMI_PARAMS, { n, seed: 2 });
    const values = ishigami(samples, 3);
    const first = sobolFromValues(ISHIGAMI_PARAMS, values, { n, seed: 2 });
    const again = sobolFromValues(ISHIGAMI_PARAMS, values, { n, seed: 2 });
    expect(again).toEqual(first);
    const broken = Float64Array.from(values);
    broken[3 * n + 5] = Number.NaN;
    const dropped = sobolFromValues(ISHIGAMI_PARAMS, broken, { n, seed: 2 });
    expect(dropped.dropped).toBe(1);
    expect(Number.isFinite(dropped.indices.x1.S1)).toBe(true);
  });
});
