import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_SERIES } from '@endgame/model';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, runCli, SIM_MODEL } from './run-cli.js';

/*
 * `endgame mc` end to end. On citrini-2028 the runs vary a few params given with --params (the
 * model's full set of ranges is exercised by the analysis package's tests and the benchmark).
 */
const PARAMS = 'new_task_creation,diffusion_time,ai_passthrough';
const RECESSION_MODEL = 'packages/analysis/test/fixtures/mc-recession.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'endgame-mc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface McJson {
  runs: number;
  seed: number;
  percentiles: Record<string, Record<string, (number | null)[]>>;
  recession_probability_by_year: Record<string, number>;
  chain: Record<string, { probability: number; onset_percentiles: Record<string, string | null> }>;
  correlations: Record<string, Record<string, number | null>>;
}

function mc(...args: string[]): { stdout: string; json: () => McJson } {
  const run = runCli('mc', ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return { stdout: run.stdout, json: () => JSON.parse(run.stdout) as McJson };
}

describe('endgame mc citrini-2028 --format json', () => {
  const args = ['citrini-2028', '--runs', '20', '--seed', '1', '--params', PARAMS, '--format', 'json'];
  let first: ReturnType<typeof mc>;
  beforeAll(() => {
    first = mc(...args);
  });

  it('has the keys and shapes of the issue’s contract', () => {
    const out = first.json();
    expect(Object.keys(out)).toEqual([
      'runs',
      'seed',
      'percentiles',
      'recession_probability_by_year',
      'chain',
      'correlations',
    ]);
    expect([out.runs, out.seed]).toEqual([20, 1]);
    expect(Object.keys(out.percentiles)).toEqual([...FIXED_SERIES]);
    for (const series of Object.values(out.percentiles)) {
      expect(Object.keys(series)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
      for (const values of Object.values(series)) expect(values).toHaveLength(240);
      series.p5.forEach((p5, i) => {
        expect(p5 as number).toBeLessThanOrEqual(series.p50[i] as number);
        expect(series.p50[i] as number).toBeLessThanOrEqual(series.p95[i] as number);
      });
    }
    expect(Object.keys(out.recession_probability_by_year)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(2026 + i)),
    );
    for (const p of Object.values(out.recession_probability_by_year)) expect(p * 20).toBeCloseTo(Math.round(p * 20), 9);
    expect(Object.keys(out.chain)).toEqual(Array.from({ length: 13 }, (_, i) => `L${i + 1}`));
    for (const link of Object.values(out.chain)) {
      expect(link.probability).toBeGreaterThanOrEqual(0);
      expect(link.probability).toBeLessThanOrEqual(1);
      for (const onset of Object.values(link.onset_percentiles)) {
        if (link.probability === 0) expect(onset).toBeNull();
        else expect(onset).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
      }
    }
    expect(new Set(Object.keys(out.correlations))).toEqual(new Set(PARAMS.split(',')));
    for (const row of Object.values(out.correlations)) {
      expect(Object.keys(row)).toEqual(['unemployment_rate:max', 'gdp_real:drawdown', 'equity_index:drawdown']);
      for (const rho of Object.values(row)) expect(Math.abs(rho as number)).toBeLessThanOrEqual(1);
    }
  });

  it('gives identical output with the same seed, with 1 or 2 workers', () => {
    expect(mc(...args).stdout).toBe(first.stdout);
    expect(mc(...args, '--workers', '2').stdout).toBe(first.stdout);
  });
});

describe('endgame mc, other formats', () => {
  it('writes CSV in long format for the requested series', () => {
    const { stdout } = mc(RECESSION_MODEL, '--runs', '30', '--series', 'gdp_real,unemployment_rate', '--format', 'csv');
    const rows = lines(stdout);
    expect(rows[0]).toBe('series,period,month,p5,p25,p50,p75,p95');
    expect(rows).toHaveLength(1 + 2 * 36);
    expect(rows[1]).toMatch(/^gdp_real,1,2026-01,/);
    expect(rows[1].split(',').slice(3).map(Number)).toEqual([101, 101, 101, 101, 101]);
    expect(rows[37]).toMatch(/^unemployment_rate,1,2026-01,/);
  });

  it('writes Parquet to --out', async () => {
    const out = join(tmp, 'mc.parquet');
    const run = runCli('mc', RECESSION_MODEL, '--runs', '30', '--format', 'parquet', '--out', out);
    expect([run.status, run.stderr, run.stdout]).toEqual([0, '', '']);
    const bytes = readFileSync(out);
    const rows = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    });
    expect(rows).toHaveLength(2 * 36);
    expect(rows[0]).toMatchObject({ series: 'unemployment_rate', period: 1, month: '2026-01' });
  });

  it('prints a readable summary by default', () => {
    const { stdout } = mc(RECESSION_MODEL, '--runs', '100', '--seed', '4');
    expect(stdout).toMatch(/^Monte Carlo of mc-recession: 100 runs, seed 4, 2 uncertain params/);
    expect(stdout).toContain('Recession probability by year');
    expect(stdout).toMatch(/^2027\s+\d+\.\d %$/m);
    expect(stdout).toMatch(/^L13\s+recession\s+\d+\.\d %\s+2027-04\s+2027-04\s+2027-04$/m);
    expect(stdout).toContain('Strongest correlations');
  });
});

describe('endgame mc errors: one line each', () => {
  const fails = (pattern: RegExp, code: number, ...args: string[]) => {
    const run = runCli('mc', ...args);
    expect(run.status).toBe(code);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
  };

  it('--runs 0', () =>
    fails(/^endgame: bad --runs '0': expected a whole number ≥ 1$/m, 2, RECESSION_MODEL, '--runs', '0'));

  it('an unknown series, with a suggestion', () =>
    fails(/unknown series 'gdp_rel'.*did you mean 'gdp_real'/, 2, RECESSION_MODEL, '--series', 'gdp_rel'));

  it('a model without uncertain params says how to add ranges', () =>
    fails(/model 'SIM' has no uncertain params: give params a range in the model/, 1, SIM_MODEL, '--runs', '5'));

  it('an unknown param in the scenario’s uncertainty', () => {
    const scenario = join(tmp, 'bad-uncertainty.yaml');
    writeFileSync(scenario, 'extends: baseline\nuncertainty:\n  no_such_param: { range: [0, 1] }\n');
    fails(/uncertainty.*no_such_param/, 1, scenario, '--runs', '5');
  });

  it('parquet without --out', () =>
    fails(/--format parquet .* give --out FILE/, 2, RECESSION_MODEL, '--format', 'parquet'));
});
