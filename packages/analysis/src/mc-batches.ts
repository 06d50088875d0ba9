/**
 * Running a Monte Carlo batch through a {@link Runner} in chunks, tolerating
 * runs the engine cannot solve (a param draw that makes the model blow up):
 * such a run is set aside and reported, the rest of its chunk is run again
 * around it. Runners stop a batch at its first failing run and name it in
 * the error's `detail.run` (its index in the samples given).
 */
import { EngineError } from '@endgame/engine';
import type { Runner, RunnerJob } from './types.js';

/** Failures tolerated with no run succeeding before the batch is given up as hopeless. */
const HOPELESS_FAILURES = 10;

/** What {@link runChunks} needs. */
export interface ChunkedRuns {
  runner: Runner;
  job: RunnerJob;
  /** `runs × varied.length` draws, row-major. */
  samples: Float64Array;
  runs: number;
  /** Runs per call of the runner. */
  chunk: number;
  /** Receives the output of runs `from..to−1` (run after run, as the runner returns them), minus failed runs. */
  onOutput: (output: Float64Array, from: number, to: number) => void;
  /** Called for each run that failed (its index in the whole batch, 0-based). */
  onFailed: (run: number, error: Error) => void;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/**
 * "run N: what went wrong" for the failed run of 0-based index `run` in the whole batch, N its
 * 1-based number as in the runners' own errors (whose message starts with the run's number in the
 * chunk it was given, which is dropped here).
 */
export function describeFailedRun(run: number, error: Error): string {
  return `run ${run + 1}: ${error.message.replace(/^run \d+: /, '')}`;
}

/** The failing run's index in the samples given, from a runner's error. */
function failedRunOf(err: unknown, count: number): number | undefined {
  if (!(err instanceof EngineError)) return undefined;
  const run = (err.detail as { run?: unknown } | undefined)?.run;
  return typeof run === 'number' && Number.isInteger(run) && run >= 0 && run < count ? run : undefined;
}

/**
 * Runs all `runs` in chunks, in order (with workers, one chunk ahead of the
 * one being summarised). A run that fails is reported through
 * `onFailed` and skipped; the batch fails (with the first error) when
 * {@link HOPELESS_FAILURES} runs fail before any succeeds, or when more than
 * half of all runs fail.
 */
export async function runChunks(batch: ChunkedRuns): Promise<{ failed: number }> {
  const { runner, job, samples, runs } = batch;
  const k = job.varied.length;
  const perRun = job.keep.length * ((job.base.periods ?? job.compiled.periods) + 1);
  let failed = 0;
  let succeeded = 0;
  let firstError: Error | undefined;

  let reported = 0;
  const progress = (done: number) => {
    if (done <= reported) return;
    reported = done;
    batch.onProgress?.(done);
  };
  type Attempt = { output: Float64Array } | { error: unknown };
  const attempt = (from: number, to: number): Promise<Attempt> =>
    runner
      .run(job, samples.slice(from * k, to * k), {
        onProgress: (done) => progress(from + done),
        ...(batch.signal ? { signal: batch.signal } : {}),
      })
      .then(
        (output) => ({ output }),
        (error: unknown) => ({ error }),
      );

  /** Takes the outcome of runs `from..to−1`; after a failure, runs the rest again around the failed run. */
  const settle = async (result: Attempt, from: number, to: number): Promise<void> => {
    if ('error' in result) {
      const err = result.error;
      const at = failedRunOf(err, to - from);
      if (at === undefined) throw err;
      failed++;
      firstError ??= err as Error;
      if ((succeeded === 0 && failed >= HOPELESS_FAILURES) || failed > Math.max(HOPELESS_FAILURES, runs / 2)) {
        throw new EngineError(
          (err as EngineError).code,
          `${failed} runs failed, too many to summarise; the first: ${firstError.message}`,
          undefined,
          { ...(firstError as EngineError).detail },
        );
      }
      batch.onFailed(from + at, err as Error);
      if (at > 0) await settle(await attempt(from, from + at), from, from + at);
      if (from + at + 1 < to) await settle(await attempt(from + at + 1, to), from + at + 1, to);
      return;
    }
    const { output } = result;
    if (output.length !== (to - from) * perRun) {
      throw new EngineError(
        'bad-input',
        `the runner returned ${output.length} values, expected ${(to - from) * perRun}`,
      );
    }
    succeeded += to - from;
    batch.onOutput(output, from, to);
  };

  // With workers, the next chunk runs while this one is summarised (in-process that would only interleave).
  const ahead = runner.workers > 1;
  let pending = attempt(0, Math.min(runs, batch.chunk));
  for (let from = 0; from < runs; from += batch.chunk) {
    const to = Math.min(runs, from + batch.chunk);
    const current = await pending;
    if (ahead && to < runs) pending = attempt(to, Math.min(runs, to + batch.chunk));
    await settle(current, from, to);
    if (!ahead && to < runs) pending = attempt(to, Math.min(runs, to + batch.chunk));
    progress(to);
  }
  return { failed };
}
