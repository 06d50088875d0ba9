/**
 * Issue 10, item 5: at N = 100,000 on `baseline`, the households reproduce
 * the aggregate model (months 13–240). Standalone (under the stored
 * aggregate run) the micro consumption and unemployment track the macro
 * groups' by construction; coupled, the accounts stay closed and
 * consumption and unemployment stay within 2 % on average and 5 % every
 * month of the aggregate run, delinquency within 10 %.
 */
import { runScenario, runScenarioDriven } from '@endgame/model';
import { describe, expect, it } from 'vitest';
import { coupledDriver, runMicroStandalone } from '../src/index.js';

/** Relative gap of the means over months 13–240, and the worst month. */
function gaps(run: ArrayLike<number>, reference: ArrayLike<number>): { mean: number; worst: number } {
  let sumR = 0;
  let sumA = 0;
  let worst = 0;
  for (let p = 13; p <= 240; p++) {
    sumR += run[p];
    sumA += reference[p];
    worst = Math.max(worst, Math.abs(run[p] / reference[p] - 1));
  }
  return { mean: Math.abs(sumR / sumA - 1), worst };
}

describe('households vs the aggregate model on baseline (N = 100,000)', () => {
  const aggregate = runScenario('baseline').result;

  it('standalone: micro consumption and unemployment track the macro groups', async () => {
    const micro = await runMicroStandalone(aggregate, { households: 100_000, seed: 1 });
    const consumption = gaps(micro.series.micro_consumption, aggregate.series('C_total'));
    const unemployment = gaps(micro.series.micro_unemployment_rate, aggregate.series('unemployment_rate'));
    expect(consumption.mean).toBeLessThan(0.02);
    expect(consumption.worst).toBeLessThan(0.05);
    expect(unemployment.mean).toBeLessThan(0.02);
    expect(unemployment.worst).toBeLessThan(0.05);
  }, 120_000);

  it('coupled: the accounts stay closed and consumption, unemployment and delinquency stay near the aggregate run', async () => {
    const driver = coupledDriver({ households: 100_000, seed: 1 });
    const coupled = await runScenarioDriven('baseline', driver);
    const report = Object.fromEntries(
      ['C_total', 'unemployment_rate', 'mortgage_delinquency_rate'].map((name) => [
        name,
        gaps(coupled.result.series(name), aggregate.series(name)),
      ]),
    );
    process.stdout.write(`coupled vs aggregate, months 13-240: ${JSON.stringify(report)}\n`);
    expect(coupled.result.accounting.maxResidual).toBeLessThan(1e-6);
    expect(report.C_total.mean).toBeLessThan(0.02);
    expect(report.C_total.worst).toBeLessThan(0.05);
    expect(report.unemployment_rate.mean).toBeLessThan(0.02);
    expect(report.unemployment_rate.worst).toBeLessThan(0.05);
    expect(report.mortgage_delinquency_rate.mean).toBeLessThan(0.1);
    expect(report.mortgage_delinquency_rate.worst).toBeLessThan(0.1);
  }, 120_000);
});
