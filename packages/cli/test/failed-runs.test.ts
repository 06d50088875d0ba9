import type { Runner } from '@endgame/analysis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBatch } from '../src/failed-runs.js';

/** A stand-in for the analysis package: a runner that records being closed. */
function fakeAnalysis() {
  const state = { closed: 0, workers: 0 };
  const runner = { close: async () => void state.closed++ } as unknown as Runner;
  const analysis = {
    createRunner: (workers: number) => {
      state.workers = workers;
      return runner;
    },
    describeFailedRun: (run: number, error: Error) => `run ${run + 1}: ${error.message}`,
  } as unknown as typeof import('@endgame/analysis');
  return { analysis, state, runner };
}

describe('runBatch (mc, sensitivity, report --mc)', () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  afterEach(() => stderr.mockClear());

  it('warns once for the failed runs, naming the one with the lowest index, and closes the runner', async () => {
    const { analysis, state, runner } = fakeAnalysis();
    const out = await runBatch(
      { analysis, runs: 10, workers: 2, label: 'test', detail: ' of the fan bands' },
      async (h) => {
        expect(h.runner).toBe(runner);
        h.onRunFailed(7, new Error('NaN in period 3'));
        h.onRunFailed(4, new Error('no solution'));
        h.onProgress(10);
        return 42;
      },
    );
    expect(out).toBe(42);
    expect(state).toEqual({ closed: 1, workers: 2 });
    const text = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toBe(
      'endgame: warning: 2 of 10 runs failed and are left out of the fan bands (first: run 5: no solution)\n',
    );
  });

  it('the warning detail may depend on the result', async () => {
    const { analysis } = fakeAnalysis();
    await runBatch(
      { analysis, runs: 3, workers: 1, label: 'test', detail: (r: number) => `; ${r} kept` },
      async (h) => {
        h.onRunFailed(0, new Error('x'));
        return 2;
      },
    );
    expect(String(stderr.mock.calls[0]?.[0])).toContain(
      '1 of 3 runs failed and are left out; 2 kept (first: run 1: x)',
    );
  });

  it('says nothing when every run finished', async () => {
    const { analysis } = fakeAnalysis();
    await runBatch({ analysis, runs: 3, workers: 1, label: 'test', detail: '' }, async () => 1);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('closes the runner when the work fails, and passes the error on without a warning', async () => {
    const { analysis, state } = fakeAnalysis();
    await expect(
      runBatch({ analysis, runs: 3, workers: 1, label: 'test', detail: '' }, async (h) => {
        h.onRunFailed(0, new Error('x'));
        throw new Error('more than half of the runs failed');
      }),
    ).rejects.toThrow('more than half');
    expect(state.closed).toBe(1);
    expect(stderr).not.toHaveBeenCalled();
  });
});
