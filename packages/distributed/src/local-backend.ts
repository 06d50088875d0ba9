/**
 * The `local` sweep backend: the analysis package's worker pool (piscina
 * threads, or in-process for one worker) on this machine. Jobs go in chunks;
 * each chunk's results are recorded while the next chunk runs.
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
      // Recording chunk k overlaps computing chunk k + 1 (the store writes on its own threads).
      let recording: Promise<void> = Promise.resolve();
      for (let from = 0; from < jobs.length; from += chunk) {
        options.signal?.throwIfAborted();
        const results = await evaluateJobs(runner, plan.prepared, plan.varied, jobs.slice(from, from + chunk), 'local');
        await recording;
        recording = onResults(results);
        // Awaited on the next turn; this only keeps a failure from being reported as unhandled meanwhile.
        recording.catch(() => {});
      }
      await recording;
    },
    async close() {
      await runner?.close();
      runner = undefined;
    },
  };
}
