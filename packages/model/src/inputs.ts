/**
 * What a command was given: a preset name, a scenario file (`extends:` …) or
 * a model file (`equations:`/`include:`), per ENGINE.md §6.
 */
import { closestName, EngineError, loadScenario, type ReadFile } from '@endgame/engine';
import { nodeReadFile } from './files.js';
import { defaultModelPath, isPresetFile, type PresetOptions, presetNames, resolvePreset } from './presets.js';

/** The three kinds of input a command accepts. */
export type InputKind = 'preset' | 'scenario' | 'model';

/** Options shared by everything that resolves inputs. */
export interface InputOptions extends PresetOptions {
  /** The built-in model used by scenarios without `model:` (default: packages/model/model/endgame.yaml). */
  modelPath?: string;
}

/** A resolved input: its kind, its file, and whether it is validated as a preset. */
export interface ResolvedInput {
  kind: InputKind;
  path: string;
  /** `preset` for preset names and files in the presets folder; `user` otherwise. */
  mode: 'preset' | 'user';
}

/** True when `input` names a file rather than a preset. */
export function isFileInput(input: string): boolean {
  return /\.ya?ml$/i.test(input) || input.includes('/');
}

/** `path` made absolute (against the working directory in Node) and normalised. */
export function absolutePath(path: string): string {
  const host = globalThis as { process?: { cwd?: () => string } };
  const joined = path.startsWith('/') ? path : `${host.process?.cwd?.() ?? ''}/${path}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** The file's text; an unreadable file is a `file-not-found` EngineError naming it. */
export function readInput(path: string, readFile: ReadFile): string {
  try {
    return readFile(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    throw new EngineError('file-not-found', `cannot read '${path}': ${why}`);
  }
}

/** The error for an unknown preset name: lists the presets and suggests the closest. */
export function unknownPreset(name: string, options: PresetOptions = {}): EngineError {
  const names = presetNames(options);
  if (names.length === 0) {
    return new EngineError(
      'bad-input',
      `unknown preset '${name}': there are no presets yet; give a scenario or model .yaml file instead`,
    );
  }
  const hint = closestName(name, names, { containsFallback: true });
  return new EngineError(
    'bad-input',
    `unknown preset '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}; presets: ${names.join(', ')} (or give a path to a scenario or model .yaml file)`,
  );
}

/** Classifies `input`: a preset name, or a file that is a model (`equations:`/`include:`) or a scenario. */
export function resolveInput(input: string, options: InputOptions = {}): ResolvedInput {
  if (!isFileInput(input)) {
    const path = resolvePreset(input, options);
    if (path === undefined) throw unknownPreset(input, options);
    return { kind: 'preset', path, mode: 'preset' };
  }
  const text = readInput(input, options.readFile ?? nodeReadFile);
  if (/^(equations|include)\s*:/m.test(text)) return { kind: 'model', path: input, mode: 'user' };
  const inPresets = isPresetFile(input, options) || isPresetFile(absolutePath(input), options);
  return { kind: 'scenario', path: input, mode: inPresets ? 'preset' : 'user' };
}

/** The model file a scenario runs on: its `model:` (a path) or the built-in model. */
export function scenarioModelPath(model: string | undefined, options: InputOptions = {}): string {
  if (model === undefined || model === 'endgame') return options.modelPath ?? defaultModelPath();
  if (/\.ya?ml$/i.test(model) || model.includes('/')) return model;
  throw new EngineError(
    'bad-scenario',
    `unknown built-in model '${model}'; the built-in model is 'endgame' — or give a path to a model .yaml file`,
  );
}

/** The model file behind `input` (for `endgame vars`): the file itself, or the scenario's model. */
export function modelPathFor(input: string, options: InputOptions = {}): string {
  const resolved = resolveInput(input, options);
  if (resolved.kind === 'model') return resolved.path;
  const scenario = loadScenario(resolved.path, {
    readFile: options.readFile,
    resolvePreset: (name) => resolvePreset(name, options),
  });
  return scenarioModelPath(scenario.model, options);
}
