/**
 * Standalone mode: the micro layer under a stored macro run (the macro model
 * does not see the households).
 */
import { EngineError, type RunResult } from '@endgame/engine';
import { inProcessExecutor, poolExecutor, type ShardExecutor } from './executor.js';
import { resultReader } from './readers.js';
import { type MicroOptions, type MicroResult, MicroSimulation } from './simulation.js';

/** Options of a micro run: size, seed, and how many worker threads (0 = this thread). */
export interface MicroRunOptions extends MicroOptions {
  /** Worker threads (default 0: in this thread). */
  workers?: number;
  /** Months to simulate (default: the whole stored run; standalone only). */
  months?: number;
  /** Called after each month with (month, months). */
  onMonth?: (month: number, months: number) => void;
}

/** The executor `workers` asks for: this thread for 0, else a pool. */
export function executorFor(workers = 0): ShardExecutor {
  if (!Number.isInteger(workers) || workers < 0) {
    throw new EngineError('bad-input', `workers must be a whole number ≥ 0, got ${workers}; e.g. --workers 2`);
  }
  return workers === 0 ? inProcessExecutor() : poolExecutor(workers);
}

/** Monthly runs only: the micro layer's hazards are per month. */
export function checkMonthly(dt: number): void {
  if (Math.abs(dt - 1 / 12) > 1e-12) {
    throw new EngineError('bad-input', `the household layer needs a monthly run (dt 1/12), got dt ${dt}`);
  }
}

/** Runs the micro layer month by month under the stored run `macro` (dt 1/12). */
export async function runMicroStandalone(macro: RunResult, options: MicroRunOptions = {}): Promise<MicroResult> {
  const dt = macro.time[1] - macro.time[0];
  checkMonthly(dt);
  const months = options.months ?? macro.periods;
  if (!Number.isInteger(months) || months < 1 || months > macro.periods) {
    throw new EngineError('bad-input', `months must be a whole number from 1 to ${macro.periods}, got ${months}`);
  }
  const executor = executorFor(options.workers);
  try {
    const sim = await MicroSimulation.start(resultReader(macro), months, dt, executor, options);
    for (let p = 1; p <= months; p++) {
      await sim.advance(p);
      options.onMonth?.(p, months);
    }
    return sim.result();
  } finally {
    await executor.close();
  }
}
