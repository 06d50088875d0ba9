/**
 * The shared per-run loop (runBatch), the job checks, the model key and the
 * chunk scheduler: runs do not depend on each other or on how a batch is
 * split, and chunks land in place whatever order they finish in.
 */
import { compile, EngineError, instantiate, loadModel } from '@endgame/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChunkResult, runInChunks } from '../src/chunk-scheduler.js';
import { checkJob, modelKey, runBatch, valuesPerRun } from '../src/run-batch.js';
import { handleWorkerTask } from '../src/worker-protocol.js';
import { expectedOutput, SIM_TEXT, simJob, simModel, simSamples } from './runner-fixtures.js';

describe('runBatch', () => {
  it('matches the engine run by run, whatever the split and the order of slices', () => {
    const job = simJob();
    const samples = simSamples(9);
    const whole = runBatch(job, samples, 0, 9);
    expect(Array.from(whole)).toEqual(Array.from(expectedOutput(job, samples)));
    // One instance reused, slices run back to front: each run starts afresh.
    const instance = instantiate(job.compiled);
    const perRun = valuesPerRun(job);
    const pieces = [
      [6, 9],
      [2, 6],
      [0, 2],
    ].map(([from, to]) => ({ from, values: runBatch(job, samples, from, to, { instance }) }));
    const joined = new Float64Array(whole.length);
    for (const { from, values } of pieces) joined.set(values, from * perRun);
    expect(Array.from(joined)).toEqual(Array.from(whole));
    expect(runBatch(job, samples, 4, 4).length).toBe(0);
  });

  it('puts the varied values on top of the base params and honours base periods', () => {
    const job = { ...simJob(['G']), base: { params: { G: 25, theta: 0.25 }, periods: 200 } };
    const out = runBatch(job, Float64Array.from([30]), 0, 1);
    expect(out.length).toBe(2 * 201);
    // SIM's steady state: Y* = G / theta (G&L eq. 3.15).
    expect(out[200]).toBeCloseTo(30 / 0.25, 6);
  });

  it('names the run in the whole batch (firstRun) and keeps the engine’s code', () => {
    const samples = Float64Array.from([0.6, 1, 0.6, 0]);
    let caught: unknown;
    try {
      runBatch(simJob(['alpha1', 'W']), samples, 0, 2, { firstRun: 40 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).code).toBe('no-convergence');
    expect((caught as Error).message).toMatch(/^run 42: the simultaneous block/);
    expect((caught as EngineError).detail.run).toBe(41);
  });
});

describe('checkJob', () => {
  it('counts runs and refuses what cannot run', () => {
    expect(checkJob(simJob(), simSamples(5))).toBe(5);
    expect(checkJob(simJob(), new Float64Array(0))).toBe(0);
    const bad =
      (job: Parameters<typeof checkJob>[0], samples = simSamples(2)) =>
      () =>
        checkJob(job, samples);
    expect(bad(simJob(['alpha9']))).toThrow(/varied param 'alpha9' is not in model 'sim'; its params include G, /);
    expect(bad(simJob(['Y']))).toThrow("'Y' is a variable of model 'sim', not a param; only params can be varied");
    expect(bad(simJob(['theta', 'theta']))).toThrow(/repeat a name/);
    expect(bad(simJob([]))).toThrow(/at least one varied param/);
    expect(bad(simJob(undefined, ['Y', 'GDP']))).toThrow("kept series GDP is not in model 'sim'");
    expect(bad(simJob(), new Float64Array(3))).toThrow('samples hold 3 values, not a whole number of runs of 2');
    expect(bad({ ...simJob(), base: { periods: 0 } })).toThrow(/periods must be a whole number ≥ 1, got 0/);
  });
});

describe('modelKey', () => {
  it('is the same for equal models and differs when the model differs', () => {
    const again = compile(loadModel(SIM_TEXT));
    const other = compile(loadModel(SIM_TEXT.replace('G: { value: 20 }', 'G: { value: 21 }')));
    expect(modelKey(again)).toBe(modelKey(simModel()));
    expect(modelKey(structuredClone(again))).toBe(modelKey(again));
    expect(modelKey(other)).not.toBe(modelKey(again));
  });
});

describe('worker side', () => {
  it('asks for a model it has not seen, then runs chunks with it', () => {
    const compiled = compile(
      loadModel(SIM_TEXT.replace('W: { value: 1 }', 'W: { value: 1.0 }\n  extra: { value: 3 }')),
    );
    const job = { ...simJob(), compiled };
    const task = { key: modelKey(compiled), base: job.base, varied: job.varied, keep: job.keep, firstRun: 0 };
    const samples = simSamples(3);
    expect(handleWorkerTask({ ...task, samples }).kind).toBe('need-model');
    const reply = handleWorkerTask({ ...task, samples, compiled });
    expect(reply.kind).toBe('ok');
    if (reply.kind === 'ok') expect(Array.from(reply.values)).toEqual(Array.from(expectedOutput(job, samples)));
    expect(handleWorkerTask({ ...task, samples }).kind).toBe('ok');
  });
});

describe('runInChunks', () => {
  it('puts every chunk in place and reports progress up to the total, whatever the finishing order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }),
        async (runs, perRun, concurrency, delays) => {
          let call = 0;
          let inFlight = 0;
          let maxInFlight = 0;
          const progress: number[] = [];
          const out = await runInChunks({
            runs,
            perRun,
            concurrency,
            onProgress: (n) => progress.push(n),
            dispatch: async (from, to) => {
              inFlight++;
              maxInFlight = Math.max(maxInFlight, inFlight);
              const delay = delays[call++ % delays.length];
              for (let i = 0; i < delay; i++) await new Promise((resolve) => setImmediate(resolve));
              const values = new Float64Array((to - from) * perRun);
              for (let r = from; r < to; r++)
                for (let j = 0; j < perRun; j++) values[(r - from) * perRun + j] = r * 10 + j;
              inFlight--;
              return { values, ms: (to - from) * 0.5 } satisfies ChunkResult;
            },
          });
          for (let r = 0; r < runs; r++) for (let j = 0; j < perRun; j++) expect(out[r * perRun + j]).toBe(r * 10 + j);
          expect(progress.at(-1) ?? 0).toBe(runs);
          expect(maxInFlight).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects with the first error and ignores chunks that finish later', async () => {
    const err = await runInChunks({
      runs: 50,
      perRun: 1,
      concurrency: 3,
      dispatch: async (from, to) => {
        if (from > 0) throw new Error(`chunk at ${from} failed`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { values: new Float64Array(to - from), ms: 1 };
      },
    }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^chunk at \d+ failed$/);
  });
});
