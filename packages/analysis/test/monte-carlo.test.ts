import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledModel, compile, loadModel } from '@endgame/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunner } from '../src/create-runner.js';
import {
  drawSamples,
  type MonteCarloInput,
  mcTimeAxis,
  monteCarlo,
  scenarioUncertainParams,
} from '../src/monte-carlo.js';
import { createInProcessRunner } from '../src/runner-in-process.js';
import { uncertainParams } from '../src/uncertain.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const model = (name: string): CompiledModel => compile(loadModel(join(FIXTURES, `${name}.yaml`)));

const linear = model('mc-linear');
const recession = model('mc-recession');
const runner = createInProcessRunner();
afterAll(() => runner.close());

function input(compiled: CompiledModel, over: Partial<MonteCarloInput> = {}): MonteCarloInput {
  return {
    compiled,
    base: {},
    uncertain: uncertainParams(compiled),
    keep: compiled === linear ? ['y', 'z'] : ['gdp_real'],
    runs: 400,
    seed: 7,
    runner,
    ...over,
  };
}

describe('monteCarlo on y = a·period with a ~ U[1, 2]', () => {
  it('reports percentiles of y close to the closed form (1 + q)·p', async () => {
    const runs = 4000;
    const out = await monteCarlo(input(linear, { runs }));
    const levels = { p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 } as const;
    for (const [key, q] of Object.entries(levels)) {
      const values = out.percentiles.y[key as keyof typeof levels];
      expect(values).toHaveLength(3);
      // Standard error of a sample quantile of U[1, 2]: sqrt(q(1 − q)/n); allow 4 of them.
      const tolerance = 4 * Math.sqrt((q * (1 - q)) / runs);
      values.forEach((value, i) => {
        const period = i + 1;
        expect(Math.abs((value as number) / period - (1 + q))).toBeLessThan(tolerance);
      });
    }
  });

  it('gives exact order statistics of the drawn slopes', async () => {
    const runs = 101;
    const out = await monteCarlo(input(linear, { runs, seed: 3 }));
    const params = uncertainParams(linear);
    const samples = drawSamples(params, runs, 3);
    const slopes = Array.from({ length: runs }, (_, r) => samples[r * params.length]).sort((a, b) => a - b);
    // With 101 runs, p50 is the 51st smallest and p25 the 26th (positions 50 and 25 exactly).
    expect(out.percentiles.y.p50[2]).toBeCloseTo(3 * slopes[50], 12);
    expect(out.percentiles.y.p25[0]).toBeCloseTo(slopes[25], 12);
    expect(out.percentiles.y.p5[1]).toBeCloseTo(2 * slopes[5], 12);
  });

  it('correlates each param with the outcomes: a ↔ y:last is 1, c ↔ z:last is 1, the cross terms near 0', async () => {
    const runs = 2000;
    const out = await monteCarlo(input(linear, { runs }));
    expect(Object.keys(out.correlations)).toEqual(['a', 'c']);
    expect(out.correlations.a['y:last']).toBeCloseTo(1, 12);
    expect(out.correlations.c['z:last']).toBeCloseTo(1, 12);
    expect(Math.abs(out.correlations.a['z:last'] as number)).toBeLessThan(4 / Math.sqrt(runs));
    expect(Math.abs(out.correlations.c['y:last'] as number)).toBeLessThan(4 / Math.sqrt(runs));
  });

  it('has the JSON shape of the issue, without chain or recession for a model without months', async () => {
    const out = await monteCarlo(input(linear, { runs: 20 }));
    expect(Object.keys(out)).toEqual([
      'runs',
      'seed',
      'percentiles',
      'recession_probability_by_year',
      'chain',
      'correlations',
    ]);
    expect(out.runs).toBe(20);
    expect(out.seed).toBe(7);
    expect(Object.keys(out.percentiles)).toEqual(['y', 'z']);
    expect(Object.keys(out.percentiles.y)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
    expect(out.recession_probability_by_year).toEqual({});
    expect(out.chain).toEqual({});
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
});

describe('determinism', () => {
  it('gives identical results for the same seed, and different ones for another seed', async () => {
    const first = await monteCarlo(input(recession, { runs: 60, seed: 11 }));
    const again = await monteCarlo(input(recession, { runs: 60, seed: 11 }));
    const other = await monteCarlo(input(recession, { runs: 60, seed: 12 }));
    expect(again).toEqual(first);
    expect(other.correlations).not.toEqual(first.correlations);
  });

  it('does not depend on how runs are split into batches', async () => {
    const whole = await monteCarlo(input(linear, { runs: 50 }));
    const split = await monteCarlo(input(linear, { runs: 50, chunkSize: 7 }));
    expect(split).toEqual(whole);
  });

  it('gives identical results with 1 and 2 workers', async () => {
    const pool = createRunner(2);
    try {
      const one = await monteCarlo(input(recession, { runs: 80, seed: 5, chunkSize: 16 }));
      const two = await monteCarlo(input(recession, { runs: 80, seed: 5, chunkSize: 16, runner: pool }));
      expect(two).toEqual(one);
      // Runs that fail are the same ones, and leave the same statistics, with workers too.
      const fragile = model('mc-fragile');
      const failedOne: number[] = [];
      const failedTwo: number[] = [];
      const base = { runs: 120, keep: ['y'], chunkSize: 32 };
      const oneFragile = await monteCarlo({ ...input(fragile, base), onRunFailed: (r) => failedOne.push(r) });
      const twoFragile = await monteCarlo({
        ...input(fragile, { ...base, runner: pool }),
        onRunFailed: (r) => failedTwo.push(r),
      });
      expect(twoFragile).toEqual(oneFragile);
      expect(failedTwo.sort((a, b) => a - b)).toEqual(failedOne.sort((a, b) => a - b));
      expect(failedOne.length).toBeGreaterThan(5);
    } finally {
      await pool.close();
    }
  });

  it('reports progress up to the number of runs', async () => {
    const seen: number[] = [];
    await monteCarlo(input(linear, { runs: 30, chunkSize: 10, onProgress: (done) => seen.push(done) }));
    expect(seen.at(-1)).toBe(30);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('recession probability and chain links', () => {
  it('gives the share of runs with shock < 0.3 for 2027 and 0 for the other years', async () => {
    const runs = 500;
    const out = await monteCarlo(input(recession, { runs, seed: 21 }));
    const params = uncertainParams(recession);
    const shockColumn = params.findIndex((p) => p.name === 'shock');
    const samples = drawSamples(params, runs, 21);
    let hits = 0;
    for (let r = 0; r < runs; r++) if (samples[r * params.length + shockColumn] < 0.3) hits++;
    const share = hits / runs;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(out.recession_probability_by_year).toEqual({ 2026: 0, 2027: share, 2028: 0 });
    expect(Object.keys(out.chain)).toEqual(['L13']);
    expect(out.chain.L13.probability).toBe(share);
    expect(out.chain.L13.onset_percentiles).toEqual({
      p5: '2027-04',
      p25: '2027-04',
      p50: '2027-04',
      p75: '2027-04',
      p95: '2027-04',
    });
    expect(out.percentiles.gdp_real.p50).toHaveLength(36);
    expect(out.correlations.shock['gdp_real:drawdown']).toBeGreaterThan(0.5);
  });

  it('leaves the chain out when asked to', async () => {
    const out = await monteCarlo(input(recession, { runs: 10, chain: false }));
    expect(out.chain).toEqual({});
    expect(out.recession_probability_by_year).toEqual({});
  });

  it('labels a monthly model’s entries by month and others by period', () => {
    const monthly = mcTimeAxis(recession, {});
    expect(monthly.periods).toHaveLength(36);
    expect([monthly.months?.[0], monthly.months?.[35]]).toEqual(['2026-01', '2028-12']);
    const plain = mcTimeAxis(linear, { periods: 5 });
    expect(plain.periods).toEqual([1, 2, 3, 4, 5]);
    expect(plain.months).toBeUndefined();
    expect(plain.time).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('errors', () => {
  it('rejects runs < 1', async () => {
    await expect(monteCarlo(input(linear, { runs: 0 }))).rejects.toThrow(/runs must be a whole number ≥ 1, got 0/);
  });

  it('rejects an unknown series with a suggestion', async () => {
    await expect(monteCarlo(input(linear, { keep: ['yy'] }))).rejects.toThrow(/unknown series 'yy'.*did you mean 'y'/);
  });

  it('says how to add ranges when nothing is uncertain', async () => {
    await expect(monteCarlo(input(linear, { uncertain: [] }))).rejects.toThrow(
      /has no uncertain params: give params a range/,
    );
  });
});

describe('scenarioUncertainParams', () => {
  it('fixes params the scenario sets unless its uncertainty names them', () => {
    const names = (set: Record<string, number>, u = {}) => scenarioUncertainParams(linear, set, u).map((p) => p.name);
    expect(names({})).toEqual(['a', 'c']);
    expect(names({ a: 1.2 })).toEqual(['c']);
    const widened = scenarioUncertainParams(linear, { a: 1.2 }, { a: { range: [1, 3], dist: 'triangular' } });
    expect(widened.map((p) => [p.name, p.value, p.range, p.dist])).toEqual([
      ['a', 1.2, [1, 3], 'triangular'],
      ['c', 0, [-1, 1], 'uniform'],
    ]);
  });

  it('keeps drivers at the scenario value unless the uncertainty block or --params names them', () => {
    const withDriver = model('mc-driver');
    const names = (u = {}, only?: string[]) =>
      scenarioUncertainParams(withDriver, {}, u, only).map((p) => [p.name, p.value]);
    expect(names()).toEqual([['slope', 1.5]]);
    expect(names({ lever: { range: [0, 4] } })).toEqual([
      ['slope', 1.5],
      ['lever', 0],
    ]);
    expect(names({}, ['lever'])).toEqual([['lever', 0]]);
  });

  it('rejects an unknown param in the uncertainty block', () => {
    expect(() => scenarioUncertainParams(linear, {}, { b: { range: [0, 1] } })).toThrow(/'b' is not a param/);
  });
});

describe('runs that fail', () => {
  const fragile = model('mc-fragile');

  it('leaves failed runs out of the statistics and reports each one', async () => {
    const runs = 200;
    const failed: number[] = [];
    const out = await monteCarlo({
      ...input(fragile, { runs, keep: ['y'], chunkSize: 64 }),
      onRunFailed: (run) => failed.push(run),
    });
    const params = uncertainParams(fragile);
    const samples = drawSamples(params, runs, 7);
    const slopes = Array.from({ length: runs }, (_, r) => samples[r * params.length]);
    const expectedFailed = slopes.flatMap((a, r) => (a < 1.2 ? [r] : []));
    expect(expectedFailed.length).toBeGreaterThan(20);
    expect([...failed].sort((x, y) => x - y)).toEqual(expectedFailed);
    const ok = slopes
      .filter((a) => a >= 1.2)
      .map((a) => Math.sqrt(a - 1.2))
      .sort((x, y) => x - y);
    const median = ok.length % 2 === 1 ? ok[(ok.length - 1) / 2] : (ok[ok.length / 2 - 1] + ok[ok.length / 2]) / 2;
    expect(out.percentiles.y.p50[0]).toBeCloseTo(median, 12);
    expect(out.correlations.a['y:last']).toBeCloseTo(1, 12);
  });

  it('gives up when runs keep failing', async () => {
    const hopeless = { name: 'a', value: 1.1, range: [1, 1.19] as [number, number], dist: 'uniform' as const };
    await expect(monteCarlo(input(fragile, { runs: 50, keep: ['y'], uncertain: [hopeless] }))).rejects.toThrow(
      /10 runs failed, too many to summarise; the first: run 1:/,
    );
  });
});
