/**
 * Test helpers: real runs of the presets (cached per process), reports built
 * from them with linkedom, and a tiny fake run for sections that need series
 * the model does not have yet.
 */
import { presetNames, type RunView, runScenario, type ScenarioRun, viewOfSeries } from '@endgame/model';
import { buildReport } from '../src/build-report.js';
import { linkedomDocument } from '../src/linkedom-document.js';
import { reproduceCommand } from '../src/reproduce.js';
import type { Report, ReportMonteCarlo } from '../src/types.js';

const RUNS = new Map<string, ScenarioRun>();

/** The run of preset `name` (once per process). */
export function presetRun(name: string): ScenarioRun {
  let run = RUNS.get(name);
  if (!run) {
    run = runScenario(name);
    RUNS.set(name, run);
  }
  return run;
}

/** Every preset's name. */
export const PRESETS: readonly string[] = presetNames();

/** The report of preset `name` against `compare` (with `mc` bands when given), as `endgame report` builds it. */
export function presetReport(name: string, compare?: string, mc?: ReportMonteCarlo): Report {
  return buildReport({
    run: presetRun(name),
    ...(compare ? { compare: presetRun(compare) } : {}),
    ...(mc ? { mc } : {}),
    command: reproduceCommand({ input: name, ...(compare ? { compare } : {}) }),
    runDate: '2026-11-30T12:00:00.000Z',
    version: '0.1.0',
    createDocument: linkedomDocument,
  });
}

/**
 * A stand-in for a run with the given monthly series (index 0 = period 0):
 * enough for the sections that read only `name`, `seriesNames` and `view`.
 */
export function fakeRun(name: string, start: string, series: Record<string, number[]>): ScenarioRun {
  const view: RunView = viewOfSeries(start, series);
  return { name, seriesNames: Object.keys(series), view } as unknown as ScenarioRun;
}
