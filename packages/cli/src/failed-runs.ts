/**
 * The one warning line of the commands that run a model many times (mc, sensitivity,
 * report --mc) for the runs the engine could not solve and that were left out.
 */

/** A run that failed: its index in the whole batch and the message naming it (`describeFailedRun`). */
export interface FailedRun {
  run: number;
  message: string;
}

/**
 * Writes "N of M runs failed and are left out`detail` (first: …)" to stderr, naming the failed
 * run with the lowest index; nothing when no run failed.
 */
export function warnFailedRuns(failures: readonly FailedRun[], runs: number, detail: string): void {
  if (failures.length === 0) return;
  const first = failures.reduce((a, b) => (b.run < a.run ? b : a));
  process.stderr.write(
    `endgame: warning: ${failures.length} of ${runs} runs failed and are left out${detail} (first: ${first.message})\n`,
  );
}
