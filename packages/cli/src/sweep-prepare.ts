/**
 * Turning a sweep payload (files as data) into something to run, on the
 * coordinator and on every worker alike: the engine loads and validates the
 * model and the scenario from the payload's files only (a file the payload
 * lacks is an error, never a disk read), compiles the model (the only code
 * that runs is what the engine generates from it), applies the spec's `set:`
 * and parses the metrics.
 */
import type { PreparedSweep, SweepPayload } from '@endgame/distributed';
import type { CompiledModel } from '@endgame/engine';
import { scenarioSettings } from './analysis-input.js';
import { CliError, EXIT } from './errors.js';

/** A readFile over a payload's files. */
function payloadReader(files: Record<string, string>): (path: string) => string {
  return (path: string) => {
    if (Object.hasOwn(files, path)) return files[path];
    throw new CliError(`the sweep's files lack '${path}'`, EXIT.input);
  };
}

/** Checks that every name in `names` is a param of `compiled`; `where` names the field in errors. */
export function checkParams(names: readonly string[], compiled: CompiledModel, where: string): void {
  for (const name of names) {
    const slot = compiled.slots.find((s) => s.name === name);
    if (slot?.kind !== 'param' || name.startsWith('__')) {
      const what = slot ? 'a variable, not a param' : 'not a param';
      throw new CliError(
        `${where}.${name}: '${name}' is ${what} of model '${compiled.name}' (list them with: endgame vars INPUT)`,
        EXIT.input,
      );
    }
  }
}

/** Validates and compiles a payload (see the module comment). */
export async function prepareSweep(payload: SweepPayload): Promise<PreparedSweep & { name: string }> {
  const engine = await import('@endgame/engine');
  const model = await import('@endgame/model');
  const analysis = await import('@endgame/analysis');
  const compiled = engine.compile(
    engine.loadModel(payload.model.root, { readFile: payloadReader(payload.model.files) }),
  );
  let name = compiled.name;
  let base: PreparedSweep['base'] = {};
  if (payload.scenario) {
    const { root, files, presets, mode } = payload.scenario;
    if (mode !== 'preset' && mode !== 'user') throw new CliError(`sweep payload: bad scenario mode '${mode}'`);
    const loaded = engine.loadScenario(root, {
      readFile: payloadReader(files),
      resolvePreset: (preset: string) => (Object.hasOwn(presets, preset) ? presets[preset] : undefined),
    });
    engine.validateScenario(loaded, engine.scenarioModelInfo(compiled), mode);
    checkParams(Object.keys(payload.set), compiled, 'set');
    // The spec's set: wins over the scenario's values, paths and triggers, as --set does.
    const scenario = engine.applySetOverrides(loaded, payload.set);
    const settings = scenarioSettings(scenario, compiled, model.monthsBetween);
    name = settings.name;
    base = settings.base;
  } else {
    checkParams(Object.keys(payload.set), compiled, 'set');
    base = { params: { ...payload.set } };
  }
  const outcomes = payload.metrics.map((text, i) => {
    try {
      return analysis.parseOutcome(text, compiled, base);
    } catch (err) {
      throw new CliError(`metrics[${i}]: ${err instanceof Error ? err.message : String(err)}`, EXIT.input);
    }
  });
  return { name, compiled, base, outcomes };
}
