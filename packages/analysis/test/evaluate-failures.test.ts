/**
 * Sensitivity studies survive draws the model cannot solve: `runnerEvaluate` with `onRunFailed`
 * gives NaN outcomes for exactly the failing rows (the others as if nothing failed), and the
 * Morris and Sobol estimators leave those rows out.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, loadModel } from '@endgame/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailedRun } from '../src/mc-batches.js';
import { morrisDesign, morrisIndices } from '../src/morris.js';
import { parseOutcome, runnerEvaluate } from '../src/outcomes.js';
import { createInProcessRunner } from '../src/runner-in-process.js';
import { uncertainParams } from '../src/uncertain.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
// y = sqrt(a − 1.2): the engine stops a run whenever a < 1.2.
const fragile = compile(loadModel(join(FIXTURES, 'mc-fragile.yaml')));
const runner = createInProcessRunner();
afterAll(() => runner.close());

describe('runnerEvaluate with onRunFailed', () => {
  const outcome = parseOutcome('y:last', fragile, {});
  const a = [1.1, 1.5, 1.0, 1.8, 1.3, 1.19];
  const samples = Float64Array.from(a.flatMap((v) => [v, 0]));

  it('gives NaN for exactly the failing rows and sqrt(a − 1.2) for the others', async () => {
    const failed: number[] = [];
    const evaluate = runnerEvaluate(runner, { compiled: fragile, base: {} }, ['a', 'c'], [outcome], {
      onRunFailed: (row) => failed.push(row),
    });
    const values = await evaluate(samples, 2);
    expect(failed).toEqual([0, 2, 5]);
    a.forEach((v, i) => {
      if (v < 1.2) expect(values[i]).toBeNaN();
      else expect(values[i]).toBeCloseTo(Math.sqrt(v - 1.2), 12);
    });
  });

  it('without onRunFailed, the first failing run rejects the batch', async () => {
    const evaluate = runnerEvaluate(runner, { compiled: fragile, base: {} }, ['a', 'c'], [outcome]);
    await expect(evaluate(samples, 2)).rejects.toThrow(/not a number|NaN/i);
  });
});

describe('Morris with failed runs', () => {
  it('leaves out the elementary effects next to a NaN and keeps the rest', () => {
    // f = 2·x1 + 0·x2 on a 2-param design; one run's value is lost.
    const params = uncertainParams(fragile);
    const design = morrisDesign(params, { trajectories: 6, seed: 3 });
    const values = new Float64Array(design.samples.length / 2);
    for (let row = 0; row < values.length; row++) values[row] = 2 * design.samples[row * 2];
    const clean = morrisIndices(params, design, values);
    values[4] = Number.NaN;
    const broken = morrisIndices(params, design, values);
    expect(broken.a.mu_star).toBeCloseTo(2, 12);
    expect(broken.c.mu_star).toBe(0);
    expect(clean.a.mu_star).toBeCloseTo(2, 12);
  });
});

describe('describeFailedRun', () => {
  it("names the run by its 1-based number in the whole batch (as the runners do), not in the runner's chunk", () => {
    expect(describeFailedRun(418, new Error("run 35: 'y' is NaN in period 3"))).toBe("run 419: 'y' is NaN in period 3");
    expect(describeFailedRun(7, new Error('singular block'))).toBe('run 8: singular block');
  });
});
