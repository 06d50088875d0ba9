/**
 * Coupled mode: the macro model is stepped month by month and each month
 * takes the households' consumption and mortgage delinquency by group as
 * exogenous values of `hh_*.C` and `hh_*.delinq` (compiled exogenous, so the
 * rest of the model — deposits, sales, GDP, defaults, bank losses — follows
 * them through the same accounts and stock-flow consistency holds). Month p
 * of the households reads the macro state of month p − 1.
 */
import type { CompiledModel, ModelInstance, RunOptions, RunResult } from '@endgame/engine';
import { GROUPS } from './assumptions.js';
import { instanceReader } from './readers.js';
import { type MicroResult, MicroSimulation } from './simulation.js';
import { checkMonthly, executorFor, type MicroRunOptions } from './standalone.js';

/** The macro variables coupled mode sets each month. */
export const COUPLED_VARIABLES: string[] = [...GROUPS.map((g) => `${g}.C`), ...GROUPS.map((g) => `${g}.delinq`)];

/** A coupled run's macro result and household outputs. */
export interface CoupledRun {
  result: RunResult;
  micro: MicroResult;
}

/**
 * Runs `instance` (compiled with {@link COUPLED_VARIABLES} exogenous) coupled
 * to a household population.
 */
export async function runCoupled(
  instance: ModelInstance,
  runOptions: RunOptions,
  compiled: CompiledModel,
  options: MicroRunOptions = {},
): Promise<CoupledRun> {
  const dt = runOptions.dt ?? compiled.dt;
  checkMonthly(dt);
  instance.begin(runOptions);
  const periods = runOptions.periods ?? compiled.periods;
  const reader = instanceReader(instance);
  const executor = executorFor(options.workers);
  try {
    const sim = await MicroSimulation.start(reader.read, periods, dt, executor, options);
    const external: Record<string, number> = {};
    for (let p = 1; p <= periods; p++) {
      const agg = await sim.advance(p);
      GROUPS.forEach((g, k) => {
        external[`${g}.C`] = agg.consumption[k];
        external[`${g}.delinq`] = agg.delinquency[k];
      });
      instance.step(p, external);
      reader.refresh();
      options.onMonth?.(p, periods);
    }
    return { result: instance.result(), micro: sim.result() };
  } finally {
    await executor.close();
  }
}

/**
 * A driver for the model package's `runScenarioDriven`: the scenario run
 * coupled to households; `micro` holds their outputs once it has run.
 */
export function coupledDriver(options: MicroRunOptions = {}): {
  exogenous: string[];
  run(instance: ModelInstance, runOptions: RunOptions, compiled: CompiledModel): Promise<RunResult>;
  micro?: MicroResult;
} {
  const driver = {
    exogenous: COUPLED_VARIABLES,
    micro: undefined as MicroResult | undefined,
    async run(instance: ModelInstance, runOptions: RunOptions, compiled: CompiledModel): Promise<RunResult> {
      const out = await runCoupled(instance, runOptions, compiled, options);
      driver.micro = out.micro;
      return out.result;
    },
  };
  return driver;
}
