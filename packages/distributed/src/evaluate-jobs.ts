/**
 * Evaluating jobs on a runner: one batch for all of them; when the batch
 * fails (a model that throws on some point), each job again alone, so one bad
 * point is recorded as failed with its error and the others still count.
 */
import { type Runner, runnerEvaluate } from '@endgame/analysis';
import type { JobResult, PreparedSweep, SweepJob } from './sweep-types.js';

/** One line of an error, without the batch's `run N:` prefix. */
export function errorLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = text.split(/\r?\n/).find((l) => l.trim().length > 0) ?? 'unknown error';
  return line.replace(/^run \d+:\s*/, '').trim();
}

/** The metrics record of one row of outcome values (non-finite → null). */
function metricsOf(prepared: PreparedSweep, values: Float64Array, row: number): Record<string, number | null> {
  const n = prepared.outcomes.length;
  return Object.fromEntries(
    prepared.outcomes.map((outcome, i) => {
      const v = values[row * n + i];
      return [outcome.text, Number.isFinite(v) ? v : null];
    }),
  );
}

/** Runs `jobs` on `runner` and returns one result per job, in order; never rejects for a model error. */
export async function evaluateJobs(
  runner: Runner,
  prepared: PreparedSweep,
  varied: readonly string[],
  jobs: readonly SweepJob[],
  worker: string,
): Promise<JobResult[]> {
  if (jobs.length === 0) return [];
  const evaluate = runnerEvaluate(runner, prepared, varied, prepared.outcomes);
  const dims = varied.length;
  const samples = new Float64Array(jobs.length * dims);
  jobs.forEach((job, i) => {
    samples.set(job.values, i * dims);
  });
  try {
    const values = await evaluate(samples, dims);
    return jobs.map((job, i) => ({
      jobId: job.id,
      index: job.index,
      status: 'ok',
      metrics: metricsOf(prepared, values, i),
      worker,
    }));
  } catch (err) {
    if (jobs.length === 1) {
      return [{ jobId: jobs[0].id, index: jobs[0].index, status: 'failed', error: errorLine(err), worker }];
    }
    const results: JobResult[] = [];
    for (const job of jobs) results.push(...(await evaluateJobs(runner, prepared, varied, [job], worker)));
    return results;
  }
}
