/**
 * The `local` sweep backend: the analysis package's worker pool (piscina
 * threads, or in-process for one worker) on this machine. Jobs go in chunks;
 * each chunk's results are handed over (and recorded) before the next.
 */
import { createRunner, type Runner } from '@endgame/analysis';
import { evaluateJobs } from './evaluate-jobs.js';
import type { BackendRunOptions, JobResult, SweepBackend, SweepJob, SweepPlan } from './sweep-types.js';

/** Jobs per chunk and worker: enough to keep threads busy, few enough to record often. */
const JOBS_PER_WORKER_CHUNK = 32;

/** A backend on `workers` local threads (1 = in this thread). */
export function createLocalBackend(workers: number): SweepBackend {
  let runner: Runner | undefined;
  return {
    name: 'local',
    async run(
      plan: SweepPlan,
      jobs: readonly SweepJob[],
      onResults: (results: JobResult[]) => Promise<void>,
      options: BackendRunOptions = {},
    ) {
      runner ??= createRunner(workers);
      const chunk = JOBS_PER_WORKER_CHUNK * workers;
      for (let from = 0; from < jobs.length; from += chunk) {
        options.signal?.throwIfAborted();
        const results = await evaluateJobs(runner, plan.prepared, plan.varied, jobs.slice(from, from + chunk), 'local');
        await onResults(results);
      }
    },
    async close() {
      await runner?.close();
      runner = undefined;
    },
  };
}
