/**
 * Monte Carlo fan charts in the browser: the analysis package's monteCarlo on
 * its Web Worker runner (nested workers started from the model worker),
 * seeded, with progress and cancellation. Loaded on demand.
 */
import {
  createWebWorkerRunner,
  mcTimeAxis,
  monteCarlo,
  scenarioUncertainParams,
  type WorkerLike,
} from '@endgame/analysis';
import type { ScenarioRun } from '@endgame/model';
import type { FanPercentiles, WorkerRequest } from './protocol.js';

const makeWorker = (): WorkerLike =>
  new Worker(new URL('../../../../packages/analysis/src/web-worker-entry.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

/** Runs the Monte Carlo of `run`'s scenario and returns the percentiles of `request.names` per month. */
export async function runFan(
  run: ScenarioRun,
  request: Extract<WorkerRequest, { type: 'mc' }>,
  signal: AbortSignal,
  onProgress: (done: number) => void,
): Promise<{ time: string[]; percentiles: Record<string, FanPercentiles> }> {
  const scenario = run.scenario;
  const base = run.runOptions;
  const names = new Set(run.result.names);
  const keep = request.names.filter((n) => names.has(n));
  const runner = createWebWorkerRunner(makeWorker, request.workers);
  try {
    const result = await monteCarlo({
      compiled: run.compiled,
      base,
      uncertain: scenarioUncertainParams(run.compiled, scenario.set, scenario.uncertainty),
      keep,
      runs: request.runs,
      seed: request.seed,
      runner,
      ...(run.baseline ? { baseline: run.baseline } : {}),
      onProgress,
      signal,
    });
    const axis = mcTimeAxis(run.compiled, base);
    return {
      time: axis.months ?? axis.time.map(String),
      percentiles: result.percentiles as Record<string, FanPercentiles>,
    };
  } finally {
    await runner.close();
  }
}
