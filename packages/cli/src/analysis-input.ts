/**
 * What the analysis commands (`sensitivity`, `grid`, `optimize`) run: INPUT
 * (a preset, scenario file or model file, resolved as `run` does) as a
 * compiled model plus the scenario's base settings and uncertainty, and the
 * parsing of the flags they share (`PARAM:lo:hi[:n]`, `--n`, `--seed`,
 * `--workers`).
 */
import type { CompiledModel, Warning } from '@endgame/engine';
import { CliError, EXIT } from './errors.js';
import { presetOptions } from './model-args.js';
import { assertReadableFile } from './model-input.js';

/** The analysis package's runner job base settings. */
export type JobBase = import('@endgame/analysis').RunnerJob['base'];

/** A resolved INPUT for an analysis command. */
export interface AnalysisInput {
  /** The scenario's (or model's) name. */
  name: string;
  compiled: CompiledModel;
  /** Settings every run shares (the scenario's set:, paths, triggers, periods, dt). */
  base: JobBase;
  /** The params the scenario fixes with `set:`. */
  set: Record<string, number>;
  /** The scenario's `uncertainty:` block. */
  uncertainty: Record<string, { range: [number, number]; dist?: string; shape?: [number, number] }>;
  warnings: Warning[];
}

/** Resolves INPUT as `endgame run` does (preset, scenario file with `extends:`, or model file). */
export async function loadAnalysisInput(input: string): Promise<AnalysisInput> {
  const model = await import('@endgame/model');
  const engine = await import('@endgame/engine');
  if (model.isFileInput(input)) assertReadableFile(input);
  const options = presetOptions();
  const resolved = model.resolveInput(input, options);
  if (resolved.kind === 'model') {
    const { compiled } = model.compiledModel(resolved.path);
    return { name: compiled.name, compiled, base: {}, set: {}, uncertainty: {}, warnings: [] };
  }
  const scenario = engine.loadScenario(resolved.path, {
    resolvePreset: (name: string) => model.resolvePreset(name, options),
  });
  const { compiled } = model.compiledModel(model.modelPathFor(input, options));
  const warnings = engine.validateScenario(scenario, engine.scenarioModelInfo(compiled), resolved.mode);
  return { ...scenarioSettings(scenario, compiled, model.monthsBetween), warnings };
}

/**
 * What a resolved scenario sets for every run of `compiled`: its name, the
 * runner's base settings (set:, paths, triggers, periods from `to:`, dt),
 * the params it fixes and its uncertainty block.
 */
export function scenarioSettings(
  scenario: import('@endgame/engine').ResolvedScenario,
  compiled: CompiledModel,
  monthsBetween: (from: string, to: string) => number,
): Omit<AnalysisInput, 'warnings'> {
  const dt = scenario.dt ?? compiled.dt;
  let periods = scenario.periods;
  if (periods === undefined && scenario.to && compiled.startMonth) {
    periods = (monthsBetween(compiled.startMonth, scenario.to) + 1) * Math.round(1 / 12 / dt);
  }
  const base: JobBase = {
    params: scenario.set,
    paths: scenario.paths,
    triggers: scenario.triggers,
    ...(periods === undefined ? {} : { periods }),
    ...(scenario.dt === undefined ? {} : { dt: scenario.dt }),
  };
  return { name: scenario.name, compiled, base, set: scenario.set, uncertainty: scenario.uncertainty };
}

/** A param range from the command line: `PARAM:lo:hi` (and `:n` for grid axes). */
export interface ParamRange {
  name: string;
  lo: number;
  hi: number;
  n?: number;
}

/**
 * Parses `PARAM:lo:hi` (or `PARAM:lo:hi:n` with `withCount`), checking the
 * param exists in `compiled` and lo < hi; one-line errors name the flag.
 */
export function parseParamRange(text: string, flag: string, compiled: CompiledModel, withCount: boolean): ParamRange {
  const parts = text.split(':');
  const shape = withCount ? 'PARAM:lo:hi:n, e.g. diffusion_time:2:12:6' : 'PARAM:lo:hi, e.g. ubi_amount:0:15';
  const numbers = parts.slice(1).map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (parts.length !== (withCount ? 4 : 3) || numbers.some((v) => !Number.isFinite(v))) {
    throw new CliError(`bad ${flag} '${text}': expected ${shape}`, EXIT.usage);
  }
  const name = parts[0].trim();
  const slot = compiled.slots.find((s) => s.name === name);
  if (slot?.kind !== 'param' || name.startsWith('__')) {
    const what = slot ? `a ${slot.kind === 'variable' ? 'variable' : 'internal series'}, not a param` : 'not a param';
    throw new CliError(
      `bad ${flag} '${text}': '${name}' is ${what} of model '${compiled.name}' (list them with: endgame vars INPUT)`,
      EXIT.usage,
    );
  }
  const [lo, hi, n] = numbers;
  if (lo >= hi) throw new CliError(`bad ${flag} '${text}': impossible range ${lo}..${hi}; give lo < hi`, EXIT.usage);
  if (withCount && (!Number.isInteger(n) || n < 1)) {
    throw new CliError(`bad ${flag} '${text}': the number of points must be a whole number ≥ 1, got ${n}`, EXIT.usage);
  }
  return withCount ? { name, lo, hi, n } : { name, lo, hi };
}

/** Parses a whole-number option ≥ `min` (`--n`, `--workers`, `--robust`, `--restarts`). */
export function parseCount(text: string, flag: string, min = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new CliError(`bad ${flag} '${text}': expected a whole number ≥ ${min}`, EXIT.usage);
  }
  return value;
}

/** Parses `--seed` (a whole number from 0 to 2^32 − 1). */
export function parseSeed(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
    throw new CliError(`bad --seed '${text}': expected a whole number from 0 to 4294967295`, EXIT.usage);
  }
  return value;
}

/** Prints the scenario's warnings on stderr. */
export function printWarnings(warnings: readonly Warning[]): void {
  for (const warning of warnings) process.stderr.write(`endgame: warning: ${warning.message}\n`);
}
