/**
 * INPUT (a preset, scenario file or model file) as data: every file the
 * engine's loaders read for it, recorded as they read them. This is what a
 * sweep's jobs carry to workers (which never read their own disk for a
 * model) and what the store hashes as the model's identity.
 */
import { readFileSync } from 'node:fs';
import type { FileSet, SweepPayload } from '@endgame/distributed';
import type { ResolvedScenario } from '@endgame/engine';
import { presetOptions } from './model-args.js';
import { assertReadableFile } from './model-input.js';

/** INPUT's files and what they resolve to. */
export interface InputFiles {
  model: FileSet;
  scenario?: NonNullable<SweepPayload['scenario']>;
  /** The resolved scenario (undefined for a bare model file). */
  resolved?: ResolvedScenario;
}

/** A `readFile` that reads from disk and remembers what it read. */
function recordingReader(): { read: (path: string) => string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  return {
    files,
    read: (path: string) => {
      files[path] ??= readFileSync(path, 'utf8');
      return files[path];
    },
  };
}

/** Reads INPUT as `endgame run` resolves it, recording every file of the model and of the scenario chain. */
export async function readInputFiles(input: string): Promise<InputFiles> {
  const model = await import('@endgame/model');
  const engine = await import('@endgame/engine');
  if (model.isFileInput(input)) assertReadableFile(input);
  const options = presetOptions();
  const resolved = model.resolveInput(input, options);
  const modelReader = recordingReader();
  if (resolved.kind === 'model') {
    engine.loadModel(resolved.path, { readFile: modelReader.read });
    return { model: { root: resolved.path, files: modelReader.files } };
  }
  const scenarioReader = recordingReader();
  const presets: Record<string, string> = {};
  const scenario = engine.loadScenario(resolved.path, {
    readFile: scenarioReader.read,
    resolvePreset: (name: string) => {
      const path = model.resolvePreset(name, options);
      if (path !== undefined) presets[name] = path;
      return path;
    },
  });
  const modelPath = model.modelPathFor(input, options);
  engine.loadModel(modelPath, { readFile: modelReader.read });
  return {
    model: { root: modelPath, files: modelReader.files },
    scenario: { root: resolved.path, files: scenarioReader.files, presets, mode: resolved.mode },
    resolved: scenario,
  };
}
