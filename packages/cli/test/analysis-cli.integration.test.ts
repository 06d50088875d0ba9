/**
 * `endgame sensitivity`, `grid` and `optimize` end to end on the Ishigami
 * model file (examples/ishigami.yaml), whose Sobol indices and optima are
 * known in closed form, plus their one-line errors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, lines, runCli } from './run-cli.js';

const ISHIGAMI = 'examples/ishigami.yaml';
const tempDir = mkdtempSync(join(tmpdir(), 'endgame-analysis-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** Analytic Ishigami indices for a = 7, b = 0.1 (Ishigami & Homma 1990), from the variance decomposition. */
const ANALYTIC = (() => {
  const [a, b] = [7, 0.1];
  const v1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = b ** 2 * Math.PI ** 8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return { x1: { S1: v1 / v, ST: (v1 + v13) / v }, x2: { S1: v2 / v, ST: v2 / v }, x3: { S1: 0, ST: v13 / v } };
})();

function json<T>(run: CliRun): T {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/** Asserts a failure with exactly one line on stderr matching `pattern`. */
function expectOneLineError(run: CliRun, pattern: RegExp): void {
  expect(run.status).not.toBe(0);
  expect(run.stdout).toBe('');
  const errorLines = lines(run.stderr);
  expect(errorLines, run.stderr).toHaveLength(1);
  expect(errorLines[0]).toMatch(/^endgame: /);
  expect(errorLines[0]).toMatch(pattern);
}

interface SobolJson {
  method: string;
  metric: string;
  n: number;
  runs: number;
  indices: Record<string, { S1: number; S1_ci: [number, number]; ST: number; ST_ci: [number, number] }>;
}

describe('endgame sensitivity', () => {
  it('gives the Ishigami Sobol indices of a model file within their bootstrap intervals (N = 1024)', () => {
    const report = json<SobolJson>(
      runCli('sensitivity', ISHIGAMI, '--method', 'sobol', '--metric', 'y:last', '--n', '1024', '--format', 'json'),
    );
    expect(report).toMatchObject({ method: 'sobol', metric: 'y:last', n: 1024, runs: 1024 * 5 });
    expect(Object.keys(report.indices).sort()).toEqual(['x1', 'x2', 'x3']);
    for (const [name, expected] of Object.entries(ANALYTIC)) {
      const index = report.indices[name];
      for (const key of ['S1', 'ST'] as const) {
        const [lo, hi] = index[`${key}_ci`];
        expect(lo).toBeLessThanOrEqual(index[key]);
        expect(hi).toBeGreaterThanOrEqual(index[key]);
        // A 95 % interval spans about 4 standard errors: the analytic value lies within one width of the estimate.
        expect(Math.abs(index[key] - expected[key]), `${name} ${key}`).toBeLessThanOrEqual(hi - lo);
        expect(hi - lo).toBeLessThan(0.2);
      }
    }
  });

  it('prints a table sorted by ST, largest first', () => {
    const run = runCli('sensitivity', ISHIGAMI, '--metric', 'y:last', '--n', '256');
    expect(run.status, run.stderr).toBe(0);
    const rows = lines(run.stdout).filter((line) => /^x\d\s/.test(line));
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(['x1', 'x2', 'x3']);
    expect(run.stdout).toMatch(/^Sobol indices of y:last \(n = 256, 1280 runs, seed 1\)/);
  });

  it('runs Morris screening, the same with 1 and 2 workers', () => {
    const args = ['sensitivity', ISHIGAMI, '--method', 'morris', '--metric', 'y:last', '--n', '30', '--format', 'json'];
    const one = json<{ method: string; runs: number; indices: Record<string, { mu_star: number; sigma: number }> }>(
      runCli(...args),
    );
    const two = json<typeof one>(runCli(...args, '--workers', '2'));
    expect(two).toEqual(one);
    expect(one.method).toBe('morris');
    expect(one.runs).toBe(30 * 4);
    // x1 acts alone and with x3; every input matters in Ishigami.
    for (const name of ['x1', 'x2', 'x3']) expect(one.indices[name].mu_star).toBeGreaterThan(0);
  });
});

describe('endgame sensitivity with draws the model cannot solve', () => {
  it('leaves the failed runs out with a one-line warning and still gives the indices', () => {
    // y = sqrt(a − 1.2) with a ~ U[1, 2]: about a fifth of the runs stop on a NaN.
    const args = ['packages/cli/test/fixtures/fragile.yaml', '--metric', 'y:last', '--n', '64', '--format', 'json'];
    const run = runCli('sensitivity', ...args);
    expect(run.status, run.stderr).toBe(0);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^endgame: warning: \d+ of 256 runs failed and are left out; the Sobol estimates use \d+ of 64 base samples \(first: run \d+: /,
    );
    const report = JSON.parse(run.stdout) as { indices: Record<string, { S1: number; ST: number }> };
    // c does not enter y; a carries all of its variance.
    expect(report.indices.c.ST).toBeCloseTo(0, 12);
    expect(report.indices.a.ST).toBeGreaterThan(0.5);
  });
});

describe('endgame grid', () => {
  it('maps y over x1 × x2 as CSV and JSON, and writes an SVG heatmap', () => {
    const svgPath = join(tempDir, 'map.svg');
    const csv = runCli(
      'grid',
      ISHIGAMI,
      '--x',
      'x1:-1.5:1.5:4',
      '--y',
      'x2:0:1.5:3',
      '--metric',
      'y:last',
      '--svg',
      svgPath,
    );
    expect(csv.status, csv.stderr).toBe(0);
    const csvLines = lines(csv.stdout);
    expect(csvLines[0]).toBe('x2,x1,y:last');
    expect(csvLines).toHaveLength(1 + 12);
    // With x3 = 0, y = sin(x1) + 7 sin²(x2).
    for (const line of csvLines.slice(1)) {
      const [x2, x1, y] = line.split(',').map(Number);
      expect(y).toBeCloseTo(Math.sin(x1) + 7 * Math.sin(x2) ** 2, 10);
    }
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>y:last — ishigami</title>');
    expect(svg.match(/<rect [^>]*fill="#[0-9a-f]{6}"><title>/g)).toHaveLength(12);
    // Balanced tags (the full well-formedness check is in the analysis package's heatmap tests).
    const stack: string[] = [];
    for (const [, close, name, self] of svg.matchAll(/<(\/?)([A-Za-z][\w-]*)[^>]*?(\/?)>/g)) {
      if (close) expect(stack.pop()).toBe(name);
      else if (!self) stack.push(name);
    }
    expect(stack).toEqual([]);

    const map = json<{ x: { values: number[] }; y: { values: number[] }; z: number[][] }>(
      runCli('grid', ISHIGAMI, '--x', 'x1:-1.5:1.5:4', '--y', 'x2:0:1.5:3', '--metric', 'y:last', '--format', 'json'),
    );
    expect(map.x.values).toEqual([-1.5, -0.5, 0.5, 1.5]);
    expect(map.z).toHaveLength(3);
    expect(map.z[2][3]).toBeCloseTo(Math.sin(1.5) + 7 * Math.sin(1.5) ** 2, 10);
  });
});

describe('endgame optimize', () => {
  it('finds the constrained minimum of y = sin(x1) with y ≥ −0.5: binding, y = −0.5', () => {
    // x2 = x3 = 0 → y = sin(x1); on [−3, 0] the minimum −1 is at −π/2; the constraint y ≥ −0.5 leaves
    // x1 = −π/6 or −5π/6 (both y = −0.5).
    const report = json<{
      levers: Record<string, number>;
      objective: { outcome: string; value: number };
      constraints: { text: string; slack: number; binding: boolean; satisfied: boolean }[];
      feasible: boolean;
    }>(
      runCli(
        'optimize',
        ISHIGAMI,
        '--lever',
        'x1:-3:0',
        '--objective',
        'y:last',
        '--constraint',
        'y:last>=-0.5',
        '--format',
        'json',
      ),
    );
    expect(report.feasible).toBe(true);
    expect(report.objective).toMatchObject({ outcome: 'y:last' });
    expect(report.objective.value).toBeCloseTo(-0.5, 3);
    const x1 = report.levers.x1;
    expect(Math.min(Math.abs(x1 + Math.PI / 6), Math.abs(x1 + (5 * Math.PI) / 6))).toBeLessThan(0.01);
    expect(report.constraints[0]).toMatchObject({ text: 'y:last>=-0.5', satisfied: true, binding: true });
  });

  it('with --robust N, minimises the mean over N draws of the other uncertain params', () => {
    // Mean over draws of sin(x1)(1 + 0.1·x3⁴) + 7 sin²(x2) is smallest where sin(x1) = −1, whatever the draws.
    const report = json<{ levers: { x1: number }; robust: number; evaluations: number; runs: number }>(
      runCli('optimize', ISHIGAMI, '--lever', 'x1:-3:0', '--objective', 'y:last', '--robust', '8', '--format', 'json'),
    );
    expect(report.levers.x1).toBeCloseTo(-Math.PI / 2, 3);
    expect(report.robust).toBe(8);
    expect(report.runs).toBe(report.evaluations * 8);
  });

  it('prints the best levers, the objective and each constraint with its slack', () => {
    const run = runCli(
      'optimize',
      ISHIGAMI,
      '--lever',
      'x2:0:1',
      '--objective',
      'y:last',
      '--constraint',
      'y:last<=10',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Best policy for examples\/ishigami\.yaml \(under the scenario;/);
    expect(run.stdout).toMatch(/\nx2 +\d/);
    expect(run.stdout).toMatch(/objective y:last = /);
    expect(run.stdout).toMatch(/y:last<=10 +[-\d.e]+ +[\d.]+ +slack/);
  });
});

describe('errors: one line each', () => {
  const sobol = ['sensitivity', ISHIGAMI, '--metric'];
  it('an unknown param in --x or --lever', () => {
    expectOneLineError(
      runCli('grid', ISHIGAMI, '--x', 'x9:0:1:3', '--y', 'x2:0:1:3', '--metric', 'y:last'),
      /bad --x 'x9:0:1:3': 'x9' is not a param of model 'ishigami'/,
    );
    expectOneLineError(
      runCli('optimize', ISHIGAMI, '--lever', 'y:0:1', '--objective', 'y:last'),
      /bad --lever 'y:0:1': 'y' is a variable, not a param/,
    );
  });

  it('an impossible range (lo ≥ hi)', () => {
    expectOneLineError(
      runCli('optimize', ISHIGAMI, '--lever', 'x1:1:1', '--objective', 'y:last'),
      /bad --lever 'x1:1:1': impossible range 1\.\.1; give lo < hi/,
    );
    expectOneLineError(
      runCli('grid', ISHIGAMI, '--x', 'x1:2:0:3', '--y', 'x2:0:1:3', '--metric', 'y:last'),
      /impossible range 2\.\.0/,
    );
  });

  it('a metric on a missing series, and an unknown reducer', () => {
    expectOneLineError(runCli(...sobol, 'yy:last'), /has no series 'yy'.*'y'/);
    expectOneLineError(runCli(...sobol, 'y:median'), /median.*last/);
    expectOneLineError(
      runCli('optimize', ISHIGAMI, '--lever', 'x1:0:1', '--objective', 'fiscal_cost'),
      /outcome 'fiscal_cost' needs series 'gov_deficit'/,
    );
  });

  it('n < 1, a grid axis with 0 points, a bad constraint', () => {
    expectOneLineError(runCli(...sobol, 'y:last', '--n', '0'), /bad --n '0': expected a whole number ≥ 1/);
    expectOneLineError(
      runCli('grid', ISHIGAMI, '--x', 'x1:0:1:0', '--y', 'x2:0:1:3', '--metric', 'y:last'),
      /the number of points must be a whole number ≥ 1, got 0/,
    );
    expectOneLineError(
      runCli('optimize', ISHIGAMI, '--lever', 'x1:0:1', '--objective', 'y:last', '--constraint', 'y:last<1'),
      /bad --constraint 'y:last<1'/,
    );
  });
});
