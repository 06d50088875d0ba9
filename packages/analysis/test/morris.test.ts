import { describe, expect, it } from 'vitest';
import { morris, morrisDesign } from '../src/morris.js';
import type { UncertainParam } from '../src/types.js';

/** A uniform param on [lo, hi]. */
function uniform(name: string, lo = 0, hi = 1): UncertainParam {
  return { name, value: (lo + hi) / 2, range: [lo, hi], dist: 'uniform' };
}

const PARAMS = ['x1', 'x2', 'x3', 'x4'].map((name) => uniform(name));

/** y = 3·x1 + x2² with x3 and x4 inert, evaluated row by row. */
function screeningFunction(samples: Float64Array, dims: number): Float64Array {
  const out = new Float64Array(samples.length / dims);
  for (let r = 0; r < out.length; r++) out[r] = 3 * samples[r * dims] + samples[r * dims + 1] ** 2;
  return out;
}

describe('morrisDesign', () => {
  it('moves exactly one param per step, each param once per trajectory, by ±⅔ in probability', () => {
    const design = morrisDesign(PARAMS, { trajectories: 12, seed: 3 });
    const k = PARAMS.length;
    expect(design.samples.length).toBe(12 * (k + 1) * k);
    for (let t = 0; t < 12; t++) {
      const movedInTrajectory = new Set<number>();
      for (let s = 0; s < k; s++) {
        const row = t * (k + 1) + s;
        const changed = [];
        for (let i = 0; i < k; i++) {
          const diff = design.unit[(row + 1) * k + i] - design.unit[row * k + i];
          if (diff !== 0) changed.push({ i, diff });
        }
        expect(changed).toHaveLength(1);
        expect(Math.abs(changed[0].diff)).toBeCloseTo(2 / 3, 12);
        movedInTrajectory.add(changed[0].i);
      }
      expect(movedInTrajectory.size).toBe(k);
    }
    for (const q of design.unit) {
      // On the grid {0, ⅓, ⅔, 1}.
      expect([0, 1, 2, 3].some((l) => Math.abs(q - l / 3) < 1e-12)).toBe(true);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const a = morrisDesign(PARAMS, { trajectories: 5, seed: 7 });
    const b = morrisDesign(PARAMS, { trajectories: 5, seed: 7 });
    const c = morrisDesign(PARAMS, { trajectories: 5, seed: 8 });
    expect(Array.from(a.samples)).toEqual(Array.from(b.samples));
    expect(Array.from(a.samples)).not.toEqual(Array.from(c.samples));
  });

  it('maps probability to the param range (uniform on [−2, 6])', () => {
    const design = morrisDesign([uniform('w', -2, 6)], { trajectories: 4, seed: 1 });
    for (let j = 0; j < design.unit.length; j++) {
      expect(design.samples[j]).toBeCloseTo(-2 + 8 * design.unit[j], 10);
    }
  });

  it('rejects n < 1 and no params in one line', () => {
    expect(() => morrisDesign(PARAMS, { trajectories: 0, seed: 1 })).toThrow(/≥ 1, got 0$/);
    expect(() => morrisDesign([], { trajectories: 3, seed: 1 })).toThrow(/at least one uncertain param/);
  });
});

describe('morris', () => {
  it('ranks the linear input first, the quadratic second and the inert inputs at zero', async () => {
    const result = await morris(PARAMS, screeningFunction, { trajectories: 20, seed: 11 });
    expect(result.runs).toBe(20 * 5);
    const { x1, x2, x3, x4 } = result.indices;
    // Linear term 3·x1: every elementary effect is exactly 3 (slope per unit of probability on [0, 1]).
    expect(x1.mu_star).toBeCloseTo(3, 10);
    expect(x1.sigma).toBeCloseTo(0, 10);
    // x2²: a step of ⅔ up from 0 or ⅓ (or down from ⅔ or 1) gives |EE| = 2·x + ⅔ ∈ {⅔, 4/3}: non-constant.
    expect(x2.mu_star).toBeGreaterThanOrEqual(2 / 3 - 1e-12);
    expect(x2.mu_star).toBeLessThanOrEqual(4 / 3 + 1e-12);
    expect(x2.sigma).toBeGreaterThan(0);
    expect(x3).toEqual({ mu_star: 0, mu: 0, sigma: 0 });
    expect(x4).toEqual({ mu_star: 0, mu: 0, sigma: 0 });
    const ranking = Object.entries(result.indices)
      .sort((a, b) => b[1].mu_star - a[1].mu_star)
      .map(([name]) => name);
    expect(ranking.slice(0, 2)).toEqual(['x1', 'x2']);
  });

  it('sees a periodic input (Ishigami x2) that a half-range step would miss', async () => {
    const params = ['x1', 'x2', 'x3'].map((name) => uniform(name, -Math.PI, Math.PI));
    const ishigami = (s: Float64Array, d: number) =>
      Float64Array.from({ length: s.length / d }, (_, r) => Math.sin(s[r * d]) + 7 * Math.sin(s[r * d + 1]) ** 2);
    const result = await morris(params, ishigami, { trajectories: 10, seed: 1 });
    expect(result.indices.x2.mu_star).toBeGreaterThan(1);
    expect(result.indices.x3.mu_star).toBe(0);
  });

  it('accepts an asynchronous evaluate (as runners are)', async () => {
    const result = await morris(PARAMS, async (s, d) => screeningFunction(s, d), { trajectories: 3, seed: 2 });
    expect(result.indices.x1.mu_star).toBeCloseTo(3, 10);
  });
});
