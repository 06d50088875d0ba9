import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, lines, runCli, SIM_MODEL } from './run-cli.js';

const SIM = `${FIXTURES}/sim.yaml`;
const WIDE = `${FIXTURES}/wide.yaml`;

interface SolveJson {
  model: string;
  periods: number[];
  series: Record<string, number[]>;
  iterations: { block: string[]; total: number; max: number }[];
  accounting: { max_residual: number; where: string | null };
}

function solveJson(...args: string[]): SolveJson {
  const run = runCli('solve', ...args, '--format', 'json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as SolveJson;
}

/**
 * SIM's output Y by hand: with N = Y/W, T = θY and YD = (1 − θ)Y, the period's
 * block reduces to Y = (G + α2·H[-1]) / (1 − α1(1 − θ)), and H += YD − C.
 */
function simOutputByHand(periods: number, g: number, theta: number): number[] {
  const alpha1 = 0.6;
  const alpha2 = 0.4;
  const y = [0];
  let h = 0;
  for (let p = 1; p <= periods; p++) {
    const output = (g + alpha2 * h) / (1 - alpha1 * (1 - theta));
    const disposable = (1 - theta) * output;
    h += disposable - (alpha1 * disposable + alpha2 * h);
    y.push(output);
  }
  return y;
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, p) => {
    expect(Math.abs(value - expected[p])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[p])));
  });
}

const tempDir = mkdtempSync(join(tmpdir(), 'endgame-cli-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('endgame solve --format json', () => {
  it('prints the documented JSON shape for examples/gl/sim.yaml', () => {
    const out = solveJson(SIM_MODEL);
    expect(Object.keys(out).sort()).toEqual(['accounting', 'iterations', 'model', 'periods', 'series']);
    expect(typeof out.model).toBe('string');
    const n = out.periods.length - 1;
    expect(n).toBeGreaterThan(0);
    expect(out.periods).toEqual(Array.from({ length: n + 1 }, (_, p) => p));
    expect(Object.keys(out.series).length).toBeGreaterThan(0);
    for (const [name, values] of Object.entries(out.series)) {
      expect(name.startsWith('__')).toBe(false);
      expect(values).toHaveLength(n + 1);
      for (const value of values) expect(Number.isFinite(value)).toBe(true);
    }
    expect(out.iterations.length).toBeGreaterThan(0);
    for (const entry of out.iterations) {
      expect(Object.keys(entry).sort()).toEqual(['block', 'max', 'total']);
      expect(entry.block.length).toBeGreaterThan(0);
      expect(entry.total).toBeGreaterThanOrEqual(entry.max);
    }
    expect(out.accounting.max_residual).toBeLessThan(1e-9);
  });

  it('solves SIM to the hand-derived path, with params and variables as series', () => {
    const out = solveJson(SIM);
    expect(out.model).toBe('SIM');
    expect(out.periods).toHaveLength(61);
    for (const name of ['G', 'theta', 'alpha1', 'alpha2', 'W', 'Y', 'T', 'N', 'YD', 'C', 'Hh', 'Hs']) {
      expect(out.series[name], name).toHaveLength(61);
    }
    expectClose(out.series.Y, simOutputByHand(60, 20, 0.2));
    expect(out.series.Y[60]).toBeCloseTo(20 / 0.2, 1);
    expectClose(out.series.Hh, out.series.Hs);
    expect(out.series.G.every((g) => g === 20)).toBe(true);
    const cyclic = out.iterations.find((entry) => entry.block.includes('Y'));
    expect(cyclic?.block.slice().sort()).toEqual(['C', 'N', 'T', 'Y', 'YD']);
  });

  it('applies --set and --periods', () => {
    const out = solveJson(SIM, '--periods', '5', '--set', 'theta=0.25', '--set', 'G=25');
    expect(out.periods).toEqual([0, 1, 2, 3, 4, 5]);
    expect(out.series.theta.slice(1)).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
    expectClose(out.series.Y, simOutputByHand(5, 25, 0.25));
  });
});

describe('warnings', () => {
  it('prints engine warnings on stderr, after the output, and still exits 0', () => {
    const run = runCli('solve', `${FIXTURES}/partial-units.yaml`, '--format', 'csv');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)[0]).toBe('period,y,a,b');
    const warnings = lines(run.stderr);
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expect(warning).toMatch(/^endgame: warning: .*\by\b/);
  });
});

describe('endgame solve --format csv', () => {
  it('prints a header `period,NAME,...` and one row per period, matching the JSON', () => {
    const run = runCli('solve', SIM, '--format', 'csv', '--periods', '12');
    expect(run.status).toBe(0);
    const rows = lines(run.stdout).map((line) => line.split(','));
    const header = rows[0];
    expect(header[0]).toBe('period');
    expect(rows).toHaveLength(14);
    const json = solveJson(SIM, '--periods', '12');
    expect(header.slice(1).sort()).toEqual(Object.keys(json.series).sort());
    rows.slice(1).forEach((row, p) => {
      expect(Number(row[0])).toBe(p);
      header.slice(1).forEach((name, col) => {
        expect(Number(row[col + 1])).toBe(json.series[name][p]);
      });
    });
  });
});

describe('endgame solve --format table', () => {
  it('shows every variable of a small model, elides the middle of a long run and ends with the accounting line', () => {
    const run = runCli('solve', SIM, '--format', 'table');
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    const header = out.find((line) => line.trimStart().startsWith('period'));
    expect(header?.trim().split(/\s+/).sort()).toEqual(['C', 'Hh', 'Hs', 'N', 'T', 'Y', 'YD', 'period']);
    const periodRows = out.filter((line) => /^\s*\d+\s/.test(line)).map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(periodRows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 56, 57, 58, 59, 60]);
    expect(out).toContain('…');
    expect(run.stdout).toMatch(/of 61/);
    expect(out.at(-1)).toMatch(/^accounting: max residual /);
    const row1 =
      out
        .find((line) => /^\s*1\s/.test(line))
        ?.trim()
        .split(/\s+/) ?? [];
    const yColumn = header?.trim().split(/\s+/).indexOf('Y') ?? -1;
    expect(Number(row1[yColumn])).toBeCloseTo(20 / 0.52, 3);
  });

  it('shows the first 8 variables of a wide model and says how many more there are', () => {
    const run = runCli('solve', WIDE, '--format', 'table');
    expect(run.status).toBe(0);
    const header = lines(run.stdout).find((line) => line.trimStart().startsWith('period'));
    const columns = header?.trim().split(/\s+/) ?? [];
    expect(columns[0]).toBe('period');
    expect(columns).toHaveLength(9);
    expect(new Set(columns.slice(1)).size).toBe(8);
    for (const name of columns.slice(1)) expect(name).toMatch(/^s(10|[1-9])$/);
    expect(run.stdout).toContain('2 more: use --format csv');
  });
});

describe('endgame solve --out', () => {
  it('writes to a file exactly what it would print', () => {
    const file = join(tempDir, 'sim.json');
    const written = runCli('solve', SIM, '--format', 'json', '--out', file);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    const printed = runCli('solve', SIM, '--format', 'json');
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
  });

  it('writes to /dev/null and prints nothing', () => {
    const run = runCli('solve', SIM, '--format', 'csv', '--out', '/dev/null');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
  });

  it('fails in one line when the path cannot be written', () => {
    const run = runCli('solve', SIM, '--out', join(tempDir, 'no-such-dir', 'x.json'));
    expect(run.status).not.toBe(0);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^endgame: cannot write '.*x\.json': no such file$/)]);
  });
});

describe('endgame solve --blocks', () => {
  it("prints SIM's block structure: one simultaneous block of five (Y, N, T, YD, C)", () => {
    const run = runCli('solve', SIM, '--blocks');
    expect(run.status).toBe(0);
    const row = lines(run.stdout).find((line) => line.includes('simultaneous') && /\bY\b/.test(line));
    expect(row?.trim().split(/\s+/).slice(1, 3)).toEqual(['simultaneous', '5']);
    expect(run.stdout).toMatch(/largest simultaneous block: 5 variables/);
  });

  it('prints the blocks as JSON with --format json', () => {
    const run = runCli('solve', SIM, '--blocks', '--format', 'json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      blocks: { block: number; cyclic: boolean; size: number; vars: string[] }[];
      largest_simultaneous: { size: number };
    };
    const vars = out.blocks.flatMap((block) => block.vars);
    expect(vars.slice().sort()).toEqual(['C', 'Hh', 'Hs', 'N', 'T', 'Y', 'YD']);
    expect(out.blocks.filter((block) => block.cyclic).map((block) => block.size)).toEqual([5]);
    expect(out.largest_simultaneous.size).toBe(5);
  });

  it('reports a model without cycles as having no simultaneous block', () => {
    const run = runCli('solve', `${FIXTURES}/wide.yaml`, '--blocks');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no simultaneous blocks/);
  });
});
