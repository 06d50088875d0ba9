/**
 * The in-process runner and the Node worker pool: identical numbers (to the
 * bit) on SIM and on the AI-endgame model's baseline, progress, cancellation,
 * failing runs (the engine's one-line message; the pool stays usable) and
 * closing.
 */
import { EngineError, instantiate } from '@endgame/engine';
import { runScenario } from '@endgame/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner } from '../src/create-runner.js';
import { createInProcessRunner } from '../src/runner-in-process.js';
import { createNodePoolRunner } from '../src/runner-node-pool.js';
import type { Runner, RunnerJob } from '../src/types.js';
import { expectedOutput, simJob, simModel, simSamples } from './runner-fixtures.js';

/** Bitwise equality of two result buffers (NaN and −0 included). */
function expectSameBits(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  expect(
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
  ).toBe(true);
}

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject');
}

/** The AI-endgame model's baseline, three params varied over a few samples inside their ranges. */
function endgameBaseline(runs: number): { job: RunnerJob; samples: Float64Array } {
  const base = runScenario('baseline');
  const varied = ['income_expect_time', 'wealth_effect_time', 'alpha2_fin'];
  const ranges = varied.map((name) => base.compiled.slots.find((s) => s.name === name)!.range!);
  const samples = new Float64Array(runs * varied.length);
  for (let r = 0; r < runs; r++) {
    ranges.forEach(([lo, hi], j) => {
      samples[r * varied.length + j] = lo + ((hi - lo) * ((r + 1) * (j + 2))) / (runs * (varied.length + 2));
    });
  }
  const { set, paths, triggers } = base.scenario;
  const job: RunnerJob = {
    compiled: base.compiled,
    base: { params: set, paths, triggers },
    varied,
    keep: ['unemployment_rate', 'gdp_real'],
  };
  return { job, samples };
}

describe('in-process runner', () => {
  it('returns each run’s kept series in order, as the engine gives them run by run', async () => {
    const job = simJob();
    const samples = simSamples(12);
    const runner = createInProcessRunner();
    const done: number[] = [];
    const out = await runner.run(job, samples, { onProgress: (n) => done.push(n) });
    expectSameBits(out, expectedOutput(job, samples));
    expect(out.length).toBe(12 * 2 * 31);
    expect(done.at(-1)).toBe(12);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    expect(runner.workers).toBe(1);
  });

  it('rejects with an AbortError when cancelled, before or during a batch', async () => {
    const runner = createInProcessRunner();
    const before = new AbortController();
    before.abort();
    expect((await rejection(runner.run(simJob(), simSamples(4), { signal: before.signal }))).name).toBe('AbortError');

    const during = new AbortController();
    const seen: number[] = [];
    const runs = 20_000;
    const err = await rejection(
      runner.run(simJob(), simSamples(runs), {
        signal: during.signal,
        onProgress: (n) => {
          seen.push(n);
          during.abort();
        },
      }),
    );
    expect(err.name).toBe('AbortError');
    expect(seen.length).toBe(1);
    expect(seen[0]).toBeLessThan(runs);
  });

  it('rejects a failing run with the engine’s one-line message and the run’s number', async () => {
    const job = simJob(['alpha1', 'W']);
    const samples = Float64Array.from([0.6, 1, 0.6, 1, 0.6, 0, 0.6, 1]);
    let engineMessage = '';
    try {
      instantiate(simModel()).run({ params: { G: 25, alpha1: 0.6, W: 0 } });
    } catch (err) {
      engineMessage = (err as Error).message;
    }
    expect(engineMessage).toMatch(/did not converge/);
    const err = await rejection(createInProcessRunner().run(job, samples));
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('no-convergence');
    expect(err.message).toBe(`run 3: ${engineMessage}`);
    expect(err.message).not.toContain('\n');
  });

  it('says when a sample is not a finite number', async () => {
    const samples = Float64Array.from([0.6, 0.2, Number.NaN, 0.2]);
    const err = await rejection(createInProcessRunner().run(simJob(), samples));
    expect(err.message).toBe("run 2: param 'alpha1' set to NaN; give a finite number");
  });

  it('refuses batches after close', async () => {
    const runner = createInProcessRunner();
    await runner.close();
    expect((await rejection(runner.run(simJob(), simSamples(2)))).message).toMatch(/closed/);
  });
});

describe('Node worker pool (2 workers)', () => {
  let pool: Runner;
  const inProcess = createInProcessRunner();
  beforeAll(() => {
    pool = createNodePoolRunner(2);
  });
  afterAll(async () => {
    await pool.close();
  });

  it('gives the in-process runner’s numbers to the bit on SIM (many chunks)', async () => {
    const job = simJob();
    const samples = simSamples(300);
    const done: number[] = [];
    const out = await pool.run(job, samples, { onProgress: (n) => done.push(n) });
    expectSameBits(out, await inProcess.run(job, samples));
    expectSameBits(out, expectedOutput(job, samples));
    expect(done.length).toBeGreaterThan(2);
    expect(done.at(-1)).toBe(300);
    expect(pool.workers).toBe(2);
  });

  it('gives the in-process runner’s numbers on the AI-endgame model’s baseline, and matches runScenario', async () => {
    const { job, samples } = endgameBaseline(6);
    const out = await pool.run(job, samples);
    expectSameBits(out, await inProcess.run(job, samples));
    // Run 2 (index 1) through the model package's own scenario runner.
    const set = Object.fromEntries(job.varied.map((name, j) => [name, samples[job.varied.length + j]]));
    const direct = runScenario('baseline', { set }).result.series('unemployment_rate');
    const P = direct.length;
    expect(P).toBe(241);
    expect(Array.from(out.subarray(2 * P, 3 * P))).toEqual(Array.from(direct));
  });

  it('rejects a failing run with the engine’s message and stays usable', async () => {
    const job = simJob(['alpha1', 'W']);
    const samples = new Float64Array(200);
    for (let r = 0; r < 100; r++) samples.set([0.55 + r / 1000, r === 57 ? 0 : 1], 2 * r);
    const err = await rejection(pool.run(job, samples));
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('no-convergence');
    expect(err.message).toMatch(/^run 58: the simultaneous block \{Cs, Ts, Ns, YD, Td, Cd, Y, Nd\} did not converge/);
    expect((err as EngineError).detail.params).toEqual({ alpha1: samples[114], W: 0 });

    const nan = Float64Array.from([0.6, 0.2, 0.6, Number.POSITIVE_INFINITY]);
    expect((await rejection(pool.run(simJob(), nan))).message).toBe(
      "run 2: param 'theta' set to Infinity; give a finite number",
    );

    const again = simSamples(40);
    expectSameBits(await pool.run(simJob(), again), expectedOutput(simJob(), again));
  });

  it('cancels a batch in flight with an AbortError and stays usable', async () => {
    const { job, samples } = endgameBaseline(400);
    const controller = new AbortController();
    const err = await rejection(
      pool.run(job, samples, { signal: controller.signal, onProgress: () => controller.abort() }),
    );
    expect(err.name).toBe('AbortError');
    const already = new AbortController();
    already.abort();
    expect((await rejection(pool.run(job, samples, { signal: already.signal }))).name).toBe('AbortError');

    const small = endgameBaseline(3);
    expectSameBits(await pool.run(small.job, small.samples), await inProcess.run(small.job, small.samples));
  });

  it('checks the job before starting workers', async () => {
    const err = await rejection(pool.run(simJob(['alpha9']), simSamples(2)));
    expect(err.message).toMatch(/varied param 'alpha9' is not in model 'sim'/);
  });
});

describe('closing and createRunner', () => {
  it('closes a pool (again harmlessly) and refuses batches afterwards', async () => {
    const runner = createNodePoolRunner(2);
    const samples = simSamples(8);
    expectSameBits(await runner.run(simJob(), samples), expectedOutput(simJob(), samples));
    await runner.close();
    await runner.close();
    expect((await rejection(runner.run(simJob(), samples))).message).toMatch(/closed/);
    await createNodePoolRunner(3).close();
  });

  it('picks in-process for 1 worker and a pool for more; refuses other counts', async () => {
    const one = createRunner(1);
    const two = createRunner(2);
    expect([one.workers, two.workers]).toEqual([1, 2]);
    await Promise.all([one.close(), two.close()]);
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => createRunner(bad)).toThrow(/whole number ≥ 1/);
      expect(() => createNodePoolRunner(bad)).toThrow(/whole number ≥ 1/);
    }
  });
});
