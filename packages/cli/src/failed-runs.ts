/**
 * What the commands that run a model many times (mc, sensitivity, report --mc) share: a
 * progress bar and a runner around the batch, the runs the engine could not solve collected
 * while it goes, and one warning line for them at the end.
 */
import type { MonteCarloInput, MonteCarloResult, Runner } from '@endgame/analysis';

/** A run that failed: its index in the whole batch and the message naming it (`describeFailedRun`). */
interface FailedRun {
  run: number;
  message: string;
}

/**
 * Writes "N of M runs failed and are left out`detail` (first: …)" to stderr, naming the failed
 * run with the lowest index; nothing when no run failed.
 */
function warnFailedRuns(failures: readonly FailedRun[], runs: number, detail: string): void {
  if (failures.length === 0) return;
  const first = failures.reduce((a, b) => (b.run < a.run ? b : a));
  process.stderr.write(
    `endgame: warning: ${failures.length} of ${runs} runs failed and are left out${detail} (first: ${first.message})\n`,
  );
}

/** The hooks a batch passes to the analysis functions it calls. */
export interface BatchHooks {
  runner: Runner;
  /** Called with the number of runs finished so far. */
  onProgress(done: number): void;
  /** Called for each run the engine could not solve. */
  onRunFailed(run: number, error: Error): void;
}

/** What {@link runBatch} needs besides the work. */
export interface BatchSpec<T> {
  analysis: typeof import('@endgame/analysis');
  /** Runs in the batch (the progress bar's total and the warning's "of M"). */
  runs: number;
  workers: number;
  /** The progress bar's label, e.g. `mc citrini-2028`. */
  label: string;
  /** What the warning adds after "left out", e.g. ` of the statistics`; may depend on the result. */
  detail: string | ((result: T) => string);
}

/**
 * Runs `work` with a progress bar and a runner of `spec.workers` threads, both closed
 * afterwards (also on failure); the runs that failed are left out and named in one warning.
 */
export async function runBatch<T>(spec: BatchSpec<T>, work: (hooks: BatchHooks) => Promise<T>): Promise<T> {
  const { createProgress } = await import('./progress.js');
  const progress = createProgress(spec.runs, spec.label);
  const runner = spec.analysis.createRunner(spec.workers);
  const failures: FailedRun[] = [];
  let result: T;
  try {
    result = await work({
      runner,
      onProgress: (done) => progress.update(done),
      onRunFailed: (run, error) => failures.push({ run, message: spec.analysis.describeFailedRun(run, error) }),
    });
  } finally {
    progress.stop();
    await runner.close();
  }
  warnFailedRuns(failures, spec.runs, typeof spec.detail === 'string' ? spec.detail : spec.detail(result));
  return result;
}

/** A Monte Carlo as a {@link runBatch}: `input` is everything but the runner and the hooks. */
export function monteCarloBatch(
  spec: Omit<BatchSpec<MonteCarloResult>, 'runs'>,
  input: Omit<MonteCarloInput, 'runner' | 'onProgress' | 'onRunFailed'>,
): Promise<MonteCarloResult> {
  return runBatch({ ...spec, runs: input.runs }, (hooks) => spec.analysis.monteCarlo({ ...input, ...hooks }));
}
