/**
 * runScenarioDriven: a driver that steps the model and sets exogenous
 * variables. Setting them to the values the plain run computes must give the
 * plain run back; setting them elsewhere must move the run.
 */
import type { RunResult } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { runScenario, runScenarioDriven, type ScenarioDriver } from '../src/index.js';

/** A driver setting `name` each period to `value(p)`. */
function driverSetting(name: string, value: (p: number) => number): ScenarioDriver {
  return {
    exogenous: [name],
    async run(instance, options, compiled): Promise<RunResult> {
      instance.begin(options);
      const periods = options.periods ?? compiled.periods;
      for (let p = 1; p <= periods; p++) instance.step(p, { [name]: value(p) });
      return instance.result();
    },
  };
}

describe('runScenarioDriven', () => {
  const plain = runScenario('baseline');
  const consumption = plain.result.series('hh_pro.C');

  it("gives the plain run back when the driver sets a variable to the plain run's values", async () => {
    const driven = await runScenarioDriven(
      'baseline',
      driverSetting('hh_pro.C', (p) => consumption[p]),
    );
    for (const name of ['C_total', 'unemployment_rate', 'gdp_real', 'hh_pro.dep']) {
      const a = plain.result.series(name);
      const b = driven.result.series(name);
      for (let p = 0; p < a.length; p++)
        expect(Math.abs(b[p] - a[p])).toBeLessThanOrEqual(1e-8 * Math.abs(a[p]) + 1e-12);
    }
    expect(driven.chain.map((l) => l.onset)).toEqual(plain.chain.map((l) => l.onset));
  });

  it('moves the run, with the accounts closed, when the driver sets other values', async () => {
    const driven = await runScenarioDriven(
      'baseline',
      driverSetting('hh_pro.C', (p) => 0.9 * consumption[p]),
    );
    expect(driven.result.series('C_total')[60]).toBeLessThan(plain.result.series('C_total')[60]);
    expect(driven.result.accounting.maxResidual).toBeLessThan(1e-6);
  });
});
