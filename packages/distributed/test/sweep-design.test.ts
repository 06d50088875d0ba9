import { describe, expect, it } from 'vitest';
import { parseSweepSpec, sweepDesign, sweepJobs } from '../src/index.js';

function design(yaml: string) {
  return sweepDesign(parseSweepSpec(`scenario: s\nmetrics: [y:last]\n${yaml}`, 'spec.yaml'));
}

/** Rows of a design as arrays. */
function rows(d: ReturnType<typeof design>): number[][] {
  const k = d.varied.length;
  return Array.from({ length: d.count }, (_, i) => Array.from(d.points.subarray(i * k, (i + 1) * k)));
}

describe('sweepDesign', () => {
  it('crosses grid axes with the last axis fastest; from/to/n spaces values evenly', () => {
    const d = design('grid:\n  a: [1, 2]\n  b: { from: 0, to: 1, n: 3 }\n');
    expect(d.varied).toEqual(['a', 'b']);
    expect(rows(d)).toEqual([
      [1, 0],
      [1, 0.5],
      [1, 1],
      [2, 0],
      [2, 0.5],
      [2, 1],
    ]);
  });

  for (const kind of ['sobol', 'latin-hypercube', 'monte-carlo']) {
    it(`scales ${kind} points into the ranges, the same for the same seed`, () => {
      const yaml = `sample:\n  design: ${kind}\n  n: 16\n  seed: 3\n  params:\n    x: [10, 20]\n    y: [-1, 0]\n`;
      const d = design(yaml);
      expect(d.count).toBe(16);
      for (const [x, y] of rows(d)) {
        expect(x).toBeGreaterThanOrEqual(10);
        expect(x).toBeLessThan(20);
        expect(y).toBeGreaterThanOrEqual(-1);
        expect(y).toBeLessThan(0);
      }
      expect(design(yaml).points).toEqual(d.points);
      expect(design(yaml.replace('seed: 3', 'seed: 4')).points).not.toEqual(d.points);
    });
  }

  it('puts one Latin hypercube point in each of the n strata of each range', () => {
    const d = design('sample:\n  design: latin-hypercube\n  n: 10\n  params:\n    x: [0, 100]\n');
    expect(new Set(rows(d).map(([x]) => Math.floor(x / 10)))).toEqual(new Set([...Array(10).keys()]));
  });

  it('repeats each grid point for every sampled point', () => {
    const d = design('grid:\n  g: [5, 6]\nsample:\n  design: sobol\n  n: 4\n  params:\n    x: [0, 1]\n');
    expect(d.varied).toEqual(['g', 'x']);
    const all = rows(d);
    expect(all.map(([g]) => g)).toEqual([5, 5, 5, 5, 6, 6, 6, 6]);
    expect(all.slice(0, 4).map(([, x]) => x)).toEqual(all.slice(4).map(([, x]) => x));
  });
});

describe('sweepJobs', () => {
  it('gives each point an id from its inputs: same inputs same id, any change a new one', () => {
    const d = design('grid:\n  a: [1, 2, 1]\n');
    const jobs = sweepJobs(d, 'p'.repeat(64), ['y:last']);
    expect(jobs.map((j) => j.index)).toEqual([0, 1, 2]);
    expect(jobs[0].id).toBe(jobs[2].id);
    expect(jobs[0].id).not.toBe(jobs[1].id);
    expect(sweepJobs(d, 'q'.repeat(64), ['y:last'])[0].id).not.toBe(jobs[0].id);
    expect(sweepJobs(d, 'p'.repeat(64), ['y:max'])[0].id).not.toBe(jobs[0].id);
  });
});
