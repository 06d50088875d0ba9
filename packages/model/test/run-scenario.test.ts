import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChainLinkResult } from '../src/chain.js';
import { runScenario } from '../src/run-scenario.js';
import { FIXTURE_MODEL, FIXTURE_PRESETS, FIXTURE_USER_SCENARIO } from './fixture-paths.js';

/*
 * The fixture model (fixtures/mini-model.yaml) is monthly from 2026-01 (period p has time
 * 2026 + (p − 1)/12) for 60 months. Values below are derived from its equations by hand.
 */
const options = { dir: FIXTURE_PRESETS };

function onsets(chain: readonly ChainLinkResult[]): Record<string, string> {
  return Object.fromEntries(chain.filter((l) => l.onset !== null).map((l) => [l.id, l.onset!]));
}

describe('runScenario on presets', () => {
  const citrini = runScenario('citrini-2028', options);

  it('runs the preset chain on its model over the whole horizon', () => {
    expect(citrini).toMatchObject({ name: 'citrini-2028', kind: 'preset', modelPath: FIXTURE_MODEL });
    expect(citrini.files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(['baseline.yaml', 'citrini-2028.yaml']);
    expect(citrini.time).toHaveLength(60);
    expect([citrini.time[0], citrini.time[59]]).toEqual(['2026-01', '2030-12']);
    expect(citrini.seriesNames).toEqual(expect.arrayContaining(['equity_index', 'crash_time']));
    expect(citrini.warnings).toEqual([]);
  });

  it('computes the chain trace against the baseline preset', () => {
    // L1: (1 − 0.5)·(p − 1)/12 > 0.25 (the model's margin param) ⇔ p ≥ 8 (2026-08).
    // L11: the crash at time 2027.5 is period 19 (2027-07): 1.19 × 0.7 / 1.18 − 1 = −29.4 %.
    // L13: GDP falls 0.5 a month from 2027-07: Q3 2027 mean 101.0 < Q2 101.7, Q4 99.8 < 101.0.
    // L7: 0.04 + 0.35 × 0.02 × years ≥ 1.5 × 0.04 ⇔ years ≥ 2.857: p = 36 (2028-12).
    expect(onsets(citrini.chain)).toEqual({ L1: '2026-08', L7: '2028-12', L11: '2027-07', L13: '2027-07' });
    const l11 = citrini.chain.find((l) => l.id === 'L11')!;
    expect(l11.lag_months).toBe(11);
    expect(l11.value_at_onset).toBeCloseTo((1.19 * 0.7) / 1.18 - 1, 12);
    expect(l11.baseline_value_at_onset).toBe(0);
    const l1 = citrini.chain.find((l) => l.id === 'L1')!;
    expect(l1.baseline_value_at_onset).toBeCloseTo(1 + 0.5 * (7 / 12), 12);
    expect(citrini.chain.find((l) => l.id === 'L3')?.missing).toHaveLength(1);
  });

  it('scores the preset and summarises the run', () => {
    const unemployment = citrini.scorecard.find((s) => s.id === 'unemployment_2028_06')!;
    expect(unemployment.value).toBeCloseTo(0.043 + 0.02 * (29 / 12), 12);
    expect(citrini.summary.unemployment_peak).toBeCloseTo(0.043 + 0.02 * (59 / 12), 12);
    expect(citrini.summary.recession_start).toBe('2027-07');
    expect(citrini.summary.links_fired).toBe(4);
    expect(citrini.summary.fiscal_cost_usd_bn).toBeUndefined();
  });

  it('compares the baseline with itself: no L1, and a baseline column', () => {
    const baseline = runScenario('baseline', options);
    expect(baseline.baseline).toBe(baseline.view);
    const l1 = baseline.chain.find((l) => l.id === 'L1')!;
    expect(l1.onset).toBeNull();
    expect(l1.missing).toBeUndefined();
    expect(baseline.scorecard).toEqual([]);
  });

  it('gives policy-response its chain break and fiscal cost against citrini-2028', () => {
    const policy = runScenario('policy-response', options);
    expect(onsets(policy.chain)).toEqual({ L1: '2026-08', L7: '2028-12' });
    expect(policy.summary.chain_broken_after).toBe('L7');
    // Extra spending 120 for 60 months, UBI 300 from period 19 (the trigger reads period 18's
    // unemployment 0.0713 > 0.07; period 17's is 0.0697): (60 × 120 + 42 × 300) / 12 = 1650.
    expect(policy.summary.fiscal_cost_usd_bn).toBeCloseTo(1650, 9);
    expect(policy.reference?.name).toBe('citrini-2028');
  });

  it('compiles each model once per process', () => {
    expect(runScenario('baseline', options).compiled).toBe(citrini.compiled);
  });
});

describe('runScenario options and inputs', () => {
  it('applies --set over the preset, and warns (does not fail) on a non-driver param', () => {
    // crash at time 2026.75 = period 10 (2026-10).
    const run = runScenario('citrini-2028', { ...options, set: { crash_time: 2026.75, ubi_cost: 1 } });
    expect(run.chain.find((l) => l.id === 'L11')?.onset).toBe('2026-10');
    expect(run.warnings).toEqual([expect.objectContaining({ code: 'scenario-non-driver' })]);
    expect(run.warnings[0].message).toContain('ubi_cost');
  });

  it('rejects a preset that changes a behavioural param', () => {
    expect(() => runScenario('bad-driver', options)).toThrowError(/'ubi_cost' is not a driver param/);
  });

  it('rejects --set of an unknown name with a suggestion', () => {
    expect(() => runScenario('baseline', { ...options, set: { crash_tme: 1 } })).toThrowError(
      /unknown param 'crash_tme' \(did you mean 'crash_time'\?\)/,
    );
  });

  it('runs a user scenario file with warnings for behavioural params', () => {
    const run = runScenario(FIXTURE_USER_SCENARIO, options);
    expect(run).toMatchObject({ name: 'user-scenario', kind: 'scenario' });
    // crash at time 2028.0 = period 25 (2028-01).
    expect(run.chain.find((l) => l.id === 'L11')?.onset).toBe('2028-01');
    expect(run.warnings.map((w) => w.code)).toEqual(['scenario-non-driver']);
    expect(run.baseline).toBeDefined();
  });

  it('runs a model file directly, without a baseline comparison', () => {
    const run = runScenario(FIXTURE_MODEL, { ...options, set: { crash_time: 2027.5 } });
    expect(run).toMatchObject({ name: 'mini-endgame', kind: 'model', files: [] });
    expect(run.baseline).toBeUndefined();
    expect(run.chain.find((l) => l.id === 'L1')?.missing).toEqual(['ai_capability_index of the baseline run']);
    expect(run.chain.find((l) => l.id === 'L11')?.onset).toBe('2027-07');
  });

  it('cuts the output window with from/to and checks the months', () => {
    const run = runScenario('baseline', { ...options, from: '2027-01', to: '2027-12' });
    expect(run.window).toEqual({ from: 13, to: 24 });
    expect(run.time).toEqual(Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`));
    expect(() => runScenario('baseline', { ...options, from: '2025-06' })).toThrowError(
      /--from 2025-06 is outside the run \(2026-01\.\.2030-12\)/,
    );
    expect(() => runScenario('baseline', { ...options, from: '2028-01', to: '2027-01' })).toThrowError(
      /--from 2028-01 is after --to 2027-01/,
    );
  });
});

describe('runScenario with injected files (as in a browser)', () => {
  it('reads the model and presets only through readFile and listDir', () => {
    const files: Record<string, string> = {
      '/mem/model.yaml': readFileSync(FIXTURE_MODEL, 'utf8'),
      '/mem/presets/baseline.yaml': 'model: ../model.yaml\ndescription: in memory\n',
      '/mem/presets/crash.yaml': 'extends: baseline\nset: { crash_time: 2026.5 }\n',
    };
    const read: string[] = [];
    const memory = {
      dir: '/mem/presets',
      listDir: (dir: string) =>
        Object.keys(files)
          .filter((path) => path.startsWith(`${dir}/`))
          .map((path) => path.slice(dir.length + 1)),
      readFile: (path: string) => {
        read.push(path);
        if (!(path in files)) throw new Error('no such file');
        return files[path];
      },
    };
    const run = runScenario('crash', memory);
    // crash at time 2026.5 = period 7 (2026-07).
    expect(run.chain.find((l) => l.id === 'L11')?.onset).toBe('2026-07');
    expect(run.scenario.set).toEqual({ crash_time: 2026.5 });
    expect(run.baselineResult?.series('crash_time')[1]).toBe(2100);
    expect(new Set(read)).toEqual(new Set(Object.keys(files)));
  });
});

describe('runScenario solver errors', () => {
  const model = [
    'name: fragile',
    'start: "2026-01"',
    'dt: 1/12',
    'periods: 12',
    'params:',
    '  k: { value: 2, doc: "divisor offset", role: driver }',
    'initial: { x: 1 }',
    'equations:',
    '  - { eq: "x = 1 / (k - 1)", doc: "fails when k = 1" }',
    '',
  ].join('\n');
  const memoryWith = (baselineK: number) => {
    const files: Record<string, string> = {
      '/f/model.yaml': model,
      '/f/presets/baseline.yaml': `model: ../model.yaml\nset: { k: ${baselineK} }\n`,
      '/f/presets/boom.yaml': 'extends: baseline\nset: { k: 1 }\n',
      '/f/presets/fine.yaml': 'extends: baseline\nset: { k: 3 }\n',
    };
    return {
      dir: '/f/presets',
      listDir: () => ['baseline.yaml', 'boom.yaml', 'fine.yaml'],
      readFile: (path: string) => files[path],
    };
  };

  it('names the preset whose run failed', () => {
    expect(() => runScenario('boom', memoryWith(2))).toThrowError(/^while running preset 'boom': /);
  });

  it('names the comparison run when the baseline fails', () => {
    expect(() => runScenario('fine', memoryWith(1))).toThrowError(
      /^while running preset 'baseline' \(for comparison\): /,
    );
  });
});

describe('runScenario with reusePresetRuns', () => {
  it('reuses the baseline run across calls and gives the same results as without', () => {
    const reuse = { ...options, reusePresetRuns: true };
    const first = runScenario('citrini-2028', reuse);
    const second = runScenario('citrini-2028', reuse);
    expect(second.baselineResult).toBe(first.baselineResult);
    const fresh = runScenario('citrini-2028', options);
    expect(fresh.baselineResult).not.toBe(first.baselineResult);
    expect(second.chain).toEqual(fresh.chain);
    expect(second.summary).toEqual(fresh.summary);
  });
});
