/**
 * A sweep spec made ready to run: its scenario read as files (the payload
 * workers receive), validated and compiled, its params checked against the
 * model, its design expanded into jobs. Shared by `endgame sweep` and the
 * sweep benchmark (exported as `@endgame/cli/sweep-input`).
 */
import { dirname, resolve } from 'node:path';
import type { PreparedSweep, SweepJob, SweepPlan, SweepSpec } from '@endgame/distributed';
import { type InputFiles, readInputFiles } from './input-files.js';
import { checkParams, prepareSweep } from './sweep-prepare.js';

/** What {@link loadSweep} returns. */
export interface LoadedSweep {
  plan: SweepPlan;
  jobs: SweepJob[];
  files: InputFiles;
  prepared: PreparedSweep & { name: string };
}

/** Loads `spec` (read from `specPath`; a file scenario is relative to it). */
export async function loadSweep(spec: SweepSpec, specPath: string): Promise<LoadedSweep> {
  const distributed = await import('@endgame/distributed');
  const model = await import('@endgame/model');
  const scenarioInput = model.isFileInput(spec.scenario) ? resolve(dirname(specPath), spec.scenario) : spec.scenario;
  const files = await readInputFiles(scenarioInput);
  const payload = {
    model: files.model,
    ...(files.scenario ? { scenario: files.scenario } : {}),
    set: spec.set ?? {},
    metrics: spec.metrics,
  };
  const prepared = await prepareSweep(payload);
  checkParams(Object.keys(spec.grid ?? {}), prepared.compiled, 'grid');
  checkParams(Object.keys(spec.sample?.params ?? {}), prepared.compiled, 'sample.params');
  const { plan, jobs } = distributed.sweepPlan(payload, prepared, distributed.sweepDesign(spec));
  return { plan, jobs, files, prepared };
}
