import { type CompiledModel, compile, loadModel } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { parseOutcome, runnerEvaluate } from '../src/outcomes.js';
import type { Runner, RunnerJob } from '../src/types.js';

const TINY = compile(
  loadModel(
    [
      'name: tiny',
      'periods: 3',
      'params:',
      '  g: { value: 1, range: [0, 2] }',
      'equations:',
      '  - y = g * 2',
      '  - z = y * y',
    ].join('\n'),
  ),
);

/** A fake monthly model with the series the named outcomes read (only slots and time settings matter). */
function monthly(names: string[]): CompiledModel {
  return {
    ...TINY,
    name: 'fake',
    startMonth: '2026-01',
    dt: 1 / 12,
    periods: 72,
    slots: names.map((name) => ({ name, kind: 'variable' as const })),
  };
}

/** A runner whose run r returns, for each kept series s, the values (r + 1)·(s + 1)·p at periods p = 0..N. */
function fakeRunner(): Runner & { jobs: RunnerJob[] } {
  const jobs: RunnerJob[] = [];
  return {
    workers: 1,
    jobs,
    async run(job, samples) {
      jobs.push(job);
      const rows = samples.length / job.varied.length;
      const P = (job.base.periods ?? job.compiled.periods) + 1;
      const out = new Float64Array(rows * job.keep.length * P);
      for (let r = 0; r < rows; r++) {
        for (let s = 0; s < job.keep.length; s++) {
          for (let p = 0; p < P; p++)
            out[(r * job.keep.length + s) * P + p] = samples[r * job.varied.length] * (s + 1) * p;
        }
      }
      return out;
    },
    async close() {},
  };
}

describe('parseOutcome', () => {
  it('reduces a SERIES:REDUCER metric over periods 1..N', () => {
    const outcome = parseOutcome('y:mean', TINY);
    expect(outcome.series).toEqual(['y']);
    expect(outcome.compute([Float64Array.from([100, 1, 2, 3])])).toBe(2);
  });

  it('names the missing series, the unknown reducer, or a named outcome the model cannot give', () => {
    expect(() => parseOutcome('w:max', TINY)).toThrow(/has no series 'w'/);
    expect(() => parseOutcome('y:median', TINY)).toThrow(/unknown reducer 'median'/);
    expect(() => parseOutcome('fiscal_cost', TINY)).toThrow(/needs series 'gov_deficit', which model 'tiny' lacks/);
    expect(() => parseOutcome('welfare', TINY)).toThrow(
      /expected SERIES:REDUCER .* or one of fiscal_cost, welfare_loss/,
    );
  });

  it('fiscal_cost sums gov_deficit / 12 over 2026-01..2030-12', () => {
    const outcome = parseOutcome('fiscal_cost', monthly(['gov_deficit']));
    // A deficit of 12 (per year) every month for the 60 months of the window → 60.
    expect(outcome.compute([new Float64Array(73).fill(12)])).toBeCloseTo(60, 10);
  });

  it('welfare_loss adds the unemployment rise (points) and the consumption shortfall (percent), averaged', () => {
    const outcome = parseOutcome('welfare_loss', monthly(['unemployment_rate', 'consumption_real']));
    const u = Float64Array.from([0.05, 0.07, 0.04]);
    const c = Float64Array.from([100, 90, 110]);
    // t = 1: 2 + 10; t = 2: 0 → mean 6.
    expect(outcome.compute([u, c])).toBeCloseTo(6, 10);
  });
});

describe('runnerEvaluate', () => {
  it('keeps each series once and returns each outcome per row', async () => {
    const runner = fakeRunner();
    const outcomes = [parseOutcome('y:last', TINY), parseOutcome('z:max', TINY), parseOutcome('y:mean', TINY)];
    const evaluate = runnerEvaluate(runner, { compiled: TINY, base: {} }, ['g'], outcomes);
    const out = await evaluate(Float64Array.from([1, 2]), 1);
    expect(runner.jobs[0].keep).toEqual(['y', 'z']);
    expect(runner.jobs[0].varied).toEqual(['g']);
    // Row g: y_p = g·p, z_p = 2g·p (fake runner), N = 3.
    expect(Array.from(out)).toEqual([3, 6, 2, 6, 12, 4]);
  });

  it('rejects rows of the wrong width', async () => {
    const evaluate = runnerEvaluate(fakeRunner(), { compiled: TINY, base: {} }, ['g'], [parseOutcome('y:last', TINY)]);
    await expect(evaluate(new Float64Array(4), 2)).rejects.toThrow(/expected rows of 1 values, got 2/);
  });
});
