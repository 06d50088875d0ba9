import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_SERIES, FIXED_SERIES_PART3 } from '@endgame/model';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/*
 * The acceptance of the AI-endgame model (parts 1 and 2) through the real binary and the real model:
 * `endgame run citrini-2028 --format json` returns every series MODEL.md §9 names (except those
 * marked p2/p3), the chain and the scorecard; `policy-response` reports the chain break and the
 * fiscal cost. The series list is MODEL.md §9's contract (packages/model/src/fixed-series.ts).
 */
interface RunJson {
  scenario: string;
  time: string[];
  initial: Record<string, number>;
  series: Record<string, number[]>;
  summary: Record<string, unknown>;
  chain: { id: string; onset: string | null }[];
  scorecard: { id: string }[];
  accounting: { max_residual: number; where: string | null };
}

const dir = mkdtempSync(join(tmpdir(), 'endgame-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a preset with JSON written to a file (the output is several MB: more than a pipe buffer). */
function runJson(preset: string): RunJson {
  const file = join(dir, `${preset}.json`);
  const run = runCli('run', preset, '--format', 'json', '--out', file);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(readFileSync(file, 'utf8')) as RunJson;
}

describe('endgame run on the AI-endgame model', () => {
  it('citrini-2028 returns every §9 series (parts 1, 2 and 3), 240 months, the 13-link chain and the scorecard', () => {
    const out = runJson('citrini-2028');
    expect(out.scenario).toBe('citrini-2028');
    expect(out.time[0]).toBe('2026-01');
    expect(out.time).toHaveLength(240);
    expect(out.time[239]).toBe('2045-12');
    for (const name of FIXED_SERIES) {
      expect(Object.keys(out.series)).toContain(name);
      expect(out.series[name]).toHaveLength(240);
    }
    expect(out.chain.map((l) => l.id)).toEqual(Array.from({ length: 13 }, (_, i) => `L${i + 1}`));
    expect(out.scorecard.length).toBeGreaterThan(0);
    expect(out.accounting.max_residual).toBeLessThan(1e-6 * out.series.gdp_nominal[0]);
  });

  it('policy-response reports where the chain broke and the fiscal cost', () => {
    const out = runJson('policy-response');
    expect(out.summary).toHaveProperty('chain_broken_after');
    expect(typeof out.summary.fiscal_cost_usd_bn).toBe('number');
  });

  it('agi-endgame-ubi returns the (p3) series, the Kalecki decomposition and the UBI payers', () => {
    const out = runJson('agi-endgame-ubi');
    for (const name of FIXED_SERIES_PART3) {
      expect(Object.keys(out.series)).toContain(name);
      expect(out.series[name]).toHaveLength(240);
    }
    const kalecki = out.summary.kalecki as { month: string; profits: number }[];
    expect(kalecki[0].month).toBe('2026-01');
    expect(out.summary.ubi_payers).toMatchObject({ reference: 'agi-endgame' });
    expect(out.accounting.max_residual).toBeLessThan(1e-6 * out.series.gdp_nominal[0]);
  });

  it('bubble-burst as a table shows the AI cycle: capex, inventory, memory and AI index with dates, and Minsky classes', () => {
    const run = runCli('run', 'bubble-burst', '--format', 'table');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^month\s+capex\s+to power\s+compute\s+compute y\/y\s+DC GW\s+memory\s+chip inv \(m\)\s+AI index/m,
    );
    expect(run.stdout).toContain('Minsky hs/neo/apps/firms/top/pro/work');
    const line = run.stdout.split('\n').find((l) => l.startsWith('AI cycle:')) ?? '';
    expect(line).toMatch(/capex peak [\d.]+ \(\d{4}-\d{2}\), low [\d.]+ \(\d{4}-\d{2}, -\d+ %\)/);
    expect(line).toMatch(/memory peak .* \(\d{4}-\d{2}, -\d+ %\)/);
    expect(line).toMatch(/AI index peak .* \(\d{4}-\d{2}, -\d+ %\)/);
    expect(line).toMatch(/chip inventory [\d.]+ months of orders at the capex peak, [\d.]+ \(\d{4}-\d{2}\)/);
  });

  it('the table output shows the headline and the chain trace', () => {
    const run = runCli('run', 'citrini-2028', '--format', 'table');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('chain trace');
    for (let i = 1; i <= 13; i++) expect(run.stdout).toMatch(new RegExp(`^L${i}\\s`, 'm'));
    // Value capture (MODEL.md §8): income shares, the Kalecki decomposition, the Ponzi indicator, social shares.
    expect(run.stdout).toContain('income shares of GDP by income:');
    expect(run.stdout).toMatch(/^month\s+profits\s+= investment/m);
    expect(run.stdout).toContain('time-dimension Ponzi');
    expect(run.stdout).toContain('social relations (STYLISED, not data)');
  });

  it("agi-endgame-ubi's table names who paid for the UBI", () => {
    const run = runCli('run', 'agi-endgame-ubi', '--format', 'table');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^UBI \d+ USD bn paid .* against agi-endgame: AI tax \(payer: the AI complex\)/m);
  });
});
