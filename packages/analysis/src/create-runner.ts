/**
 * `createRunner(workers)`: the runner behind `--workers N` in Node — the
 * in-process runner for 1, a worker pool of N threads for more.
 */
import { EngineError } from '@endgame/engine';
import { createInProcessRunner } from './runner-in-process.js';
import { createNodePoolRunner } from './runner-node-pool.js';
import type { Runner } from './types.js';

/**
 * A runner with `workers` workers (whole number ≥ 1): in-process for 1, a
 * Node worker pool otherwise. Results are identical either way.
 */
export function createRunner(workers: number): Runner {
  if (!Number.isInteger(workers) || workers < 1) {
    throw new EngineError('bad-input', `--workers must be a whole number ≥ 1, got ${workers}`);
  }
  return workers === 1 ? createInProcessRunner() : createNodePoolRunner(workers);
}
