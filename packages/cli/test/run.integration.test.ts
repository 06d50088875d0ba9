import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFixture } from './endgame-fixtures.js';
import { lines } from './run-cli.js';

/*
 * Against the fixture model (packages/model/test/fixtures/mini-model.yaml: monthly from 2026-01,
 * 60 months) and its presets. Expected values are derived by hand from its equations.
 */
interface RunJson {
  scenario: string;
  time: string[];
  initial: Record<string, number>;
  series: Record<string, number[]>;
  summary: Record<string, unknown>;
  chain: { id: string; label: string; onset: string | null; lag_months: number | null; peak: number | null }[];
  scorecard: { id: string; value: unknown; inside: boolean | null }[];
  accounting: { max_residual: number; where: string | null };
}

function json(...args: string[]): RunJson {
  const run = runFixture('run', ...args, '--format', 'json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as RunJson;
}

const onset = (out: RunJson, id: string) => out.chain.find((l) => l.id === id)?.onset;

describe('endgame run --format json', () => {
  it('runs the baseline preset by default, with the keys of ENGINE.md §6', () => {
    const out = json();
    expect(Object.keys(out)).toEqual([
      'scenario',
      'time',
      'initial',
      'series',
      'summary',
      'chain',
      'scorecard',
      'accounting',
    ]);
    expect(out.scenario).toBe('baseline');
    expect(out.time).toHaveLength(60);
    expect([out.time[0], out.time[59]]).toEqual(['2026-01', '2030-12']);
    expect(out.series.equity_index).toHaveLength(60);
    expect(out.series.equity_index[0]).toBeCloseTo(6845.5 * 1.01, 9);
    expect(out.initial.equity_index).toBe(6845.5);
    expect(out.chain.map((l) => l.id)).toEqual(Array.from({ length: 13 }, (_, i) => `L${i + 1}`));
    for (const link of out.chain) {
      expect(Object.keys(link)).toEqual(
        expect.arrayContaining(['id', 'label', 'onset', 'lag_months', 'peak', 'peak_date']),
      );
    }
    expect(out.scorecard).toEqual([]);
    expect(out.accounting).toEqual({ max_residual: 0, where: null });
  });

  it('prints the --from/--to window but traces the chain over the whole run', () => {
    const out = json('citrini-2028', '--from', '2027-01', '--to', '2027-12');
    expect(out.time).toEqual(Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`));
    // 2027-07 is period 19, the crash month: 6845.5 × 1.19 × 0.7.
    expect(out.series.equity_index[6]).toBeCloseTo(6845.5 * 1.19 * 0.7, 9);
    expect(onset(out, 'L11')).toBe('2027-07');
    expect(onset(out, 'L7')).toBe('2028-12');
    expect(out.scorecard).toHaveLength(17);
  });

  it('applies --set over the preset', () => {
    // crash at time 2026.75 = period 10 (2026-10).
    expect(onset(json('citrini-2028', '--set', 'crash_time=2026.75'), 'L11')).toBe('2026-10');
  });

  it("reports policy-response's chain break and fiscal cost", () => {
    const out = json('policy-response');
    expect(out.summary.chain_broken_after).toBe('L7');
    expect(out.summary.fiscal_cost_usd_bn).toBeCloseTo(1650, 9);
  });
});

describe('endgame run: table, csv, --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'endgame-run-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a yearly headline and the chain trace as a table by default', () => {
    const run = runFixture('run', 'citrini-2028');
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out[0]).toMatch(/^citrini-2028: Fixture citrini-2028/);
    const header = out.findIndex((line) => line.startsWith('month'));
    expect(out[header].split(/\s{2,}/)).toEqual([
      'month',
      'unemployment',
      'real GDP y/y',
      'equity index',
      'house prices',
      'delinquency',
      'policy rate',
    ]);
    expect(out[header + 2]).toMatch(/^2026-01\s+4\.30 %/);
    expect(out.slice(header + 2, header + 8).map((line) => line.slice(0, 7))).toEqual([
      '2026-01',
      '2027-01',
      '2028-01',
      '2029-01',
      '2030-01',
      '2030-12',
    ]);
    expect(out.find((line) => line.startsWith('L11 '))).toMatch(/asset price crash\s+2027-07\s+11\s/);
    expect(out.some((line) => line.startsWith('chain trace: 4 of 13 links fired'))).toBe(true);
  });

  it("prints the summary on one line, with policy-response's chain break and fiscal cost", () => {
    const summary = lines(runFixture('run', 'policy-response').stdout).find((line) => line.startsWith('summary: '));
    expect(summary).toMatch(/^summary: unemployment peak 14\.13 % \(2030-12\);/);
    expect(summary).toMatch(/; chain broken after L7; fiscal cost 1650 USD bn \(2026–2030\)$/);
  });

  it('writes CSV with one row per month to --out', () => {
    const file = join(dir, 'run.csv');
    const run = runFixture('run', 'baseline', '--format', 'csv', '--from', '2026-01', '--to', '2026-06', '--out', file);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const rows = lines(readFileSync(file, 'utf8'));
    expect(rows).toHaveLength(7);
    expect(rows[0].split(',').slice(0, 1)).toEqual(['time']);
    expect(rows[0].split(',')).toContain('unemployment_rate');
    expect(rows[6].startsWith('2026-06,')).toBe(true);
  });
});

describe('endgame run: errors and warnings', () => {
  it('lists the presets when the name is unknown', () => {
    const run = runFixture('run', 'citrini-2029');
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      "endgame: unknown preset 'citrini-2029' (did you mean 'citrini-2028'?); presets: bad-driver, baseline, citrini-2028, policy-response (or give a path to a scenario or model .yaml file) [bad-input]",
    ]);
  });

  it('rejects a preset that changes a behavioural param', () => {
    const run = runFixture('run', 'bad-driver');
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/'ubi_cost' is not a driver param.*\[bad-scenario\]$/)]);
  });

  it('warns on --set of a behavioural param and still runs', () => {
    const run = runFixture('run', 'baseline', '--set', 'ubi_cost=1', '--format', 'json', '--out', '/dev/null');
    expect(run.status).toBe(0);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^endgame: warning: .*'ubi_cost' is not a driver param/)]);
  });

  it('checks --set, --from and --to on the command line', () => {
    expect(runFixture('run', '--set', 'crash_time').stderr).toMatch(
      /^endgame: bad --set 'crash_time': expected name=number/,
    );
    const from = runFixture('run', '--from', '2026-13');
    expect(from.status).toBe(2);
    expect(from.stderr).toMatch(/^endgame: bad --from '2026-13': expected a month YYYY-MM/);
    const outside = runFixture('run', '--to', '2031-01');
    expect(outside.status).toBe(1);
    expect(outside.stderr).toMatch(/--to 2031-01 is outside the run \(2026-01\.\.2030-12\)/);
  });

  it('says when a file input cannot be read', () => {
    const run = runFixture('run', 'no-such-scenario.yaml');
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual(["endgame: cannot read 'no-such-scenario.yaml': no such file"]);
  });
});
