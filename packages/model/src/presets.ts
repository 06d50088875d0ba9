/**
 * Presets are scenario files `packages/model/presets/NAME.yaml` (ENGINE.md §5).
 * This module lists them, maps a name to its file and names the built-in
 * model. Every function takes an optional folder, reader and lister, so the
 * same code serves a browser (pass `readFile`/`listDir` over bundled text).
 */
import { loadScenario, type ReadFile } from '@endgame/engine';
import { type ListDir, nodeListDir, nodeReadFile, packagePath } from './files.js';

/** Where presets live and how to read them. */
export interface PresetOptions {
  /** Folder of the preset files (default: this package's `presets/`). */
  dir?: string;
  /** Reads a file (default: `node:fs`). */
  readFile?: ReadFile;
  /** Lists a folder's file names (default: `node:fs`; a missing folder is empty). */
  listDir?: ListDir;
}

/** A preset and its one-line description. */
export interface PresetInfo {
  name: string;
  /** The file's `description:` (inherited through `extends` when it has none), on one line. */
  description: string;
}

const PRESET_FILE = /^([A-Za-z0-9][A-Za-z0-9_-]*)\.ya?ml$/;

/** The built-in model's root file: `packages/model/model/endgame.yaml`. */
export function defaultModelPath(): string {
  return `${packagePath('../model/')}/endgame.yaml`;
}

/** The built-in presets folder: `packages/model/presets`. */
export function defaultPresetsDir(): string {
  return packagePath('../presets/');
}

/** Preset names → file paths in the folder, sorted by name. */
function presetFiles(options: PresetOptions): Map<string, string> {
  const dir = options.dir ?? defaultPresetsDir();
  const names = (options.listDir ?? nodeListDir)(dir)
    .map((file) => [PRESET_FILE.exec(file), file] as const)
    .filter(([match]) => match !== null)
    .map(([match, file]) => [match![1], `${dir}/${file}`] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return new Map(names);
}

/** The names of the presets in the folder, sorted. */
export function presetNames(options: PresetOptions = {}): string[] {
  return [...presetFiles(options).keys()];
}

/** The file of preset `name`, or undefined when there is none. */
export function resolvePreset(name: string, options: PresetOptions = {}): string | undefined {
  return presetFiles(options).get(name);
}

/** True when `path` is a file in the presets folder (then it is validated as a preset). */
export function isPresetFile(path: string, options: PresetOptions = {}): boolean {
  return [...presetFiles(options).values()].includes(path);
}

/**
 * Every preset with its one-line description, sorted by name. A preset that
 * does not load says why instead of a description (the list still prints).
 */
export function listPresets(options: PresetOptions = {}): PresetInfo[] {
  const readFile = options.readFile ?? nodeReadFile;
  const resolve = (name: string) => resolvePreset(name, options);
  return [...presetFiles(options)].map(([name, path]) => {
    try {
      const scenario = loadScenario(path, { readFile, resolvePreset: resolve });
      return { name, description: oneLine(scenario.description) };
    } catch (err) {
      return { name, description: `(does not load: ${oneLine(err instanceof Error ? err.message : String(err))})` };
    }
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
