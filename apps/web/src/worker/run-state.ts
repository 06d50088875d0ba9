/**
 * Runs a scenario state on the bundled model: the preset by name when nothing
 * changed, else the state's scenario file (the YAML the page exports),
 * written to the virtual `/scenarios/PRESET.yaml` so the run keeps the
 * preset's name (its scorecard and summary reference). Comparison runs of
 * presets are reused, since bundled presets never change.
 */
import { runScenario, type ScenarioRun } from '@endgame/model';
import { bundledFiles, MODEL_PATH, PRESETS_DIR, SCENARIOS_DIR } from '../model/bundle.js';
import { isPlainPreset, type ScenarioState, scenarioYaml } from '../scenario/scenario-state.js';

/** The bundled model and presets. */
export const files = bundledFiles();

/** Where runScenario finds the bundled model and presets. */
export const options = {
  readFile: files.readFile,
  listDir: files.listDir,
  dir: PRESETS_DIR,
  modelPath: MODEL_PATH,
  reusePresetRuns: true,
};

/**
 * Runs `state` and returns everything `endgame run` computes for it. A changed
 * state runs as the scenario file `NAME.yaml` (the run's name; default the preset's).
 */
export function runState(state: ScenarioState, name = state.preset): ScenarioRun {
  if (isPlainPreset(state)) return runScenario(state.preset, options);
  const path = `${SCENARIOS_DIR}/${name}.yaml`;
  files.writeFile(path, scenarioYaml(state));
  return runScenario(path, options);
}
