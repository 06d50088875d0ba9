/**
 * `endgame run --households N` through the real binary: the distribution
 * summary after the chain trace, the JSON households member, the sample CSV,
 * and one-line errors for bad household options.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'endgame-households-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('endgame run --households', () => {
  it('prints the distribution summary after the chain trace', () => {
    const run = runCli('run', 'baseline', '--households', '3000', '--format', 'table');
    expect(run.status).toBe(0);
    const chainAt = run.stdout.indexOf('chain trace:');
    const householdsAt = run.stdout.search(/households: 3.?000 simulated/);
    expect(chainAt).toBeGreaterThan(0);
    expect(householdsAt).toBeGreaterThan(chainAt);
    for (const text of ['income Gini', 'middle-class share', 'occupation knowledge', 'tech metros', 'income decile']) {
      expect(run.stdout).toContain(text);
    }
  }, 60_000);

  it('adds a households member to the JSON and writes the sample', () => {
    const sample = join(dir, 'sample.csv');
    const out = join(dir, 'run.json');
    const run = runCli(
      'run',
      'baseline',
      '--households',
      '3000',
      '--workers',
      '2',
      '--sample-out',
      sample,
      '--format',
      'json',
      '--from',
      '2027-01',
      '--out',
      out,
    );
    expect(run.status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      time: string[];
      households: { summary: { households: number }; series: Record<string, number[]> };
    };
    expect(doc.households.summary.households).toBe(3000);
    expect(doc.households.series.income_gini.length).toBe(doc.time.length);
    const rows = readFileSync(sample, 'utf8').trim().split('\n');
    expect(rows[0].split(',')[0]).toBe('household');
    expect(rows.length).toBe(1001);
  }, 60_000);

  it('rejects bad household options in one line', () => {
    const few = runCli('run', 'baseline', '--households', '12');
    expect(few.status).not.toBe(0);
    expect(few.stderr.trim()).toBe("endgame: bad --households '12': expected a whole number ≥ 1000");
    const sampleOnly = runCli('run', 'baseline', '--sample-out', join(dir, 'x.csv'));
    expect(sampleOnly.status).not.toBe(0);
    expect(sampleOnly.stderr.trim()).toBe('endgame: --sample-out needs --households N');
    const seed = runCli('run', 'baseline', '--households', '2000', '--seed', '-1');
    expect(seed.stderr.trim().split('\n')).toHaveLength(1);
    expect(seed.stderr).toContain('--seed');
  }, 60_000);
});
